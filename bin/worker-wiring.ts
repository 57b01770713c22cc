/**
 * Builds a Temporal worker for Contactflow's task queue with activities wired to real clients. Not an entry
 * point: `start.ts` and `worker.ts` share it, and the test harness builds its workers with it too, so tests run
 * the wiring production runs. It lives here rather than in `infra/` because it knows `activities/`.
 */
import { DefaultLogger, type ActivityInterceptorsFactory, type NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { createActivities } from '../activities';
import { projectRoot, type Config } from '../infra/env';
import { createMailer } from '../clients/mailer';
import { createKeyring } from '../infra/keyring';
import { attachmentStorageUnder } from '../clients/attachment-storage';
import path from 'node:path';
import type { Logger } from '../infra/logger';
import { metrics } from '../infra/metrics';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  sql: Sql;
  config: Pick<
    Config,
    'SMTP_URL' | 'MAIL_FROM' | 'OUTBOUND_ALLOW_PRIVATE' | 'OUTBOUND_TIMEOUT_MS' | 'RULES_EVALUATOR' | 'PUBLIC_URL' | 'FIELD_ENCRYPTION_KEY' | 'DOORAY_TIMEOUT_MS' | 'DATA_DIR'
  > &
    Partial<Pick<Config, 'CALLBACK_SIGNING_KEY' | 'CALLBACK_URL_TTL_HOURS'>>;
  /** A prebuilt workflow bundle (tests build one per run); otherwise the worker bundles `workflows/`. */
  workflowBundlePath?: string;
  /** Open workflows kept in memory between their tasks; the SDK's default follows the heap size (2,311 at 4 GB). */
  maxCachedWorkflows?: number;
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
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    activities: createActivities({
      sql: options.sql,
      mailer: config.SMTP_URL ? createMailer(config.SMTP_URL, config.MAIL_FROM) : null,
      outbound: { allowPrivate: config.OUTBOUND_ALLOW_PRIVATE, timeoutMs: config.OUTBOUND_TIMEOUT_MS },
      evaluator: config.RULES_EVALUATOR,
      publicUrl: config.PUBLIC_URL,
      // Signed callback URLs: without keys, callback URL requests go unsigned and carry no reply URL.
      signing: { keys: config.CALLBACK_SIGNING_KEY ?? null, replyTtlSeconds: (config.CALLBACK_URL_TTL_HOURS ?? 168) * 3600 },
      // Opens Dooray tokens and seals the originals of masked spans (개인정보 마스킹).
      keyring: config.FIELD_ENCRYPTION_KEY ? createKeyring(config.FIELD_ENCRYPTION_KEY) : null,
      doorayTimeoutMs: config.DOORAY_TIMEOUT_MS,
      // Ticket desk: attachment files
      attachments: attachmentStorageUnder(config.DATA_DIR),
    }),
    interceptors: { activity: [countActivityAttempts] },
  });
}

/** Counts every activity attempt by type and outcome, for `/metrics` (operator console, issue 12). */
const countActivityAttempts: ActivityInterceptorsFactory = (context) => ({
  inbound: {
    async execute(input, next) {
      const activity = context.info.activityType;
      try {
        const result = await next(input);
        metrics.activityExecutions.inc({ activity, outcome: 'completed' });
        return result;
      } catch (error) {
        metrics.activityExecutions.inc({ activity, outcome: 'failed' });
        throw error;
      }
    },
  },
});

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Sets up the Temporal SDK runtime once per process, exporting its metrics on `sdkMetricsPort` when given: its own log lines (warnings and errors only: its info
 * lines are webpack chatter) go to pino, and it installs no signal handlers, because the entry points own the
 * shutdown order (stop polling first, then close connections and servers).
 */
export function installWorkerRuntime(log: Logger, sdkMetricsPort?: number): void {
  const sdkLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    shutdownSignals: [],
    // The SDK's own worker metrics (polls, task latencies, slots), in Prometheus format, which `/metrics` appends.
    ...(sdkMetricsPort ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}`, countersTotalSuffix: true } } } } : {}),
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => sdkLog[PINO_LEVEL[level]](meta ?? {}, message)),
  });
}
