/**
 * Evaluations of a ticket (a trigger cycle or a time rule firing): what they recorded, the side effects to perform
 * and their delivery, and which time rules have fired. Rows are keyed by (ticket, evaluation[, index]) and time-rule
 * firings by (ticket, key), so a retried activity leaves exactly one record.
 *
 * A trigger cycle records the replay record (`rules/replay.ts`) from which its trace is recomputed; cycles recorded
 * before that kept their full trace, and are answered from it. A time rule firing records its trace, which does not
 * grow with the rule set.
 */
import type { Db, Sql, Tx } from './db';
import type { FieldChanges, SideEffectResult } from '../rules/cycle';
import type { EvaluatorKind } from '../rules/evaluation';
import type { CycleRecord } from '../rules/replay';
import type { SideEffectType, TimeRuleTrace, TriggerCycleTrace } from '../rules/trace';

interface EvaluationRecordCommon {
  ticketId: string;
  evaluation: number;
  versionId: string | null;
  versionNumber: number | null;
  /** `sourceId` names what asked for the effect: a trigger id or a time-rule key. */
  sideEffects: { index: number; sourceId: string; result: SideEffectResult }[];
}

export type EvaluationRecord = EvaluationRecordCommon &
  (
    | { event: 'created' | 'updated'; evaluator: EvaluatorKind; replay: CycleRecord }
    | { event: 'time_rule'; evaluator: 'time_rule'; trace: TimeRuleTrace }
  );

/** Records a trigger evaluation and its side effects inside the caller's transaction. */
export async function insertEvaluation(tx: Tx, record: EvaluationRecord): Promise<void> {
  const trace = record.event === 'time_rule' ? tx.json(record.trace as never) : null;
  const replay = record.event === 'time_rule' ? null : tx.json(record.replay as never);
  await tx`
    insert into trigger_evaluations (ticket_id, evaluation, event, version_id, version_number, evaluator, trace, replay)
    values (${record.ticketId}, ${record.evaluation}, ${record.event}, ${record.versionId}, ${record.versionNumber},
      ${record.evaluator}, ${trace}, ${replay})
    on conflict (ticket_id, evaluation) do update set trace = excluded.trace, replay = excluded.replay`;
  for (const effect of record.sideEffects) {
    await tx`
      insert into trigger_side_effects (ticket_id, evaluation, index, trigger_id, result)
      values (${record.ticketId}, ${record.evaluation}, ${effect.index}, ${effect.sourceId}, ${tx.json(effect.result as never)})
      on conflict do nothing`;
  }
}

/** Records a trigger evaluation and its side effects in one transaction. */
export async function recordEvaluation(sql: Sql, record: EvaluationRecord): Promise<void> {
  await sql.begin((tx) => insertEvaluation(tx, record));
}

/** Records that the time rule fired, with its evaluation and side effects, in the caller's transaction. */
export async function recordTimeRuleFiring(tx: Tx, key: string, record: EvaluationRecord): Promise<void> {
  await tx`insert into time_rule_firings (ticket_id, key) values (${record.ticketId}, ${key}) on conflict do nothing`;
  await insertEvaluation(tx, record);
}

/**
 * What a change's trigger evaluation did, as it was recorded: the field changes of the `trigger` event at
 * `changeSeq` (none when it changed nothing) and how many side effects it queued. For a retried change activity
 * whose transaction had already committed.
 */
export async function recordedCycleOutcome(
  sql: Db,
  ticketId: string,
  evaluation: number,
  changeSeq: number,
): Promise<{ changes: FieldChanges; sideEffects: number }> {
  const [row] = await sql<{ changes: FieldChanges | null; side_effects: number }[]>`
    select (select changes from ticket_events where ticket_id = ${ticketId} and seq = ${changeSeq} and kind = 'trigger') as changes,
      (select count(*)::int from trigger_side_effects where ticket_id = ${ticketId} and evaluation = ${evaluation}) as side_effects`;
  return { changes: row.changes ?? {}, sideEffects: row.side_effects };
}

/** The keys of the ticket's time rules that have fired. */
export async function firedTimeRuleKeys(sql: Db, ticketId: string): Promise<string[]> {
  const fired = await sql<{ key: string }[]>`select key from time_rule_firings where ticket_id = ${ticketId}`;
  return fired.map((row) => row.key);
}

/** The trace recorded when the time rule fired as this evaluation, or null when it has not. */
export async function findTimeRuleFiringTrace(
  sql: Db,
  ticketId: string,
  key: string,
  evaluation: number,
): Promise<{ changes: FieldChanges; sideEffects: unknown[] } | null> {
  const [recorded] = await sql<{ trace: { changes: FieldChanges; sideEffects: unknown[] } }[]>`
    select e.trace from time_rule_firings f join trigger_evaluations e
      on e.ticket_id = f.ticket_id and e.evaluation = ${evaluation} and e.event = 'time_rule'
    where f.ticket_id = ${ticketId} and f.key = ${key}`;
  return recorded?.trace ?? null;
}

