import { z } from '@hono/zod-openapi';
import { TicketEventType } from '../../../domain/schemas';
import { TicketSnapshot } from '../../../rules';
import { EVALUATION_EVENTS, SIDE_EFFECT_STATUSES } from '../../../store/evaluations';

export const SimulateBody = z
  .strictObject({
    serviceId: z.string().min(1).max(64),
    version: z
      .string()
      .min(1)
      .max(64)
      .default('draft')
      .openapi({ description: '`draft` (the unpublished drafts), `published` (what runs now) or a version id.' }),
    ticketId: z.string().min(1).max(64).optional().openapi({ description: 'A stored ticket to run against.' }),
    ticket: TicketSnapshot.partial().strict().optional().openapi({ description: 'A ticket snapshot; omitted fields take defaults.' }),
    previous: TicketSnapshot.partial().strict().optional().openapi({ description: 'The ticket before the change, for `updated`.' }),
    event: TicketEventType.optional().openapi({ description: 'Defaults to `updated` with a previous snapshot, else `created`.' }),
  })
  .refine((body) => (body.ticketId === undefined) !== (body.ticket === undefined), {
    message: 'Give either ticketId or ticket.',
    path: ['ticketId'],
  })
  .openapi('SimulateRules');

export const Simulation = z
  .object({
    version: z.object({ id: z.string(), number: z.number().nullable() }),
    event: TicketEventType,
    ticket: TicketSnapshot,
    trace: z.record(z.string(), z.unknown()),
  })
  .openapi('Simulation');

export const TriggerEvaluationTrace = z
  .object({
    evaluation: z.number(),
    event: z.enum(EVALUATION_EVENTS),
    versionId: z.string().nullable(),
    versionNumber: z.number().nullable(),
    evaluator: z.string(),
    at: z.string(),
    trace: z.record(z.string(), z.unknown()),
    sideEffects: z.array(
      z.object({
        index: z.number(),
        triggerId: z.string(),
        type: z.string(),
        status: z.enum(SIDE_EFFECT_STATUSES),
        attempts: z.number(),
        lastError: z.string().nullable(),
        detail: z.unknown(),
      }),
    ),
  })
  .openapi('TriggerEvaluationTrace');
