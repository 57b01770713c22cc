/**
 * The reference evaluator: stored rules run by json-rules-engine itself. It is the definition of
 * correct behaviour that the fast evaluator is tested against.
 *
 * @module
 */
import { Engine, type Almanac, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { TicketFacts } from './facts';
import { admitFacts } from './facts-gate';
import { registerOperators, type Change } from './operators';
import { loadRuleSet, type LoadedRule } from './rule-set';
import { CHANGE_FACT, EVENT_FACT, PREVIOUS_FACT, TICKET_FACT, storedPath } from './stored-form';
import type { TicketEventType } from '../domain/ticket';
import {
  traceValue,
  type ConditionOutcome,
  type FiredTrigger,
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

/** What json-rules-engine records on each evaluated condition of a rule result. */
interface EvaluatedCondition {
  readonly result?: boolean;
  readonly factResult?: unknown;
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

function outcomes(evaluated: Evaluated): ConditionOutcome[] {
  const groups = evaluated.result.conditions as unknown as EvaluatedGroups;
  const stored = evaluated.rule.conditions;
  const rows = evaluated.rule.trigger.conditions;
  const table: ConditionOutcome[] = [];
  for (const [group, evaluatedRows] of [
    ['all', groups.all[0].all],
    ['any', groups.all[1].any],
  ] as const) {
    evaluatedRows.forEach((condition, index) => {
      if (typeof condition.result !== 'boolean') {
        // Cannot happen while every condition shares one priority (see stored-form.ts); if a future
        // json-rules-engine short-circuits anyway, failing loudly beats a trace with invented outcomes.
        throw new Error(`json-rules-engine skipped condition ${group}[${index}] (${storedPath(stored[group][index])})`);
      }
      table.push({
        group,
        index,
        field: rows[group][index].field,
        operator: rows[group][index].operator,
        expected: stored[group][index].value,
        actual: traceValue(condition.factResult),
        held: condition.result,
      });
    });
  }
  return table;
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
          conditions: outcomes(entry),
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
