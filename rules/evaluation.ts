/**
 * What evaluating triggers against a ticket event produces, whichever engine does it.
 *
 * @module
 */
import type { ConditionPath } from './condition-tree';
import type { ConditionOperator, ConditionValue, GroupKind, Result } from './model';
import type { TicketFacts } from './facts';

/** The outcome of one condition row. */
export interface ConditionOutcome {
  /** The top-level list the row, or the group it stands in, belongs to. */
  readonly group: 'all' | 'any';
  /** Position of the row, or of the group it stands in, within that list. */
  readonly index: number;
  /** For a row inside a group only: where it stands, from `conditions` down (`['all', 0, 'any', 1]`). */
  readonly path?: ConditionPath;
  readonly field: string;
  readonly operator: ConditionOperator;
  /** The row's constant; null for operators without one. */
  readonly expected: ConditionValue | null;
  /** The ticket value compared: a snapshot value, or `{ before, after }` for change operators; null when absent. */
  readonly actual: unknown;
  readonly held: boolean;
}

/** The outcome of one condition group. */
export interface GroupOutcome {
  /** Where the group stands, from `conditions` down (`['all', 0]`, `['all', 0, 'any', 1, 'not']`). */
  readonly path: ConditionPath;
  readonly kind: GroupKind;
  readonly held: boolean;
}

/** The outcome of one trigger: whether it fires and why. */
export interface TriggerEvaluation {
  readonly triggerId: string;
  readonly fired: boolean;
  /** Every row at any depth, depth first: for a flat trigger, must-match rows first, each in its group's order. */
  readonly conditions: ConditionOutcome[];
  /** Every group at any depth, each before the groups inside it; absent for a trigger of rows only. */
  readonly groups?: GroupOutcome[];
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