/** One side effect of an evaluation, by (ticket, evaluation, index). */
export interface SideEffectKey {
  ticketId: string;
  evaluation: number;
  index: number;
}

export async function findSideEffect(sql: Db, ref: SideEffectKey): Promise<{ status: string; result: SideEffectResult } | null> {
  const [row] = await sql<{ status: string; result: SideEffectResult }[]>`
    select status, result from trigger_side_effects
    where ticket_id = ${ref.ticketId} and evaluation = ${ref.evaluation} and index = ${ref.index}`;
  return row ?? null;
}

/** Records one attempt at the side effect: its status, error and what the receiver answered. */
export async function recordSideEffectAttempt(sql: Sql, ref: SideEffectKey, status: string, error: string | null, detail: unknown): Promise<void> {
  await sql`
    update trigger_side_effects set status = ${status}, attempts = attempts + 1, last_error = ${error},
      detail = ${detail === null ? null : sql.json(detail as never)}, updated_at = now()
    where ticket_id = ${ref.ticketId} and evaluation = ${ref.evaluation} and index = ${ref.index}`;
}

export const EVALUATION_EVENTS = ['created', 'updated', 'time_rule'] as const;
export type EvaluationEvent = (typeof EVALUATION_EVENTS)[number];
export const SIDE_EFFECT_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type SideEffectStatus = (typeof SIDE_EFFECT_STATUSES)[number];

/** What the receiver of a delivered side effect answered: the mail's recipients or the HTTP status. */
export type SideEffectDetail = { recipients: string[] } | { httpStatus: number };

export interface EvaluationSideEffect {
  index: number;
  /** The trigger, or the time-rule key, that asked for the effect. */
  triggerId: string;
  type: SideEffectType;
  status: SideEffectStatus;
  attempts: number;
  lastError: string | null;
  detail: SideEffectDetail | null;
}

interface EvaluationCommon {
  evaluation: number;
  versionId: string | null;
  versionNumber: number | null;
  at: string;
  sideEffects: EvaluationSideEffect[];
}

/** One evaluation of a ticket: a trigger cycle on a created or updated event, or a time rule firing. */
export type TicketEvaluation = EvaluationCommon &
  (
    | { event: 'created' | 'updated'; evaluator: EvaluatorKind; trace: TriggerCycleTrace }
    | { event: 'time_rule'; evaluator: 'time_rule'; trace: TimeRuleTrace }
  );

/**
 * One evaluation as stored: a trigger cycle holds its replay record, or (recorded before replay records) its full
 * trace; a time rule firing holds its trace.
 */
export type StoredEvaluation = EvaluationCommon &
  (
    | { event: 'created' | 'updated'; evaluator: EvaluatorKind; recorded: { replay: CycleRecord } | { trace: TriggerCycleTrace } }
    | { event: 'time_rule'; evaluator: 'time_rule'; trace: TimeRuleTrace }
  );

type EvaluationRow = {
  evaluation: number;
  event: EvaluationEvent;
  version_id: string | null;
  version_number: number | null;
  evaluator: string;
  at: Date;
  trace: TriggerCycleTrace | TimeRuleTrace | null;
  replay: CycleRecord | null;
};
type SideEffectRow = {
  evaluation: number;
  index: number;
  trigger_id: string;
  type: SideEffectType;
  status: SideEffectStatus;
  attempts: number;
  last_error: string | null;
  detail: SideEffectDetail | null;
};

/** Every evaluation of the ticket in order, each with its side effects in order. */
export async function listTicketEvaluations(sql: Db, ticketId: string): Promise<StoredEvaluation[]> {
  const evaluations = await sql<EvaluationRow[]>`
    select evaluation, event, version_id, version_number, evaluator, at, trace, replay from trigger_evaluations
    where ticket_id = ${ticketId} order by evaluation`;
  const effects = await sql<SideEffectRow[]>`
    select evaluation, index, trigger_id, result->>'type' as type, status, attempts, last_error, detail
    from trigger_side_effects where ticket_id = ${ticketId} order by evaluation, index`;
  // The event decides what was recorded: the trigger-evaluation activity records cycles, the time-rule activity firings.
  return evaluations.map((row): StoredEvaluation => {
    const common: EvaluationCommon = {
      evaluation: row.evaluation,
      versionId: row.version_id,
      versionNumber: row.version_number,
      at: row.at.toISOString(),
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
    };
    if (row.event === 'time_rule') return { ...common, event: row.event, evaluator: 'time_rule', trace: row.trace as TimeRuleTrace };
    return {
      ...common,
      event: row.event,
      evaluator: row.evaluator as EvaluatorKind,
      recorded: row.replay ? { replay: row.replay } : { trace: row.trace as TriggerCycleTrace },
    };
  });
}
