/**
 * What the HTTP benches share: the load generator in a process of its own, a window's throughput and latencies, the
 * JSON line printed per figure (`{name, value, unit, baseline, ratio}`), and bench/results.json, where each bench
 * keeps its latest run under its own name beside the others'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../../infra/env';
import type { LoadJob, LoadResult } from './load-generator';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

export interface Point {
  throughput: number;
  p50: number;
  p99: number;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const percentile = (samples: number[], p: number) => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
/** The machine's load averages over 1, 5 and 15 minutes. */
export const load = () => loadavg().map((l) => round(l));
export const machine = () => ({ cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version });
export const medianOf = (points: Point[], key: keyof Point) => median(points.map((point) => point[key]));

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
}

/** Collects the figures and prints each as one JSON line as it comes. */
export function figureLog(): { figures: Figure[]; figure(name: string, value: number, unit: string, baseline: number | null): void } {
  const figures: Figure[] = [];
  return {
    figures,
    figure(name, value, unit, baseline) {
      const entry = { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: baseline ? round(value / baseline, 3) : null };
      figures.push(entry);
      process.stdout.write(`${JSON.stringify(entry)}\n`);
    },
  };
}

/** The load generator in its own process; one job at a time. */
export function startLoadGenerator(): { run(job: LoadJob): Promise<LoadResult>; stop(): void } {
  const child: ChildProcess = fork(path.join(here, 'load-generator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return {
    async run(job) {
      child.send(job);
      const [result] = (await once(child, 'message')) as [LoadResult];
      if (result.errors > 0) throw new Error(`${result.errors} requests failed; the first: ${result.firstError}`);
      return result;
    },
    stop: () => child.disconnect(),
  };
}

export function pointOf(result: LoadResult): Point {
  return {
    throughput: (result.completed / result.windowMs) * 1000,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
  };
}

/** Writes this bench's results into bench/results.json under its name, keeping the other benches' latest runs. */
export async function writeResults(bench: string, results: Record<string, unknown>): Promise<string> {
  const file = path.join(projectRoot, 'bench', 'results.json');
  await mkdir(path.dirname(file), { recursive: true });
  const earlier: Record<string, unknown> = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  // A file from before the benches shared it held one bench's results at its top level.
  const kept = typeof earlier.bench === 'string' ? {} : earlier;
  await writeFile(file, `${JSON.stringify({ ...kept, [bench]: results }, null, 2)}\n`);
  return path.relative(projectRoot, file);
}
