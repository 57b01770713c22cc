/**
 * The stored, portable form of a trigger: a json-rules-engine rule definition (`RuleProperties`).
 *
 * ```
 * { name: <trigger id>, priority: 1,
 *   conditions: { all: [ { all: [<must-match entries>] }, { any: [<optional entries>] } ] },
 *   event: { type: 'contactflow.trigger', params: { id, title, enabled, position, events, results } } }
 * ```
 *
 * An entry is a row's condition or a nested group in json-rules-engine's own shape (`{ all: [...] }`,
 * `{ any: [...] }`, `{ not: entry }`), exactly as the trigger model nests them.
 *
 * A row on the current ticket reads fact `ticket` at a `path`; a change row reads the derived fact
 * `change` (`{ before, after }` from facts `previous` and `ticket` at `params.path`). Every rule and
 * condition has the same priority on purpose: json-rules-engine only short-circuits between priority
 * levels, so one level means every condition is evaluated and the trace is complete, while trigger
 * order comes from `position`, not from the engine.
 *
 * @module
 */
import { z } from 'zod';
import { ConditionOperator, ConditionValue, CustomFieldValueType } from './model';

/** Fact holding the ticket snapshot after the event. */
export const TICKET_FACT = 'ticket';
/** Fact holding the snapshot before an update; null on creation. */
export const PREVIOUS_FACT = 'previous';
/** Fact holding the event type (`created` or `updated`). */
export const EVENT_FACT = 'event';
/** Derived fact: `{ before, after }` at `params.path`, or null when there is no previous snapshot. */
export const CHANGE_FACT = 'change';
/** json-rules-engine event type of every trigger rule. */
export const TRIGGER_EVENT_TYPE = 'contactflow.trigger';
/** The one rule priority used by every stored trigger. */
export const RULE_PRIORITY = 1;

const ValueTypeParams = z.strictObject({ valueType: CustomFieldValueType });

/** A stored condition on the current ticket. */
export const StoredSnapshotCondition = z.strictObject({
  fact: z.literal(TICKET_FACT),
  path: z.string(),
  operator: ConditionOperator,
  // json-rules-engine requires a value on every condition, so operators without one store null.
  value: ConditionValue.nullable(),
  params: ValueTypeParams.optional(),
});

/** A stored condition comparing the previous ticket with the current one. */
export const StoredChangeCondition = z.strictObject({
  fact: z.literal(CHANGE_FACT),
  params: z.strictObject({ path: z.string(), valueType: CustomFieldValueType.optional() }),
  operator: ConditionOperator,
  value: ConditionValue.nullable(),
});

/** A stored condition. */
export const StoredCondition = z.discriminatedUnion('fact', [StoredSnapshotCondition, StoredChangeCondition]);
/** A stored condition. */
export type StoredCondition = z.infer<typeof StoredCondition>;

/** A stored entry: a condition, or a nested group of entries. */
export type StoredEntry = StoredCondition | { all: StoredEntry[] } | { any: StoredEntry[] } | { not: StoredEntry };
/** A stored entry: a condition, or a nested group of entries. */
export const StoredEntry: z.ZodType<StoredEntry> = z.lazy(() =>
  z.union([
    StoredCondition,
    z.strictObject({ all: z.array(StoredEntry) }),
    z.strictObject({ any: z.array(StoredEntry) }),
    z.strictObject({ not: StoredEntry }),
  ]),
);

/** The json-rules-engine rule definition of one trigger, checked for the structure this module produces. */
export const StoredRule = z.strictObject({
  name: z.string(),
  priority: z.literal(RULE_PRIORITY).optional(),
  conditions: z.strictObject({
    all: z.tuple([
      z.strictObject({ all: z.array(StoredEntry) }),
      z.strictObject({ any: z.array(StoredEntry) }),
    ]),
  }),
  event: z.strictObject({ type: z.literal(TRIGGER_EVENT_TYPE), params: z.record(z.string(), z.unknown()) }),
});
/** The json-rules-engine rule definition of one trigger. */
export type StoredRule = z.infer<typeof StoredRule>;

/** The snapshot path a stored condition reads. */
export function storedPath(condition: StoredCondition): string {
  return condition.fact === CHANGE_FACT ? condition.params.path : condition.path;
}
