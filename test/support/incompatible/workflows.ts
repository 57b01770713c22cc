/**
 * A deliberately incompatible build of the ticket workflow, for the operator-console test: same name, but its
 * first step is a timer where the real one schedules an activity, so replaying any real ticket's history fails
 * with a non-determinism error, as a bad deploy would.
 */
import { sleep } from '@temporalio/workflow';

export async function ticketWorkflow(): Promise<void> {
  await sleep('1 day');
}
