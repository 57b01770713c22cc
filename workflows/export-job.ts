/**
 * The export-job workflow (`export-<id>`, type `exportJob`): writes the job's file in one heartbeating activity.
 * A worker that dies mid-file stops the heartbeat, and after {@link HEARTBEAT_TIMEOUT} the retry writes the file
 * again on a live worker (activities/exports explains why from the first row). A file that cannot be written in
 * {@link ATTEMPTS} attempts marks the job failed rather than retrying forever.
 */
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ExportInput } from '../activities/exports';

const HEARTBEAT_TIMEOUT = '10 seconds';
const ATTEMPTS = 5;

const { writeExport } = proxyActivities<Activities>({
  // 100,000 rows take well under a minute; the heartbeat, sent every 1,000 rows, is what notices a dead worker.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: ATTEMPTS },
});

const { failExport } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function exportJob(input: ExportInput): Promise<void> {
  try {
    await writeExport(input);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await failExport(input.jobId);
  }
}
