/**
 * The fast evaluator: the same stored rules compiled into closures. Each distinct ticket value a rule set
 * reads gets a slot, read at most once per evaluation; each condition is (slot, operator function,
 * constant); `matches` only visits the candidate triggers the index returns.
 *
 * Semantics are json-rules-engine's by construction: the operator functions are the ones registered on
 * the engine, paths are read the way JSONPath resolves them, and the `change` fact is rebuilt the way
 * `prepareEngine` defines it. The differential test holds the two to that.
 *
 * @module
 */
import type { RuleProperties } from 'json-rules-engine';
import type { TicketSnapshot, TicketFacts } from './facts';
import { admitFacts } from './facts-gate';
import type { ConditionOperator, ConditionValue } from './model';
import { OPERATORS, type OperatorFn } from './operators';
import { loadRuleSet, type LoadedRule } from './rule-set';
import { CHANGE_FACT, storedPath, type StoredCondition } from './stored-form';
import { pathKeys } from './targets';
import { buildTriggerIndex, INDEXABLE_FIELDS, type IndexableRow, type TriggerIndex } from './trigger-index';
import type { TicketEventType } from '../domain/ticket';
import { traceValue, type ConditionOutcome, type FiredTrigger, type TriggerEvaluation } from './evaluation';

/** The synchronous core of the fast evaluator; {@link createEvaluator} wraps it in the common interface. */
export interface FastEvaluator {
  evaluate(facts: TicketFacts): TriggerEvaluation[];
  matches(facts: TicketFacts): FiredTrigger[];
}

type SnapshotReader = (snapshot: TicketSnapshot) => unknown;
type SlotReader = (facts: TicketFacts) => unknown;

/** Reads a path the way JSONPath does: own properties only, and nothing below a non-object. */
function snapshotReader(path: string): SnapshotReader {
  const keys = pathKeys(path);
  if (!keys) throw new Error(`unsupported snapshot path "${path}"`);
  const [outer, inner] = keys;
  const own = (holder: unknown, key: string): unknown =>
    typeof holder === 'object' && holder !== null && Object.hasOwn(holder, key)
      ? (holder as Record<string, unknown>)[key]
      : undefined;
  if (inner === undefined) return (snapshot) => own(snapshot, outer);
  return (snapshot) => own(own(snapshot, outer), inner);
}

interface CompiledCondition {
  readonly group: 'all' | 'any';
  readonly index: number;
  readonly field: string;
  readonly operator: ConditionOperator;
  readonly expected: ConditionValue | null;
  readonly slot: number;
  readonly test: OperatorFn;
}

interface CompiledTrigger extends FiredTrigger {
  readonly all: readonly CompiledCondition[];
  readonly any: readonly CompiledCondition[];
}

interface Plan {
  readonly triggers: readonly CompiledTrigger[];
  readonly index: TriggerIndex;
}

