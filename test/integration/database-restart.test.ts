/**
 * PostgreSQL restarting under a busy worker: commands sent while it is down wait, and complete exactly once
 * when it is back; meanwhile the API answers 503 with a retryable code.
 */
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig, projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';
import { createLogger } from '../../infra/logger';
import { migrate } from '../../infra/migrate';
import { startPostgres, type PostgresHandle } from '../../infra/postgres';
import { takeUpdate, ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';

let dataDir: string;
let config: ReturnType<typeof loadConfig>;
let server: PostgresHandle;
let h: Harness;
const log = createLogger('silent');

beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.data'), { recursive: true });
  dataDir = await mkdtemp(path.join(projectRoot, '.data', 'restart-'));
  // The embedded server runs as the unprivileged `postgres` user when the tests run as root.
  await chmod(dataDir, 0o755);
  config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await findFreePort()), LOG_LEVEL: 'silent' });
  server = await startPostgres(config, log);
  const sql = postgres(server.url, { max: 10, onnotice: () => {} });
  await migrate(sql);
  h = await startHarness({ database: { sql, url: server.url, name: 'contactflow', drop: () => sql.end() } });
});

afterAll(async () => {
  await h?.stop();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('finishes every command sent while the database was down, once', async () => {
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  const tickets = [];
  for (let i = 0; i < 5; i++) {
    const response = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, subject: `restart ${i}`, content: '...', customer: { email: 'r@example.com' } },
    });
    tickets.push(response.body.id as string);
  }

  await server.stop();
  const down = await h.request('GET', '/tickets', { token: agent.token });
  expect(down.status).toBe(503);
  expect(down.body.error.code).toBe('database.unavailable');

  const actor = { id: agent.id, role: 'agent' as const, permissions: ['ticket' as const], groupIds: [service.groupIds[0]] };
  const takes = tickets.map((id) => h.temporal.workflow.getHandle(ticketWorkflowId(id)).executeUpdate(takeUpdate, { args: [{ actor }] }));
  server = await startPostgres(config, log);
  const results = await Promise.all(takes);
  expect(results.map((state) => [state.status, state.assigneeId])).toEqual(tickets.map(() => ['in_progress', agent.id]));

  for (const id of tickets) {
    const events = await h.request('GET', `/tickets/${id}/events`, { token: agent.token });
    expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['created', 'take']);
  }
});

it('stops at once when the server is already gone, as when Ctrl-C reaches the whole process group', async () => {
  const [pid] = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
  process.kill(Number(pid), 'SIGINT');
  // Gone before anyone asks it to stop.
  await vi.waitFor(() => expect(() => process.kill(Number(pid), 0)).toThrow(/ESRCH/), { timeout: 20_000, interval: 50 });
  await server.stop();
  await expect(readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).rejects.toThrow(/ENOENT/);
  server = await startPostgres(config, log);
});
