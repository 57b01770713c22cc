/**
 * Bulk processing (일괄 처리): the actions an agent may apply to many selected tickets at once, each becoming the
 * ticket command its workflow accepts or refuses ticket by ticket.
 *
 * Plain types and functions only, no zod, so that workflow code may import this module.
 *
 * @module
 */
import type { InternalResolveReason, TicketCommand, TicketPriority } from './ticket';

/** The most tickets one bulk job works through. */
export const MAX_BULK_TICKETS = 1000;

/** What a bulk job does to each ticket. */
export type BulkAction =
  | { kind: 'resolve'; body: string; resolutionTypeId?: string }
  | { kind: 'hold'; body: string }
  | { kind: 'comment'; body: string; internal: boolean }
  | { kind: 'forward'; groupId: string; agentId?: string }
  | { kind: 'priority'; priority: TicketPriority }
  | { kind: 'tags'; add: string[]; remove: string[] }
  | { kind: 'internal_resolve'; reason: InternalResolveReason; note?: string }
  | { kind: 'spam'; note?: string };

/** The kinds of bulk action. */
export const BULK_ACTION_KINDS = ['resolve', 'hold', 'comment', 'forward', 'priority', 'tags', 'internal_resolve', 'spam'] as const;

/** Actions that answer the customer: refused up front when any selected ticket has no assignee (seed 000). */
export const BULK_REPLY_KINDS: readonly BulkAction['kind'][] = ['resolve', 'hold'];

/** The ticket command one bulk action sends to each ticket's workflow. */
export function bulkCommand(action: BulkAction): TicketCommand {
  switch (action.kind) {
    case 'priority':
      return { kind: 'edit', edit: { priority: action.priority } };
    case 'tags':
      return { kind: 'edit', edit: { addTags: action.add, removeTags: action.remove } };
    case 'spam':
      return { kind: 'internal_resolve', reason: 'spam', ...(action.note ? { note: action.note } : {}) };
    default:
      return action;
  }
}

/** The workflow id of a bulk job. */
export const bulkJobWorkflowId = (jobId: string) => `bulk-job-${jobId}`;
