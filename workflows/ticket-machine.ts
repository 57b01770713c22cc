/**
 * The ticket status machine as pure functions: given the current state, who acts and what they ask,
 * decide the next state or refuse with a stable code. The workflow runs it twice per command: in the
 * update validator (so refusals never reach history) and again under the workflow's lock before applying.
 */
import { API_CLIENT_TICKET_COMMANDS, type Actor } from '../domain/people';
import {
  OPEN_STATUSES,
  WORKING_STATUSES,
  type FieldValue,
  type MessageKind,
  type TicketCommand,
  type TicketEdit,
  type TicketState,
} from '../domain/ticket';
import { isSealedValue, type FieldScope } from '../domain/fields';
import { maskedChange, maskRefusal, maskTargetKey, maskText, overlapsMasked, type MaskRefusal, type MaskRequest } from '../domain/masks';
import { refuse } from './ticket-errors';
import { decideTransfer } from './ticket-transfers';

export interface Decision {
  next: TicketState;
  /** Field → [before, after] for the event log. */
  changes: Record<string, [unknown, unknown]>;
  message?: { kind: MessageKind; body: string; attachmentIds?: string[] };
  /** The event's kind when it is not the command's own (a `mask` command records a `masked` event). */
  event?: string;
}

const isAdmin = (actor: Actor) => actor.role === 'admin';

export function decide(state: TicketState, actor: Actor, command: TicketCommand): Decision {
  if (state.status === 'closed' || state.deleted) refuse('ticket.closed', `Ticket ${state.id} is closed.`);
  if (actor.role === 'org_admin') {
    refuse('ticket.forbidden', 'Organisation admins manage organisation settings only; ticket work needs an admin or agent.');
  }
  if (actor.kind === 'api_client' && !(API_CLIENT_TICKET_COMMANDS as readonly string[]).includes(command.kind)) {
    refuse('ticket.api_client_forbidden', `API clients create tickets and comment on them; ${command.kind} needs an agent.`, {
      command: command.kind,
    });
  }
  if (!isAdmin(actor) && !actor.permissions.includes('ticket')) {
    refuse('ticket.permission_required', 'Working tickets needs the ticket permission; ask an admin to grant it.', { permission: 'ticket' });
  }
  if (!isAdmin(actor) && actor.groupIds.length === 0) {
    refuse('ticket.not_in_service', 'You are not a member of any group in this ticket’s service.');
  }
  switch (command.kind) {
    case 'take':
      return take(state, actor, command.groupId);
    case 'forward':
      return forward(state, actor, command.groupId, command.agentId ?? null);
    case 'resolve': {
      requireWorking(state, actor, 'resolve');
      const next = { ...state, status: 'resolved' as const, resolutionTypeId: command.resolutionTypeId ?? state.resolutionTypeId };
      return decision(state, next, withAttachments({ kind: 'reply', body: command.body }, command.attachmentIds));
    }
    case 'hold':
      requireWorking(state, actor, 'hold');
      return decision(state, { ...state, status: 'on_hold' }, withAttachments({ kind: 'interim', body: command.body }, command.attachmentIds));
    case 'comment':
      return decision(state, state, withAttachments({ kind: command.internal ? 'internal_note' : 'comment', body: command.body }, command.attachmentIds));
    case 'internal_resolve': {
      if (!OPEN_STATUSES.includes(state.status)) {
        refuse('ticket.invalid_transition', `A ${state.status} ticket cannot be resolved internally.`, { status: state.status });
      }
      if (state.assigneeId !== null && state.assigneeId !== actor.id && !isAdmin(actor)) {
        refuse('ticket.not_assignee', 'Only the assignee or an admin can resolve this ticket.');
      }
      const status = command.reason === 'spam' ? 'spam' : 'resolved';
      const note = `[${command.reason}]${command.note ? ` ${command.note}` : ''}`;
      return decision(state, { ...state, status }, { kind: 'internal_note', body: note });
    }
    case 'restore':
      requireAdmin(actor, 'restore a ticket from the spam box');
      if (state.status !== 'spam') refuse('ticket.invalid_transition', 'Only tickets in the spam box can be restored.', { status: state.status });
      return decision(state, { ...state, status: state.assigneeId ? 'in_progress' : 'unassigned' });
    case 'delete':
      requireAdmin(actor, 'delete a ticket');
      if (state.status !== 'spam') refuse('ticket.invalid_transition', 'Only tickets in the spam box can be deleted.', { status: state.status });
      return decision(state, { ...state, deleted: true });
    case 'complete':
      requireAdmin(actor, 'complete a ticket');
      if (state.status !== 'resolved') refuse('ticket.invalid_transition', 'Only resolved tickets can be completed.', { status: state.status });
      return decision(state, { ...state, status: 'closed' });
    case 'transfer_dooray':
    case 'transfer_issue':
      return decideTransfer(state, actor, command);
    case 'edit':
      return edit(state, command.edit);
    case 'mask':
      return mask(state, command.mask);
  }
}