/** Compiles one rule-set version. */
export function createFastEvaluator(definitions: readonly RuleProperties[]): FastEvaluator {
  const ruleSet = loadRuleSet(definitions);
  const readers: SlotReader[] = [];
  const slots = new Map<string, number>();

  const slotOf = (condition: StoredCondition): number => {
    const path = storedPath(condition);
    const key = `${condition.fact}\u0000${path}`;
    const known = slots.get(key);
    if (known !== undefined) return known;
    const read = snapshotReader(path);
    readers.push(
      condition.fact === CHANGE_FACT
        ? (facts) =>
            facts.event !== 'updated' || facts.previous === null || facts.previous === undefined
              ? null
              : { before: read(facts.previous), after: read(facts.ticket) }
        : (facts) => read(facts.ticket),
    );
    slots.set(key, readers.length - 1);
    return readers.length - 1;
  };

  const compileRule = (rule: LoadedRule): CompiledTrigger => {
    const { trigger } = rule;
    const compileGroup = (group: 'all' | 'any') =>
      rule.conditions[group].map(
        (condition, index): CompiledCondition => ({
          group,
          index,
          field: trigger.conditions[group][index].field,
          operator: condition.operator,
          expected: condition.value,
          slot: slotOf(condition),
          test: OPERATORS[condition.operator],
        }),
      );
    return {
      triggerId: trigger.id,
      title: trigger.title,
      position: trigger.position,
      results: trigger.results,
      all: compileGroup('all'),
      any: compileGroup('any'),
    };
  };

  const indexableRows = (trigger: CompiledTrigger): IndexableRow[] =>
    trigger.all.flatMap((condition): IndexableRow[] => {
      const { field, operator, expected, slot } = condition;
      if (!INDEXABLE_FIELDS.has(field)) return [];
      if (operator === 'equals' || operator === 'withinSubtree') {
        return [{ slot, values: [expected], list: operator === 'withinSubtree' }];
      }
      if (operator === 'in' && Array.isArray(expected)) return [{ slot, values: expected, list: false }];
      return [];
    });

  const planFor = (event: TicketEventType): Plan => {
    const triggers = ruleSet[event].map(compileRule);
    return { triggers, index: buildTriggerIndex(triggers.map(indexableRows)) };
  };
  const plans: Record<TicketEventType, Plan> = { created: planFor('created'), updated: planFor('updated') };

  // `matches` reads only the slots its candidates need, each once: values are cached per call by stamping
  // each slot with the call's number, which avoids allocating and clearing a cache per call. Calls are
  // synchronous, so they never interleave.
  const cached: unknown[] = new Array(readers.length);
  const stamps = new Float64Array(readers.length);
  let evaluation = 0;
  let current: TicketFacts;
  const read = (slot: number): unknown => {
    if (stamps[slot] !== evaluation) {
      cached[slot] = readers[slot](current);
      stamps[slot] = evaluation;
    }
    return cached[slot];
  };
  const begin = (facts: TicketFacts): Plan => {
    evaluation += 1;
    current = facts;
    return plans[facts.event];
  };

  const holds = (condition: CompiledCondition): boolean => condition.test(read(condition.slot), condition.expected);
  const fires = (trigger: CompiledTrigger): boolean => {
    for (const condition of trigger.all) if (!holds(condition)) return false;
    if (trigger.any.length === 0) return true;
    for (const condition of trigger.any) if (holds(condition)) return true;
    return false;
  };

  return {
    evaluate(facts) {
      admitFacts(facts);
      const { triggers } = plans[facts.event];
      // The full trace reads every slot anyway, so read them all up front instead of through the cache.
      const values = readers.map((reader) => reader(facts));
      const evaluations: TriggerEvaluation[] = new Array(triggers.length);
      for (let ordinal = 0; ordinal < triggers.length; ordinal += 1) {
        const trigger = triggers[ordinal];
        const conditions: ConditionOutcome[] = [];
        let allHeld = true;
        let anyHeld = trigger.any.length === 0;
        for (const condition of trigger.all) {
          const actual = values[condition.slot];
          const held = condition.test(actual, condition.expected);
          allHeld &&= held;
          conditions.push(outcome(condition, actual, held));
        }
        for (const condition of trigger.any) {
          const actual = values[condition.slot];
          const held = condition.test(actual, condition.expected);
          anyHeld ||= held;
          conditions.push(outcome(condition, actual, held));
        }
        evaluations[ordinal] = { triggerId: trigger.triggerId, fired: allHeld && anyHeld, conditions };
      }
      return evaluations;
    },
    matches(facts) {
      admitFacts(facts);
      const plan = begin(facts);
      const fired: FiredTrigger[] = [];
      for (const ordinal of plan.index.candidates(read)) {
        const trigger = plan.triggers[ordinal];
        if (fires(trigger)) {
          const { triggerId, title, position, results } = trigger;
          fired.push({ triggerId, title, position, results });
        }
      }
      return fired;
    },
  };
}

function outcome(condition: CompiledCondition, actual: unknown, held: boolean): ConditionOutcome {
  return {
    group: condition.group,
    index: condition.index,
    field: condition.field,
    operator: condition.operator,
    expected: condition.expected,
    actual: traceValue(actual),
    held,
  };
}
