/**
 * The rule compiler: trigger model in, json-rules-engine `RuleProperties` out, and back. Pure: no I/O,
 * and user text only ever becomes data, never code.
 *
 * @module
 */
import type { RuleProperties } from 'json-rules-engine';
import { isGroup } from './condition-tree';
import type { ConditionEntry, ConditionRow, Trigger } from './model';
import {
  CHANGE_FACT,
  RULE_PRIORITY,
  StoredRule,
  TICKET_FACT,
  TRIGGER_EVENT_TYPE,
  storedPath,
  type StoredCondition,
  type StoredEntry,
} from './stored-form';
import {
  CHANGE_OPERATORS,
  VALUELESS_OPERATORS,
  conditionPath,
  conditionTarget,
  fieldOfPath,
  type ConditionTarget,
} from './targets';
import { InvalidTriggerError, issuesFromZod, parseTrigger } from './validate';

/** A stored rule read back: the trigger it encodes and its conditions as stored, entry for entry. */
export interface ReadRule {
  readonly trigger: Trigger;
  readonly conditions: { readonly all: readonly StoredEntry[]; readonly any: readonly StoredEntry[] };
}

/** Compiles a trigger into its stored form; throws {@link InvalidTriggerError} when it does not validate. */
export function compileTrigger(trigger: Trigger): RuleProperties {
  const parsed = parseTrigger(trigger);
  if (!parsed.ok) throw new InvalidTriggerError(parsed.issues);
  const { id, title, enabled, position, events, conditions, results } = parsed.trigger;
  const rule: StoredRule = {
    name: id,
    priority: RULE_PRIORITY,
    conditions: { all: [{ all: conditions.all.map(compileEntry) }, { any: conditions.any.map(compileEntry) }] },
    event: { type: TRIGGER_EVENT_TYPE, params: { id, title, enabled, position, events, results } },
  };
  return rule;
}

function compileEntry(entry: ConditionEntry): StoredEntry {
  if (!isGroup(entry)) return compileCondition(entry);
  if ('not' in entry) return { not: compileEntry(entry.not) };
  if ('all' in entry) return { all: entry.all.map(compileEntry) };
  return { any: entry.any.map(compileEntry) };
}

function compileCondition(row: ConditionRow): StoredCondition {
  const target = conditionTarget(row.field, row.valueType) as ConditionTarget;
  const value = row.value ?? null;
  if (CHANGE_OPERATORS.has(row.operator)) {
    const params = row.valueType ? { path: target.path, valueType: row.valueType } : { path: target.path };
    return { fact: CHANGE_FACT, params, operator: row.operator, value };
  }
  const path = conditionPath(target, row.operator);
  const condition: StoredCondition = { fact: TICKET_FACT, path, operator: row.operator, value };
  return row.valueType ? { ...condition, params: { valueType: row.valueType } } : condition;
}

/** Reads a stored rule back into the trigger it was compiled from; `decompileRule(compileTrigger(t))` equals `t`. */
export function decompileRule(rule: RuleProperties): Trigger {
  return readRule(rule).trigger;
}

/**
 * Reads and fully validates a stored rule. Throws {@link InvalidTriggerError} for anything
 * {@link compileTrigger} would not have produced, so evaluators only ever run well-formed rules.
 */
export function readRule(rule: RuleProperties): ReadRule {
  const stored = StoredRule.safeParse(rule);
  if (!stored.success) throw new InvalidTriggerError(issuesFromZod(stored.error));
  const [{ all: allConditions }, { any: anyConditions }] = stored.data.conditions.all;
  const entries = (stored: StoredEntry[], group: 'all' | 'any') =>
    stored.map((entry, index) => decompileEntry(entry, ['conditions', 'all', group === 'all' ? 0 : 1, group, index]));
  const candidate = {
    ...stored.data.event.params,
    conditions: { all: entries(allConditions, 'all'), any: entries(anyConditions, 'any') },
  };
  const parsed = parseTrigger(candidate);
  if (!parsed.ok) throw new InvalidTriggerError(parsed.issues);
  if (parsed.trigger.id !== stored.data.name) {
    throw new InvalidTriggerError([
      {
        path: ['name'],
        code: 'shape.invalid_value',
        message: `rule name "${stored.data.name}" differs from trigger id "${parsed.trigger.id}"`,
      },
    ]);
  }
  return { trigger: parsed.trigger, conditions: { all: allConditions, any: anyConditions } };
}

/** The entry a stored entry came from; throws {@link InvalidTriggerError} at `at` for a condition no row compiles to. */
function decompileEntry(entry: StoredEntry, at: (string | number)[]): ConditionEntry {
  if ('fact' in entry) {
    const row = decompileCondition(entry);
    if (row) return row;
    const message = `stored condition reads "${storedPath(entry)}" in a way no condition row compiles to`;
    throw new InvalidTriggerError([{ path: at, code: 'shape.invalid_value', message }]);
  }
  if ('not' in entry) return { not: decompileEntry(entry.not, [...at, 'not']) };
  if ('all' in entry) return { all: entry.all.map((child, index) => decompileEntry(child, [...at, 'all', index])) };
  return { any: entry.any.map((child, index) => decompileEntry(child, [...at, 'any', index])) };
}

/** The row a stored condition came from, or undefined when no row compiles to exactly this condition. */
function decompileCondition(condition: StoredCondition): ConditionRow | undefined {
  const field = fieldOfPath(storedPath(condition));
  if (field === undefined) return undefined;
  const valueType = condition.params?.valueType;
  const takesValue = !VALUELESS_OPERATORS.has(condition.operator);
  if (!takesValue && condition.value !== null) return undefined;
  const row: ConditionRow = {
    field,
    operator: condition.operator,
    ...(takesValue && condition.value !== null ? { value: condition.value } : {}),
    ...(valueType ? { valueType } : {}),
  };
  // The fact and path must be the ones compileCondition would choose, e.g. withinSubtree reads the ancestor chain.
  const target = conditionTarget(field, valueType);
  if (target && target.operators.includes(row.operator)) {
    const expected = compileCondition(row);
    if (expected.fact !== condition.fact || storedPath(expected) !== storedPath(condition)) return undefined;
  }
  return row;
}
