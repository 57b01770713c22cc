/**
 * Runs the trigger cycle for a rule set: builds (once per version) the evaluator and the trigger table the
 * cycle needs. Shared by the worker's evaluation activity and the API's simulate endpoint.
 */
import type { RuleProperties } from 'json-rules-engine';
import { decompileRule } from './compile';
import { runTriggerCycle, type CycleEnvironment, type CycleOutcome, type TriggerInfo } from './cycle';
import { createEvaluator } from './evaluate';
import type { EvaluatorKind } from './evaluation';
import type { TicketSnapshot } from './facts';
import type { TicketEventType } from '../domain/ticket';

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

export function runRuleSet(
  source: RuleSetSource,
  kind: EvaluatorKind,
  input: { event: TicketEventType; ticket: TicketSnapshot; previous: TicketSnapshot | null },
  lookups: Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>,
): Promise<CycleOutcome> {
  return runTriggerCycle(input, { ...prepare(source, kind), ...lookups });
}
