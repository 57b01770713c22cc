/**
 * Starts callback request workflows and sends them commands as Temporal updates, turning refusals into API errors.
 */
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { CALLBACK_ERROR_STATUS, type CallbackActor, type CallbackCommand } from '../../../domain/callback';
import type { NewCallback } from '../../../store/callbacks';
import type { NewTicket } from '../../../store/tickets';
import { callbackCommandUpdates, callbackOpenedUpdate, callbackWorkflow, callbackWorkflowId } from '../../../workflows/callback';
import { ApiError } from '../../errors';
import { workflowRefusal } from '../../workflow-refusals';

/** The API error of a refused or impossible callback command; rethrows anything else. */
export function callbackApiError(error: unknown): ApiError {
  const refused = workflowRefusal(error, CALLBACK_ERROR_STATUS);
  if (refused) return refused;
  // The workflow of a completed request has finished: nothing more can happen to it.
  if (error instanceof WorkflowNotFoundError) return new ApiError(409, 'callback.finished', 'The callback request is completed.');
  throw error;
}

/**
 * Starts the request's workflow and waits until the request is stored. Under an idempotency key a repeat finds the
 * workflow already started and waits for its creation instead (or, once it has finished, leaves it alone).
 */
export async function startCallback(temporal: Client, taskQueue: string, callback: NewCallback, idempotent: boolean): Promise<void> {
  await temporal.workflow
    .executeUpdateWithStart(callbackOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(callbackWorkflow, {
        workflowId: callbackWorkflowId(callback.callbackId),
        taskQueue,
        args: [{ callbackId: callback.callbackId, create: callback }],
        workflowIdConflictPolicy: idempotent ? 'USE_EXISTING' : 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    })
    .catch((error: unknown) => {
      if (idempotent && error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw callbackApiError(error);
    });
}

export type CommandArgs = CallbackCommand & { ticket?: NewTicket };

export async function sendCallbackCommand(temporal: Client, callbackId: string, actor: CallbackActor, command: CommandArgs): Promise<void> {
  const { kind, ...args } = command;
  const update = callbackCommandUpdates[kind] as (typeof callbackCommandUpdates)['connect'];
  await temporal.workflow
    .getHandle(callbackWorkflowId(callbackId))
    .executeUpdate(update, { args: [{ actor, ...(args as { outcome: 'answered' }) }] })
    .catch((error: unknown) => {
      throw callbackApiError(error);
    });
}
