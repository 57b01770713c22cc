/**
 * One isolated Contactflow per test file: its own database cloned from the migrated template, its own task
 * queue and worker on the run's Temporal dev server, the bootstrap admin, and the Hono app called in-process.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { inject } from 'vitest';
import { createApp } from '../../api/app';
import { hashPassword } from '../../api/auth/password';
import { bootstrap } from '../../api/bootstrap';
import { loadConfig, projectRoot, type Config } from '../../infra/env';
import { businessId } from '../../domain/ids';
import { createLogger } from '../../infra/logger';
import { createWorker, installWorkerRuntime } from '../../bin/worker-wiring';
import type { Permission, Role } from '../../domain/people';
import { createTestDatabase, type TestDatabase } from './database';

export const ADMIN = { email: 'admin@contactflow.test', password: 'admin-password-1' };

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** The body as received, for binary downloads (in-process requests only). */
  bytes?: Uint8Array;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed-input tests and multipart uploads. */
  rawBody?: string | FormData;
  headers?: Record<string, string>;
}

export interface Harness {
  sql: Sql;
  config: Config;
  temporal: Client;
  taskQueue: string;
  orgId: string;
  admin: { id: string; token: string };
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Response<T>>;
  login(email: string, password: string): Promise<string>;
  /** A service with its groups: the fixture most ticket tests start from. */
  createService(name?: string, groupNames?: string[]): Promise<{ id: string; name: string; groupIds: string[] }>;
  createAgent(options: {
    role?: Role;
    permissions?: Permission[];
    groupIds: string[];
    name?: string;
  }): Promise<{ id: string; email: string; token: string }>;
  /** An intake type (접수유형) inserted directly: one level below `parentId`, or at the top. */
  createIntakeType(serviceId: string, name: string, options?: { parentId?: string; enabled?: boolean }): Promise<string>;
  /** The audit rows about one record, oldest first. */
  auditRows(target: string): Promise<{ actor_id: string; action: string; details: Record<string, unknown> }[]>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /**
   * Another worker polling the same task queue (as a second process would); returns its stop function, which sends
   * SIGTERM, or the signal given (SIGKILL: the worker dies mid-work).
   */
  addWorker(): Promise<(signal?: NodeJS.Signals) => Promise<void>>;
  stop(): Promise<void>;
}

// Activity failures are expected in tests that exercise retries: only errors are worth printing.
installWorkerRuntime(createLogger('error', 'test'));

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Another Temporal server than the run's (e.g. one with different dynamic configuration). */
  temporalAddress?: string;
  /** Another, already migrated database than a clone of the run's template. */
  database?: TestDatabase;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    MAX_BODY_BYTES: String(64 * 1024),
    // Callback URLs and hooks in tests are loopback servers.
    OUTBOUND_ALLOW_PRIVATE: 'true',
    ...options.env,
  });
  const log = createLogger('silent');
  const address = options.temporalAddress ?? inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default' });
  const nativeConnection = await NativeConnection.connect({ address });
  const taskQueue = `test-${randomUUID()}`;
  const sql = database.sql;

  const newWorker = () =>
    createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, sql, config, workflowBundlePath: inject('workflowBundlePath') });
  let worker: Worker | null = null;
  let running: Promise<void> | null = null;
  const extraWorkers: ((signal?: NodeJS.Signals) => Promise<void>)[] = [];
  const startWorker = async () => {
    worker = await newWorker();
    running = worker.run();
  };
  const stopWorker = async () => {
    worker?.shutdown();
    await running;
    worker = null;
  };
  await startWorker();

  const { orgId, adminId } = await bootstrap(sql, config);
  const app = createApp({ sql, temporal, taskQueue, config, log });

  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    return { status: response.status, body: (text ? safeJson(text) : null) as T, headers: response.headers, bytes };
  };

  const login = async (email: string, password: string) => {
    const response = await request<{ token: string }>('POST', '/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  };

  const adminToken = await login(ADMIN.email, ADMIN.password);
  const passwordHash = await hashPassword('agent-password-1');

  return {
    sql,
    config,
    temporal,
    taskQueue,
    orgId,
    admin: { id: adminId, token: adminToken },
    request,
    login,
    async createService(name = `Service ${randomUUID().slice(0, 8)}`, groupNames = ['결제', '회원정보']) {
      const id = businessId('S');
      await sql`insert into services (id, org_id, name, kind) values (${id}, ${orgId}, ${name}, 'consultation')`;
      const groupIds: string[] = [];
      for (const groupName of groupNames) {
        const groupId = businessId('G');
        await sql`insert into groups (id, service_id, name) values (${groupId}, ${id}, ${groupName})`;
        groupIds.push(groupId);
      }
      return { id, name, groupIds };
    },
    async createAgent({ role = 'agent', permissions = ['ticket'], groupIds, name = 'Agent' }) {
      const id = businessId('A');
      const email = `${id.toLowerCase()}@contactflow.test`;
      await sql`
        insert into agents (id, org_id, email, name, role, permissions, password_hash)
        values (${id}, ${orgId}, ${email}, ${name}, ${role}, ${permissions}, ${passwordHash})`;
      for (const groupId of groupIds) await sql`insert into group_members (group_id, agent_id) values (${groupId}, ${id})`;
      return { id, email, token: await login(email, 'agent-password-1') };
    },
    async createIntakeType(serviceId, name, { parentId = null, enabled = true } = {}) {
      const id = businessId('C');
      await sql`
        insert into categories (id, service_id, kind, parent_id, name, depth, enabled)
        values (${id}, ${serviceId}, 'intake', ${parentId}, ${name}, ${parentId ? 2 : 1}, ${enabled})`;
      return id;
    },
    async auditRows(target) {
      return sql<{ actor_id: string; action: string; details: Record<string, unknown> }[]>`
        select actor_id, action, details from audit_log where target = ${target} order by id`;
    },
    startWorker,
    stopWorker,
    async addWorker() {
      // The SDK allows one worker per task queue in a process, so a second worker is a second process.
      const stop = await spawnWorkerProcess({
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        OUTBOUND_ALLOW_PRIVATE: 'true',
        LOG_LEVEL: 'info',
        ...options.env,
      });
      extraWorkers.push(stop);
      return stop;
    },
    async stop() {
      await Promise.all(extraWorkers.map((stop) => stop()));
      await stopWorker();
      await nativeConnection.close();
      await connection.close();
      await database.drop();
    },
  };
}

/** Starts `bin/worker.ts` as a child process; resolves once it polls, with a function that stops it. */
function spawnWorkerProcess(env: Record<string, string>): Promise<(signal?: NodeJS.Signals) => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/worker.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) {
        resolve(async (signal: NodeJS.Signals = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the worker process exited before polling:\n${output}`)));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
