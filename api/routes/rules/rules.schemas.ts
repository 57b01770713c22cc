import { z } from '@hono/zod-openapi';
import { TicketEventType } from '../../../domain/schemas';
import { TicketSnapshot } from '../../../rules';
import { RuleCatalogue } from '../../../rules/catalogue';
import { SideEffectType, SimulationTrace, TimeRuleTrace, TriggerCycleTrace } from '../../../rules/trace';
import { SIDE_EFFECT_STATUSES } from '../../../store/evaluations';

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
  .strictObject({
    version: z.strictObject({ id: z.string(), number: z.int().nullable() }),
    event: TicketEventType,
    ticket: z.strictObject(TicketSnapshot.shape).openapi({ description: 'The ticket after the results applied.' }),
    trace: SimulationTrace,
  })
  .openapi('Simulation');

const SideEffectDetail = z
  .union([
    z.strictObject({ recipients: z.array(z.string()) }).openapi({ description: 'A mail: its recipients.' }),
    z.strictObject({ httpStatus: z.int() }).openapi({ description: 'A callback URL or Dooray! hook: the HTTP status it answered.' }),
  ])
  .nullable()
  .openapi({ description: 'What the receiver answered to the delivery that succeeded; null until then, or when skipped.' });

export const DeliveredSideEffect = z
  .strictObject({
    index: z.int().nonnegative(),
    triggerId: z.string().openapi({ description: 'The trigger, or the time-rule key, that asked for the effect.' }),
    type: SideEffectType,
    status: z.enum(SIDE_EFFECT_STATUSES),
    attempts: z.int().nonnegative(),
    lastError: z.string().nullable(),
    detail: SideEffectDetail,
  })
  .openapi('DeliveredSideEffect');

const evaluation = {
  evaluation: z.int().positive(),
  versionId: z.string().nullable(),
  versionNumber: z.int().nullable(),
  at: z.string(),
  sideEffects: z.array(DeliveredSideEffect),
};

export const TriggerEvaluationTrace = z
  .discriminatedUnion('event', [
    z
      .strictObject({
        ...evaluation,
        event: z.enum(['created', 'updated']),
        evaluator: z.enum(['fast', 'reference']),
        trace: TriggerCycleTrace,
      })
      .openapi('TriggerCycleEvaluation', { description: 'The trigger cycle run on a created or updated event.' }),
    z
      .strictObject({ ...evaluation, event: z.literal('time_rule'), evaluator: z.literal('time_rule'), trace: TimeRuleTrace })
      .openapi('TimeRuleEvaluation', { description: 'A time rule (SLA stage or automation) firing.' }),
  ])
  .openapi('TriggerEvaluationTrace');

export { RuleCatalogue };
