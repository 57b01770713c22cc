/**
 * Sends a ticket command to its workflow as a Temporal update and turns refusals into API errors.
 */
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { NewTicket } from '../../../store/tickets';
import { TICKET_ERROR_STATUS } from '../../../workflows/ticket-errors';
import type { Actor } from '../../../domain/people';
import type { TicketCommand } from '../../../domain/ticket';
import { CURRENT_PATHS, openedUpdate, ticketCommandUpdates, ticketWorkflow, ticketWorkflowId } from '../../../workflows/ticket';
import { ApiError } from '../../errors';
import { workflowRefusal } from '../../workflow-refusals';

function toApiError(error: unknown): never {
  // A refused command fails its update; a ticket that could not be stored fails its run too.
  const refused = workflowRefusal(error, TICKET_ERROR_STATUS);
  if (refused) throw refused;
  // The workflow of a closed or deleted ticket has completed: nothing more can happen to it.
  if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'ticket.closed', 'The ticket is closed.');
  throw error;
}

/**
 * Starts the ticket's workflow and waits until the ticket is stored. Under an idempotency key, requests
 * carrying the same key may race or repeat: the first to arrive starts the workflow, the others wait for its
 * creation, and a workflow that has already finished is left alone, unless it failed to store the ticket: then
 * the repeat gets the same refusal as the first request.
 */
export async function startTicket(temporal: Client, taskQueue: string, ticket: NewTicket, idempotent = false): Promise<void> {
  await temporal.workflow
    .executeUpdateWithStart(openedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
        workflowId: ticketWorkflowId(ticket.ticketId),
        taskQueue,
        args: [{ ticketId: ticket.ticketId, ...CURRENT_PATHS, create: ticket }],
        workflowIdConflictPolicy: idempotent ? 'USE_EXISTING' : 'FAIL',
        // A ticket id never gets a second run, even after its workflow has completed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    })
    .catch(async (error) => {
      if (!(idempotent && error instanceof WorkflowExecutionAlreadyStartedError)) toApiError(error);
      await temporal.workflow.getHandle(ticketWorkflowId(ticket.ticketId)).result().catch(toApiError);
    });
}

export async function sendTicketCommand(temporal: Client, ticketId: string, actor: Actor, command: TicketCommand): Promise<void> {
  const { kind, ...args } = command;
  const update = ticketCommandUpdates[kind] as (typeof ticketCommandUpdates)['take'];
  await temporal.workflow
    .getHandle(ticketWorkflowId(ticketId))
    .executeUpdate(update, { args: [{ actor, ...args }] })
    .catch(toApiError);
}
