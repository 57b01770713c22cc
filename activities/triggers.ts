/**
 * The trigger-evaluation activity: runs the cycle against the service's published rule-set version, deciding through
 * the trigger index, records what the trace is recomputed from (`rules/replay.ts`) and the pending side effects, and
 * returns the field changes for the workflow to apply. Re-running it for the same (ticket, evaluation) gives the same
 * answer: assignments are remembered by key and the evaluation and side-effect rows are upserted.
 */
import type { EvaluatorKind } from '../rules';
import type { FieldChanges } from '../rules/cycle';
import type { TicketEventType } from '../domain/ticket';
import type { Sql } from '../store/db';
import { recordEvaluation } from '../store/evaluations';
import { assignAgent } from './assignment';
import { cycleRecord, recordingLookups } from '../rules/replay';
import { decideRuleSet } from '../rules/runner';
import { loadPublishedRuleSet } from '../store/rule-sets';
import { intakeTypePath, loadTicketSnapshot, previousSnapshot } from '../store/ticket-snapshot';

export interface EvaluateTriggersInput {
  ticketId: string;
  evaluation: number;
  event: TicketEventType;
  /** What the command that caused an `updated` event changed, to reconstruct the ticket before it. */
  commandChanges: Record<string, [unknown, unknown]>;
}

export interface EvaluateTriggersOutput {
  versionId: string | null;
  changes: FieldChanges;
  sideEffects: number;
}

export function triggerActivities({ sql, evaluator }: { sql: Sql; evaluator: EvaluatorKind }) {
  return {
    async evaluateTriggers(input: EvaluateTriggersInput): Promise<EvaluateTriggersOutput> {
      const { serviceId, ...ticket } = await loadTicketSnapshot(sql, input.ticketId);
      const version = await loadPublishedRuleSet(sql, serviceId);
      if (!version) return { versionId: null, changes: {}, sideEffects: 0 };

      const previous = input.event === 'updated' ? await previousSnapshot(sql, ticket, input.commandChanges) : null;
      const keyPrefix = `${input.ticketId}:${input.evaluation}`;
      const recording = recordingLookups({
        assign: (result, _ticket, key) => assignAgent(sql, `${keyPrefix}:${key}`, result),
        intakeTypePath: (id) => intakeTypePath(sql, id),
      });
      const cycleInput = { event: input.event, ticket, previous };
      const outcome = await decideRuleSet(version, evaluator, cycleInput, recording.lookups);

      await recordEvaluation(sql, {
        ticketId: input.ticketId,
        evaluation: input.evaluation,
        event: input.event,
        versionId: version.versionId,
        versionNumber: version.number,
        evaluator,
        replay: cycleRecord(cycleInput, outcome, recording.answers()),
        sideEffects: outcome.sideEffects.map(({ index, triggerId, result }) => ({ index, sourceId: triggerId, result })),
      });
      return { versionId: version.versionId, changes: outcome.changes, sideEffects: outcome.sideEffects.length };
    },
  };
}
