/**
 * Agent account schemas (상담원): role, per-agent permissions and group membership, which is required.
 */
import { z } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../../domain/people';
import { Permission, Role } from '../../../domain/schemas';
import { Id, pathId } from '../../params';

export const AgentAccount = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    permissions: z.array(Permission),
    active: z.boolean(),
    groupIds: z.array(z.string()).openapi({ description: 'Groups in the order the agent joined them.' }),
    createdAt: z.string(),
  })
  .openapi('AgentAccount');
export type AgentAccount = z.infer<typeof AgentAccount>;

const Name = z.string().trim().min(1).max(100);
const Permissions = z.array(Permission).max(PERMISSIONS.length * 2);

export const NewAgentBody = z
  .strictObject({
    email: z.string().trim().email().max(254),
    name: Name,
    role: Role.default('agent'),
    permissions: Permissions.default([]),
    groupIds: z
      .array(Id)
      .min(1, 'An agent must belong to at least one group.')
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'groupIds must not repeat a group'),
    password: z.string().min(8).max(200),
  })
  .openapi('NewAgent');

export const AgentChangesBody = z
  .strictObject({ name: Name.optional(), role: Role.optional(), permissions: Permissions.optional(), active: z.boolean().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one of name, role, permissions, active.')
  .openapi('AgentChanges');

export const AgentParams = z.object({ id: pathId('id', 'A1603851004648zfnA') });
