/**
 * Callback request schemas: intake by the phone system, the lists, the commands, assignment and the processing status.
 */
import { z } from '@hono/zod-openapi';
import { ActorRef } from '../../../domain/schemas';
import { CallbackAssignMode, CallbackOutcome, CallbackStatus, PhoneNumber, PhonePresence } from '../../../domain/callback-schemas';
import { CALLBACK_STATS_GROUPS } from '../../../domain/callback';
import { isTimeZone } from '../../../rules/business-hours';

const Id = z.string().min(1).max(64);
const Note = z.string().trim().max(2000).optional();
const Timezone = z.string().max(64).refine(isTimeZone, 'expected an IANA time zone such as Asia/Seoul').default('UTC');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const CallbackParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'C1606890303000aBcD' }) });

export const Callback = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    route: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    phone: z.string(),
    customerRef: z.string().nullable(),
    requestedAt: z.string(),
    status: CallbackStatus,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    assigner: ActorRef.nullable(),
    assignedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    attempts: z.number(),
    ticketId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Callback');
export type Callback = z.infer<typeof Callback>;

export const NewCallbackBody = z
  .strictObject({
    routeCode: z.string().trim().min(1).max(64).openapi({ description: 'The IVR route code (IVR Route 코드) the customer called through.' }),
    phone: PhoneNumber,
    requestedAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the customer asked to be called; defaults to now. Not in the past by more than a minute.' }),
    customerRef: z.string().trim().min(1).max(200).optional().openapi({ description: "The company's own customer id, if the phone system knows it." }),
  })
  .openapi('NewCallback');

export const NewCallbackHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Retrying an intake with the same key (and body) returns the same request instead of a new one.' }),
});

export const CreatedCallback = Callback.extend({
  answerUrl: z.string().nullable().openapi({ description: 'A signed URL the phone system may POST the outcome of a call to (`{ "outcome": "answered" }`).' }),
}).openapi('CreatedCallback');

export const CallbackListQuery = z.object({
  serviceId: Id.optional(),
  from: Day.optional().openapi({ description: 'First day of the period (in `timezone`).' }),
  to: Day.optional().openapi({ description: 'Last day of the period, included.' }),
  timezone: Timezone,
  routeId: Id.optional(),
  status: CallbackStatus.optional(),
  phone: z.string().trim().regex(/^[0-9+ -]{1,32}$/, 'digits of a phone number').optional(),
  assignerId: Id.optional(),
  assigneeId: Id.optional(),
  ticketId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const CallbackPage = z.object({ items: z.array(Callback), nextCursor: z.string().nullable() }).openapi('CallbackPage');

export const CallbackEvent = z
  .object({ seq: z.number(), kind: z.string(), actorId: z.string().nullable(), actor: ActorRef.nullable(), changes: z.record(z.string(), z.unknown()), at: z.string() })
  .openapi('CallbackEvent');

export const ConnectBody = z.strictObject({ outcome: CallbackOutcome, note: Note }).openapi('ConnectCallback');
export const CompleteBody = z.strictObject({ note: Note }).openapi('CompleteCallback');
export const RegisterHistoryBody = z
  .strictObject({
    subject: z.string().trim().min(1).max(500).optional(),
    content: z.string().trim().min(1).max(100_000).optional(),
    intakeTypeId: Id.optional(),
  })
  .openapi('RegisterCallbackHistory');

export const AssignBody = z
  .strictObject({
    callbackIds: z.array(Id).min(1).max(200),
    agentIds: z.array(Id).min(1).max(100),
    mode: CallbackAssignMode,
    loggedInOnly: z.boolean().default(false).openapi({ description: 'Even assignment only: keep to agents logged in to the phone system (CTI).' }),
  })
  .refine((body) => body.mode === 'even' || body.agentIds.length === 1, { path: ['agentIds'], message: 'manual assignment names exactly one agent' })
  .openapi('AssignCallbacks');

export const CancelAssignmentBody = z.strictObject({ callbackIds: z.array(Id).min(1).max(200) }).openapi('CancelCallbackAssignments');

export const BatchOutcome = z
  .object({
    done: z.array(z.object({ callbackId: z.string(), agentId: z.string().nullable() })),
    skipped: z.array(z.object({ callbackId: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('CallbackBatchOutcome');

export const StatsQuery = z.object({
  serviceId: Id.optional(),
  from: Day,
  to: Day,
  timezone: Timezone,
  groupBy: z.enum(CALLBACK_STATS_GROUPS).default('day'),
  routeId: Id.optional(),
  assigneeId: Id.optional(),
});

// The formats of infra/tabular, spelt out so the studio's type check never reaches Node's stream types.
export const StatsExportQuery = StatsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

const StatsRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number(),
  assigned: z.number(),
  completed: z.number(),
  unprocessed: z.number(),
  completionRate: z.number().nullable(),
  attempts: z.number(),
});
export const CallbackStats = z.object({ rows: z.array(StatsRow), total: StatsRow }).openapi('CallbackStats');
export type CallbackStats = z.infer<typeof CallbackStats>;

export const PresenceParams = z.object({ agentId: Id.openapi({ param: { name: 'agentId', in: 'path' } }) });
export const PresenceBody = z.strictObject({ presence: PhonePresence }).openapi('SetPhonePresence');
export const Presence = z
  .object({ agentId: z.string(), name: z.string(), presence: PhonePresence, updatedAt: z.string().nullable() })
  .openapi('PhonePresence');
