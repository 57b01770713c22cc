/**
 * Run-time choice of evaluator. Both kinds take the same stored rule definitions and give the same
 * answers; `fast` is for production, `reference` (json-rules-engine) is the yardstick and a fallback.
 *
 * @module
 */
import type { RuleProperties } from 'json-rules-engine';
import { createFastEvaluator } from './engine-fast';
import { createReferenceEvaluator } from './engine-reference';
import type { EvaluatorKind, TriggerEvaluator } from './evaluation';

/**
 * Builds an evaluator for one rule-set version. Building validates every rule and throws
 * `InvalidTriggerError` on the first bad one; it costs time proportional to the rule set, so callers
 * cache the evaluator by rule-set version.
 */
export function createEvaluator(definitions: readonly RuleProperties[], kind: EvaluatorKind): TriggerEvaluator {
  if (kind === 'reference') return createReferenceEvaluator(definitions);
  const fast = createFastEvaluator(definitions);
  return {
    kind: 'fast',
    evaluate: async (facts) => fast.evaluate(facts),
    matches: async (facts) => fast.matches(facts),
  };
}
