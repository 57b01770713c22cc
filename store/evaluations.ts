/**
 * Reads of the evaluations recorded for a ticket (trigger cycles and time-rule firings): the trace of each, with
 * the side effects it queued and how their delivery went.
 */
import type { Db } from './db';

export const EVALUATION_EVENTS = ['created', 'updated', 'time_rule'] as const;
export type EvaluationEvent = (typeof EVALUATION_EVENTS)[number];
export const SIDE_EFFECT_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type SideEffectStatus = (typeof SIDE_EFFECT_STATUSES)[number];

export interface EvaluationSideEffect {
  index: number;
  triggerId: string;
  type: string;
  status: SideEffectStatus;
  attempts: number;
  lastError: string | null;
  detail: unknown;
}

export interface TicketEvaluation {
  evaluation: number;
  event: EvaluationEvent;
  versionId: string | null;
  versionNumber: number | null;
  evaluator: string;
  at: string;
  trace: Record<string, unknown>;
  sideEffects: EvaluationSideEffect[];
}

type EvaluationRow = {
  evaluation: number;
  event: EvaluationEvent;
  version_id: string | null;
  version_number: number | null;
  evaluator: string;
  at: Date;
  trace: Record<string, unknown>;
};
type SideEffectRow = {
  evaluation: number;
  index: number;
  trigger_id: string;
  type: string;
  status: SideEffectStatus;
  attempts: number;
  last_error: string | null;
  detail: unknown;
};

/** Every evaluation of the ticket in order, each with its side effects in order. */
export async function listTicketEvaluations(sql: Db, ticketId: string): Promise<TicketEvaluation[]> {
  const evaluations = await sql<EvaluationRow[]>`
    select evaluation, event, version_id, version_number, evaluator, at, trace from trigger_evaluations
    where ticket_id = ${ticketId} order by evaluation`;
  const effects = await sql<SideEffectRow[]>`
    select evaluation, index, trigger_id, result->>'type' as type, status, attempts, last_error, detail
    from trigger_side_effects where ticket_id = ${ticketId} order by evaluation, index`;
  return evaluations.map((row) => ({
    evaluation: row.evaluation,
    event: row.event,
    versionId: row.version_id,
    versionNumber: row.version_number,
    evaluator: row.evaluator,
    at: row.at.toISOString(),
    trace: row.trace,
    sideEffects: effects
      .filter((effect) => effect.evaluation === row.evaluation)
      .map((effect) => ({
        index: effect.index,
        triggerId: effect.trigger_id,
        type: effect.type,
        status: effect.status,
        attempts: effect.attempts,
        lastError: effect.last_error,
        detail: effect.detail,
      })),
  }));
}
