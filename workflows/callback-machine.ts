/**
 * The callback request's status machine as pure functions: given the state, who acts and what they ask, decide
 * the next state or refuse with a stable code. Run in the update validator (refusals never reach history) and
 * again under the workflow's lock before applying, exactly like the ticket machine.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  ASSIGNABLE_CALLBACK_STATUSES,
  type CallbackActor,
  type CallbackCommand,
  type CallbackErrorCode,
  type CallbackState,
} from '../domain/callback';

export interface CallbackDecision {
  next: CallbackState;
  /** Field → [before, after] for the event log; an attempt's outcome is recorded under `outcome`. */
  changes: Record<string, [unknown, unknown]>;
}

/** A refused command: thrown from validators and handlers, never retried. */
export function refuseCallback(code: CallbackErrorCode, message: string, details?: Record<string, unknown>): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true, details: details ? [details] : [] });
}

const mayAssign = (actor: CallbackActor) => actor.role === 'admin' || actor.permissions.includes('callback_assign');

export function decideCallback(state: CallbackState, actor: CallbackActor, command: CallbackCommand): CallbackDecision {
  if (state.status === 'completed') refuseCallback('callback.finished', `Callback request ${state.id} is completed.`);
  if (actor.role === 'org_admin') refuseCallback('callback.forbidden', 'Organisation admins manage organisation settings only.');
  switch (command.kind) {
    case 'assign': {
      if (!mayAssign(actor)) refuseCallback('callback.assign_forbidden', 'Assigning callback requests needs an admin or the callback-assign permission.');
      if (!ASSIGNABLE_CALLBACK_STATUSES.includes(state.status)) {
        refuseCallback('callback.not_assignable', `Callback request ${state.id} is already assigned; cancel the assignment first.`, {
          status: state.status,
          assigneeId: state.assigneeId,
        });
      }
      return decision(state, { ...state, status: 'unprocessed', assigneeId: command.agentId, assignerId: actor.id, assignedAt: null });
    }
    case 'cancel_assignment':
      if (!mayAssign(actor)) refuseCallback('callback.assign_forbidden', 'Cancelling assignments needs an admin or the callback-assign permission.');
      if (state.status !== 'unprocessed') {
        refuseCallback('callback.not_assigned', `Only assigned, incomplete requests can be cancelled; this one is ${state.status}.`, { status: state.status });
      }
      return decision(state, { ...state, status: 'cancelled', assigneeId: null, assignerId: null, assignedAt: null });
    case 'connect':
    case 'complete':
    case 'register_history':
      requireAssignee(state, actor, command.kind);
      if (command.kind === 'connect') return attempt(state, command.outcome);
      if (command.kind === 'complete') return decision(state, { ...state, status: 'completed' });
      if (state.ticketId) refuseCallback('callback.history_registered', `Callback request ${state.id} already has ticket ${state.ticketId}.`, { ticketId: state.ticketId });
      return decision(state, { ...state, ticketId: command.ticketId });
    case 'answer':
      if (actor.kind !== 'hook') refuseCallback('callback.forbidden', 'Answers come from the signed URL the request handed out.');
      return attempt(state, command.outcome);
  }
}

function attempt(state: CallbackState, outcome: string): CallbackDecision {
  const result = decision(state, { ...state, attempts: state.attempts + 1 });
  return { ...result, changes: { ...result.changes, outcome: [null, outcome] } };
}

/** Only the assignee connects, completes or registers history: admins included (seed: 본인에게 할당된 건만 처리). */
function requireAssignee(state: CallbackState, actor: CallbackActor, verb: string): void {
  if (state.status !== 'unprocessed' || state.assigneeId === null) {
    refuseCallback('callback.not_assigned', `Assign the request before you ${verb.replace('_', ' ')} it.`, { status: state.status });
  }
  if (state.assigneeId !== actor.id) refuseCallback('callback.not_assignee', 'Only the assignee can act on this callback request.', { assigneeId: state.assigneeId });
}

function decision(before: CallbackState, next: CallbackState): CallbackDecision {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['status', 'assigneeId', 'assignerId', 'attempts', 'ticketId'] as const) {
    if (before[key] !== next[key]) changes[key] = [before[key], next[key]];
  }
  return { next, changes };
}
