/**
 * The bulk-job workflow (`bulk-job-<id>`, type `bulkJob`): works through the selected tickets, a bounded number at a
 * time, sending each ticket's own workflow its command through an activity. The activity makes each ticket's
 * command happen exactly once, so a worker that dies mid-job only delays the tickets it was sending.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { bulkCommand, type BulkAction } from '../domain/bulk';
import type { Actor } from '../domain/people';

const { applyBulkItem, finishBulkJob } = proxyActivities<Activities>({
  // One ticket update: its triggers included, well under a second; a worker that died holding one is noticed
  // after this long and the step retried, which the update id makes harmless.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

export interface BulkJobInput {
  jobId: string;
  action: BulkAction;
  /** The tickets still to do, in selection order, with the service whose actor acts on each. */
  items: { ticketId: string; serviceId: string }[];
  /** The actor per service: the same person, with their groups in that service. */
  actors: Record<string, Actor>;
  /** How many tickets are sent at once. */
  concurrency: number;
}

export async function bulkJob(input: BulkJobInput): Promise<void> {
  const command = bulkCommand(input.action);
  let next = 0;
  const lane = async () => {
    while (next < input.items.length) {
      const { ticketId, serviceId } = input.items[next++];
      await applyBulkItem({ jobId: input.jobId, ticketId, actor: input.actors[serviceId], command });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, lane));
  await finishBulkJob(input.jobId);
}
