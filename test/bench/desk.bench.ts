/**
 * The agent's desk at a million tickets (issue 15): task lists and the dashboard under 50 concurrent clients, and
 * assignment decisions, on the 1,000,000-ticket corpus (support/ticket-corpus.ts, generated on first use).
 *
 * - **task lists and dashboard**: `GET /tickets?list=…&limit=50` (a page of the unassigned, my-open and all lists the
 *   studio opens) and `GET /dashboard`, sent by 50 agents of the corpus at once over loopback HTTP to the real API
 *   (`startApiServer`), against a bare Hono handler that runs the very statements the API sent for that agent's
 *   request (captured once per agent, test/support/statements.ts), in the same order, through postgres.js, and
 *   answers their rows as JSON. The two sides alternate in every round, at 50 clients and then at one client alone;
 *   the figures are the medians of the rounds.
 *   The load comes from a child process (support/load-generator.ts).
 * - **assignment at scale**: round-robin and least-loaded decisions per second (`assignAgent`, the trigger's
 *   activity code: per-group lock, the candidates, the recorded decision) in the corpus's largest group, with
 *   1,000,000 tickets in the table against a corpus of 10,000 beside it, alternating in every round.
 *
 * Prints one JSON line per figure `{name, value, unit, baseline, ratio}` (ratio = value / baseline) and writes them,
 * with the rounds and the machine's load, to bench/results.json under `desk`.
 *
 * Options: `-- --rounds 3`, `-- --seconds 5` (window per side and scenario), `-- --assign-seconds 2` (per side and strategy, in at least 5 rounds), `-- --tickets N`
 * (another size of the large corpus). The defaults take about four minutes here once the corpus exists.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Sql } from 'postgres';
import { assignAgent } from '../../activities/assignment';
import { hashToken, newToken } from '../../api/auth/tokens';
import { startApiServer } from '../../bin/api-server';
import { connectDatabase } from '../../infra/connect';
import { loadConfig } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';
import { createLogger } from '../../infra/logger';
import { startTemporal } from '../../infra/temporal';
import { insertSession } from '../../store/auth';
import { figureLog, load, machine, median, medianOf, option, pointOf, round, startLoadGenerator, writeResults, type Point } from './support/figures';
import type { LoadJob } from './support/load-generator';
import { statementsOf, type Statement } from '../support/statements';
import { DEFAULT_CORPUS, openTicketCorpus } from './support/ticket-corpus';

const CLIENTS = 50;
const SMALL_CORPUS = { tickets: 10_000, customers: 3_000, seed: DEFAULT_CORPUS.seed };
const SMALL_DATABASE = 'contactflow_bench_10k';

/** What each agent's studio asks for: a page of 50 of three task lists, and the dashboard. */
const SCENARIOS = [
  { name: 'task_list.unassigned', route: '/tickets?list=unassigned&limit=50', list: true },
  { name: 'task_list.mine_in_progress', route: '/tickets?list=mine_in_progress&limit=50', list: true },
  { name: 'task_list.all', route: '/tickets?list=all&limit=50', list: true },
  { name: 'dashboard', route: '/dashboard?timezone=Asia%2FSeoul', list: false },
] as const;
const STRATEGIES = ['roundRobin', 'leastLoaded'] as const;

