/**
 * The audit log (권한 변경 로그) as the API shows it: newest first, keyset-paginated.
 */
import { z } from '@hono/zod-openapi';
import { ActorRef } from '../../../domain/schemas';

export const AuditEntry = z
  .object({
    id: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actor: ActorRef.nullable().openapi({ description: 'An agent, or an API client with its owner; null for the bootstrap entry.' }),
    action: z.string().openapi({ example: 'agent.permissions_changed' }),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }).openapi('AuditPage');
