/**
 * The words of transfers: a ticket handed to a Dooray! project task or to an issue service, and what comes back.
 *
 * Plain `as const` lists and types only, no zod, so that workflow code can import this module.
 *
 * @module
 */
import type { TicketStatus } from './ticket';

/** Dooray! task status classes, in the order a task moves through them. */
export const DOORAY_TASK_CLASSES = ['backlog', 'registered', 'working', 'closed'] as const;
/** A Dooray! task status class. */
export type DoorayTaskClass = (typeof DOORAY_TASK_CLASSES)[number];

/** How far along a task class is: a later delivery of an earlier class never moves a ticket back. */
export const doorayClassRank = (taskClass: DoorayTaskClass): number => DOORAY_TASK_CLASSES.indexOf(taskClass);

/** The ticket status a Dooray task in this class puts its ticket in, once the task exists. */
export function ticketStatusForTask(taskClass: DoorayTaskClass | null): TicketStatus {
  if (taskClass === 'closed') return 'dooray_answered';
  if (taskClass === 'working') return 'dooray_in_progress';
  return 'dooray_transferred';
}

/** Statuses in which agents may comment on the ticket's Dooray task. */
export const DOORAY_COMMENTABLE: readonly TicketStatus[] = ['dooray_transferred', 'dooray_in_progress'];

/** What a Dooray transfer is doing: creating its task, done, or given up on a permanent refusal. */
export const DOORAY_TRANSFER_STATUSES = ['pending', 'created', 'failed'] as const;
export type DoorayTransferStatus = (typeof DOORAY_TRANSFER_STATUSES)[number];

/** Mime types Dooray accepts for task bodies and comments. */
export const DOORAY_MIME_TYPES = ['text/x-markdown', 'text/html'] as const;
export type DoorayMimeType = (typeof DOORAY_MIME_TYPES)[number];

/** Dooray task priorities. */
export const DOORAY_PRIORITIES = ['highest', 'high', 'normal', 'low', 'lowest', 'none'] as const;
export type DoorayPriority = (typeof DOORAY_PRIORITIES)[number];

/** Issue-ticket statuses that answer the ticket it was transferred from (해결, 보류, 내부해결). */
export const ISSUE_ANSWER_STATUSES: readonly TicketStatus[] = ['resolved', 'on_hold', 'spam'];

/** The transfer a ticket is in, as the ticket workflow holds it. */
export type TicketTransfer =
  | {
      kind: 'dooray';
      id: string;
      /** Null until Dooray answered with the task. */
      postId: string | null;
      /** The furthest task class any delivery reported, kept even before the task is known. */
      taskClass: DoorayTaskClass | null;
    }
  | { kind: 'issue'; id: string; issueTicketId: string };

/** The issue ticket's link back to the ticket it was transferred from. */
export interface IssueOrigin {
  ticketId: string;
  transferId: string;
}

/** The request for a Dooray task, as the API checked it and the ticket workflow records it. */
export interface DoorayTransferRequest {
  transferId: string;
  projectId: string;
  /** The Dooray member the task is created as: the agent's own, else the project's default creator. */
  createdAsMemberId: string;
  subject: string;
  body: string;
  mimeType: DoorayMimeType;
  tagIds: string[];
  assignees: ({ memberId: string } | { email: string; name: string | null })[];
  /** One Dooray call's timeout (DOORAY_TIMEOUT_MS), for the transfer workflow's activity timeouts. */
  callTimeoutMs: number;
}

/** The request for an issue transfer, as the API checked it and the ticket workflow records it. */
export interface IssueTransferRequest {
  transferId: string;
  issueTicketId: string;
  serviceId: string;
  intakeTypeId: string | null;
  subject: string;
  content: string;
  fields: Record<string, string>;
  /** Who transferred it: the issue ticket's creator. */
  creatorId: string;
  /** The customer, copied into the issue service (customers belong to one service). */
  customer: { id: string; name: string | null; email: string | null; phone: string | null; userId: string | null };
  at: string;
}

/** Workflow id of a Dooray transfer. */
export const doorayTransferWorkflowId = (transferId: string) => `dooray-transfer-${transferId}`;
