/**
 * The Dooray! transfer workflow (`dooray-transfer-<transferId>`), started by the ticket workflow and left running
 * on its own (it outlives the ticket run's continue-as-new). It creates the task exactly once, however long Dooray
 * is down or rate-limited, then tells the ticket; a permanent refusal (bad token, unknown project, invalid content)
 * ends the transfer as failed and tells the ticket too.
 *
 * Exactly once: the activity writes the transfer id into the task's subject and, on every attempt, first looks for a
 * task carrying it; a task created by an attempt whose answer was lost (a dropped connection, a worker that died
 * before writing it down) is found and adopted instead of created again.
 */
import { ActivityFailure, ApplicationFailure, getExternalWorkflowHandle, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { doorayTaskCreatedSignal, doorayTransferFailedSignal } from './ticket-signals';

export interface DoorayTransferInput {
  transferId: string;
  ticketId: string;
  /** One Dooray call's timeout (DOORAY_TIMEOUT_MS): the activity's heartbeat and attempt timeouts follow from it. */
  callTimeoutMs: number;
}

export async function doorayTransferWorkflow(input: DoorayTransferInput): Promise<{ status: 'created' | 'failed'; postId: string | null }> {
  const { createDoorayTask, markDoorayTransferFailed } = proxyActivities<Activities>({
    // An attempt makes up to three calls (look up, create, read back) and heartbeats between them, so a worker that
    // dies mid-attempt is noticed after one call's time rather than the whole attempt's.
    startToCloseTimeout: input.callTimeoutMs * 3 + 5_000,
    heartbeatTimeout: input.callTimeoutMs + 2_000,
    // Unlimited attempts: Dooray down for an hour delays the task, never loses it. 429 answers set their own delay
    // from the rate-limit headers; permanent refusals are non-retryable.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });
  const ticket = getExternalWorkflowHandle(`ticket-${input.ticketId}`);
  try {
    const task = await createDoorayTask({ transferId: input.transferId });
    await tell(input.ticketId, () => ticket.signal(doorayTaskCreatedSignal, { transferId: input.transferId, ...task }));
    return { status: 'created', postId: task.postId };
  } catch (error) {
    const cause = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : null;
    if (!cause?.nonRetryable) throw error;
    const reason = cause.message;
    await markDoorayTransferFailed({ transferId: input.transferId, reason });
    await tell(input.ticketId, () => ticket.signal(doorayTransferFailedSignal, { transferId: input.transferId, reason }));
    return { status: 'failed', postId: null };
  }
}

/** Signals the ticket; a ticket whose workflow has ended (closed or deleted meanwhile) has nothing left to update. */
async function tell(ticketId: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    log.warn(`Ticket ${ticketId} could not be told about its Dooray transfer: ${(error as Error).message}`);
  }
}
