/**
 * Builds a Temporal worker for Contactflow's task queue with activities wired to real clients.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { createActivities } from '../activities';
import { projectRoot } from './env';
import path from 'node:path';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  sql: Sql;
  /** A prebuilt workflow bundle (tests build one per run); otherwise the worker bundles `workflows/`. */
  workflowBundlePath?: string;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: path.join(projectRoot, 'workflows/index.ts') }),
    activities: createActivities({ sql: options.sql }),
  });
}
