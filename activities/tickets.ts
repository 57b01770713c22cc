/**
 * Ticket read-model writes. Every write is keyed by (ticket id, event seq) so a retried activity, or one
 * re-run after a worker died, leaves exactly the rows one successful run would have left.
 */
import type { Keyring } from '../infra/keyring';
import type { MaskRequest } from '../domain/masks';
import type { Sql } from '../store/db';
import { INVALID_DATA } from './failures';
import { maskRefused, sealWith } from './masks';
import { insertNewTicket, recordTicketChange, type NewTicket, type TicketChangeRecord, type TicketStateColumns } from '../store/tickets';
import type { Refused } from '../store/errors';
import type { MaskStoreRefusal } from '../store/masks';
import { openingState } from '../domain/ticket-state';
import type { TransferWrite } from '../store/transfers';
import { CUSTOMER_FACING, type MessageKind, type TicketState } from '../domain/ticket';

export type { NewCustomer, NewTicket } from '../store/tickets';
export type { TransferWrite } from '../store/transfers';

export interface TicketChange {
  /** The ticket after the change; the subject, star and field values only when the change moved them. */
  state: TicketStateColumns;
  kind: string;
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  message: { kind: MessageKind; body: string; attachmentIds?: string[] } | null;
  transfer?: TransferWrite | null;
  /** A mask to write with its `masked` event; the original is sealed here, so it never enters workflow history. */
  mask?: MaskRequest | null;
  at: string;
}

/** A change as the store records it: a customer-facing message waits to be mailed, a mask seals its original. */
export function changeRecord(change: TicketChange, keyring: Keyring | null): TicketChangeRecord {
  const { message, mask } = change;
  return {
    ...change,
    message: message && { ...message, emailStatus: CUSTOMER_FACING.includes(message.kind) ? 'pending' : null },
    mask: mask && { request: mask, seal: sealWith(keyring) },
  };
}

/** Throws the refusal of a change the store would not record. */
export function refusedUnlessRecorded(recorded: { ok: true } | Refused<MaskStoreRefusal>): void {
  // The workflow checked the span against what it knows; text stored before masks went through it may still refuse.
  if (!recorded.ok) throw maskRefused(recorded.reason, INVALID_DATA);
}

export function ticketActivities({ sql, keyring }: { sql: Sql; keyring: Keyring | null }) {
  return {
    /** For runs that opened their ticket before `createTicket` did it with its trigger cycle. */
    async openTicket(ticket: NewTicket): Promise<TicketState> {
      const state = openingState(ticket);
      await insertNewTicket(sql, ticket, state);
      return state;
    },

    async recordTicketChange(change: TicketChange): Promise<void> {
      refusedUnlessRecorded(await recordTicketChange(sql, changeRecord(change, keyring)));
    },
  };
}
