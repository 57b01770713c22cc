/**
 * Builds a Temporal worker for Contactflow's task queue with activities wired to real clients. Not an entry
 * point: `start.ts` and `worker.ts` share it, and the test harness builds its workers with it too, so tests run
 * the wiring production runs. It lives here rather than in `infra/` because it knows `activities/`.
 */
import { DefaultLogger, type NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { createActivities } from '../activities';
import { projectRoot, type Config } from '../infra/env';
import { createMailer } from '../clients/mailer';
import { attachmentStorageUnder } from '../clients/attachment-storage';
import path from 'node:path';
import type { Logger } from '../infra/logger';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  sql: Sql;
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'OUTBOUND_ALLOW_PRIVATE' | 'OUTBOUND_TIMEOUT_MS' | 'RULES_EVALUATOR' | 'PUBLIC_URL' | 'DATA_DIR'>;
  /** A prebuilt workflow bundle (tests build one per run); otherwise the worker bundles `workflows/`. */
  workflowBundlePath?: string;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  const { config } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: path.join(projectRoot, 'workflows/index.ts') }),
    activities: createActivities({
      sql: options.sql,
      mailer: config.SMTP_URL ? createMailer(config.SMTP_URL, config.MAIL_FROM) : null,
      outbound: { allowPrivate: config.OUTBOUND_ALLOW_PRIVATE, timeoutMs: config.OUTBOUND_TIMEOUT_MS },
      evaluator: config.RULES_EVALUATOR,
      publicUrl: config.PUBLIC_URL,
      attachments: attachmentStorageUnder(config.DATA_DIR),
    }),
  });
}

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Sets up the Temporal SDK runtime once per process: its own log lines (warnings and errors only: its info
 * lines are webpack chatter) go to pino, and it installs no signal handlers, because the entry points own the
 * shutdown order (stop polling first, then close connections and servers).
 */
export function installWorkerRuntime(log: Logger): void {
  const sdkLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => sdkLog[PINO_LEVEL[level]](meta ?? {}, message)),
  });
}
