/**
 * `npm run bench:scale-out`: ticket intake with one ticket worker process against two, on the same Temporal dev
 * server and PostgreSQL (support/platform.ts), and where the CPU of each create goes: the Temporal server, the
 * workers, PostgreSQL (postmaster and backends) and the API, each read from `/proc` around each window.
 *
 * Each round creates the same number of tickets through `POST /tickets` (many concurrent lanes from the load
 * generator's process; a service without triggers, so a create is `openTicket`, `evaluateTriggers`,
 * `planTimeRules`) with one worker, then with a second worker process polling the same task queue; the second is
 * killed after its window. Figures are medians over the rounds: value = two workers, baseline = one.
 *
 * Options: `-- --rounds 2`, `-- --tickets 60` (per window), `-- --lanes 16`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../infra/env';
import { startBenchPlatform } from './support/platform';
import { cpuSeconds, treeCpuSeconds } from './support/proc';
import { figureLog, loadAverage, median, numberOption, round } from './support/report';
import type { WorkerHandle } from './support/worker-handle';

/** Created before the windows with each new worker, so that loading the bundle is not counted. */
const WARM_UP = 10;
const CACHE = 10_000;

interface Window {
  workers: number;
  ticketsPerSecond: number;
  /** CPU milliseconds per create, by process. */
  cpuMs: { temporal: number; workers: number; postgres: number; api: number };
  /** CPU milliseconds the whole window used per wall-clock second: how many cores were busy. */
  coresBusy: number;
}

async function main(): Promise<void> {
  const rounds = numberOption('rounds', 2);
  const tickets = numberOption('tickets', 60);
  const lanes = numberOption('lanes', 16);
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const platform = await startBenchPlatform('scale-out');
  try {
    const temporalPid = platform.pids.temporal;
    if (temporalPid === null) throw new Error('the scale-out bench needs the Temporal CLI dev server, in a process of its own');
    const serviceId = await platform.newService('확장 벤치');
    const first = await platform.startWorker('ticket', CACHE);
    await platform.createTickets(serviceId, WARM_UP, lanes);

    const cpu = async (workers: WorkerHandle[]) => ({
      temporal: await cpuSeconds(temporalPid),
      workers: (await Promise.all(workers.map((worker) => cpuSeconds(worker.pid)))).reduce((a, b) => a + b, 0),
      postgres: await treeCpuSeconds(platform.pids.postgres),
      api: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const window = async (workers: WorkerHandle[]): Promise<Window> => {
      const before = await cpu(workers);
      const seconds = await platform.createTickets(serviceId, tickets, lanes);
      const after = await cpu(workers);
      const perCreate = (key: keyof typeof before) => ((after[key] - before[key]) * 1000) / tickets;
      const cpuMs = { temporal: perCreate('temporal'), workers: perCreate('workers'), postgres: perCreate('postgres'), api: perCreate('api') };
      const total = Object.values(cpuMs).reduce((a, b) => a + b, 0);
      return { workers: workers.length, ticketsPerSecond: tickets / seconds, cpuMs, coresBusy: (total * tickets) / 1000 / seconds };
    };

    const windows: Window[] = [];
    for (let r = 0; r < rounds; r++) {
      windows.push(await window([first]));
      const second = await platform.startWorker('ticket', CACHE);
      await platform.createTickets(serviceId, WARM_UP, lanes);
      windows.push(await window([first, second]));
      await second.kill();
      for (const entry of windows.slice(-2)) {
        process.stderr.write(
          `round ${r + 1}, ${entry.workers} worker(s): ${round(entry.ticketsPerSecond)} tickets/s; CPU ms per create ${JSON.stringify(
            Object.fromEntries(Object.entries(entry.cpuMs).map(([key, value]) => [key, round(value, 1)])),
          )}\n`,
        );
      }
    }

    const { figures, figure } = figureLog();
    const of = (workers: number, pick: (entry: Window) => number) => median(windows.filter((entry) => entry.workers === workers).map(pick));
    const both = (name: string, unit: string, pick: (entry: Window) => number) => figure(name, of(2, pick), unit, of(1, pick));
    both('scale_out.two_workers.throughput', 'tickets/s', (entry) => entry.ticketsPerSecond);
    both('scale_out.two_workers.temporal_cpu_per_create', 'ms', (entry) => entry.cpuMs.temporal);
    both('scale_out.two_workers.worker_cpu_per_create', 'ms', (entry) => entry.cpuMs.workers);
    both('scale_out.two_workers.postgres_cpu_per_create', 'ms', (entry) => entry.cpuMs.postgres);
    both('scale_out.two_workers.api_cpu_per_create', 'ms', (entry) => entry.cpuMs.api);
    both('scale_out.two_workers.cores_busy', 'cores', (entry) => entry.coresBusy);

    const results = {
      bench: 'scale-out',
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, loadBefore, loadAfter: loadAverage() },
      options: { rounds, tickets, lanes },
      figures,
      windows,
    };
    await mkdir(path.join(projectRoot, 'bench'), { recursive: true });
    await writeFile(path.join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ bench: 'scale-out', load: results.machine, written: 'bench/results.json' })}\n`);
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
