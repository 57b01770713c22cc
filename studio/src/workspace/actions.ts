/**
 * Which actions to offer on a ticket, mirroring the ticket status machine (workflows/ticket-machine.ts).
 * This only decides what to show; the workflow is the authority and its refusals are shown as they come.
 */
import { OPEN_STATUSES, WORKING_STATUSES } from '../../../domain/ticket';
import type { Me, Ticket } from '../api/types';
import type { MessageKey } from '../i18n';

export type TicketAction =
  | 'take'
  | 'forward'
  | 'resolve'
  | 'hold'
  | 'comment'
  | 'internalResolve'
  | 'restore'
  | 'delete'
  | 'complete'
  | 'transfer'
  | 'signedUrl';

export interface ActionAvailability {
  allowed: Set<TicketAction>;
  /** Why nothing can be done at all, when that is the case. */
  blocked?: MessageKey;
}

export function availableActions(ticket: Ticket, me: Me): ActionAvailability {
  const allowed = new Set<TicketAction>();
  if (ticket.status === 'closed') return { allowed, blocked: 'workspace.blocked.closed' };
  if (me.role === 'org_admin') return { allowed, blocked: 'workspace.blocked.orgAdmin' };
  const admin = me.role === 'admin';
  const mine = ticket.assigneeId === me.id;

  allowed.add('comment');
  if (ticket.status === 'unassigned') allowed.add('take');
  if (OPEN_STATUSES.includes(ticket.status) && (admin || me.permissions.includes('ticket_forward'))) allowed.add('forward');
  if (ticket.assigneeId !== null && WORKING_STATUSES.includes(ticket.status) && (mine || admin)) {
    allowed.add('resolve');
    allowed.add('hold');
  }
  if (OPEN_STATUSES.includes(ticket.status) && (ticket.assigneeId === null || mine || admin)) allowed.add('internalResolve');
  if (admin && ticket.status === 'spam') {
    allowed.add('restore');
    allowed.add('delete');
  }
  if (admin && ticket.status === 'resolved') allowed.add('complete');
  // Transfers: the assignee (or an admin) hands a ticket they are working to an issue service or Dooray!.
  if (ticket.assigneeId !== null && WORKING_STATUSES.includes(ticket.status) && (mine || admin)) allowed.add('transfer');
  // A signed URL lets an external system comment on the ticket; only admins hand those out.
  if (admin) allowed.add('signedUrl');
  return { allowed };
}

/** Whether taking needs the agent to choose a group (they are in several and the ticket's group is not theirs). */
export function takeNeedsGroup(ticket: Ticket, me: Me): boolean {
  // Everyone, admins included, takes into one of their own groups (the server refuses any other).
  if (ticket.groupId && me.groupIds.includes(ticket.groupId)) return false;
  return me.groupIds.length !== 1;
}
