/**
 * Runs the trigger cycle for a rule set: builds (once per version) the evaluator and the trigger table the
 * cycle needs. Shared by the worker's evaluation activity and the API's simulate endpoint.
 */
import type { RuleProperties } from 'json-rules-engine';
import { createEvaluator, decompileRule, type EvaluatorKind, type TicketSnapshot } from '../rules';
import { runTriggerCycle, type CycleEnvironment, type CycleOutcome, type TriggerInfo } from '../rules/cycle';
import type { TicketEventType } from '../domain/ticket';
import { DRAFT_VERSION_ID } from './rule-sets';

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

export function runRuleSet(
  source: RuleSetSource,
  kind: EvaluatorKind,
  input: { event: TicketEventType; ticket: TicketSnapshot; previous: TicketSnapshot | null },
  lookups: Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>,
): Promise<CycleOutcome> {
  return runTriggerCycle(input, { ...prepare(source, kind), ...lookups });
}
