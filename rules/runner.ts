/**
 * Runs the trigger cycle for a rule set: builds (once per version) the evaluator and the trigger table the
 * cycle needs. The worker's evaluation activity decides with {@link decideRuleSet}; the API's simulate and trace
 * endpoints explain with {@link runRuleSet}.
 */
import type { RuleProperties } from 'json-rules-engine';
import { decompileRule } from './compile';
import {
  decideTriggerCycle,
  runTriggerCycle,
  type CycleDecision,
  type CycleEnvironment,
  type CycleInput,
  type CycleOutcome,
  type TriggerInfo,
} from './cycle';
import { createEvaluator } from './evaluate';
import type { EvaluatorKind } from './evaluation';

/** The version id of drafts compiled on the fly; no published version has it (those are `V…`). */
export const DRAFT_VERSION_ID = 'draft';

export interface RuleSetSource {
  /** {@link DRAFT_VERSION_ID} for unpublished drafts (never cached). */
  versionId: string;
  number: number | null;
  definitions: RuleProperties[];
}

interface Prepared {
  evaluator: CycleEnvironment['evaluator'];
  triggers: Map<string, TriggerInfo>;
}

const CACHE_LIMIT = 64;
const cache = new Map<string, Prepared>();

function prepare(source: RuleSetSource, kind: EvaluatorKind): Prepared {
  const key = `${kind}:${source.versionId}`;
  const hit = source.versionId === DRAFT_VERSION_ID ? undefined : cache.get(key);
  if (hit) return hit;
  const triggers = new Map<string, TriggerInfo>();
  for (const definition of source.definitions) {
    const trigger = decompileRule(definition);
    triggers.set(trigger.id, { title: trigger.title, results: trigger.results });
  }
  const prepared = { evaluator: createEvaluator(source.definitions, kind), triggers };
  if (source.versionId !== DRAFT_VERSION_ID) {
    // Published versions are immutable, so a cached evaluator never goes stale; the oldest is evicted first.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, prepared);
  }
  return prepared;
}

type Lookups = Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>;

/** Runs the cycle with every condition's outcome in every pass (see `runTriggerCycle`). */
export function runRuleSet(
  source: RuleSetSource,
  kind: EvaluatorKind,
  input: CycleInput,
  lookups: Lookups,
): Promise<CycleOutcome> {
  return runTriggerCycle(input, { ...prepare(source, kind), ...lookups });
}

/** Runs the cycle deciding through the trigger index, without the conditions' outcomes (see `decideTriggerCycle`). */
export function decideRuleSet(source: RuleSetSource, kind: EvaluatorKind, input: CycleInput, lookups: Lookups): Promise<CycleDecision> {
  return decideTriggerCycle(input, { ...prepare(source, kind), ...lookups });
}

/**
 * Decides many cycles against one rule set, prepared once even for drafts (which {@link decideRuleSet} prepares on
 * every call): the impact preview's loop. Also answers the set's triggers in the order they run.
 */
export function ruleSetDecider(
  source: RuleSetSource,
  kind: EvaluatorKind,
  lookups: Lookups,
): { decide: (input: CycleInput) => Promise<CycleDecision>; triggers: { id: string; title: string; results: number }[] } {
  const prepared = prepare(source, kind);
  return {
    decide: (input) => decideTriggerCycle(input, { ...prepared, ...lookups }),
    triggers: [...prepared.triggers].map(([id, info]) => ({ id, title: info.title, results: info.results.length })),
  };
}
