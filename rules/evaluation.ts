/**
 * What evaluating triggers against a ticket event produces, whichever engine does it.
 *
 * @module
 */
import type { ConditionOperator, ConditionValue, Result } from './model';
import type { TicketFacts } from './facts';

/** The outcome of one condition row. */
export interface ConditionOutcome {
  readonly group: 'all' | 'any';
  /** Position of the row within its group. */
  readonly index: number;
  readonly field: string;
  readonly operator: ConditionOperator;
  /** The row's constant; null for operators without one. */
  readonly expected: ConditionValue | null;
  /** The ticket value compared: a snapshot value, or `{ before, after }` for change operators; null when absent. */
  readonly actual: unknown;
  readonly held: boolean;
}

/** The outcome of one trigger: whether it fires and why. */
export interface TriggerEvaluation {
  readonly triggerId: string;
  readonly fired: boolean;
  /** Every row, must-match rows first, each in its group's order. */
  readonly conditions: ConditionOutcome[];
}

/** A trigger that fires, with the results the ticket workflow runs. */
export interface FiredTrigger {
  readonly triggerId: string;
  readonly title: string;
  readonly position: number;
  readonly results: readonly Result[];
}

/** Engine behind an evaluator: the compiled fast path, or json-rules-engine itself. */
export type EvaluatorKind = 'fast' | 'reference';

/** Evaluates one rule-set version. Build it once per version; evaluations do not change it. */
export interface TriggerEvaluator {
  readonly kind: EvaluatorKind;
  /**
   * The full trace: every enabled trigger listening to the event, in position order, with every
   * condition's outcome. This is what the studio shows when an admin asks why a trigger did not fire.
   */
  evaluate(facts: TicketFacts): Promise<TriggerEvaluation[]>;
  /** Only the triggers that fire, in position order: what the ticket workflow applies. */
  matches(facts: TicketFacts): Promise<FiredTrigger[]>;
}

/** Trace form of a compared value: absent values are reported as null so the trace survives JSON. */
export function traceValue(value: unknown): unknown {
  return value === undefined ? null : value;
}
