/**
 * `npm run bench`: the 1,000,000-ticket corpus (generated on first use, reused after), then every `*.bench.ts` in
 * this folder, one after the other, each in a process of its own with sizes chosen so that the whole run fits in
 * 15 minutes on a 2-core machine, and a time budget after which it is stopped. A bench found here without a plan
 * below runs with its own defaults and the default budget.
 *
 * Each bench prints one JSON line per figure, `{"name","value","unit","baseline","ratio"}`; they pass through as
 * they come. At the end one summary line per bench (`{"bench","status","seconds","budgetSeconds","figures"}`), and
 * bench/results.json with every figure, per bench. A bench that writes bench/results.json itself (with its rounds
 * and profiles) has it moved to bench/<name>.json, which the summary names.
 *
 * The whole run stops at `-- --minutes 15`: a bench whose budget reaches past it gets what is left, and a bench
 * with nothing left is reported as skipped. Options: `-- --only intake,workflows` (run those benches only),
 * `-- --skip search`, `-- --full` (every bench with its own defaults, which take longer; the budgets are doubled).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, '..', '..', 'bench');
const resultsFile = path.join(resultsDir, 'results.json');

interface Plan {
  /** Options for the bounded run; `--full` drops them. */
  args: string[];
  env?: Record<string, string>;
  budgetSeconds: number;
}

/**
 * Sizes chosen so that the benches fit 15 minutes together; the budgets are estimates from single runs of each
 * bench on 2 cores at a load average of 15–25, where the workflows bench needs more than its budget.
 */
const PLANS: Record<string, Plan> = {
  // Confirms the corpus in a second once it exists; generating it takes 4–6 minutes.
  'seed-tickets.ts': { args: [], budgetSeconds: 480 },
  'intake.bench.ts': { args: ['--rounds', '1', '--seconds', '6', '--command-seconds', '8'], budgetSeconds: 180 },
  'rules.bench.ts': { args: [], env: { RULES_BENCH_SIZES: '10,100,1000' }, budgetSeconds: 90 },
  'search.bench.ts': { args: ['--rounds', '30'], budgetSeconds: 90 },
  'scale-out.bench.ts': { args: ['--rounds', '1', '--tickets', '40'], budgetSeconds: 120 },
  'workflows.bench.ts': { args: ['--tickets', '150'], budgetSeconds: 300 },
  'desk.bench.ts': { args: ['--rounds', '1', '--seconds', '3', '--assign-seconds', '1'], budgetSeconds: 150 },
};
const DEFAULT_BUDGET_SECONDS = 150;
/** Less than this is not enough to start a bench's servers. */
const MINIMUM_BUDGET_SECONDS = 30;

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

interface BenchRun {
  bench: string;
  status: 'passed' | 'failed' | 'stopped at budget' | 'skipped: out of time';
  seconds: number;
  budgetSeconds: number;
  figures: Figure[];
  /** What the bench wrote itself, moved out of the way of the next one. */
  details: string | null;
}

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' && value !== null && 'name' in value && 'value' in value && 'unit' in value;

function listOption(argv: string[], name: string): string[] | null {
  const index = argv.indexOf(`--${name}`);
  return index < 0 ? null : argv[index + 1].split(',');
}

/** Set when the run was interrupted: the bench running then is stopped and no other starts. */
let runInterrupted = false;

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

async function run(file: string, plan: Plan, full: boolean, secondsLeft: number): Promise<BenchRun> {
  const bench = file.replace(/(\.bench)?\.ts$/, '');
  const budgetSeconds = Math.min(full ? plan.budgetSeconds * 2 : plan.budgetSeconds, Math.floor(secondsLeft));
  if (budgetSeconds < MINIMUM_BUDGET_SECONDS) return { bench, status: 'skipped: out of time', seconds: 0, budgetSeconds, figures: [], details: null };
  const resultsBefore = mtime(resultsFile);
  const started = performance.now();
  // A process group of its own, so that stopping it at its budget stops the load generators and workers it forked.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, file), ...(full ? [] : plan.args)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(full ? {} : plan.env) },
    detached: true,
  });
  const figures: Figure[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    try {
      const parsed: unknown = JSON.parse(line);
      if (isFigure(parsed)) figures.push(parsed);
    } catch {
      // Not every line a bench prints is a figure.
    }
  });
  let stopped = false;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error) {
      // The bench and everything it started have already gone.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  const stop = () => {
    // SIGTERM first: a bench that handles it stops its servers; what is left is stopped a little later.
    signalGroup('SIGTERM');
    setTimeout(() => signalGroup('SIGKILL'), 15_000).unref();
  };
  const budget = setTimeout(() => {
    stopped = true;
    stop();
  }, budgetSeconds * 1000);
  // The bench's group does not get the terminal's Ctrl-C: it is passed on, and the run ends after this bench.
  const interrupted = () => {
    runInterrupted = true;
    stop();
  };
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  clearTimeout(budget);
  let details: string | null = null;
  if (mtime(resultsFile) > resultsBefore) {
    details = path.join(resultsDir, `${bench}.json`);
    renameSync(resultsFile, details);
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  return { bench, status: stopped ? 'stopped at budget' : code === 0 ? 'passed' : 'failed', seconds, budgetSeconds, figures, details };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = listOption(argv, 'only');
  const skip = listOption(argv, 'skip') ?? [];
  const full = argv.includes('--full');
  const minutesIndex = argv.indexOf('--minutes');
  const totalSeconds = (minutesIndex < 0 ? 15 : Number(argv[minutesIndex + 1])) * 60;
  const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
  const startedAt = new Date();
  const loadBefore = load();
  const benches = readdirSync(here)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort()
    .filter((name) => {
      const bench = name.replace('.bench.ts', '');
      return (only === null || only.includes(bench)) && !skip.includes(bench);
    });
  // The corpus first, when a bench that reads it runs: its generation is the longest step and counts once.
  const needsCorpus = benches.some((name) => name === 'search.bench.ts' || name === 'desk.bench.ts');
  const runs: BenchRun[] = [];
  for (const file of [...(needsCorpus ? ['seed-tickets.ts'] : []), ...benches]) {
    if (runInterrupted) break;
    const secondsLeft = totalSeconds - (Date.now() - startedAt.getTime()) / 1000;
    runs.push(await run(file, PLANS[file] ?? { args: [], budgetSeconds: DEFAULT_BUDGET_SECONDS }, full, secondsLeft));
  }
  for (const { figures, details, ...summary } of runs) {
    process.stdout.write(`${JSON.stringify({ ...summary, figures: figures.length, details: details && path.relative(process.cwd(), details) })}\n`);
  }
  await mkdir(resultsDir, { recursive: true });
  const results = {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, loadBefore, loadAfter: load() },
    full,
    benches: runs,
  };
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'all', seconds: results.seconds, load: results.machine, written: 'bench/results.json' })}\n`);
  process.exit(runs.every((entry) => entry.status === 'passed') ? 0 : 1);
}

void main();
