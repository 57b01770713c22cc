/**
 * `npm run bench:workflows`: open ticket workflows at scale against bare Temporal (issue 15), on a Temporal dev
 * server (SQLite file, as `npm start` runs it) and an embedded PostgreSQL started here on free loopback ports in a
 * throwaway data directory.
 *
 * The ticket worker (`createWorker`, production's wiring) and a bare worker each run in a process of their own
 * (support/worker-process.ts), with a cache large enough for every workflow of the run. Tickets are created through
 * `POST /tickets` by many concurrent lanes of a load generator in another process, in a service whose SLA policy
 * gives each ticket two timers (resolution at risk at half the target, breached at the target, which raises the
 * priority: a ticket event); bare workflows are started with one timer each, each due when one ticket's breach is,
 * so both sides fire on the same schedule.
 *
 * Figures:
 * - resident memory per cached workflow, ticket against bare: the least-squares slope of each worker's RSS
 *   (`/proc`, after a collection of its main thread) against its cache size (the worker's own count), measured
 *   after each quarter of the workflows; the slopes over quarters 1–3 and 2–4 are printed too, to show whether
 *   the figure depends on the size;
 * - both workflow bundles' sizes;
 * - then both workers are killed (SIGKILL) and started again, before any breach is due: every ticket's breach must
 *   fire exactly once on the new worker, read from the ticket events, and every bare timer must fire;
 * - timer lateness (fired − due) p50/p99: a ticket's breach from its event's time, a bare timer from its result.
 *
 * Options: `-- --tickets 300` (ticket and bare workflows each), `-- --lanes 16` (concurrent creates),
 * `-- --timer-seconds N` (the SLA target; by default long enough for the creates and the restart to finish first,
 * estimated from a warm-up). Prints one JSON line per figure and writes bench/results.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../infra/env';
import { mapLimited } from '../../infra/map-limited';
import { bareTimerWorkflow } from './support/bare/workflows';
import { BARE_QUEUE, startBenchPlatform } from './support/platform';
import { figureLog, loadAverage, numberOption, percentile, round } from './support/report';
import { residentBytes } from './support/proc';
import type { WorkerHandle } from './support/worker-handle';

/** Workflows each worker runs before the first measurement: loads the bundle and fills the first pages. */
const WARM_UP = 40;
/** Time for the measurements and the restart between the last create and the first breach, beyond the estimate. */
const RESTART_MARGIN_S = 40;
/** How long past the last due time the bench waits for the last firing before it reports what is missing. */
const FIRING_GRACE_MS = 300_000;

