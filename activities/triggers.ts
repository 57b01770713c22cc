/**
 * The trigger-evaluation activity: runs the cycle against the service's published rule-set version, deciding through
 * the trigger index, records what the trace is recomputed from (`rules/replay.ts`) and the pending side effects, and
 * returns the field changes for the workflow to apply. Re-running it for the same (ticket, evaluation) gives the same
 * answer: assignments are remembered by key and the evaluation and side-effect rows are upserted.
 */
import type { EvaluatorKind, TicketSnapshot } from '../rules';
import type { FieldChanges } from '../rules/cycle';
import type { TicketEventType } from '../domain/ticket';
import { inTransaction, type Sql, type Tx } from '../store/db';
import { insertEvaluation } from '../store/evaluations';
import { assignAgentWithin } from './assignment';
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

/** One cycle's outcome, with the ticket as the cycle left it (what the time rules are planned for). */
export interface TriggerCycleOutcome extends EvaluateTriggersOutput {
  ticket: TicketSnapshot;
}

/**
 * Runs the cycle for a ticket already read, inside the caller's transaction: assignment decisions, the evaluation
 * and its side effects commit with whatever the caller writes beside them, or not at all.
 */
export async function runTriggerCycle(
  tx: Tx,
  evaluator: EvaluatorKind,
  input: EvaluateTriggersInput & { serviceId: string; ticket: TicketSnapshot },
): Promise<TriggerCycleOutcome> {
  const { ticket } = input;
  const version = await loadPublishedRuleSet(tx, input.serviceId);
  if (!version) return { versionId: null, changes: {}, sideEffects: 0, ticket };

  const previous = input.event === 'updated' ? await previousSnapshot(tx, ticket, input.commandChanges) : null;
  const keyPrefix = `${input.ticketId}:${input.evaluation}`;
  const recording = recordingLookups({
    assign: (result, _ticket, key) => assignAgentWithin(tx, `${keyPrefix}:${key}`, result),
    intakeTypePath: (id) => intakeTypePath(tx, id),
  });
  const cycleInput = { event: input.event, ticket, previous };
  const outcome = await decideRuleSet(version, evaluator, cycleInput, recording.lookups);

  await insertEvaluation(tx, {
    ticketId: input.ticketId,
    evaluation: input.evaluation,
    event: input.event,
    versionId: version.versionId,
    versionNumber: version.number,
    evaluator,
    replay: cycleRecord(cycleInput, outcome, recording.answers()),
    sideEffects: outcome.sideEffects.map(({ index, triggerId, result }) => ({ index, sourceId: triggerId, result })),
  });
  return { versionId: version.versionId, changes: outcome.changes, sideEffects: outcome.sideEffects.length, ticket: outcome.ticket };
}

export function triggerActivities({ sql, evaluator }: { sql: Sql; evaluator: EvaluatorKind }) {
  return {
    /** The cycle alone, for time rules, outside events and runs started before changes ran their cycle in `changeTicket`. */
    async evaluateTriggers(input: EvaluateTriggersInput): Promise<EvaluateTriggersOutput> {
      const { serviceId, ...ticket } = await loadTicketSnapshot(sql, input.ticketId);
      const { versionId, changes, sideEffects } = await inTransaction(sql, (tx) => runTriggerCycle(tx, evaluator, { ...input, serviceId, ticket }));
      return { versionId, changes, sideEffects };
    },
  };
}
