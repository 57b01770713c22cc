/**
 * The Temporal worker as its own process (production: N replicas). Registers the search attributes
 * idempotently, then polls the task queue until SIGTERM (or SIGINT), finishing in-flight tasks before it
 * closes its connections and exits.
 */
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { connectDatabase, requireExternal, runMain } from '../infra/connect';
import { loadConfig } from '../infra/env';
import { createLogger } from '../infra/logger';
import { registerSearchAttributes } from '../infra/temporal';
import { createWorker, installWorkerRuntime } from './worker-wiring';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'worker');
  const { databaseUrl, temporalAddress } = requireExternal(config);
  const sql = connectDatabase(databaseUrl);
  const client = await Connection.connect({ address: temporalAddress });
  await registerSearchAttributes(client, config.TEMPORAL_NAMESPACE).finally(() => client.close());
  installWorkerRuntime(log, config.TEMPORAL_SDK_METRICS_PORT);
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, sql, config });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A second, different signal while stopping changes nothing.
      if (worker.getState() !== 'RUNNING') return;
      log.info({ signal }, 'stopping');
      worker.shutdown();
    });
  }
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker polling');
  // The worker stops polling and finishes its tasks before the connections its activities use are closed.
  await worker.run();
  await connection.close();
  await sql.end({ timeout: 5 });
  log.info('stopped');
});
