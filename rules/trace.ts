/**
 * The trace of an evaluation as the API answers it: `POST /rules/simulate` returns the trigger cycle's outcome, and
 * `GET /tickets/{id}/trace` the traces recorded by the trigger-evaluation and time-rule activities. Every object is
 * closed (strict), so the API document describes the trace exactly; the type checks at the end of this file stop
 * compiling when a producer (`cycle.ts`, `evaluation.ts`, `time-rules.ts`) emits something these schemas do not
 * describe.
 *
 * @module
 */
import { z } from 'zod';
import { TicketEventType, TicketPriority, TicketStatus } from '../domain/schemas';
import type { AppliedResult as ProducedAppliedResult, CycleOutcome, PassTrace as ProducedPassTrace, PendingSideEffect as ProducedSideEffect } from './cycle';
import type { ConditionOutcome as ProducedConditionOutcome, GroupOutcome as ProducedGroupOutcome } from './evaluation';
import {
  CallbackUrlResult,
  ConditionOperator,
  ConditionValue,
  DoorayNotifyResult,
  ForwardEmailResult,
  GROUP_KINDS,
  NotifyEmailResult,
  ResultTypeName,
} from './model';
import type { PlannedTimer as ProducedPlannedTimer } from './time-rules';

const Index = z.int().nonnegative();
/** Where a row or group stands among a trigger's conditions. */
const ConditionPath = z.array(z.union([z.string(), Index]));

/** A ticket value a condition read: a snapshot value, a list (tags, the intake type's ancestors), or null when absent. */
const ReadValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** What a condition compared: the value read, or for a change operator the value before and after (absent when unset). */
export const ComparedValue = z
  .union([ReadValue, z.strictObject({ before: ReadValue.optional(), after: ReadValue.optional() })])
  .meta({ description: 'The ticket value compared; `{ before, after }` for change operators, null when absent.' });

/** The outcome of one condition row. */
export const ConditionOutcome = z
  .strictObject({
    group: z.enum(['all', 'any']),
    index: Index.meta({ description: 'Position of the row, or of the group it stands in, within its top-level list.' }),
    path: ConditionPath.optional().meta({ description: 'For a row inside a group: where it stands, e.g. `["all", 0, "any", 1]`.' }),
    field: z.string(),
    operator: ConditionOperator,
    expected: ConditionValue.nullable().meta({ description: "The row's constant; null for operators without one." }),
    actual: ComparedValue,
    held: z.boolean(),
  })
  .meta({ id: 'ConditionOutcome', description: 'One condition row: what it compared and whether it held.' });

/** The outcome of one condition group. */
export const GroupOutcome = z
  .strictObject({ path: ConditionPath, kind: z.enum(GROUP_KINDS), held: z.boolean() })
  .meta({ id: 'GroupOutcome', description: 'One condition group (all, any, not) and whether it held.' });

const IdOrNone = z.string().nullable();
const pair = <T extends z.ZodType>(value: T) => z.tuple([value, value]);

/** The ticket fields a result or a time rule changed, each as `[before, after]`. */
export const FieldChanges = z
  .strictObject({
    status: pair(TicketStatus).optional(),
    priority: pair(TicketPriority).optional(),
    groupId: pair(IdOrNone).optional(),
    assigneeId: pair(IdOrNone).optional(),
    intakeTypeId: pair(IdOrNone).optional(),
    tags: pair(z.array(z.string())).optional(),
  })
  .meta({ id: 'FieldChanges', description: 'Ticket fields that changed, each as `[before, after]`.' });

const SideEffectType = z.enum(['notifyEmail', 'forwardEmail', 'callbackUrl', 'doorayNotify']);

/** A state-changing result a trigger applied, with what it changed. */
export const AppliedResult = z
  .strictObject({
    triggerId: z.string(),
    resultIndex: Index,
    type: ResultTypeName,
    changes: FieldChanges,
    note: z.string().optional().meta({ description: 'Why a result changed less than asked, e.g. no agent available.' }),
  })
  .meta({ id: 'AppliedResult' });

/** One trigger of a pass: whether it fired, and every condition's outcome. */
export const TriggerOutcome = z
  .strictObject({
    triggerId: z.string(),
    title: z.string(),
    fired: z.boolean(),
    skippedAlreadyFired: z.boolean().meta({ description: 'Its conditions held, but it had fired in an earlier pass.' }),
    conditions: z.array(ConditionOutcome),
    groups: z.array(GroupOutcome).optional().meta({ description: 'Every condition group; absent for a trigger of rows only.' }),
  })
  .meta({ id: 'TriggerOutcome' });

