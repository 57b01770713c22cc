/**
 * What the open-workflows and scale-out benches run against, started as `npm start` starts it but in a throwaway
 * data directory on free loopback ports: an embedded PostgreSQL (durable, as in production), a Temporal dev server
 * on its SQLite file, the API, both workflow bundles, an organisation with an admin session, and a load
 * generator in a process of its own that creates tickets through `POST /tickets`. The workers are the bench's
 * to start, each in a process of its own (support/worker-handle.ts).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { hashToken, newToken } from '../../../api/auth/tokens';
import { bootstrap } from '../../../api/bootstrap';
import { startApiServer } from '../../../bin/api-server';
import { businessId } from '../../../domain/ids';
import { connectDatabase } from '../../../infra/connect';
import { loadConfig, projectRoot } from '../../../infra/env';
import { findFreePort } from '../../../infra/free-port';
import { createLogger, type Logger } from '../../../infra/logger';
import { migrate } from '../../../infra/migrate';
import { startPostgres } from '../../../infra/postgres';
import { registerSearchAttributes, startTemporal } from '../../../infra/temporal';
import { insertSession } from '../../../store/auth';
import type { LoadJob, LoadResult, PlannedRequest } from './load-generator';
import { startWorkerProcess, type WorkerHandle } from './worker-handle';

const here = path.dirname(fileURLToPath(import.meta.url));

export const TICKET_QUEUE = 'bench-tickets';
export const BARE_QUEUE = 'bench-bare';

export interface Bundle {
  codePath: string;
  bytes: number;
}

export interface BenchPlatform {
  log: Logger;
  sql: Sql;
  temporal: Client;
  apiUrl: string;
  /** An admin's session token. */
  token: string;
  bundles: { ticket: Bundle; bare: Bundle };
  /** Process ids of the Temporal dev server (null when the SDK's server runs in this process) and of the postmaster. */
  pids: { temporal: number | null; postgres: number };
  newService(name: string): Promise<string>;
  /** Creates `count` tickets in the service through the API, `lanes` requests at a time; answers the seconds it took. */
  createTickets(serviceId: string, count: number, lanes: number): Promise<number>;
  /** A ticket or bare worker in a process of its own, caching up to `maxCachedWorkflows`. */
  startWorker(kind: 'ticket' | 'bare', maxCachedWorkflows: number): Promise<WorkerHandle>;
  stop(): Promise<void>;
}

async function bundle(workflowsPath: string, codePath: string): Promise<Bundle> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  await writeFile(codePath, code);
  return { codePath, bytes: Buffer.byteLength(code) };
}

const firstLineNumber = async (file: string) =>
  readFile(file, 'utf8').then(
    (text) => Number(text.split('\n')[0]),
    () => null,
  );

export async function startBenchPlatform(name: string): Promise<BenchPlatform> {
  const base = loadConfig();
  await mkdir(base.DATA_DIR, { recursive: true });
  const dataDir = await mkdtemp(path.join(base.DATA_DIR, `bench-${name}-`));
  // The embedded PostgreSQL runs as the unprivileged `postgres` user when the bench runs as root.
  await chmod(dataDir, 0o755);
  const [pgPort, temporalPort, uiPort, apiPort] = await Promise.all(Array.from({ length: 4 }, () => findFreePort()));
  const { DATABASE_URL: _database, TEMPORAL_ADDRESS: _temporal, ...inherited } = process.env;
  const env = {
    ...inherited,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    TEMPORAL_TASK_QUEUE: TICKET_QUEUE,
    LOG_LEVEL: 'silent',
  };
  const config = loadConfig(env);
  const log = createLogger('warn', 'bench');
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch((error: unknown) => log.error({ err: error }, 'bench cleanup step failed'));
    await rm(dataDir, { recursive: true, force: true });
  };
  // Stopped early (Ctrl-C, or `npm run bench` past its budget): the servers and workers go with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));

  try {
    const [database, temporalServer, ticket, bare] = await Promise.all([
      startPostgres(config, log),
      startTemporal(config, log),
      bundle(path.join(projectRoot, 'workflows', 'index.ts'), path.join(dataDir, 'contactflow-bundle.js')),
      bundle(path.join(here, 'bare', 'workflows.ts'), path.join(dataDir, 'bare-bundle.js')),
    ]);
    stops.push(database.stop, temporalServer.stop);
    const connection = await Connection.connect({ address: temporalServer.address });
    stops.push(() => connection.close());
    await registerSearchAttributes(connection, 'default', log);
    const sql = connectDatabase(database.url);
    stops.push(() => sql.end());
    await migrate(sql, log);
    const api = await startApiServer({ config, log, sql, temporalAddress: temporalServer.address });
    stops.push(() => api.stop());

    const { orgId, adminId } = await bootstrap(sql, config);
    const token = newToken('session');
    await insertSession(sql, { tokenHash: hashToken(token), agentId: adminId, expiresAt: new Date(Date.now() + 24 * 3600_000) });

    const generator = fork(path.join(here, 'load-generator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    stops.push(async () => void (generator.connected && generator.disconnect()));
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    let sequence = 0;

    return {
      log,
      sql,
      temporal: new Client({ connection, namespace: 'default' }),
      apiUrl,
      token,
      bundles: { ticket, bare },
      pids: {
        temporal: await firstLineNumber(path.join(dataDir, 'temporal.pid')),
        postgres: (await firstLineNumber(path.join(dataDir, 'postgres', 'postmaster.pid')))!,
      },
      async newService(serviceName) {
        const serviceId = businessId('S');
        await sql`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, ${serviceName}, 'consultation')`;
        await sql`insert into groups (id, service_id, name) values (${businessId('G')}, ${serviceId}, ${'상담'})`;
        return serviceId;
      },
      async createTickets(serviceId, count, lanes) {
        const requests = Array.from({ length: count }, (): PlannedRequest => ({
          method: 'POST',
          url: `${apiUrl}/tickets`,
          token,
          body: {
            serviceId,
            subject: `배송 문의 ${++sequence}`,
            content: '주문한 상품이 아직 도착하지 않았습니다.',
            customer: { email: `customer${sequence}@example.com` },
          },
        }));
        const job: LoadJob = {
          durationMs: 24 * 3600_000,
          lanes: Array.from({ length: Math.min(lanes, count) }, (_, lane) => ({ sequence: requests.filter((_, index) => index % lanes === lane) })),
        };
        generator.send(job);
        const [result] = (await once(generator, 'message')) as [LoadResult];
        if (result.errors > 0) throw new Error(`${result.errors} creates failed; the first: ${result.firstError}`);
        return result.windowMs / 1000;
      },
      async startWorker(kind, maxCachedWorkflows) {
        const worker = await startWorkerProcess(
          {
            kind,
            temporalAddress: temporalServer.address,
            databaseUrl: database.url,
            taskQueue: kind === 'ticket' ? TICKET_QUEUE : BARE_QUEUE,
            bundlePath: kind === 'ticket' ? ticket.codePath : bare.codePath,
            maxCachedWorkflows,
          },
          env,
        );
        stops.push(() => worker.kill());
        return worker;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