/**
 * Masking a span checks what the workflow knows: spans it masked before, and field values. Messages are not in its
 * state, so the API has checked the span against the message body before sending the command.
 */
function mask(state: TicketState, request: MaskRequest): Decision {
  const target = maskTargetKey(request.target);
  const masks = state.masks ?? [];
  const masked = masks.filter((span) => span.target === target);
  const next: TicketState = { ...state, masks: [...masks, { target, start: request.start, end: request.end }] };
  let refusal: MaskRefusal | null = overlapsMasked(request, masked) ? 'already_masked' : null;
  if (request.target.kind === 'field') {
    const scope = FIELD_VALUES[request.target.scope];
    const value = state[scope]?.[request.target.code] ?? '';
    if (typeof value !== 'string' || isSealedValue(value)) {
      refuse('mask.not_text', 'Only plain text field values can be masked; encrypted fields are sealed whole already.', { target });
    }
    refusal = maskRefusal(value, request, masked);
    next[scope] = { ...state[scope], [request.target.code]: maskText(value, request).masked };
  }
  const span = { start: request.start, end: request.end };
  if (refusal === 'out_of_range') refuse('mask.out_of_range', 'The span is outside the text.', span);
  if (refusal === 'already_masked') refuse('mask.already_masked', 'Part of the span is already masked.', span);
  return { next, changes: maskedChange(request), event: 'masked' };
}

const FIELD_VALUES = { customer: 'customerFields', agent: 'agentFields' } as const;

const EDITABLE = ['priority', 'intakeTypeId', 'resolutionTypeId', 'subject', 'important'] as const;

/**
 * An edit by anyone who works the ticket's service: each changed value becomes a `[before, after]` change, field
 * values under `customerFields.<code>` / `agentFields.<code>`; values that equal the current ones are no change.
 */
function edit(state: TicketState, changes: TicketEdit): Decision {
  const next: TicketState = { ...state, important: state.important ?? false };
  const recorded: Decision['changes'] = {};
  for (const key of EDITABLE) {
    const after = changes[key];
    if (after === undefined || after === next[key]) continue;
    recorded[key] = [next[key], after];
    (next as unknown as Record<string, unknown>)[key] = after;
  }
  const tags = [...(changes.tags ?? state.tags), ...(changes.addTags ?? [])].filter(
    (tag, index, all) => all.indexOf(tag) === index && !(changes.removeTags ?? []).includes(tag),
  );
  if (tags.join('\u0000') !== state.tags.join('\u0000')) {
    recorded.tags = [state.tags, tags];
    next.tags = tags;
  }
  let masks = state.masks;
  for (const [fieldScope, scope] of Object.entries(FIELD_VALUES) as [FieldScope, (typeof FIELD_VALUES)[FieldScope]][]) {
    const values: Record<string, FieldValue> = { ...state[scope] };
    for (const [code, after] of Object.entries(changes[scope] ?? {})) {
      const before = values[code] ?? null;
      if (before === after) continue;
      recorded[`${scope}.${code}`] = [before, after];
      // A new value has none of the old one's masks.
      masks = masks?.filter((span) => span.target !== maskTargetKey({ kind: 'field', scope: fieldScope, code }));
      if (after === null) delete values[code];
      else values[code] = after;
    }
    next[scope] = values;
  }
  if (masks) next.masks = masks;
  return { next, changes: recorded };
}