/** One pass of the trigger cycle. */
export const PassTrace = z
  .strictObject({ pass: z.int().positive(), triggers: z.array(TriggerOutcome), applied: z.array(AppliedResult) })
  .meta({ id: 'PassTrace', description: 'Every trigger listening to the event, then the results applied in order.' });

/** A side-effect result of a trigger. */
export const SideEffectResult = z.discriminatedUnion('type', [
  NotifyEmailResult,
  ForwardEmailResult,
  CallbackUrlResult,
  DoorayNotifyResult,
]);

/** A side effect the cycle collected, to run once it is over. */
export const PendingSideEffect = z
  .strictObject({ index: Index, triggerId: z.string(), title: z.string(), resultIndex: Index, result: SideEffectResult })
  .meta({ id: 'PendingSideEffect' });

/** The trigger cycle's outcome without the final ticket: what `POST /rules/simulate` answers as `trace`. */
export const SimulationTrace = z
  .strictObject({
    event: TicketEventType,
    skipped: z.literal('closed').nullable().meta({ description: '`closed` when the ticket is closed, which runs no triggers.' }),
    passes: z.array(PassTrace),
    capped: z.boolean().meta({ description: 'The cycle stopped at the pass limit while results still changed the ticket.' }),
    changes: FieldChanges,
    sideEffects: z.array(PendingSideEffect),
  })
  .meta({ id: 'SimulationTrace' });

/** The trace the trigger-evaluation activity records for a created or updated event. */
export const TriggerCycleTrace = z
  .strictObject({
    skipped: SimulationTrace.shape.skipped,
    capped: SimulationTrace.shape.capped,
    passes: z.array(PassTrace),
    changes: FieldChanges,
    sideEffects: z.array(
      z.strictObject({ index: Index, triggerId: z.string(), title: z.string(), resultIndex: Index, type: SideEffectType }),
    ),
  })
  .meta({ id: 'TriggerCycleTrace' });

/** The time rule that fired: an SLA target stage or an automation. */
export const PlannedTimer = z
  .strictObject({
    key: z.string(),
    at: z.string(),
    kind: z.enum(['sla', 'automation']),
    target: z.enum(['first_response', 'resolution']).optional(),
    stage: z.enum(['at_risk', 'breached']).optional(),
    automationId: z.string().optional(),
    automationKind: z.enum(['complete_resolved', 'remind_on_hold']).optional(),
  })
  .meta({ id: 'PlannedTimer' });

/** The trace the time-rule activity records when a time rule fires. */
export const TimeRuleTrace = z
  .strictObject({
    timeRule: PlannedTimer,
    policyTitle: z.string().nullable(),
    applied: z.array(
      z.strictObject({ index: Index, type: ResultTypeName, changes: FieldChanges, note: z.string().optional() }),
    ),
    changes: FieldChanges,
    sideEffects: z.array(z.strictObject({ index: Index, type: SideEffectType })),
  })
  .meta({ id: 'TimeRuleTrace' });

export type TriggerCycleTrace = z.infer<typeof TriggerCycleTrace>;
export type TimeRuleTrace = z.infer<typeof TimeRuleTrace>;
export type SimulationTrace = z.infer<typeof SimulationTrace>;
/** Name of a side-effect result type. */
export type SideEffectType = z.infer<typeof SideEffectType>;
export { SideEffectType };

/** The schema's type fits what the producer emits, and names every property the producer has. */
type Describes<Schema, Produced> = [Schema] extends [Produced]
  ? [keyof Produced] extends [keyof Schema]
    ? true
    : false
  : false;
type Assert<T extends true> = T;

/** Stops compiling when a producer of a trace emits a property, or a type, these schemas do not describe. */
export type TraceSchemasDescribeProducers = [
  Assert<Describes<z.infer<typeof ConditionOutcome>, ProducedConditionOutcome>>,
  Assert<Describes<z.infer<typeof GroupOutcome>, ProducedGroupOutcome>>,
  Assert<Describes<z.infer<typeof TriggerOutcome>, ProducedPassTrace['triggers'][number]>>,
  Assert<Describes<z.infer<typeof PassTrace>, ProducedPassTrace>>,
  Assert<Describes<z.infer<typeof AppliedResult>, ProducedAppliedResult>>,
  Assert<Describes<z.infer<typeof PendingSideEffect>, ProducedSideEffect>>,
  Assert<Describes<SimulationTrace, Omit<CycleOutcome, 'ticket'>>>,
  Assert<Describes<z.infer<typeof PlannedTimer>, ProducedPlannedTimer>>,
  Assert<Describes<SideEffectType, ProducedSideEffect['result']['type']>>,
];
