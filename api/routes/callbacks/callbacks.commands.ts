/**
 * Starts callback request workflows and sends them commands as Temporal updates, turning refusals into API errors.
 */
import { WithStartWorkflowOperation, WorkflowFailedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { CALLBACK_ERROR_STATUS, type CallbackActor, type CallbackCommand, type CallbackErrorCode } from '../../../domain/callback';
import type { NewCallback } from '../../../store/callbacks';
import type { NewTicket } from '../../../store/tickets';
import { callbackCommandUpdates, callbackOpenedUpdate, callbackWorkflow, callbackWorkflowId } from '../../../workflows/callback';
import { ApiError } from '../../errors';

const isCallbackErrorCode = (code: string | null | undefined): code is CallbackErrorCode => code != null && code in CALLBACK_ERROR_STATUS;

/** The API error of a refused or impossible callback command; rethrows anything else. */
export function callbackApiError(error: unknown): ApiError {
  if (
    (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError) &&
    error.cause instanceof ApplicationFailure &&
    isCallbackErrorCode(error.cause.type)
  ) {
    const code = error.cause.type;
    return new ApiError(CALLBACK_ERROR_STATUS[code], code, error.cause.message, error.cause.details?.[0] ?? undefined);
  }
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
