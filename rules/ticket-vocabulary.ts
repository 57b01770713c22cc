/**
 * The closed vocabularies of a ticket, shared by the rule engine, the ticket workflow and the API.
 *
 * This module depends on zod only so that `workflows/` can import it without pulling in the rule engine.
 *
 * @module
 */
import { z } from 'zod';

/** Lifecycle state of a ticket (see docs/domain.md#statuses). */
export const TicketStatus = z.enum([
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
]);
/** Lifecycle state of a ticket. */
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses in which the assignee works the ticket: they may reply, hold or resolve it, and it counts as their load. */
export const WORKING_STATUSES: readonly TicketStatus[] = ['in_progress', 'on_hold', 'issue_answered', 'dooray_answered'];

/** Statuses of a ticket still being handled: neither resolved, closed nor spam. */
export const OPEN_STATUSES: readonly TicketStatus[] = TicketStatus.options.filter(
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
export const TicketChannel = z.enum([
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
]);
/** Where a ticket came from. */
export type TicketChannel = z.infer<typeof TicketChannel>;

/** Ticket priority; `normal` is the default for new tickets. */
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
/** Ticket priority. */
export type TicketPriority = z.infer<typeof TicketPriority>;

/** The ticket events triggers listen to. */
export const TicketEventType = z.enum(['created', 'updated']);
/** The ticket events triggers listen to. */
export type TicketEventType = z.infer<typeof TicketEventType>;

/** Korean UI labels for statuses, as the Online Contact manuals name them. */
export const TICKET_STATUS_LABELS_KO: Record<TicketStatus, string> = {
  unassigned: '미할당',
  in_progress: '처리중',
  on_hold: '보류중',
  issue_transferred: '이관 처리중',
  issue_answered: '이관 답변완료',
  dooray_transferred: 'Dooray 이관완료',
  dooray_in_progress: 'Dooray 진행중',
  dooray_answered: 'Dooray 답변완료',
  resolved: '해결',
  closed: '완료',
  spam: '스팸',
};
