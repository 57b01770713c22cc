/**
 * The rule compiler: trigger model in, json-rules-engine `RuleProperties` out, and back. Pure: no I/O,
 * and user text only ever becomes data, never code.
 *
 * @module
 */
import type { RuleProperties } from 'json-rules-engine';
import type { ConditionRow, Trigger } from './model';
import {
  CHANGE_FACT,
  RULE_PRIORITY,
  StoredRule,
  TICKET_FACT,
  TRIGGER_EVENT_TYPE,
  storedPath,
  type StoredCondition,
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

/** A stored rule read back: the trigger it encodes and its conditions as stored, row for row. */
export interface ReadRule {
  readonly trigger: Trigger;
  readonly conditions: { readonly all: readonly StoredCondition[]; readonly any: readonly StoredCondition[] };
}

/** Compiles a trigger into its stored form; throws {@link InvalidTriggerError} when it does not validate. */
export function compileTrigger(trigger: Trigger): RuleProperties {
  const parsed = parseTrigger(trigger);
  if (!parsed.ok) throw new InvalidTriggerError(parsed.issues);
  const { id, title, enabled, position, events, conditions, results } = parsed.trigger;
  const rule: StoredRule = {
    name: id,
    priority: RULE_PRIORITY,
    conditions: { all: [{ all: conditions.all.map(compileCondition) }, { any: conditions.any.map(compileCondition) }] },
    event: { type: TRIGGER_EVENT_TYPE, params: { id, title, enabled, position, events, results } },
  };
  return rule;
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
  const rows = (conditions: StoredCondition[], group: 'all' | 'any'): ConditionRow[] =>
    conditions.map((condition, index) => {
      const row = decompileCondition(condition);
      if (row) return row;
      throw new InvalidTriggerError([
        {
          path: ['conditions', 'all', group === 'all' ? 0 : 1, group, index],
          code: 'shape.invalid_value',
          message: `stored condition reads "${storedPath(condition)}" in a way no condition row compiles to`,
        },
      ]);
    });
  const candidate = {
    ...stored.data.event.params,
    conditions: { all: rows(allConditions, 'all'), any: rows(anyConditions, 'any') },
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