/**
 * Taking makes the taker the assignee in one of their own groups, admins included: an assignee always belongs to
 * the ticket's group (forwarding and triggers keep the same invariant). An admin outside the service's groups
 * forwards the ticket instead.
 */
function take(state: TicketState, actor: Actor, requestedGroupId: string | undefined): Decision {
  if (state.status !== 'unassigned') {
    refuse('ticket.not_assignable', `Only unassigned tickets can be taken; this one is ${state.status}.`, { status: state.status });
  }
  const groupId = requestedGroupId ?? chooseGroup(state, actor);
  if (!actor.groupIds.includes(groupId)) {
    refuse('ticket.not_group_member', 'You can only take a ticket into a group you belong to.', { groupId });
  }
  return decision(state, { ...state, status: 'in_progress', groupId, assigneeId: actor.id });
}

/** The ticket's own group when the taker belongs to it, else the taker's only group in the service. */
function chooseGroup(state: TicketState, actor: Actor): string {
  if (state.groupId && actor.groupIds.includes(state.groupId)) return state.groupId;
  if (actor.groupIds.length === 1) return actor.groupIds[0];
  if (actor.groupIds.length === 0) {
    return refuse(
      'ticket.not_in_service',
      'Taking a ticket makes you its assignee in one of your groups, and you have no group in this service: join one of its groups, or forward the ticket.',
    );
  }
  return refuse('ticket.group_required', 'You belong to several groups: choose the group to take this ticket into.', {
    groupIds: actor.groupIds,
  });
}

function forward(state: TicketState, actor: Actor, groupId: string, agentId: string | null): Decision {
  if (!isAdmin(actor) && !actor.permissions.includes('ticket_forward')) {
    refuse('ticket.forward_forbidden', 'Forwarding tickets needs the ticket-forward permission.');
  }
  if (!OPEN_STATUSES.includes(state.status)) {
    refuse('ticket.invalid_transition', `A ${state.status} ticket cannot be forwarded.`, { status: state.status });
  }
  const status = agentId ? 'in_progress' : 'unassigned';
  return decision(state, { ...state, status, groupId, assigneeId: agentId });
}

function requireWorking(state: TicketState, actor: Actor, verb: string): void {
  if (state.assigneeId === null) {
    refuse('ticket.not_assigned', `Assign the ticket before you ${verb} it.`, { status: state.status });
  }
  if (!WORKING_STATUSES.includes(state.status)) {
    refuse('ticket.invalid_transition', `A ${state.status} ticket cannot be ${verb === 'hold' ? 'held' : 'resolved'}.`, {
      status: state.status,
    });
  }
  if (state.assigneeId !== actor.id && !isAdmin(actor)) {
    refuse('ticket.not_assignee', `Only the assignee or an admin can ${verb} this ticket.`);
  }
}

function requireAdmin(actor: Actor, what: string): void {
  if (!isAdmin(actor)) refuse('ticket.admin_only', `Only admins can ${what}.`);
}

/** A message carrying the attachments named (only when there are some, so older histories replay unchanged). */
function withAttachments(message: NonNullable<Decision['message']>, attachmentIds: string[] | undefined): Decision['message'] {
  return attachmentIds && attachmentIds.length > 0 ? { ...message, attachmentIds } : message;
}

function decision(before: TicketState, next: TicketState, message?: Decision['message']): Decision {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['status', 'groupId', 'assigneeId', 'resolutionTypeId', 'priority', 'deleted'] as const) {
    if (before[key] !== next[key]) changes[key] = [before[key], next[key]];
  }
  return { next, changes, message };
}
