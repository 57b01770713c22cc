/**
 * A Temporal worker in a process of its own, for the open-workflows bench (test/bench/workflows.bench.ts): either
 * Contactflow's ticket worker, wired as production wires it (`createWorker`), or the bare worker, each from a
 * prebuilt bundle and with the cache size it is given. Alone in its process, its resident memory (read by the
 * parent from `/proc/<pid>/status`) is the worker's and nothing else's.
 *
 * Forked with an IPC channel and started with `--expose-gc`; it answers `'status'` with the number of workflows
 * in its cache, after a collection of the main thread's heap (the workflows live in the SDK's workflow thread,
 * whose heap no call from here can collect). The parent stops it with SIGKILL, as a crash would.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { createWorker, installWorkerRuntime } from '../../../bin/worker-wiring';
import { connectDatabase } from '../../../infra/connect';
import { loadConfig } from '../../../infra/env';
import { createLogger } from '../../../infra/logger';
import { bareActivities } from './bare/activities';

export interface WorkerProcessStart {
  kind: 'ticket' | 'bare';
  temporalAddress: string;
  databaseUrl: string;
  taskQueue: string;
  bundlePath: string;
  maxCachedWorkflows: number;
}

export type WorkerProcessMessage = { ready: true } | { cachedWorkflows: number };

async function start(options: WorkerProcessStart): Promise<Worker> {
  installWorkerRuntime(createLogger('error', `bench-${options.kind}-worker`));
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  if (options.kind === 'bare') {
    return Worker.create({
      connection,
      namespace: 'default',
      taskQueue: options.taskQueue,
      workflowBundle: { codePath: options.bundlePath },
      activities: bareActivities,
      maxCachedWorkflows: options.maxCachedWorkflows,
    });
  }
  return createWorker({
    connection,
    namespace: 'default',
    taskQueue: options.taskQueue,
    sql: connectDatabase(options.databaseUrl),
    config: loadConfig(),
    workflowBundlePath: options.bundlePath,
    maxCachedWorkflows: options.maxCachedWorkflows,
  });
}

const send = (message: WorkerProcessMessage) => process.send!(message);

process.once('message', (options: WorkerProcessStart) => {
  void start(options).then((worker) => {
    process.on('message', (request: 'status') => {
      if (request !== 'status') return;
      (globalThis as { gc?: () => void }).gc?.();
      send({ cachedWorkflows: worker.getStatus().numCachedWorkflows });
    });
    void worker.run();
    send({ ready: true });
  });
});
// The parent's IPC channel closing (the bench ending) stops the worker with it.
process.on('disconnect', () => process.exit(0));
