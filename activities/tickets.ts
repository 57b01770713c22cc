/**
 * Ticket read-model writes. Every write is keyed by (ticket id, event seq) so a retried activity, or one
 * re-run after a worker died, leaves exactly the rows one successful run would have left.
 */
import type { Sql } from '../store/db';
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
  at: string;
}

export function ticketActivities({ sql }: { sql: Sql }) {
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
      const { message } = change;
      await recordTicketChange(sql, {
        ...change,
        message: message && { ...message, emailStatus: CUSTOMER_FACING.includes(message.kind) ? 'pending' : null },
      });
    },
  };
}