async function main(): Promise<void> {
  const rounds = option('rounds', 3);
  const windowMs = option('seconds', 5) * 1000;
  const assignMs = option('assign-seconds', 2) * 1000;
  const assignRounds = Math.max(rounds, 5);
  const startedAt = new Date();
  const loadBefore = load();
  const base = { ...loadConfig(), LOG_LEVEL: 'silent' as const };
  const log = createLogger('warn', 'bench');

  // The small corpus first: the large one's server then serves both databases.
  const small = await openTicketCorpus(SMALL_CORPUS, { config: base, database: SMALL_DATABASE });
  await small.close();
  const corpus = await openTicketCorpus({ ...DEFAULT_CORPUS, tickets: option('tickets', DEFAULT_CORPUS.tickets) }, { config: base });

  const stops: (() => Promise<void>)[] = [async () => corpus.close()];
  // A throwaway directory for the Temporal dev server's database.
  const dataDir = await mkdtemp(path.join(base.DATA_DIR, 'bench-desk-'));
  try {
    // The API needs a Temporal connection to start; lists and the dashboard never use it.
    const [apiPort, barePort, temporalPort, uiPort] = await Promise.all(Array.from({ length: 4 }, () => findFreePort()));
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      LOG_LEVEL: 'silent',
    });
    const temporal = await startTemporal(config, log);
    stops.push(temporal.stop);

    const apiSql = connectDatabase(corpus.url);
    const bareSql = connectDatabase(corpus.url);
    // Assignment runs one decision at a time through a pool of its own for each corpus, alike.
    const smallUrl = corpus.url.replace(/\/[^/]*$/, `/${SMALL_DATABASE}`);
    const largeSql = connectDatabase(corpus.url, { max: 4 });
    const smallSql = connectDatabase(smallUrl, { max: 4 });
    stops.push(() => apiSql.end(), () => bareSql.end(), () => largeSql.end(), () => smallSql.end());

    const api = await startApiServer({ config, log: createLogger('silent'), sql: apiSql, temporalAddress: temporal.address });
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // 50 agents of the corpus, busiest first, each signed in.
    const agents = corpus.facts.agentIds.slice(0, CLIENTS);
    const tokens: string[] = [];
    for (const agentId of agents) {
      const token = newToken('session');
      await insertSession(apiSql, { tokenHash: hashToken(token), agentId, expiresAt: new Date(Date.now() + 24 * 3600_000) });
      tokens.push(token);
    }

    // Each agent's request sent once, alone: the statements it ran are what the bare side runs for that agent.
    const captured = new Map<string, Statement[]>();
    for (const scenario of SCENARIOS) {
      for (const [lane, token] of tokens.entries()) {
        const send = async () => {
          const response = await fetch(apiUrl + scenario.route, { headers: { authorization: `Bearer ${token}` } });
          if (!response.ok) throw new Error(`${scenario.route} answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
        };
        // The second request is the one recorded: what the API sends once its directory cache holds the agent.
        await send();
        const { statements } = await statementsOf(apiSql, send);
        // The API's counter folding may run meanwhile; it is not the request's.
        captured.set(`${scenario.name}/${lane}`, statements.filter((statement) => !/compact_ticket_counts/.test(statement.text)));
      }
    }
    const statementsPerRequest = Object.fromEntries(SCENARIOS.map((s) => [s.name, captured.get(`${s.name}/0`)!.length]));

    const bare = new Hono();
    bare.get('/bare/:scenario/:lane', async (c) => {
      const statements = captured.get(`${c.req.param('scenario')}/${c.req.param('lane')}`)!;
      let rows: unknown[] = [];
      for (const statement of statements) rows = await bareSql.unsafe(statement.text, statement.params as never[], { prepare: true });
      return c.json(rows, 200);
    });
    const bareServer = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: barePort });
    stops.push(() => new Promise<void>((resolve) => bareServer.close(() => resolve())));
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const generator = startLoadGenerator();
    stops.push(async () => generator.stop());
    const job = (scenario: (typeof SCENARIOS)[number], side: 'api' | 'bare', durationMs: number, clients = CLIENTS): LoadJob => ({
      durationMs,
      lanes: tokens.slice(0, clients).map((token, lane) => ({
        repeat:
          side === 'api'
            ? { method: 'GET', url: apiUrl + scenario.route, token }
            : { method: 'GET', url: `${bareUrl}/bare/${scenario.name}/${lane}` },
      })),
    });
    // Warm both sides: prepared statements, plans and caches.
    for (const scenario of SCENARIOS) for (const side of ['api', 'bare'] as const) await generator.run(job(scenario, side, 1000));

    // 50 clients with no pause between requests keep the server saturated, so their latency is 50 / throughput
    // (Little's law); one client alone shows what a request costs when it does not queue.
    const points: Record<string, Point[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (const scenario of SCENARIOS) {
        const order = r % 2 === 0 ? (['api', 'bare'] as const) : (['bare', 'api'] as const);
        for (const clients of [CLIENTS, 1]) {
          for (const side of order) {
            const point = pointOf(await generator.run(job(scenario, side, clients === 1 ? windowMs / 2 : windowMs, clients)));
            (points[`${scenario.name}.c${clients}.${side}`] ??= []).push(point);
            process.stderr.write(`round ${r + 1} ${scenario.name} c${clients} ${side}: ${round(point.throughput)}/s p50 ${round(point.p50)} ms p99 ${round(point.p99)} ms\n`);
          }
        }
      }
    }

    // Assignment decisions, the large corpus and the small one alternating.
    const groupId = corpus.facts.groupIds[0];
    const decisionsPerSecond = async (sql: Sql, strategy: (typeof STRATEGIES)[number]) => {
      const started = performance.now();
      let decisions = 0;
      while (performance.now() - started < assignMs) {
        const choice = await assignAgent(sql, `bench-${strategy}-${startedAt.getTime()}-${decisions}-${Math.random()}`, { type: 'assign', groupId, strategy });
        if (!choice.agentId) throw new Error(`${strategy} assigned nobody in ${groupId}`);
        decisions++;
      }
      return (decisions / (performance.now() - started)) * 1000;
    };
    const assignments: Record<string, number[]> = {};
    for (const strategy of STRATEGIES) for (const sql of [largeSql, smallSql]) await decisionsPerSecond(sql, strategy);
    // Each decision commits (and waits for its WAL flush), so rates swing with the machine's disk and CPU: more,
    // shorter rounds than the HTTP scenarios.
    for (let r = 0; r < assignRounds; r++) {
      for (const strategy of STRATEGIES) {
        const sizes = r % 2 === 0 ? (['large', 'small'] as const) : (['small', 'large'] as const);
        for (const size of sizes) {
          const rate = await decisionsPerSecond(size === 'large' ? largeSql : smallSql, strategy);
          (assignments[`${strategy}.${size}`] ??= []).push(rate);
          process.stderr.write(`round ${r + 1} assignment ${strategy} ${size}: ${round(rate)}/s\n`);
        }
      }
    }

    // The decision's one statement that could grow with the tickets, the candidates with their load: the buffers its
    // plan touches, which unlike a rate on a shared machine do not depend on the load.
    const candidateBuffers = async (url: string, strategy: (typeof STRATEGIES)[number]) => {
      const probe = connectDatabase(url, { max: 1 });
      try {
        const { statements } = await statementsOf(probe, () => assignAgent(probe, `bench-probe-${strategy}-${Math.random()}`, { type: 'assign', groupId, strategy }));
        const candidates = statements.find((statement) => /from group_members m/.test(statement.text))!;
        const [row] = await probe.unsafe(`explain (analyze, buffers, format json) ${candidates.text}`, candidates.params as never[]);
        const plan = (row['QUERY PLAN'] as { Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }[])[0].Plan;
        return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
      } finally {
        await probe.end();
      }
    };
    const { figures, figure } = figureLog();
    for (const scenario of SCENARIOS) {
      for (const clients of [CLIENTS, 1]) {
        const [cf, bareSide] = [points[`${scenario.name}.c${clients}.api`], points[`${scenario.name}.c${clients}.bare`]];
        figure(`${scenario.name}.c${clients}.throughput`, medianOf(cf, 'throughput'), 'requests/s', medianOf(bareSide, 'throughput'));
        figure(`${scenario.name}.c${clients}.p50`, medianOf(cf, 'p50'), 'ms', medianOf(bareSide, 'p50'));
        figure(`${scenario.name}.c${clients}.p99`, medianOf(cf, 'p99'), 'ms', medianOf(bareSide, 'p99'));
      }
    }
    for (const strategy of STRATEGIES) {
      const name = strategy === 'roundRobin' ? 'round_robin' : 'least_loaded';
      figure(`assignment.${name}.1m_vs_10k`, median(assignments[`${strategy}.large`]), 'decisions/s', median(assignments[`${strategy}.small`]));
      figure(`assignment.${name}.candidates_buffers.1m_vs_10k`, await candidateBuffers(corpus.url, strategy), 'buffers', await candidateBuffers(smallUrl, strategy));
    }

    const goals = Object.fromEntries(
      SCENARIOS.filter((scenario) => scenario.list).map((scenario) => {
        const ratio = medianOf(points[`${scenario.name}.c${CLIENTS}.api`], 'throughput') / medianOf(points[`${scenario.name}.c${CLIENTS}.bare`], 'throughput');
        const p99 = medianOf(points[`${scenario.name}.c${CLIENTS}.api`], 'p99');
        return [scenario.name, { ratio: round(ratio, 3), p99: round(p99), met: ratio >= 0.8 && p99 <= 20 }];
      }),
    );
    const written = await writeResults('desk', {
      startedAt: startedAt.toISOString(),
      machine: { ...machine(), loadBefore, loadAfter: load() },
      options: { rounds, seconds: windowMs / 1000, assignSeconds: assignMs / 1000, assignRounds, clients: CLIENTS, tickets: corpus.facts.tickets, small: SMALL_CORPUS.tickets },
      figures,
      goals,
      statementsPerRequest,
      rounds: { http: points, assignment: assignments },
    });
    process.stdout.write(`${JSON.stringify({ bench: 'desk', load: { before: loadBefore, after: load() }, goals, written })}\n`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log.error({ err: error }, 'bench cleanup step failed'));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
