/**
 * One activity per ticket change. Opening a ticket, recording a command or firing a time rule, running the trigger
 * cycle of its event, recording the cycle's field changes and planning the ticket's time rules used to be four or
 * five activities, each a round trip through Temporal (an activity task and a workflow task) and each reading the
 * ticket again; here they are one activity and one transaction, reading the ticket and its service's business
 * hours once per change.
 *
 * Exactly once: the transaction commits all of the change or none of it. A retry first locks the ticket's row and
 * reads its last seq (a firing: whether the firing is recorded): if the change is already there, its transaction
 * committed and the retry answers from what it recorded instead of running the cycle again against a ticket the
 * cycle has already moved. The cycle runs inside
 * a savepoint: data it cannot store skips the cycle (logged) while the change that caused the event stands, as
 * when the cycle was an activity of its own.
 *
 * These are regular activities, not local ones, although their work is short database work: a change must survive
 * a database restart, so its retries are unlimited, and a local activity retrying for minutes would hold the
 * workflow task open past its timeout (the caller's update would wait on task timeouts and heartbeats instead of
 * backoff), and every local attempt past the first re-records a marker in the history. A regular activity costs
 * one more workflow task per change, which this module already brings from four to one.
 */
import { log } from '@temporalio/activity';
import type { EvaluatorKind, TicketSnapshot } from '../rules';
import type { BusinessHours } from '../rules/business-hours';
import type { FieldChanges } from '../rules/cycle';
import type { PlannedTimer } from '../rules/time-rules';
import type { Keyring } from '../infra/keyring';
import { applyFieldChanges, isFinished, openingState } from '../domain/ticket-state';
import type { TicketEventType } from '../domain/ticket';
import { inSavepoint, inTransaction, type Sql, type Tx } from '../store/db';
import { findTimeRuleFiringTrace, recordedCycleOutcome } from '../store/evaluations';
import { loadTicketWithHours } from '../store/ticket-snapshot';
import { lockRecordedSeq, writeNewTicket, writeTicketChange, type NewTicket, type TicketStateColumns } from '../store/tickets';
import { isDeterministic } from './failures';
import { changeRecord, refusedUnlessRecorded, type TicketChange } from './tickets';
import { fireDueTimeRule, planTimeRulesFor, type Firing } from './time-rules';
import { runTriggerCycle } from './triggers';

/** What a change did beyond itself, for the workflow to apply to the state it holds. */
export interface ChangeOutcome {
  /** Whether the change's trigger evaluation ran, spending its number; false when it was not asked for or skipped. */
  evaluated: boolean;
  /** The cycle's field changes, recorded as a `trigger` event right after the change's own. */
  changes: FieldChanges;
  /** How many side effects the cycle queued, to perform once the state has settled. */
  sideEffects: number;
  /** The ticket's pending time rules after the change, earliest first; none once it is finished. */
  timers: PlannedTimer[];
}

export interface CreateTicketInput {
  ticket: NewTicket;
  /** The workflow's time, for the cycle's event and the time-rule plan. */
  now: string;
}

export interface ChangeTicketInput {
  change: TicketChange;
  /** The `updated` evaluation the change runs; null when the change finished the ticket. */
  evaluation: number | null;
  now: string;
}

export interface FireTimeRuleChangeInput {
  /** The ticket row's columns as the workflow holds them (its current seq), for the rule's change. */
  state: TicketStateColumns;
  key: string;
  /** The firing's evaluation; the cycle its changes run takes the next one. */
  evaluation: number;
  now: string;
}

/** What a time rule's firing did; the {@link ChangeOutcome} is the `updated` cycle its changes ran. */
export interface TimeRuleOutcome extends ChangeOutcome {
  /** False when the rule was no longer due (a stale timer): then only `timers`, the fresh plan, holds. */
  fired: boolean;
  /** The rule's own field changes, recorded as a `time_rule` event, and how many side effects it queued. */
  rule: { changes: FieldChanges; sideEffects: number };
}

interface Cycle {
  evaluation: number;
  event: TicketEventType;
  commandChanges: Record<string, [unknown, unknown]>;
}

/** What the change's transaction leaves for planning: the ticket as the cycle left it. */
interface Settled {
  serviceId: string;
  businessHours: BusinessHours | null;
  ticket: TicketSnapshot;
  outcome: Omit<ChangeOutcome, 'timers'>;
}

const NOTHING: Omit<ChangeOutcome, 'timers'> = { evaluated: false, changes: {}, sideEffects: 0 };

