/**
 * The transfer part of the ticket status machine, as pure functions: an agent's transfer to Dooray! or to an
 * issue service (validated like every command), and the events that come back (the Dooray task created, moved or
 * refused for good; the issue ticket answered; a customer-guidance request). Events that no longer apply (another
 * transfer since, a status delivered twice or late) decide nothing, so duplicates and out-of-order deliveries are
 * harmless.
 */
import type { Actor } from '../domain/people';
import { OPEN_STATUSES, WORKING_STATUSES, type TicketCommand, type TicketState } from '../domain/ticket';
import { doorayClassRank, ticketStatusForTask, type DoorayTaskClass } from '../domain/transfer';
import { refuse } from './ticket-errors';
import type { Decision } from './ticket-machine';

type TransferCommand = Extract<TicketCommand, { kind: 'transfer_dooray' | 'transfer_issue' }>;

export function decideTransfer(state: TicketState, actor: Actor, command: TransferCommand): Decision {
  const transfer = state.transfer ?? null;
  if (transfer?.kind === 'dooray' && transfer.postId === null) {
    refuse('ticket.transfer_pending', 'The ticket’s Dooray! task is still being created; wait for it before transferring again.', {
      transferId: transfer.id,
    });
  }
  if (state.status === 'issue_transferred' || state.status === 'dooray_transferred' || state.status === 'dooray_in_progress') {
    refuse('ticket.invalid_transition', `A ${state.status} ticket is waiting for its transfer’s answer and cannot be transferred again yet.`, {
      status: state.status,
    });
  }
  if (state.assigneeId === null) refuse('ticket.not_assigned', 'Assign the ticket before you transfer it.', { status: state.status });
  if (!WORKING_STATUSES.includes(state.status)) {
    refuse('ticket.invalid_transition', `A ${state.status} ticket cannot be transferred.`, { status: state.status });
  }
  if (state.assigneeId !== actor.id && actor.role !== 'admin') refuse('ticket.not_assignee', 'Only the assignee or an admin can transfer this ticket.');

  if (command.kind === 'transfer_dooray') {
    const { request } = command;
    return {
      next: { ...state, transfer: { kind: 'dooray', id: request.transferId, postId: null, taskClass: null } },
      changes: { doorayTransfer: [null, { transferId: request.transferId, projectId: request.projectId }] },
    };
  }
  const { request } = command;
  return {
    next: { ...state, status: 'issue_transferred', transfer: { kind: 'issue', id: request.transferId, issueTicketId: request.issueTicketId } },
    changes: {
      status: [state.status, 'issue_transferred'],
      issueTransfer: [null, { transferId: request.transferId, issueTicketId: request.issueTicketId, serviceId: request.serviceId }],
    },
  };
}

const isLive = (state: TicketState) => state.status !== 'closed' && !state.deleted;

function currentDooray(state: TicketState, transferId: string) {
  const transfer = state.transfer ?? null;
  return transfer?.kind === 'dooray' && transfer.id === transferId && isLive(state) ? transfer : null;
}

/** Dooray answered with the task: the ticket becomes dooray_transferred (or further, if deliveries came first). */
export function doorayTaskCreated(state: TicketState, event: { transferId: string; postId: string; taskNumber: number | null }): Decision | null {
  const transfer = currentDooray(state, event.transferId);
  if (!transfer || transfer.postId !== null) return null;
  const status = ticketStatusForTask(transfer.taskClass);
  return {
    next: { ...state, status, transfer: { ...transfer, postId: event.postId } },
    changes: { status: [state.status, status], doorayTask: [null, { transferId: event.transferId, postId: event.postId, taskNumber: event.taskNumber }] },
  };
}

/** A task status delivery: moves the ticket forward only, never back (a late `working` after `closed` is stale). */
export function doorayTaskMoved(state: TicketState, event: { transferId: string; taskClass: DoorayTaskClass; name: string | null }): Decision | null {
  const transfer = currentDooray(state, event.transferId);
  if (!transfer) return null;
  if (transfer.taskClass !== null && doorayClassRank(event.taskClass) <= doorayClassRank(transfer.taskClass)) return null;
  const changes: Decision['changes'] = { doorayTaskClass: [transfer.taskClass, event.taskClass] };
  if (event.name) changes.doorayTaskStatus = [null, event.name];
  let status = state.status;
  if (transfer.postId !== null && (state.status === 'dooray_transferred' || state.status === 'dooray_in_progress')) {
    const moved = ticketStatusForTask(event.taskClass);
    if (moved !== 'dooray_transferred' && moved !== state.status) {
      status = moved;
      changes.status = [state.status, moved];
    }
  }
  return { next: { ...state, status, transfer: { ...transfer, taskClass: event.taskClass } }, changes };
}

/** Dooray refused the task for good: the transfer ends and the ticket stays where it was. */
export function doorayTransferFailed(state: TicketState, event: { transferId: string; reason: string }): Decision | null {
  const transfer = currentDooray(state, event.transferId);
  if (!transfer || transfer.postId !== null) return null;
  return {
    next: { ...state, transfer: null },
    changes: { doorayTransfer: [{ transferId: event.transferId }, null], doorayFailure: [null, event.reason] },
  };
}

/** The issue ticket was resolved, held or internally resolved: the ticket becomes issue_answered and shows the answer. */
export function issueAnswered(
  state: TicketState,
  event: { transferId: string; issueTicketId: string; status: string; body: string | null },
): Decision | null {
  const transfer = state.transfer ?? null;
  if (transfer?.kind !== 'issue' || transfer.id !== event.transferId || !isLive(state)) return null;
  const changes: Decision['changes'] = { issueAnswer: [null, { transferId: event.transferId, issueTicketId: event.issueTicketId, status: event.status }] };
  let status = state.status;
  if (state.status === 'issue_transferred') {
    status = 'issue_answered';
    changes.status = [state.status, status];
  }
  const body = `[${event.issueTicketId} · ${event.status}]${event.body ? `\n${event.body}` : ''}`;
  return { next: { ...state, status }, changes, message: { kind: 'internal_note', body } };
}

/** The issue side asks the agent to guide the customer (고객 안내): recorded in the history. */
export function guidanceRequested(state: TicketState, event: { requestId: string; issueTicketId: string; body: string }): Decision | null {
  if (!OPEN_STATUSES.includes(state.status) && state.status !== 'resolved') return null;
  return {
    next: state,
    changes: { guidanceRequest: [null, { requestId: event.requestId, issueTicketId: event.issueTicketId }] },
    message: { kind: 'internal_note', body: `[${event.issueTicketId} · guidance] ${event.body}` },
  };
}
