/**
 * `npm start`: the whole platform on one machine. PostgreSQL (DATABASE_URL or embedded), Temporal
 * (TEMPORAL_ADDRESS or a dev server), migrations, the bootstrap admin, the studio build, the worker and the API.
 * Ctrl-C stops everything in reverse order (the API, its requests in flight answered or cancelled, then the worker,
 * the connections, the embedded services); the next start finds every ticket, workflow and timer where it was.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { bootstrap } from '../api/bootstrap';
import { connectDatabase, runMain } from '../infra/connect';
import { loadConfig, type Config } from '../infra/env';
import { createLogger, type Logger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { startPostgres } from '../infra/postgres';
import { ensureStudioBuilt } from '../infra/studio-build';
import { registerSearchAttributes, startTemporal } from '../infra/temporal';
import { loadOrCreateSigningKeyFile } from '../infra/signing';
import { startApiServer } from './api-server';
import { createWorker, installWorkerRuntime } from './worker-wiring';
import { loadOrCreateKeyFile } from '../infra/keyring';
import type { KeyEntry } from '../infra/key-list';
import { startDoorayDemo } from './dooray-demo';

type Stop = () => Promise<unknown> | unknown;

const OWN_GROUP = '--own-process-group';

/**
 * A terminal's Ctrl-C signals its whole foreground process group: the embedded PostgreSQL and Temporal server
 * would stop at once, under the requests and tasks still using them (and postgres.js throws, uncaught, from a
 * transaction whose connection dies). So the platform runs as a child in a process group of its own, with its
 * embedded services; this process passes each signal on, once, and ends as the child ends.
 */
function runInOwnProcessGroup(): void {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1), OWN_GROUP], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

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
  // The launching process is gone (killed outright): nobody is left to pass Ctrl-C on, so stop now.
  process.once('disconnect', () => void shutdown('launcher exited'));
  try {
    await startPlatform(config, log, stops);
  } catch (error) {
    // Whatever did start (an embedded PostgreSQL, a dev server) must not outlive a failed start.
    await stopAll();
    throw error;
  }
}

async function startPlatform(configured: Config, log: Logger, stops: Stop[]): Promise<void> {
  // The embedded default keeps generated keys under DATA_DIR for the key lists the environment does not set.
  const encryption = withEmbeddedKeys(configured, 'FIELD_ENCRYPTION_KEY', loadOrCreateKeyFile);
  const signing = withEmbeddedKeys(encryption.config, 'CALLBACK_SIGNING_KEY', loadOrCreateSigningKeyFile);
  let config = signing.config;
  // The demo's fake Dooray listens on loopback, which outbound calls refuse by default.
  if (config.DOORAY_DEMO) config = { ...config, OUTBOUND_ALLOW_PRIVATE: true };

  const database = await startPostgres(config, log);
  stops.push(database.stop);
  const sql = connectDatabase(database.url);
  stops.push(() => sql.end({ timeout: 5 }));
  await migrate(sql, log);
  const { created, orgId, adminId } = await bootstrap(sql, config);

  const temporalServer = await startTemporal(config, log);
  stops.push(temporalServer.stop);
  const connection = await Connection.connect({ address: temporalServer.address });
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE).finally(() => connection.close());

  await ensureStudioBuilt(log);

  installWorkerRuntime(log, config.TEMPORAL_SDK_METRICS_PORT);
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

  const api = await startApiServer({ config, log, sql, temporalAddress: temporalServer.address });
  stops.push(api.stop);

  const doorayDemo = config.DOORAY_DEMO ? await startDoorayDemo(config, sql, { orgId, adminId }, log) : null;
  if (doorayDemo) stops.push(doorayDemo.stop);

  const url = config.PUBLIC_URL;
  const lines = [
    '',
    'Contactflow is running:',
    `  API            ${url}`,
    `  API docs       ${url}/docs  (OpenAPI: ${url}/openapi.json)`,
    `  Studio         ${url}/studio/`,
    `  Temporal UI    ${temporalServer.uiUrl ?? '(external Temporal: see its own Web UI)'}`,
    `  Sign in as     ${config.BOOTSTRAP_ADMIN_EMAIL}${created ? ` / ${config.BOOTSTRAP_ADMIN_PASSWORD}` : ''}`,
    ...(signing.note ? [`  Signing key    ${signing.note}`] : []),
    ...(encryption.note ? [`  Field key      ${encryption.note}`] : []),
    ...(doorayDemo ? [`  Dooray! demo   ${doorayDemo.url}  (move and comment on transferred tasks; outbound calls may reach loopback)`] : []),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/**
 * The embedded default for a key list the environment does not set (the field-encryption keyring, the URL signing
 * keys): generated once and kept under DATA_DIR, so what was sealed or signed survives a restart. Says which, for
 * the start banner.
 */
function withEmbeddedKeys(
  config: Config,
  variable: 'FIELD_ENCRYPTION_KEY' | 'CALLBACK_SIGNING_KEY',
  load: (dataDir: string) => { entries: KeyEntry[]; file: string; created: boolean },
): { config: Config; note: string | null } {
  if (config[variable]) return { config, note: null };
  const { entries, file, created } = load(config.DATA_DIR);
  const note = `${created ? 'generated now (back it up)' : 'kept'} in ${file}; set ${variable} to use your own`;
  return { config: { ...config, [variable]: entries }, note };
}

if (process.argv.includes(OWN_GROUP)) runMain(main);
else runInOwnProcessGroup();
