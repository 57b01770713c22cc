/**
 * The steps of a bulk job: send one ticket its command and record the answer, then mark the job finished.
 *
 * Each ticket gets its command exactly once even when a worker dies mid-step: the update carries an id unique to the
 * job (`bulk-job-<id>`), under which Temporal runs it at most once on the ticket's workflow and answers a repeat
 * with the first outcome; the item row moves from `pending` once, and a step whose item has already moved does
 * nothing.
 */
import { getClient } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { bulkJobWorkflowId } from '../domain/bulk';
import { TICKET_ERROR_CODES } from '../domain/error-codes';
import type { Actor } from '../domain/people';
import type { TicketCommand } from '../domain/ticket';
import { finishBulkItem, isBulkItemPending, markBulkJobFinished } from '../store/bulk-jobs';
import type { Sql } from '../store/db';

export interface BulkItem {
  jobId: string;
  ticketId: string;
  actor: Actor;
  command: TicketCommand;
}

/** The ticket workflow's id (`ticketWorkflowId` in workflows/ticket, which activities may not load). */
const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

const isTicketRefusal = (type: string | undefined | null): type is string =>
  type != null && (TICKET_ERROR_CODES as readonly string[]).includes(type);

export function bulkJobActivities({ sql }: { sql: Sql }) {
  return {
    /** Sends the command to the ticket's workflow once and records whether it was accepted or refused (with its code). */
    async applyBulkItem(item: BulkItem): Promise<'done' | 'refused' | 'skipped'> {
      const { jobId, ticketId, actor, command } = item;
      if (!(await isBulkItemPending(sql, jobId, ticketId))) return 'skipped';
      const { kind, ...args } = command;
      let refusal: { code: string; message: string } | null = null;
      try {
        await getClient()
          .workflow.getHandle(ticketWorkflowId(ticketId))
          .executeUpdate(kind, { args: [{ actor, ...args }], updateId: bulkJobWorkflowId(jobId) });
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isTicketRefusal(error.cause.type)) {
          refusal = { code: error.cause.type, message: error.cause.message };
        } else if (error instanceof WorkflowNotFoundError) {
          // A closed or deleted ticket's workflow has completed.
          refusal = { code: 'ticket.closed', message: 'The ticket is closed.' };
        } else {
          throw error;
        }
      }
      await finishBulkItem(sql, { jobId, ticketId, refusal });
      return refusal ? 'refused' : 'done';
    },

    async finishBulkJob(jobId: string): Promise<void> {
      await markBulkJobFinished(sql, jobId);
    },
  };
}
