/**
 * What every bench prints: one JSON line per figure, `{name, value, unit, baseline, ratio}` (ratio = value /
 * baseline, null without a baseline), and the small statistics they are made of.
 */
import { loadavg } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export const loadAverage = () => loadavg().map((load) => round(load));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `--name value` from the command line, as a number. */
export function numberOption(name: string, fallback: number, argv = process.argv.slice(2)): number {
  const index = argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number, got ${argv[index + 1]}`);
  return value;
}

/** Collects figures and prints each as it is made. */
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
