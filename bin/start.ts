/**
 * `npm start`: the whole platform on one machine. PostgreSQL (DATABASE_URL or embedded), Temporal
 * (TEMPORAL_ADDRESS or a dev server), migrations, the bootstrap admin, the studio build, the worker and the API.
 * Ctrl-C stops everything in reverse order; the next start finds every ticket, workflow and timer where it was.
 */
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app';
import { bootstrap } from '../api/bootstrap';
import { connectDatabase, runMain } from '../infra/connect';
import { StartupError, loadConfig, type Config } from '../infra/env';
import { createLogger, type Logger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { startPostgres } from '../infra/postgres';
import { ensureStudioBuilt } from '../infra/studio-build';
import { registerSearchAttributes, startTemporal } from '../infra/temporal';
import { createWorker, installWorkerRuntime } from './worker-wiring';

type Stop = () => Promise<unknown> | unknown;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'contactflow');
  const stops: Stop[] = [];
  let stopping = false;
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      await Promise.resolve(stop()).catch((error) => log.warn({ err: error }, 'error while stopping'));
    }
  };
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await stopAll();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await startPlatform(config, log, stops);
  } catch (error) {
    // Whatever did start (an embedded PostgreSQL, a dev server) must not outlive a failed start.
    await stopAll();
    throw error;
  }
}

async function startPlatform(config: Config, log: Logger, stops: Stop[]): Promise<void> {

  const database = await startPostgres(config, log);
  stops.push(database.stop);
  const sql = connectDatabase(database.url);
  stops.push(() => sql.end({ timeout: 5 }));
  await migrate(sql, log);
  const { created } = await bootstrap(sql, config);

  const temporalServer = await startTemporal(config, log);
  stops.push(temporalServer.stop);
  const connection = await Connection.connect({ address: temporalServer.address });
  stops.push(() => connection.close());
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

  await ensureStudioBuilt(log);

  installWorkerRuntime(log);
  const workerConnection = await NativeConnection.connect({ address: temporalServer.address });
  stops.push(() => workerConnection.close());
  const worker = await createWorker({
    connection: workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    sql,
    config,
  });
  const workerRun = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await workerRun;
  });

  const app = createApp({ sql, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, config, log });
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`Port ${config.PORT} is taken: set PORT to a free one.`) : error),
    );
  });
  stops.push(() => new Promise((resolve) => server.close(resolve)));

  const url = config.PUBLIC_URL;
  const lines = [
    '',
    'Contactflow is running:',
    `  API            ${url}`,
    `  API docs       ${url}/docs  (OpenAPI: ${url}/openapi.json)`,
    `  Studio         ${url}/studio/`,
    `  Temporal UI    ${temporalServer.uiUrl ?? '(external Temporal: see its own Web UI)'}`,
    `  Sign in as     ${config.BOOTSTRAP_ADMIN_EMAIL}${created ? ` / ${config.BOOTSTRAP_ADMIN_PASSWORD}` : ''}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

runMain(main);
