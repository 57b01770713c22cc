/**
 * One activity per ticket change. Opening a ticket or recording a command, running the trigger cycle of its event,
 * recording the cycle's field changes and planning the ticket's time rules used to be four activities, each a round
 * trip through Temporal (an activity task and a workflow task) and each reading the ticket again; here they are one
 * activity and one transaction, reading the ticket and its service's business hours once.
 *
 * Exactly once: the transaction commits all of the change or none of it. A retry first reads the ticket's last seq
 * (locking its row): if the change is already there, its transaction committed and the retry answers from what it
 * recorded instead of running the cycle again against a ticket the cycle has already moved. The cycle runs inside
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
import { recordedCycleOutcome } from '../store/evaluations';
import { loadTicketWithHours } from '../store/ticket-snapshot';
import { lockRecordedSeq, writeNewTicket, writeTicketChange, type NewTicket, type TicketStateColumns } from '../store/tickets';
import { isDeterministic } from './failures';
import { changeRecord, refusedUnlessRecorded, type TicketChange } from './tickets';
import { planTimeRulesFor } from './time-rules';
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
    const ticketId = columns.id;
    const settled = await inTransaction(sql, async (tx): Promise<Settled | null> => {
      const recorded = await lockRecordedSeq(tx, ticketId);
      if (recorded !== null && recorded >= columns.seq) return null;
      await write(tx);
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
    });
    const { serviceId, businessHours, ticket, outcome } = settled ?? (await recorded(columns, cycle));
    if (isFinished(applyFieldChanges(columns, outcome.changes))) return { ...outcome, timers: [] };
    return { ...outcome, timers: await plan({ ticketId, serviceId, ticket, businessHours }, now) };
  }

  /** The outcome a committed change recorded, for its retry. */
  async function recorded(columns: TicketStateColumns, cycle: Cycle | null): Promise<Settled> {
    const { serviceId, businessHours, ticket } = await loadTicketWithHours(sql, columns.id);
    if (!cycle) return { serviceId, businessHours, ticket, outcome: NOTHING };
    const { changes, sideEffects } = await recordedCycleOutcome(sql, columns.id, cycle.evaluation, columns.seq + 1);
    return { serviceId, businessHours, ticket, outcome: { evaluated: true, changes, sideEffects } };
  }

  /** The time-rule plan; a plan the data refuses is skipped (logged), as a planning activity of its own was. */
  async function plan(ticket: Parameters<typeof planTimeRulesFor>[1], now: string): Promise<PlannedTimer[]> {
    try {
      return (await planTimeRulesFor(sql, ticket, new Date(now))).timers;
    } catch (error) {
      if (!isDeterministic(error)) throw error;
      log.warn(`Ticket ${ticket.ticketId}: skipped planning time rules: ${(error as Error).message}`);
      return [];
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
  };
}
