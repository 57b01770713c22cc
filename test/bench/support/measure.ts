/**
 * Throughput of two competing calls measured in interleaved rounds: in each round the candidate runs for a
 * slice of time, then the baseline, so both see the same machine load (the bench shares its cores with
 * whatever else runs). Each round gives a rate for each side and their ratio; the bench reports the medians.
 * Rates are evaluations per second of the process's CPU time (user + system, all its threads, so garbage
 * collection counts): on a busy machine wall-clock rates fall with the load, CPU-time rates do not.
 */
import type { TicketFacts } from '../../../rules';

/** One evaluation; the pool cursor is kept per side so that each side walks the whole pool over the rounds. */
export type Call = (facts: TicketFacts) => Promise<unknown>;

export interface Slices {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly candidateMs: number;
  readonly baselineMs: number;
}

export interface Comparison {
  /** Median evaluations per CPU second of the candidate. */
  readonly value: number;
  /** Median evaluations per CPU second of the baseline. */
  readonly baseline: number;
  /** Median of the rounds' ratios (candidate rate / baseline rate in the same round). */
  readonly ratio: number;
  readonly ratios: readonly number[];
  /** Median evaluations per wall-clock second of the candidate. */
  readonly wallValue: number;
}

interface Cursor {
  position: number;
}

interface Rates {
  /** Evaluations per second of this process's CPU time: what one core does, however busy the machine is. */
  readonly cpu: number;
  /** Evaluations per second of wall-clock time, which a loaded machine lowers. */
  readonly wall: number;
}

/** Runs `call` for about `budgetMs` (at least once), walking the pool from the cursor. */
async function runSlice(call: Call, pool: readonly TicketFacts[], cursor: Cursor, budgetMs: number): Promise<Rates> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  let count = 0;
  let batch = 1;
  while (elapsed < budgetMs) {
    for (let step = 0; step < batch; step += 1, count += 1) {
      await call(pool[(cursor.position + count) % pool.length]);
    }
    elapsed = performance.now() - start;
    // Cheap evaluations run in growing batches so that reading the clock does not dominate them.
    if (elapsed < budgetMs / 100) batch = Math.min(batch * 2, 64);
  }
  const cpu = process.cpuUsage(cpuStart);
  cursor.position += count;
  return { cpu: count / ((cpu.user + cpu.system) / 1e6), wall: (count / elapsed) * 1000 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Measures the candidate against the baseline over the pool. */
export async function compare(
  pool: readonly TicketFacts[],
  candidate: Call,
  baseline: Call,
  slices: Slices,
): Promise<Comparison> {
  const candidateCursor: Cursor = { position: 0 };
  const baselineCursor: Cursor = { position: 0 };
  await runSlice(candidate, pool, { position: 0 }, slices.warmupMs);
  await runSlice(baseline, pool, { position: 0 }, slices.warmupMs);
  const values: number[] = [];
  const wallValues: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < slices.rounds; round += 1) {
    const value = await runSlice(candidate, pool, candidateCursor, slices.candidateMs);
    const base = await runSlice(baseline, pool, baselineCursor, slices.baselineMs);
    values.push(value.cpu);
    wallValues.push(value.wall);
    baselines.push(base.cpu);
    ratios.push(value.cpu / base.cpu);
  }
  return { value: median(values), baseline: median(baselines), ratio: median(ratios), ratios, wallValue: median(wallValues) };
}
