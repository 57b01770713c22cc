/**
 * The bare Temporal baseline of the intake bench (test/bench/intake.bench.ts): a workflow started with an
 * update-with-start like a ticket's, which runs `activities` no-op activities one after the other before the
 * update answers, and an update that runs one no-op activity, like a ticket command without anything else.
 * Bundled on its own, so its bundle size is what Temporal itself costs. The open-workflows bench
 * (test/bench/workflows.bench.ts) holds thousands of `bareTimerWorkflow`s open.
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BareActivities } from './activities';

const { noop } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

export const bareOpenedUpdate = defineUpdate<number>('bare_opened');
export const bareCommandUpdate = defineUpdate<number, [string]>('bare_command');

export async function bareTicketWorkflow({ activities }: { activities: number }): Promise<void> {
  let ready = false;
  let changes = 0;
  let busy = false;
  setHandler(bareOpenedUpdate, async () => {
    await condition(() => ready);
    return changes;
  });
  setHandler(bareCommandUpdate, async (kind) => {
    await condition(() => ready && !busy);
    busy = true;
    try {
      await noop(kind);
      return ++changes;
    } finally {
      busy = false;
    }
  });
  for (let index = 0; index < activities; index++) await noop('open');
  ready = true;
  // Open for good, like a ticket waiting for its next command; the bench's dev server goes away with it.
  await condition(() => false);
}

/**
 * An open workflow with one timer, like a ticket waiting for its SLA: one no-op activity where a ticket plans its
 * timers, a sleep until `dueAt`, one where it records the firing; answers when it fired, as the workflow saw it.
 */
export async function bareTimerWorkflow({ dueAt }: { dueAt: string }): Promise<string> {
  await noop('plan');
  await sleep(Math.max(0, Date.parse(dueAt) - Date.now()));
  await noop('fire');
  return new Date().toISOString();
}
