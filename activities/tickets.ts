/**
 * Ticket read-model writes. Every write is keyed by (ticket id, event seq) so a retried activity, or one
 * re-run after a worker died, leaves exactly the rows one successful run would have left.
 */
import type { Keyring } from '../infra/keyring';
import type { MaskRequest } from '../domain/masks';
import type { Sql } from '../store/db';
import { INVALID_DATA } from './failures';
import { maskRefused, sealWith } from './masks';
import { insertNewTicket, recordTicketChange, type NewTicket } from '../store/tickets';
import type { TransferWrite } from '../store/transfers';
import { CUSTOMER_FACING, type MessageKind, type TicketState } from '../domain/ticket';

export type { NewCustomer, NewTicket } from '../store/tickets';
export type { TransferWrite } from '../store/transfers';

export interface TicketChange {
  state: TicketState;
  kind: string;
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  message: { kind: MessageKind; body: string; attachmentIds?: string[] } | null;
  transfer?: TransferWrite | null;
  /** A mask to write with its `masked` event; the original is sealed here, so it never enters workflow history. */
  mask?: MaskRequest | null;
  at: string;
}

export function ticketActivities({ sql, keyring }: { sql: Sql; keyring: Keyring | null }) {
  return {
    async openTicket(ticket: NewTicket): Promise<TicketState> {
      const state: TicketState = {
        id: ticket.ticketId,
        serviceId: ticket.serviceId,
        channel: ticket.channel,
        status: ticket.assigneeId ? 'in_progress' : 'unassigned',
        priority: ticket.priority,
        subject: ticket.subject,
        groupId: ticket.groupId,
        assigneeId: ticket.assigneeId ?? null,
        resolutionTypeId: null,
        intakeTypeId: ticket.intakeTypeId,
        tags: ticket.tags,
        evaluations: 0,
        seq: 1,
        deleted: false,
        transfer: null,
        issueOf: ticket.issueOf ?? null,
        important: false,
        customerFields: ticket.customerFields ?? {},
        agentFields: ticket.agentFields ?? {},
      };
      await insertNewTicket(sql, ticket, state);
      return state;
    },

    async recordTicketChange(change: TicketChange): Promise<void> {
      const { message, mask } = change;
      const recorded = await recordTicketChange(sql, {
        ...change,
        message: message && { ...message, emailStatus: CUSTOMER_FACING.includes(message.kind) ? 'pending' : null },
        mask: mask && { request: mask, seal: sealWith(keyring) },
      });
      // The workflow checked the span against what it knows; text stored before masks went through it may still refuse.
      if (!recorded.ok) throw maskRefused(recorded.reason, INVALID_DATA);
    },
  };
}
