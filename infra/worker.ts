/**
 * Builds a Temporal worker for Contactflow's task queue with activities wired to real clients.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { createActivities } from '../activities';
import { projectRoot } from './env';
import path from 'node:path';
import type { Logger } from './logger';

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
    // The entry points own shutdown order: stop polling first, then close connections and servers.
    shutdownSignals: [],
  });
}

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Sends the Temporal SDK's own log lines (warnings and errors only: its info lines are webpack chatter) to pino. */
export function installWorkerLogging(log: Logger): void {
  const sdkLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => sdkLog[PINO_LEVEL[level]](meta ?? {}, message)),
  });
}
