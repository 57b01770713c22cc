/**
 * Masking (개인정보 마스킹) a span of a closed ticket: its own workflow has finished, so this short workflow records
 * the mask and its `masked` event instead, with the ticket row locked for the event's seq. The command carries only
 * the span; the activity reads and seals the original, so it never enters history. Closed tickets run no triggers.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MaskRequest } from '../domain/masks';

const { maskClosedTicket } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** `mask-<ticketId>-<maskId>`: one run per mask, so a repeated start is refused. */
export const closedTicketMaskWorkflowId = (ticketId: string, maskId: string) => `mask-${ticketId}-${maskId}`;

export async function closedTicketMaskWorkflow(input: { ticketId: string; actorId: string; mask: MaskRequest; at: string }): Promise<void> {
  try {
    await maskClosedTicket(input);
  } catch (error) {
    // The refusal itself ends the run, so the API answers with its code.
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
    throw error;
  }
}
