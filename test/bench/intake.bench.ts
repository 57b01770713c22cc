/**
 * The ticket path against bare Temporal (issue 15), on one Temporal dev server (SQLite file, as `npm start` runs
 * it) and one embedded PostgreSQL, both started here on free loopback ports in a throwaway data directory:
 *
 * - **intake** at concurrency 1, 10 and 30: `POST /tickets` with one round-robin trigger, answered already
 *   assigned, against bare (a), the same update-with-start running 1 no-op activity, and bare (b), running as many
 *   no-op activities as a create runs (read from a create's history). Interleaved: every round runs each
 *   scenario at each concurrency once, the order rotated per round; the figures are the medians of the rounds.
 * - **ticket commands**: 20 agents at once, each taking, replying to (a comment), holding and resolving its own
 *   tickets, against 20 clients sending a bare one-activity update.
 * - per create and per command: history events, activities, workflow tasks, search-attribute upserts, payload
 *   bytes (from the workflow history) and SQL statements (recorded on the API's and the worker's connections only
 *   then, test/support/statements.ts), for one create and one take/reply/hold/resolve sequence run alone.
 * - the workflow bundle's size against the bare workflow's.
 *
 * The API and both workers run in this process, as `npm start` runs them; the load comes from a child process
 * (support/load-generator.ts) over loopback HTTP. Prints one JSON line per figure `{name, value, unit, baseline,
 * ratio}` and writes them, with the rounds and the machine's load, to bench/results.json.
 *
 * Options: `-- --rounds 3` (interleaved rounds), `-- --seconds 8` (window per intake point), `-- --command-seconds
 * 10`. The defaults take about five minutes here.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { Hono } from 'hono';
import { hashPassword } from '../../api/auth/password';
import { hashToken, newToken } from '../../api/auth/tokens';
import { bootstrap } from '../../api/bootstrap';
import { startApiServer } from '../../bin/api-server';
import { createWorker, installWorkerRuntime } from '../../bin/worker-wiring';
import { businessId } from '../../domain/ids';
import { connectDatabase } from '../../infra/connect';
import { loadConfig, projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';
import { createLogger } from '../../infra/logger';
import { migrate } from '../../infra/migrate';
import { startPostgres } from '../../infra/postgres';
import { registerSearchAttributes, startTemporal } from '../../infra/temporal';
import { insertSession } from '../../store/auth';
import { sideEffectsSettledUpdate, ticketWorkflowId } from '../../workflows/ticket';
import { bareActivities } from './support/bare/activities';
import { bareCommandUpdate, bareOpenedUpdate, bareTicketWorkflow } from './support/bare/workflows';
import { historyCost, perCommand, type HistoryCost } from './support/history';
import { recordStatements } from '../support/statements';
import { figureLog, load, machine, medianOf, option, pointOf, round, startLoadGenerator, writeResults, type Point } from './support/figures';
import type { Lane, LoadJob, PlannedRequest } from './support/load-generator';

const here = path.dirname(fileURLToPath(import.meta.url));
const AGENTS = 20;
const CONCURRENCIES = [1, 10, 30] as const;
const SCENARIOS = ['contactflow', 'bareA', 'bareB'] as const;
type Scenario = (typeof SCENARIOS)[number];
const COMMANDS = ['take', 'comment', 'hold', 'resolve'] as const;
/** Tickets each agent gets per command round: more than it can work through in the window. */
const TICKETS_PER_AGENT = 4;
/** The API's path for each command (`comment` is `POST /tickets/{id}/comments`). */
const routeOf = (kind: (typeof COMMANDS)[number]) => (kind === 'comment' ? 'comments' : kind);

/** Each distinct statement (whitespace folded, cut at 160 characters) with how often it ran, most frequent first. */
function tally(texts: string[]): { count: number; statement: string }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([statement, count]) => ({ count, statement })).sort((a, b) => b.count - a.count);
}

