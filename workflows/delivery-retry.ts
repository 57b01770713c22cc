/**
 * One more attempt at a delivery of a ticket whose own workflow has finished (a reply mailed on resolving, then the
 * ticket completed): the operator's retry cannot go through the ticket workflow any more, so this short workflow
 * reopens the failed delivery and performs it, with the same activities, retry policy and idempotency key.
 * Reopening refuses anything not failed, so a delivery is retried, and sent, once.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DeliveryRef } from '../domain/workflow-kinds';

const { reopenDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const { performSideEffect, emailCustomerReply } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // The ticket workflow's delivery policy: the activity records its last attempt as failed itself.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});

/** `delivery-retry-<ticketId>-<deliveryId>-<attempts so far>`: one id per retry, so a repeated request is refused. */
export const deliveryRetryWorkflowId = (ticketId: string, deliveryId: string, attempts: number) =>
  `delivery-retry-${ticketId}-${deliveryId}-${attempts}`;

export async function deliveryRetryWorkflow({ ticketId, delivery }: { ticketId: string; delivery: DeliveryRef }): Promise<string> {
  await reopenDelivery({ ticketId, delivery });
  return delivery.kind === 'side_effect'
    ? (await performSideEffect({ ticketId, evaluation: delivery.evaluation, index: delivery.index })).status
    : emailCustomerReply({ ticketId, seq: delivery.seq });
}
