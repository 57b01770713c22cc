/**
 * Bulk-job schemas (일괄 처리): up to 1,000 selected tickets and one action for all of them.
 */
import { z } from '@hono/zod-openapi';
import { MAX_BULK_TICKETS } from '../../../domain/bulk';
import { InternalResolveReason, TicketPriority } from '../../../domain/schemas';
import { Id, pathId } from '../../params';

const Body = z.string().trim().min(1).max(100_000);
const Tag = z.string().trim().min(1).max(50);

export const BulkAction = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('resolve'), body: Body, resolutionTypeId: Id.optional() }),
    z.strictObject({ kind: z.literal('hold'), body: Body }),
    z.strictObject({ kind: z.literal('comment'), body: Body, internal: z.boolean().default(false) }),
    z.strictObject({ kind: z.literal('forward'), groupId: Id, agentId: Id.optional() }),
    z.strictObject({ kind: z.literal('priority'), priority: TicketPriority }),
    z
      .strictObject({ kind: z.literal('tags'), add: z.array(Tag).max(20).default([]), remove: z.array(Tag).max(20).default([]) })
      .refine((action) => action.add.length + action.remove.length > 0, 'Give tags to add or remove.'),
    z.strictObject({ kind: z.literal('internal_resolve'), reason: InternalResolveReason, note: z.string().trim().max(2000).optional() }),
    z.strictObject({ kind: z.literal('spam'), note: z.string().trim().max(2000).optional() }),
  ])
  .openapi('BulkAction', {
    description:
      'resolve and hold answer the customer (refused up front when a ticket has no assignee); forward reassigns; ' +
      'priority and tags edit; internal_resolve and spam resolve without answering.',
  });

export const NewBulkJobBody = z
  .strictObject({
    ticketIds: z
      .array(Id)
      .min(1)
      .max(MAX_BULK_TICKETS)
      .refine((ids) => new Set(ids).size === ids.length, 'ticketIds must not repeat a ticket'),
    action: BulkAction,
  })
  .openapi('NewBulkJob');

export const BulkJob = z
  .object({
    id: z.string(),
    actorId: z.string(),
    action: z.record(z.string(), z.unknown()),
    total: z.number().int(),
    done: z.number().int(),
    refused: z.number().int(),
    pending: z.number().int(),
    status: z.enum(['running', 'finished']),
    refusals: z.array(z.object({ ticketId: z.string(), code: z.string(), message: z.string() })).openapi({
      description: 'Tickets whose command was refused, in selection order, with the refusal’s error code.',
    }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('BulkJob');

export const BulkJobParams = z.object({ id: pathId('id', 'B1603851004648zfnA') });
