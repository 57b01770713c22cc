/**
 * Records one evaluation of a ticket (a trigger cycle or a time rule firing): its trace and the side effects
 * to perform. Upserted by (ticket, evaluation) so a retried activity leaves exactly one record.
 */
import type { TransactionSql } from 'postgres';
import type { SideEffectResult } from '../rules/cycle';

export interface EvaluationRecord {
  ticketId: string;
  evaluation: number;
  event: 'created' | 'updated' | 'time_rule';
  versionId: string | null;
  versionNumber: number | null;
  evaluator: string;
  trace: unknown;
  /** `sourceId` names what asked for the effect: a trigger id or a time-rule key. */
  sideEffects: { index: number; sourceId: string; result: SideEffectResult }[];
}

export async function recordEvaluation(tx: TransactionSql, record: EvaluationRecord): Promise<void> {
  await tx`
    insert into trigger_evaluations (ticket_id, evaluation, event, version_id, version_number, evaluator, trace)
    values (${record.ticketId}, ${record.evaluation}, ${record.event}, ${record.versionId}, ${record.versionNumber},
      ${record.evaluator}, ${tx.json(record.trace as never)})
    on conflict (ticket_id, evaluation) do update set trace = excluded.trace`;
  for (const effect of record.sideEffects) {
    await tx`
      insert into trigger_side_effects (ticket_id, evaluation, index, trigger_id, result)
      values (${record.ticketId}, ${record.evaluation}, ${effect.index}, ${effect.sourceId}, ${tx.json(effect.result as never)})
      on conflict do nothing`;
  }
}