async function main(): Promise<void> {
  const rounds = option('rounds', 3);
  const intakeMs = option('seconds', 8) * 1000;
  const commandMs = option('command-seconds', 10) * 1000;
  const startedAt = new Date();
  const loadBefore = load();

  // A throwaway data directory: a fresh PostgreSQL cluster and Temporal database every run, never the user's.
  const base = loadConfig();
  await mkdir(base.DATA_DIR, { recursive: true });
  const dataDir = await mkdtemp(path.join(base.DATA_DIR, 'bench-intake-'));
  // The embedded PostgreSQL runs as the unprivileged `postgres` user when the bench runs as root.
  await chmod(dataDir, 0o755);
  const [pgPort, temporalPort, uiPort, apiPort, barePort] = await Promise.all(Array.from({ length: 5 }, () => findFreePort()));
  const { DATABASE_URL: _database, TEMPORAL_ADDRESS: _temporal, ...env } = process.env;
  const config = loadConfig({
    ...env,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    TEMPORAL_TASK_QUEUE: 'bench-tickets',
    LOG_LEVEL: 'silent',
  });
  const log = createLogger('warn', 'bench');
  installWorkerRuntime(createLogger('error', 'bench-worker'));
  const stops: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.error({ err: error }, 'bench cleanup step failed'));
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const bundle = async (workflowsPath: string, name: string) => {
      const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
      const codePath = path.join(dataDir, `${name}-bundle.js`);
      await writeFile(codePath, code);
      return { codePath, bytes: Buffer.byteLength(code) };
    };
    const [database, temporalServer, ticketBundle, bareBundle] = await Promise.all([
      startPostgres(config, log),
      startTemporal(config, log),
      bundle(path.join(projectRoot, 'workflows', 'index.ts'), 'contactflow'),
      bundle(path.join(here, 'support', 'bare', 'workflows.ts'), 'bare'),
    ]);
    stops.push(database.stop, temporalServer.stop);

    const connection = await Connection.connect({ address: temporalServer.address });
    stops.push(() => connection.close());
    await registerSearchAttributes(connection, 'default', log);
    const temporal = new Client({ connection, namespace: 'default' });

    const migrator = connectDatabase(database.url, { max: 1 });
    await migrate(migrator, log);
    await migrator.end();

    // Statements counted per side; the counters are read around single operations run alone.
    // The texts are kept too: results.json lists what one create and one command sequence sent, for the profile.
    // They are recorded only then (test/support/statements.ts): recording costs each statement a captured stack.
    const apiSql = connectDatabase(database.url);
    const workerSql = connectDatabase(database.url);
    stops.push(() => apiSql.end(), () => workerSql.end());

    const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
    stops.push(() => nativeConnection.close());
    const ticketWorker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      sql: workerSql,
      config,
      workflowBundlePath: ticketBundle.codePath,
    });
    const bareWorker = await Worker.create({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue: 'bench-bare',
      workflowBundle: { codePath: bareBundle.codePath },
      activities: bareActivities,
    });
    for (const worker of [ticketWorker, bareWorker]) {
      const running = worker.run();
      stops.push(async () => {
        worker.shutdown();
        await running;
      });
    }

    const api = await startApiServer({ config, log, sql: apiSql, temporalAddress: temporalServer.address });
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // The bare side: a Hono handler doing nothing but the Temporal calls.
    const bare = new Hono();
    bare.post('/bare/tickets', async (c) => {
      const { activities } = await c.req.json<{ activities: number }>();
      const workflowId = `bare-${randomUUID()}`;
      await temporal.workflow.executeUpdateWithStart(bareOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(bareTicketWorkflow, {
          workflowId,
          taskQueue: 'bench-bare',
          args: [{ activities }],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });
      return c.json({ id: workflowId, assigneeId: 'bare' }, 201);
    });
    bare.post('/bare/tickets/:id/commands', async (c) => {
      const { kind } = await c.req.json<{ kind: string }>();
      const changes = await temporal.workflow.getHandle(c.req.param('id')).executeUpdate(bareCommandUpdate, { args: [kind] });
      return c.json({ changes }, 200);
    });
    const bareServer = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: barePort });
    stops.push(() => new Promise<void>((resolve) => bareServer.close(() => resolve())));
    const bareUrl = `http://127.0.0.1:${barePort}`;

    // The organisation: an intake service whose one trigger assigns round robin on creation, a command service
    // whose trigger is evaluated on every update and matches none, and 20 agents in a group of each.
    const { orgId, adminId } = await bootstrap(apiSql, config);
    const session = async (agentId: string) => {
      const token = newToken('session');
      await insertSession(apiSql, { tokenHash: hashToken(token), agentId, expiresAt: new Date(Date.now() + 24 * 3600_000) });
      return token;
    };
    const adminToken = await session(adminId);
    const call = async (method: string, route: string, token: string, body?: unknown) => {
      const response = await fetch(apiUrl + route, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    };
    const newService = async (name: string) => {
      const serviceId = businessId('S');
      const groupId = businessId('G');
      await apiSql`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, ${name}, 'consultation')`;
      await apiSql`insert into groups (id, service_id, name) values (${groupId}, ${serviceId}, ${'상담'})`;
      return { serviceId, groupId };
    };
    const intake = await newService('접수 벤치');
    const commands = await newService('처리 벤치');
    const passwordHash = await hashPassword('bench-password-1');
    const agents: { id: string; token: string }[] = [];
    for (let index = 0; index < AGENTS; index++) {
      const id = businessId('A');
      await apiSql`
        insert into agents (id, org_id, email, name, role, permissions, password_hash)
        values (${id}, ${orgId}, ${`${id.toLowerCase()}@bench.test`}, ${`상담원 ${index + 1}`}, 'agent', ${['ticket']}, ${passwordHash})`;
      for (const groupId of [intake.groupId, commands.groupId]) await apiSql`insert into group_members (group_id, agent_id) values (${groupId}, ${id})`;
      agents.push({ id, token: await session(id) });
    }
    const trigger = async (serviceId: string, body: Record<string, unknown>) => {
      await call('POST', `/services/${serviceId}/triggers`, adminToken, { enabled: true, ...body });
      await call('POST', `/services/${serviceId}/rule-versions`, adminToken, {});
    };
    await trigger(intake.serviceId, {
      title: '라운드 로빈 배정',
      events: ['created'],
      conditions: { all: [{ field: 'subject', operator: 'isNotEmpty' }], any: [] },
      results: [{ type: 'assign', groupId: intake.groupId, strategy: 'roundRobin' }],
    });
    await trigger(commands.serviceId, {
      title: '긴급 건 재배정',
      events: ['updated'],
      conditions: { all: [{ field: 'priority', operator: 'equals', value: 'urgent' }], any: [] },
      results: [{ type: 'assign', groupId: commands.groupId, strategy: 'roundRobin' }],
    });

    let sequence = 0;
    const newTicketBody = (serviceId: string) => ({
      serviceId,
      subject: `배송 문의 ${++sequence}`,
      content: '주문한 상품이 아직 도착하지 않았습니다. 확인 부탁드립니다.',
      priority: 'normal',
      customer: { name: '김민준', email: `customer${sequence}@example.com` },
    });
    const settle = (ticketId: string) => temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(sideEffectsSettledUpdate);

    // --- The cost of one create and one command sequence, each run alone.
    const counted = async <T>(work: () => Promise<T>) => {
      const sent = { api: [] as string[], worker: [] as string[] };
      const stops = [recordStatements(apiSql, ({ text }) => sent.api.push(text)), recordStatements(workerSql, ({ text }) => sent.worker.push(text))];
      try {
        const result = await work();
        return { result, api: sent.api.length, worker: sent.worker.length, texts: tally([...sent.api, ...sent.worker]) };
      } finally {
        for (const stop of stops) stop();
      }
    };
    const created = await counted(() => call('POST', '/tickets', agents[0].token, newTicketBody(intake.serviceId)));
    if (!created.result.assigneeId) throw new Error('the round-robin trigger left the ticket unassigned');
    const createCost = await historyCost(temporal, ticketWorkflowId(created.result.id));
    const activitiesPerCreate = createCost.activities;

    const bareCreated = (await (await fetch(`${bareUrl}/bare/tickets`, { method: 'POST', body: JSON.stringify({ activities: 1 }) })).json()) as {
      id: string;
    };
    const bareCreateCost = await historyCost(temporal, bareCreated.id);

    const commandBody = (kind: (typeof COMMANDS)[number]) =>
      kind === 'take' ? {} : kind === 'comment' ? { body: '확인 중입니다.' } : kind === 'hold' ? { body: '택배사에 확인하고 있습니다.' } : { body: '배송이 완료되었습니다.' };
    const worked = await call('POST', '/tickets', agents[0].token, newTicketBody(commands.serviceId));
    await settle(worked.id);
    const beforeCommands = await historyCost(temporal, ticketWorkflowId(worked.id));
    const commanded = await counted(async () => {
      for (const kind of COMMANDS) await call('POST', `/tickets/${worked.id}/${routeOf(kind)}`, agents[0].token, commandBody(kind));
      // The hold's and the resolve's answers are mailed after their updates answer: part of what the commands cost.
      await settle(worked.id);
    });
    const commandCost = perCommand(beforeCommands, await historyCost(temporal, ticketWorkflowId(worked.id)), COMMANDS.length);
    const bareBefore = await historyCost(temporal, bareCreated.id);
    for (const kind of COMMANDS) await fetch(`${bareUrl}/bare/tickets/${bareCreated.id}/commands`, { method: 'POST', body: JSON.stringify({ kind }) });
    const bareCommandCost = perCommand(bareBefore, await historyCost(temporal, bareCreated.id), COMMANDS.length);

    // --- Intake, interleaved.
    const generator = startLoadGenerator();
    stops.push(async () => generator.stop());
    let nextAgent = 0;
    const intakeRequest = (scenario: Scenario): PlannedRequest =>
      scenario === 'contactflow'
        ? { method: 'POST', url: `${apiUrl}/tickets`, token: agents[nextAgent++ % AGENTS].token, body: newTicketBody(intake.serviceId), expectAssigned: true }
        : { method: 'POST', url: `${bareUrl}/bare/tickets`, body: { activities: scenario === 'bareA' ? 1 : activitiesPerCreate } };
    // Every lane repeats one request; the subjects repeat too, which the path does not care about.
    const intakeJob = (scenario: Scenario, concurrency: number, durationMs: number): LoadJob => ({
      lanes: Array.from({ length: concurrency }, (): Lane => ({ repeat: intakeRequest(scenario) })),
      durationMs,
    });
    for (const scenario of SCENARIOS) await generator.run(intakeJob(scenario, 10, 2000));

    const intakePoints: Record<string, Point[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (const concurrency of CONCURRENCIES) {
        // Rotated, so no scenario always runs right after another's backlog.
        const order = SCENARIOS.map((_, index) => SCENARIOS[(index + r) % SCENARIOS.length]);
        for (const scenario of order) {
          const point = pointOf(await generator.run(intakeJob(scenario, concurrency, intakeMs)));
          (intakePoints[`${scenario}.c${concurrency}`] ??= []).push(point);
          process.stderr.write(`round ${r + 1} intake ${scenario} c${concurrency}: ${round(point.throughput)}/s p50 ${round(point.p50, 0)} ms\n`);
        }
      }
    }

    // --- Commands: 20 agents, each on tickets of its own, against 20 clients of a bare one-activity update.
    const commandPoints: Record<'contactflow' | 'bare', Point[]> = { contactflow: [], bare: [] };
    const inParallel = async <T>(count: number, limit: number, work: (index: number) => Promise<T>) => {
      const results: T[] = new Array(count);
      let next = 0;
      await Promise.all(Array.from({ length: limit }, async () => {
        while (next < count) {
          const index = next++;
          results[index] = await work(index);
        }
      }));
      return results;
    };
    for (let r = 0; r < rounds; r++) {
      const tickets = await inParallel(AGENTS * TICKETS_PER_AGENT, 10, async (index) => {
        const ticket = await call('POST', '/tickets', agents[index % AGENTS].token, newTicketBody(commands.serviceId));
        return ticket.id as string;
      });
      const bareTickets = await inParallel(AGENTS, 10, async () => {
        const response = await fetch(`${bareUrl}/bare/tickets`, { method: 'POST', body: JSON.stringify({ activities: 1 }) });
        return ((await response.json()) as { id: string }).id;
      });
      const contactflowJob: LoadJob = {
        durationMs: commandMs,
        lanes: agents.map((agent, a) => ({
          sequence: tickets
            .filter((_, index) => index % AGENTS === a)
            .flatMap((ticketId) =>
              COMMANDS.map((kind): PlannedRequest => ({ method: 'POST', url: `${apiUrl}/tickets/${ticketId}/${routeOf(kind)}`, token: agent.token, body: commandBody(kind) })),
            ),
        })),
      };
      const bareJob: LoadJob = {
        durationMs: commandMs,
        lanes: bareTickets.map((id) => ({
          sequence: Array.from({ length: TICKETS_PER_AGENT * COMMANDS.length }, (_, index): PlannedRequest => ({
            method: 'POST',
            url: `${bareUrl}/bare/tickets/${id}/commands`,
            body: { kind: COMMANDS[index % COMMANDS.length] },
          })),
        })),
      };
      const order = r % 2 === 0 ? (['contactflow', 'bare'] as const) : (['bare', 'contactflow'] as const);
      for (const side of order) {
        const point = pointOf(await generator.run(side === 'contactflow' ? contactflowJob : bareJob));
        commandPoints[side].push(point);
        process.stderr.write(`round ${r + 1} commands ${side}: ${round(point.throughput)}/s p50 ${round(point.p50, 0)} ms\n`);
      }
    }

    // --- The figures.
    const { figures, figure } = figureLog();
    for (const concurrency of CONCURRENCIES) {
      const [cf, a, b] = SCENARIOS.map((scenario) => intakePoints[`${scenario}.c${concurrency}`]);
      figure(`intake.c${concurrency}.throughput`, medianOf(cf, 'throughput'), 'tickets/s', medianOf(a, 'throughput'));
      figure(`intake.c${concurrency}.p50`, medianOf(cf, 'p50'), 'ms', medianOf(a, 'p50'));
      figure(`intake.c${concurrency}.p99`, medianOf(cf, 'p99'), 'ms', medianOf(a, 'p99'));
      figure(`intake.c${concurrency}.throughput_vs_bare_b`, medianOf(cf, 'throughput'), 'tickets/s', medianOf(b, 'throughput'));
      figure(`intake.c${concurrency}.p50_vs_bare_b`, medianOf(cf, 'p50'), 'ms', medianOf(b, 'p50'));
      figure(`intake.c${concurrency}.bare_b.throughput`, medianOf(b, 'throughput'), 'tickets/s', medianOf(a, 'throughput'));
    }
    figure('commands.c20.throughput', medianOf(commandPoints.contactflow, 'throughput'), 'commands/s', medianOf(commandPoints.bare, 'throughput'));
    figure('commands.c20.p50', medianOf(commandPoints.contactflow, 'p50'), 'ms', medianOf(commandPoints.bare, 'p50'));
    figure('commands.c20.p99', medianOf(commandPoints.contactflow, 'p99'), 'ms', medianOf(commandPoints.bare, 'p99'));
    const costFigures = (what: string, cost: HistoryCost, bareCost: HistoryCost) => {
      figure(`${what}.history_events`, cost.events, 'events', bareCost.events);
      figure(`${what}.activities`, cost.activities, 'activities', bareCost.activities);
      figure(`${what}.workflow_tasks`, cost.workflowTasks, 'tasks', bareCost.workflowTasks);
      figure(`${what}.search_attribute_upserts`, cost.searchAttributeUpserts, 'upserts', bareCost.searchAttributeUpserts);
      figure(`${what}.payload_bytes`, cost.payloadBytes, 'bytes', bareCost.payloadBytes);
      figure(`${what}.history_bytes`, cost.historyBytes, 'bytes', bareCost.historyBytes);
    };
    costFigures('per_create', createCost, bareCreateCost);
    figure('per_create.sql_statements.api', created.api, 'statements', null);
    figure('per_create.sql_statements.worker', created.worker, 'statements', null);
    costFigures('per_command', commandCost, bareCommandCost);
    figure('per_command.sql_statements.api', commanded.api / COMMANDS.length, 'statements', null);
    figure('per_command.sql_statements.worker', commanded.worker / COMMANDS.length, 'statements', null);
    figure('workflow_bundle.bytes', ticketBundle.bytes, 'bytes', bareBundle.bytes);

    const results = {
      bench: 'intake',
      startedAt: startedAt.toISOString(),
      machine: { ...machine(), loadBefore, loadAfter: load() },
      options: { rounds, intakeSeconds: intakeMs / 1000, commandSeconds: commandMs / 1000, agents: AGENTS, activitiesPerCreate },
      figures,
      rounds: { intake: intakePoints, commands: commandPoints },
      statements: { create: created.texts, commandSequence: commanded.texts },
    };
    const written = await writeResults('intake', results);
    process.stdout.write(`${JSON.stringify({ bench: 'intake', load: results.machine, written })}\n`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
