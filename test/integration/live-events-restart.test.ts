/**
 * The live event stream across a PostgreSQL restart: the API's listener connection comes back by itself, tells the
 * open stream to `resync` (changes made while it was away were never heard), and delivers later changes again.
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';
import { createLogger } from '../../infra/logger';
import { migrate } from '../../infra/migrate';
import { startPostgres, type PostgresHandle } from '../../infra/postgres';
import { openEventStream, ticketEvent } from '../support/event-stream';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';

let dataDir: string;
let config: ReturnType<typeof loadConfig>;
let server: PostgresHandle;
let h: Harness;
let api: ServedApi;
const log = createLogger('silent');

beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.data'), { recursive: true });
  dataDir = await mkdtemp(path.join(projectRoot, '.data', 'live-restart-'));
  // The embedded server runs as the unprivileged `postgres` user when the tests run as root.
  await chmod(dataDir, 0o755);
  config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await findFreePort()), LOG_LEVEL: 'silent' });
  server = await startPostgres(config, log);
  const sql = postgres(server.url, { max: 10, onnotice: () => {} });
  await migrate(sql);
  h = await startHarness({ database: { sql, url: server.url, name: 'contactflow', drop: () => sql.end() } });
  api = await serveApi(h);
});

afterAll(async () => {
  await api?.stop();
  await h?.stop();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function createTicket(serviceId: string, subject: string): Promise<string> {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '재시작 중 문의', customer: { email: 'restart@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

it('resyncs the open stream after the database restarted and goes on delivering changes', { timeout: 120_000 }, async () => {
  const service = await h.createService('Restart');
  const stream = await openEventStream(api.url, h.admin.token);
  const before = await createTicket(service.id, 'before');
  await stream.next(ticketEvent(before, 'created'), 'created before the restart');

  await server.stop();
  server = await startPostgres(config, log);
  await stream.next((event) => event.event === 'resync', 'resync');

  const after = await createTicket(service.id, 'after');
  await stream.next(ticketEvent(after, 'created'), 'created after the restart');
  stream.close();
});