/** Least-squares growth of resident bytes per cached workflow through the points. */
function slope(points: { cached: number; rss: number }[]): number {
  const meanX = points.reduce((sum, point) => sum + point.cached, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.rss, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.cached - meanX) * (point.rss - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.cached - meanX) ** 2, 0);
  return covariance / variance;
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const tickets = numberOption('tickets', 300);
  const lanes = numberOption('lanes', 16);
  // Measured after each quarter: the growth per workflow is the slope through the five points.
  const parts = [0, 1, 2, 3].map((quarter) => Math.floor(((quarter + 1) * tickets) / 4) - Math.floor((quarter * tickets) / 4));
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const platform = await startBenchPlatform('workflows');
  const { sql, temporal, apiUrl, token, bundles } = platform;

  try {
    // Both workers keep every workflow of the run in their cache: the figures are about cached workflows.
    const maxCachedWorkflows = tickets + WARM_UP + 100;
    const workers: Record<'ticket' | 'bare', WorkerHandle> = {
      ticket: await platform.startWorker('ticket', maxCachedWorkflows),
      bare: await platform.startWorker('bare', maxCachedWorkflows),
    };
    const warmUpService = await platform.newService('예열');
    const timedService = await platform.newService('SLA 벤치');
    const createTickets = (serviceId: string, count: number) => platform.createTickets(serviceId, count, lanes);

    const bareRuns: { id: string; dueAt: number }[] = [];
    /** Starts a bare timer workflow per due time, `lanes` at a time; `timed` ones are awaited. */
    const startBare = async (dueTimes: number[], timed = true) => {
      const started = performance.now();
      await mapLimited(dueTimes, lanes, async (dueAt) => {
        const id = `bare-timer-${randomUUID()}`;
        await temporal.workflow.start(bareTimerWorkflow, { workflowId: id, taskQueue: BARE_QUEUE, args: [{ dueAt: new Date(dueAt).toISOString() }] });
        if (timed) bareRuns.push({ id, dueAt });
      });
      return (performance.now() - started) / 1000;
    };
    const tomorrow = (count: number) => Array<number>(count).fill(Date.now() + 24 * 3600_000);
    /** When the breaches of the tickets created since `since` fall due: a bare timer is due at each. */
    const breachesDue = async (since: Date, timerSeconds: number) => {
      const rows = await sql<{ createdAt: Date }[]>`
        select created_at as "createdAt" from tickets where service_id = ${timedService} and created_at >= ${since} order by created_at`;
      return rows.map((row) => row.createdAt.getTime() + timerSeconds * 1000);
    };

    /** Resident bytes once the worker's cache holds `expected` workflows (waited for) and its heap is collected. */
    const measure = async (worker: WorkerHandle, expected: number) => {
      let cached = await worker.cachedWorkflows();
      for (let waited = 0; cached < expected && waited < 60; waited++) {
        await pause(1000);
        cached = await worker.cachedWorkflows();
      }
      // The collection's pages go back to the system within a moment; RSS read right after would still count them.
      await pause(2000);
      return { cached, rss: await residentBytes(worker.pid) };
    };

    // --- Warm-up: the bundle loaded in each worker, and the rates that size the SLA target.
    // The rates come from the second half of the warm-up: the first pays for loading the bundle. On a shared
    // machine the rate can halve between the warm-up and the last create, hence twice the estimate.
    await createTickets(warmUpService, WARM_UP / 2);
    await startBare(tomorrow(WARM_UP / 2), false);
    const ticketRate = WARM_UP / 2 / (await createTickets(warmUpService, WARM_UP / 2));
    const bareRate = WARM_UP / 2 / (await startBare(tomorrow(WARM_UP / 2), false));
    const estimatedCreateSeconds = tickets / ticketRate + tickets / bareRate;
    const timerSeconds = numberOption('timer-seconds', Math.ceil(2 * estimatedCreateSeconds + RESTART_MARGIN_S));
    process.stderr.write(
      `warm-up: ${round(ticketRate)} tickets/s, ${round(bareRate)} bare starts/s; SLA target ${timerSeconds} s for ${tickets} of each\n`,
    );
    const policy = await fetch(`${apiUrl}/services/${timedService}/sla-policies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '벤치 해결 목표',
        resolution: `${timerSeconds}s`,
        atRiskRatio: 0.5,
        onAtRisk: [],
        onBreach: [{ type: 'setPriority', priority: 'urgent' }],
      }),
    });
    if (policy.status !== 201) throw new Error(`the SLA policy was refused: ${policy.status} ${await policy.text()}`);

    const points = { ticket: [await measure(workers.ticket, WARM_UP)], bare: [await measure(workers.bare, WARM_UP)] };
    const createSeconds = { ticket: 0, bare: 0 };
    for (const part of parts) {
      // Each bare timer is due when one of these tickets' breach is, so both sides fire on the same schedule.
      const since = new Date((await sql<{ now: Date }[]>`select now()`)[0].now);
      createSeconds.ticket += await createTickets(timedService, part);
      points.ticket.push(await measure(workers.ticket, points.ticket.at(-1)!.cached + part));
      createSeconds.bare += await startBare(await breachesDue(since, timerSeconds));
      points.bare.push(await measure(workers.bare, points.bare.at(-1)!.cached + part));
      process.stderr.write(
        `${points.ticket.at(-1)!.cached} tickets cached: ${mib(points.ticket.at(-1)!.rss)} MiB; ${points.bare.at(-1)!.cached} bare: ${mib(points.bare.at(-1)!.rss)} MiB\n`,
      );
    }

    // --- Restart: both workers die as in a crash and new ones take over before any breach is due.
    const [{ firedBefore }] = await sql<{ firedBefore: number }[]>`
      select count(*)::int as "firedBefore" from ticket_events e join tickets t on t.id = e.ticket_id
      where t.service_id = ${timedService} and e.kind = 'time_rule'`;
    await workers.ticket.kill();
    await workers.bare.kill();
    const restartedAt = new Date();
    workers.ticket = await platform.startWorker('ticket', maxCachedWorkflows);
    workers.bare = await platform.startWorker('bare', maxCachedWorkflows);
    const afterRestart = { ticket: await residentBytes(workers.ticket.pid), bare: await residentBytes(workers.bare.pid) };
    process.stderr.write(`restarted at ${restartedAt.toISOString()} (${firedBefore} breaches fired before); waiting for the timers\n`);

    // --- Every timer fires on the new workers.
    // `lanes` results awaited at a time, earliest due first: each is a long poll, and the dev server refuses more
    // than a few hundred at once ("namespace concurrent poller limit exceeded"). The firing time is the workflow's own.
    const bareFired = mapLimited(bareRuns, lanes, async (run) => ({ ...run, firedAt: Date.parse(await temporal.workflow.getHandle(run.id).result()) }));
    const lastDue = Date.now() + timerSeconds * 1000;
    let breached = 0;
    while (Date.now() < lastDue + FIRING_GRACE_MS) {
      [{ breached }] = await sql<{ breached: number }[]>`
        select count(distinct e.ticket_id)::int as breached from ticket_events e join tickets t on t.id = e.ticket_id
        where t.service_id = ${timedService} and e.kind = 'time_rule'`;
      if (breached >= tickets) break;
      await pause(3000);
    }
    const bare = await bareFired;
    const resumedCache = await measure(workers.ticket, tickets);

    // One breach event per ticket, two time-rule firings (at risk, breached), and when the breach fired against when it was due.
    const rows = await sql<{ events: number; firings: number; firedAt: Date | null; dueAt: string | null }[]>`
      select
        (select count(*)::int from ticket_events e where e.ticket_id = t.id and e.kind = 'time_rule') as events,
        (select count(*)::int from trigger_evaluations v where v.ticket_id = t.id and v.event = 'time_rule') as firings,
        (select max(e.at) from ticket_events e where e.ticket_id = t.id and e.kind = 'time_rule') as "firedAt",
        (select v.trace->'timeRule'->>'at' from trigger_evaluations v
          where v.ticket_id = t.id and v.event = 'time_rule' and v.trace->'timeRule'->>'key' = 'resolution:breached') as "dueAt"
      from tickets t where t.service_id = ${timedService}`;
    const firedOnce = rows.filter((row) => row.events === 1 && row.firings === 2).length;
    const resumed = rows.filter((row) => row.firedAt && row.firedAt > restartedAt).length;
    const ticketLateness = rows.filter((row) => row.firedAt && row.dueAt).map((row) => row.firedAt!.getTime() - Date.parse(row.dueAt!));
    const bareLateness = bare.map((run) => run.firedAt - run.dueAt);

    // --- The figures.
    const { figures, figure } = figureLog();
    const perWorkflow = (kind: 'ticket' | 'bare', from: number, to: number) => slope(points[kind].slice(from, to + 1));
    const [all, last] = [points.ticket.at(-1)!, points.bare.at(-1)!];
    figure('open_workflows.tickets', rows.length, 'workflows', bare.length);
    figure('open_workflows.cached', all.cached, 'workflows', last.cached);
    // Not from the warm-up's point: a fresh worker's RSS still holds its start-up garbage, freed later.
    figure('open_workflows.rss_per_cached_workflow', perWorkflow('ticket', 1, 4), 'bytes', perWorkflow('bare', 1, 4));
    figure('open_workflows.rss_per_cached_workflow.quarters_1_to_3', perWorkflow('ticket', 1, 3), 'bytes', perWorkflow('bare', 1, 3));
    figure('open_workflows.rss_per_cached_workflow.quarters_2_to_4', perWorkflow('ticket', 2, 4), 'bytes', perWorkflow('bare', 2, 4));
    figure('open_workflows.worker_rss', all.rss, 'bytes', last.rss);
    figure('open_workflows.worker_rss.warm_up', points.ticket[0].rss, 'bytes', points.bare[0].rss);
    figure('open_workflows.worker_rss.after_restart_resumed', resumedCache.rss, 'bytes', null);
    figure('open_workflows.workflow_bundle', bundles.ticket.bytes, 'bytes', bundles.bare.bytes);
    figure('open_workflows.create_rate', tickets / createSeconds.ticket, 'workflows/s', tickets / createSeconds.bare);
    figure('open_workflows.timer_lateness.p50', percentile(ticketLateness, 50), 'ms', percentile(bareLateness, 50));
    figure('open_workflows.timer_lateness.p99', percentile(ticketLateness, 99), 'ms', percentile(bareLateness, 99));
    figure('open_workflows.timer_lateness.max', Math.max(...ticketLateness), 'ms', Math.max(...bareLateness));
    figure('open_workflows.fired_after_restart', resumed, 'workflows', bare.filter((run) => run.firedAt > restartedAt.getTime()).length);
    figure('open_workflows.fired_exactly_once', firedOnce, 'workflows', tickets);

    const results = {
      bench: 'workflows',
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, loadBefore, loadAfter: loadAverage() },
      options: { tickets, lanes, timerSeconds, maxCachedWorkflows, warmUp: WARM_UP },
      figures,
      points,
      afterRestart,
      resumedCache,
      restartedAt: restartedAt.toISOString(),
      firedBeforeRestart: firedBefore,
      createSeconds,
    };
    await mkdir(path.join(projectRoot, 'bench'), { recursive: true });
    await writeFile(path.join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ bench: 'workflows', load: results.machine, written: 'bench/results.json' })}\n`);
    if (firedOnce !== tickets || resumed !== tickets || bare.length !== tickets) process.exitCode = 1;
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
