/**
 * How a ticket's state moves, shared by the ticket workflow (which holds the state) and the activity that records a
 * change (which writes the same state to the read model): the state a new ticket opens with, a trigger's field
 * changes applied, and when a ticket is finished. Pure and type-only imports, so workflow code can use it.
 *
 * @module
 */
import type { FieldValue, TicketChannel, TicketPriority, TicketState, TicketStatus } from './ticket';
import type { IssueOrigin } from './transfer';

/** What a new ticket's state is made of (the creation request as the workflow receives it). */
export interface OpeningTicket {
  ticketId: string;
  serviceId: string;
  channel: TicketChannel;
  subject: string;
  priority: TicketPriority;
  intakeTypeId: string | null;
  groupId: string | null;
  tags: string[];
  assigneeId?: string | null;
  issueOf?: IssueOrigin;
  customerFields?: Record<string, FieldValue>;
  agentFields?: Record<string, FieldValue>;
}

/** The state a ticket opens with: its `created` event is seq 1, and no trigger has run yet. */
export function openingState(ticket: OpeningTicket): TicketState {
  return {
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
}

/** A closed or deleted ticket runs no more triggers and plans no more time rules. */
export const isFinished = (state: { status: TicketStatus; deleted: boolean }) => state.status === 'closed' || state.deleted;

/** The fields a trigger or time rule may change. */
const FIELD_KEYS = new Set(['status', 'priority', 'groupId', 'assigneeId', 'intakeTypeId', 'tags']);

/** The state with a trigger's (or time rule's) field changes applied; other keys of `changes` are ignored. */
export function applyFieldChanges<S extends object>(state: S, changes: Record<string, [unknown, unknown]>): S {
  const next = { ...state } as Record<string, unknown>;
  for (const [field, [, after]] of Object.entries(changes)) if (FIELD_KEYS.has(field)) next[field] = after;
  return next as unknown as S;
}
