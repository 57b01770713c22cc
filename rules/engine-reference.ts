/**
 * The reference evaluator: stored rules run by json-rules-engine itself. It is the definition of
 * correct behaviour that the fast evaluator is tested against.
 *
 * @module
 */
import { Engine, type Almanac, type RuleProperties, type RuleResult } from 'json-rules-engine';
import { groupKind, isGroup, type ConditionPath } from './condition-tree';
import type { TicketFacts } from './facts';
import type { ConditionEntry } from './model';
import { admitFacts } from './facts-gate';
import { registerOperators, type Change } from './operators';
import { loadRuleSet, type LoadedRule } from './rule-set';
import { CHANGE_FACT, EVENT_FACT, PREVIOUS_FACT, TICKET_FACT, type StoredEntry } from './stored-form';
import type { TicketEventType } from '../domain/ticket';
import {
  traceValue,
  type ConditionOutcome,
  type FiredTrigger,
  type GroupOutcome,
  type TriggerEvaluation,
  type TriggerEvaluator,
} from './evaluation';

/**
 * Registers what stored trigger rules need on a json-rules-engine Engine: the operators and the derived
 * `change` fact. Any consumer of the stored form must call this before adding trigger rules.
 *
 * The `change` fact is not cached: json-rules-engine keys its fact cache by a 53-bit hash of the fact's
 * parameters (hash-it), under which distinct paths collide (`customerFields['arf']` and `['a0d']`, among
 * thousands of three-character codes), so a cached change row could read another row's before and after.
 * Recomputing it costs two path reads.
 */
export function prepareEngine(engine: Engine): Engine {
  registerOperators(engine);
  engine.addFact(CHANGE_FACT, changeFact, { cache: false });
  return engine;
}

async function changeFact(params: Record<string, unknown>, almanac: Almanac): Promise<Change | null> {
  const [event, previous] = await Promise.all([
    almanac.factValue<string>(EVENT_FACT),
    almanac.factValue<unknown>(PREVIOUS_FACT),
  ]);
  if (event !== 'updated' || previous === null || previous === undefined) return null;
  const path = String(params.path);
  const [before, after] = await Promise.all([
    almanac.factValue(PREVIOUS_FACT, {}, path),
    almanac.factValue(TICKET_FACT, {}, path),
  ]);
  return { before, after };
}

/** What json-rules-engine records on each evaluated condition or group of a rule result. */
interface EvaluatedCondition {
  readonly result?: boolean;
  readonly factResult?: unknown;
  readonly all?: readonly EvaluatedCondition[];
  readonly any?: readonly EvaluatedCondition[];
  readonly not?: EvaluatedCondition;
}

interface EvaluatedGroups {
  readonly all: readonly [
    { readonly all: readonly EvaluatedCondition[] },
    { readonly any: readonly EvaluatedCondition[] },
  ];
}

interface Evaluated {
  readonly rule: LoadedRule;
  readonly result: RuleResult;
}

/** Every row's and every group's outcome, in the fast evaluator's order: depth first, each group before its entries. */
function outcomes(evaluated: Evaluated): { conditions: ConditionOutcome[]; groups?: GroupOutcome[] } {
  const top = evaluated.result.conditions as unknown as EvaluatedGroups;
  const conditions: ConditionOutcome[] = [];
  const groups: GroupOutcome[] = [];
  const verdict = (condition: EvaluatedCondition, path: ConditionPath): boolean => {
    if (typeof condition.result !== 'boolean') {
      // Cannot happen while every condition shares one priority (see stored-form.ts); if a future
      // json-rules-engine short-circuits anyway, failing loudly beats a trace with invented outcomes.
      throw new Error(`json-rules-engine skipped condition ${path.join('.')}`);
    }
    return condition.result;
  };
  const visit = (condition: EvaluatedCondition, stored: StoredEntry, entry: ConditionEntry, group: 'all' | 'any', index: number, path: ConditionPath) => {
    if ('fact' in stored && !isGroup(entry)) {
      conditions.push({
        group,
        index,
        ...(path.length > 2 ? { path } : {}),
        field: entry.field,
        operator: entry.operator,
        expected: stored.value,
        actual: traceValue(condition.factResult),
        held: verdict(condition, path),
      });
      return;
    }
    if ('fact' in stored || !isGroup(entry)) throw new Error(`stored rule and trigger differ at ${path.join('.')}`);
    const kind = groupKind(entry);
    groups.push({ path, kind, held: verdict(condition, path) });
    if ('not' in stored && 'not' in entry && condition.not) {
      visit(condition.not, stored.not, entry.not, group, index, [...path, 'not']);
      return;
    }
    const evaluatedChildren = condition[kind as 'all' | 'any'] ?? [];
    const storedChildren = 'all' in stored ? stored.all : 'any' in stored ? stored.any : [];
    const children = 'all' in entry ? entry.all : 'any' in entry ? entry.any : [];
    evaluatedChildren.forEach((child, at) => visit(child, storedChildren[at], children[at], group, index, [...path, kind, at]));
  };
  const stored = evaluated.rule.conditions;
  const rows = evaluated.rule.trigger.conditions;
  top.all[0].all.forEach((condition, index) => visit(condition, stored.all[index], rows.all[index], 'all', index, ['all', index]));
  top.all[1].any.forEach((condition, index) => visit(condition, stored.any[index], rows.any[index], 'any', index, ['any', index]));
  return groups.length > 0 ? { conditions, groups } : { conditions };
}

/** Builds a json-rules-engine evaluator for one rule-set version. */
export function createReferenceEvaluator(definitions: readonly RuleProperties[]): TriggerEvaluator {
  const ruleSet = loadRuleSet(definitions);
  const engineFor = (event: TicketEventType) =>
    prepareEngine(new Engine(ruleSet[event].map((rule) => rule.definition)));
  const engines: Record<TicketEventType, Engine> = { created: engineFor('created'), updated: engineFor('updated') };

  // An Engine keeps its run status on itself, so overlapping runs would make one skip the other's rules.
  let tail: Promise<unknown> = Promise.resolve();
  const run = (facts: TicketFacts): Promise<Evaluated[]> => {
    admitFacts(facts);
    const next = tail.then(async () => {
      const outcome = await engines[facts.event].run({
        [TICKET_FACT]: facts.ticket,
        [PREVIOUS_FACT]: facts.previous,
        [EVENT_FACT]: facts.event,
      });
      const byName = new Map<string, RuleResult>();
      for (const result of [...outcome.results, ...outcome.failureResults]) byName.set(result.name, result);
      return ruleSet[facts.event].map((rule) => {
        const result = byName.get(rule.trigger.id);
        if (!result) throw new Error(`json-rules-engine returned no result for trigger "${rule.trigger.id}"`);
        return { rule, result };
      });
    });
    tail = next.catch(() => undefined);
    return next;
  };

  return {
    kind: 'reference',
    async evaluate(facts) {
      const evaluated = await run(facts);
      return evaluated.map(
        (entry): TriggerEvaluation => ({
          triggerId: entry.rule.trigger.id,
          fired: entry.result.result === true,
          ...outcomes(entry),
        }),
      );
    },
    async matches(facts) {
      const evaluated = await run(facts);
      return evaluated
        .filter((entry) => entry.result.result === true)
        .map(({ rule: { trigger } }): FiredTrigger => ({
          triggerId: trigger.id,
          title: trigger.title,
          position: trigger.position,
          results: trigger.results,
        }));
    },
  };
}
