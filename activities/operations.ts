/**
 * What the operator console asks of a ticket workflow: reopening a failed delivery for one more attempt.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityFailureType } from '../domain/error-codes';
import { deliveryId, type DeliveryRef } from '../domain/workflow-kinds';
import type { Sql } from '../store/db';
import { reopenFailedDelivery } from '../store/operations';

const NOT_FAILED: ActivityFailureType = 'delivery.not_failed';

export function operationActivities({ sql }: { sql: Sql }) {
  return {
    /**
     * Puts a failed delivery back to pending, or refuses for good when it is not failed (delivered, or reopened by
     * someone else), so a delivery is retried, and sent, once.
     */
    async reopenDelivery({ ticketId, delivery }: { ticketId: string; delivery: DeliveryRef }): Promise<void> {
      if (await reopenFailedDelivery(sql, ticketId, delivery)) return;
      throw ApplicationFailure.nonRetryable(`Delivery ${deliveryId(delivery)} of ticket ${ticketId} has not failed.`, NOT_FAILED, {
        ticketId,
        delivery: deliveryId(delivery),
      });
    },
  };
}