export function ticketChangeActivities({ sql, keyring, evaluator }: { sql: Sql; keyring: Keyring | null; evaluator: EvaluatorKind }) {
  /**
   * Writes the change with `write` (skipped when its seq is recorded already), runs the cycle and records its
   * changes, all in one transaction; then plans the time rules of the ticket as it now stands.
   */
  async function settle(columns: TicketStateColumns, cycle: Cycle | null, now: string, write: (tx: Tx) => Promise<void>): Promise<ChangeOutcome> {
    const settled = await inTransaction(sql, async (tx): Promise<Settled | null> => {
      const recorded = await lockRecordedSeq(tx, columns.id);
      if (recorded !== null && recorded >= columns.seq) return null;
      await write(tx);
      return runCycle(tx, columns, cycle, now);
    });
    return planned(columns, settled ?? (await recorded(columns, cycle)), now);
  }

  /** Runs the cycle of the change just written (`columns`) and records its field changes as the next event. */
  async function runCycle(tx: Tx, columns: TicketStateColumns, cycle: Cycle | null, now: string): Promise<Settled> {
    const ticketId = columns.id;
    const { serviceId, businessHours, ticket } = await loadTicketWithHours(tx, ticketId);
    if (!cycle) return { serviceId, businessHours, ticket, outcome: NOTHING };
    const ran = await inSavepoint(tx, async (savepoint) => {
      const outcome = await runTriggerCycle(savepoint, evaluator, { ticketId, serviceId, ticket, ...cycle });
      if (Object.keys(outcome.changes).length > 0) {
        const state = { ...applyFieldChanges(columns, outcome.changes), seq: columns.seq + 1 };
        await writeTicketChange(savepoint, { state, kind: 'trigger', actorId: null, changes: outcome.changes, message: null, at: now });
      }
      return outcome;
    }).catch((error: unknown) => {
      if (!isDeterministic(error)) throw error;
      log.warn(`Ticket ${ticketId}: skipped the ${cycle.event} triggers (evaluation ${cycle.evaluation}): ${(error as Error).message}`);
      return null;
    });
    if (!ran) return { serviceId, businessHours, ticket, outcome: NOTHING };
    return { serviceId, businessHours, ticket: ran.ticket, outcome: { evaluated: true, changes: ran.changes, sideEffects: ran.sideEffects } };
  }

  /** The outcome a committed change recorded, for its retry. */
  async function recorded(columns: TicketStateColumns, cycle: Cycle | null): Promise<Settled> {
    const { serviceId, businessHours, ticket } = await loadTicketWithHours(sql, columns.id);
    if (!cycle) return { serviceId, businessHours, ticket, outcome: NOTHING };
    const { changes, sideEffects } = await recordedCycleOutcome(sql, columns.id, cycle.evaluation, columns.seq + 1);
    return { serviceId, businessHours, ticket, outcome: { evaluated: true, changes, sideEffects } };
  }

  /**
   * The outcome with the time-rule plan of the ticket as the change left it: none once it is finished; a plan the
   * data refuses is skipped (logged), as a planning activity of its own was.
   */
  async function planned(columns: TicketStateColumns, { serviceId, businessHours, ticket, outcome }: Settled, now: string): Promise<ChangeOutcome> {
    if (isFinished(applyFieldChanges(columns, outcome.changes))) return { ...outcome, timers: [] };
    try {
      return { ...outcome, timers: (await planTimeRulesFor(sql, { ticketId: columns.id, serviceId, ticket, businessHours }, new Date(now))).timers };
    } catch (error) {
      if (!isDeterministic(error)) throw error;
      log.warn(`Ticket ${columns.id}: skipped planning time rules: ${(error as Error).message}`);
      return { ...outcome, timers: [] };
    }
  }

  return {
    /** Stores a new ticket (seq 1) and runs its `created` cycle (evaluation 1). */
    async createTicket({ ticket, now }: CreateTicketInput): Promise<ChangeOutcome> {
      const state = openingState(ticket);
      const cycle = { evaluation: 1, event: 'created' as const, commandChanges: {} };
      return settle(state, cycle, now, (tx) => writeNewTicket(tx, ticket, state));
    },

    /** Records an accepted command and runs its `updated` cycle. */
    async changeTicket({ change, evaluation, now }: ChangeTicketInput): Promise<ChangeOutcome> {
      const cycle = evaluation === null ? null : { evaluation, event: 'updated' as const, commandChanges: change.changes };
      return settle(change.state, cycle, now, async (tx) => refusedUnlessRecorded(await writeTicketChange(tx, changeRecord(change, keyring))));
    },

    /**
     * Fires a due time rule (evaluation `evaluation`), records its field changes as a `time_rule` event, runs the
     * `updated` cycle they cause (the next evaluation) and records its changes, in one transaction; then plans the
     * time rules. A retry finds the firing recorded and answers from the record.
     */
    async fireTimeRuleChange({ state, key, evaluation, now }: FireTimeRuleChangeInput): Promise<TimeRuleOutcome> {
      const ticketId = state.id;
      /** The columns the rule's changes leave, and the cycle they run: none when they changed nothing or finished the ticket. */
      const after = (changes: FieldChanges) => {
        if (Object.keys(changes).length === 0) return { columns: state, cycle: null };
        const columns = { ...applyFieldChanges(state, changes), seq: state.seq + 1 };
        return { columns, cycle: isFinished(columns) ? null : { evaluation: evaluation + 1, event: 'updated' as const, commandChanges: changes } };
      };
      const { firing, settled } = await inTransaction(sql, async (tx): Promise<{ firing: Firing; settled: Settled | null }> => {
        await lockRecordedSeq(tx, ticketId);
        const recorded = await findTimeRuleFiringTrace(tx, ticketId, key, evaluation);
        if (recorded) return { firing: { fired: true, changes: recorded.changes, sideEffects: recorded.sideEffects.length }, settled: null };
        const firing = await fireDueTimeRule(tx, { ticketId, ...(await loadTicketWithHours(tx, ticketId)) }, key, evaluation, new Date(now));
        if (!firing.fired) return { firing, settled: null };
        const { columns, cycle } = after(firing.changes);
        if (columns !== state) await writeTicketChange(tx, { state: columns, kind: 'time_rule', actorId: null, changes: firing.changes, message: null, at: now });
        return { firing, settled: await runCycle(tx, columns, cycle, now) };
      });
      if (!firing.fired) return { fired: false, rule: { changes: {}, sideEffects: 0 }, ...NOTHING, timers: firing.timers };
      const { columns, cycle } = after(firing.changes);
      const outcome = await planned(columns, settled ?? (await recorded(columns, cycle)), now);
      return { fired: true, rule: { changes: firing.changes, sideEffects: firing.sideEffects }, ...outcome };
    },
  };
}
