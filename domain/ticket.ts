/**
 * The words of a ticket: its statuses and their groups, where it came from, its priority, the events triggers
 * listen to, the kinds of message on it, its state as the ticket workflow holds it, and the commands agents send.
 *
 * Plain `as const` lists and types only, no zod, so that workflow code can import this module; the zod schemas of
 * the same names are in `./schemas`.
 *
 * @module
 */

/** Lifecycle state of a ticket. */
export const TICKET_STATUSES = [
  'unassigned',
  'in_progress',
  'on_hold',
  'issue_transferred',
  'issue_answered',
  'dooray_transferred',
  'dooray_in_progress',
  'dooray_answered',
  'resolved',
  'closed',
  'spam',
] as const;
/** Lifecycle state of a ticket. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the assignee works the ticket: they may reply, hold or resolve it, and it counts as their load. */
export const WORKING_STATUSES: readonly TicketStatus[] = ['in_progress', 'on_hold', 'issue_answered', 'dooray_answered'];

/** Statuses of a ticket still being handled: neither resolved, closed nor spam. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => status !== 'resolved' && status !== 'closed' && status !== 'spam',
);

/** Statuses of a ticket transferred to an issue service or to Dooray!, including those answered from there. */
export const TRANSFERRED_STATUSES: readonly TicketStatus[] = [
  'issue_transferred',
  'issue_answered',
  'dooray_transferred',
  'dooray_in_progress',
  'dooray_answered',
];

/** Where a ticket came from. `created` is a ticket an agent created by hand. */
export const TICKET_CHANNELS = [
  'created',
  'api',
  'email',
  'help_center_pc',
  'help_center_mobile',
  'phone',
  'chat',
  'twitter',
  'kakao',
  'issue_transfer',
] as const;
/** Where a ticket came from. */
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Ticket priority; `normal` is the default for new tickets. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** Ticket priority. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** The ticket events triggers listen to. */
export const TICKET_EVENT_TYPES = ['created', 'updated'] as const;
/** The ticket events triggers listen to. */
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** Why an agent closes a ticket without answering it; `spam` moves it to the spam box. */
export const INTERNAL_RESOLVE_REASONS = ['spam', 'abuse', 'test', 'phone', 'other'] as const;
/** Why an agent closes a ticket without answering it. */
export type InternalResolveReason = (typeof INTERNAL_RESOLVE_REASONS)[number];

/** What a message on a ticket is: a reply or interim answer to the customer, a comment, or an internal note. */
export const MESSAGE_KINDS = ['reply', 'interim', 'comment', 'internal_note'] as const;
/** What a message on a ticket is. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Message kinds the customer receives by email. */
export const CUSTOMER_FACING: readonly MessageKind[] = ['reply', 'interim'];

import type { FieldValue } from './fields';
import type { MaskedSpan, MaskRequest } from './masks';
import type { DoorayTransferRequest, IssueOrigin, IssueTransferRequest, TicketTransfer } from './transfer';

/** A ticket as the ticket workflow holds it; the read model stores the same fields. */
export interface TicketState {
  id: string;
  serviceId: string;
  channel: TicketChannel;
  status: TicketStatus;
  priority: TicketPriority;
  subject: string;
  groupId: string | null;
  assigneeId: string | null;
  resolutionTypeId: string | null;
  intakeTypeId: string | null;
  tags: string[];
  /** How many trigger evaluations ran; numbers each evaluation's trace and side effects. */
  evaluations: number;
  /** Sequence of the last recorded event; the idempotency key of every write. */
  seq: number;
  deleted: boolean;
  /** The Dooray or issue transfer the ticket is in (the latest one); absent in states recorded before transfers. */
  transfer?: TicketTransfer | null;
  /** For a ticket created by an issue transfer: the ticket it answers. */
  issueOf?: IssueOrigin | null;
  /** The important star (absent in states recorded before tickets could be edited: false). */
  important?: boolean;
  /** Customer field values by field code (absent before fields existed: none). */
  customerFields?: Record<string, FieldValue>;
  /** Agent field values by field code. */
  agentFields?: Record<string, FieldValue>;
  /** The spans masked while this workflow ran (absent before masking went through the workflow: none). */
  masks?: MaskedSpan[];
}

export type { FieldValue };

/**
 * What an edit (`PATCH /tickets/{id}`) may change. Field maps name only the fields that change; null clears one.
 * The API has checked every value against the service's field definitions before the workflow sees it.
 */
export interface TicketEdit {
  priority?: TicketPriority;
  intakeTypeId?: string | null;
  resolutionTypeId?: string | null;
  tags?: string[];
  /** Tags to add to, or remove from, whatever tags the ticket has (bulk work, where each ticket has its own). */
  addTags?: string[];
  removeTags?: string[];
  important?: boolean;
  subject?: string;
  customerFields?: Record<string, FieldValue | null>;
  agentFields?: Record<string, FieldValue | null>;
}

/** What an agent asks of a ticket; the ticket workflow accepts or refuses each one. */
export type TicketCommand =
  | { kind: 'take'; groupId?: string }
  | { kind: 'forward'; groupId: string; agentId?: string }
  | { kind: 'resolve'; body: string; resolutionTypeId?: string; attachmentIds?: string[] }
  | { kind: 'hold'; body: string; attachmentIds?: string[] }
  | { kind: 'comment'; body: string; internal: boolean; attachmentIds?: string[] }
  | { kind: 'internal_resolve'; reason: InternalResolveReason; note?: string }
  | { kind: 'restore' }
  | { kind: 'delete' }
  | { kind: 'complete' }
  | { kind: 'transfer_dooray'; request: DoorayTransferRequest }
  | { kind: 'transfer_issue'; request: IssueTransferRequest }
  | { kind: 'edit'; edit: TicketEdit }
  | { kind: 'mask'; mask: MaskRequest };

/** The task lists, in the order the API and the dashboard show them. */
export const TICKET_LISTS = [
  'mine_in_progress',
  'mine_on_hold',
  'mine_resolved',
  'mine_closed',
  'all',
  'unassigned',
  'my_groups',
  'transferred',
  'spam',
] as const;
export type TicketListName = (typeof TICKET_LISTS)[number];
