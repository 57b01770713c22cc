/**
 * Trigger evaluation throughput: the fast evaluator against json-rules-engine on the same stored rules, in the
 * same process and the same run.
 *
 * Two calls are measured, each against json-rules-engine running the same rule set on the same events:
 * - `rules-decide`, the production call: `matches()`, which finds the triggers that fire through the trigger
 *   index and checks only those (what the ticket workflow applies);
 * - `rules-trace`, the full trace: `evaluate()`, every trigger's every condition (what the studio explains).
 * json-rules-engine has no cheaper way to decide than to run every rule, so its side of both is `Engine.run`
 * (through the reference evaluator's `matches()` and `evaluate()` respectively).
 *
 * Two mixes (see support/): `realistic`, the admin rule sets and distinct tickets described in
 * support/realistic-mix.ts (1–5 rows per trigger, a third text-only, 70 Korean/English keywords, 1,000 distinct
 * tickets, 44 % of triggers indexable), and `synthetic`, the bench's original mix (every trigger indexable,
 * 8 keywords, 256 events), kept so earlier figures stay comparable.
 *
 * For each mix, size (10, 100, 1,000, 5,000 triggers) and call it prints one JSON line:
 * `{"name","mix","triggers","value","unit","baseline","ratio"}`, where `value` and `baseline` are the median
 * evaluations per CPU second (`evals/cpu-s`: what one core does, measured with the process's CPU time so that
 * other work on the machine does not lower it) over the rounds and `ratio` the median of the rounds' ratios
 * (each round measures both sides back to back, so a round's ratio is fair even when the load changes between
 * rounds). The spread of the ratios, the wall-clock rate and the shape of each rule set go to stderr.
 *
 * `npm run bench:rules`; `RULES_BENCH_SIZES=1000 npm run bench:rules` runs chosen sizes only.
 */
import os from 'node:os';
import { createEvaluator, type TicketFacts, type TriggerEvaluator } from '../../rules';
import { compare, type Call, type Slices } from './support/measure';
import { describeMix, type BenchMix } from './support/mix';
import { realisticMix } from './support/realistic-mix';
import { syntheticMix } from './support/synthetic-mix';

const SIZES = (process.env.RULES_BENCH_SIZES ?? '10,100,1000,5000').split(',').map(Number);
const MIXES: readonly BenchMix[] = [realisticMix, syntheticMix];

/**
 * Slices per size. json-rules-engine takes a quarter of a second per evaluation at 5,000 triggers, so its slice
 * there is capped (a slice runs at least one evaluation) and there are fewer rounds: the whole bench takes about
 * two minutes.
 */
const slicesFor = (size: number): Slices =>
  size >= 5000
    ? { rounds: 7, warmupMs: 300, candidateMs: 200, baselineMs: 500 }
    : { rounds: 9, warmupMs: 200, candidateMs: 150, baselineMs: 400 };

const round = (value: number, digits: number) => Number(value.toPrecision(digits));

interface Measured {
  readonly name: 'rules-decide' | 'rules-trace';
  readonly candidate: Call;
  readonly baseline: Call;
}

const calls = (fast: TriggerEvaluator, reference: TriggerEvaluator): Measured[] => [
  { name: 'rules-decide', candidate: (facts) => fast.matches(facts), baseline: (facts) => reference.matches(facts) },
  { name: 'rules-trace', candidate: (facts) => fast.evaluate(facts), baseline: (facts) => reference.evaluate(facts) },
];

async function benchmark(mix: BenchMix, size: number): Promise<void> {
  const { triggers, definitions, events } = mix.build(size);
  console.error(`${mix.name} ${size}: ${JSON.stringify(describeMix(triggers, events))}`);
  const fast = createEvaluator(definitions, 'fast');
  const reference = createEvaluator(definitions, 'reference');
  for (const { name, candidate, baseline } of calls(fast, reference)) {
    const pool: readonly TicketFacts[] = events;
    const result = await compare(pool, candidate, baseline, slicesFor(size));
    console.log(
      JSON.stringify({
        name,
        mix: mix.name,
        triggers: size,
        value: round(result.value, 4),
        unit: 'evals/cpu-s',
        baseline: round(result.baseline, 4),
        ratio: round(result.ratio, 4),
      }),
    );
    const spread = result.ratios.map((ratio) => Math.round(ratio)).sort((left, right) => left - right);
    console.error(`  ${name} ratio per round: ${spread.join(' ')}; wall clock ${Math.round(result.wallValue)} evals/s`);
  }
}

console.error(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
for (const mix of MIXES) {
  for (const size of SIZES) await benchmark(mix, size);
}
console.error(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
