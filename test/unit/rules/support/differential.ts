/**
 * The differential check shared by the differential test files: for each case, a random rule set (mostly
 * 1–8 triggers, one case in seven up to 50) and one created and one updated event, evaluated by
 * json-rules-engine and by the fast evaluator.
 */
import { expect } from 'vitest';
import { compileTrigger, createEvaluator } from '../../../../rules';
import { createRandom } from './prng';
import { randomFacts, randomTrigger } from './generate';

/**
 * How many of a file's cases to run: all of them, unless `RULES_DIFFERENTIAL_CASES` caps it (the mutation run
 * does, see mutation.vitest.config.ts; CI does not).
 */
function casesToRun(count: number): number {
  const cap = Number(process.env.RULES_DIFFERENTIAL_CASES);
  return Number.isInteger(cap) && cap > 0 ? Math.min(count, cap) : count;
}

/** Runs cases `[first, first + count)`; each case's seed is its number, so any failure can be replayed alone. */
export async function runDifferentialCases(first: number, count: number): Promise<{ fired: number; evaluated: number }> {
  const last = first + casesToRun(count);
  let fired = 0;
  let evaluated = 0;
  for (let caseNumber = first; caseNumber < last; caseNumber += 1) {
    const random = createRandom(caseNumber);
    const size = random.chance(6 / 7) ? random.between(1, 8) : random.between(9, 50);
    const definitions = Array.from({ length: size }, (_, index) =>
      compileTrigger(randomTrigger(random, `t${index}`)),
    );
    const reference = createEvaluator(definitions, 'reference');
    const fast = createEvaluator(definitions, 'fast');
    for (const event of ['created', 'updated'] as const) {
      const facts = randomFacts(random, event);
      const expected = await reference.evaluate(facts);
      expect(await fast.evaluate(facts), `case ${caseNumber} (${event}): evaluate`).toEqual(expected);
      const firedIds = expected.filter((evaluation) => evaluation.fired).map((evaluation) => evaluation.triggerId);
      const matches = await fast.matches(facts);
      expect(matches.map((match) => match.triggerId), `case ${caseNumber} (${event}): matches`).toEqual(firedIds);
      // The full fired records need a second json-rules-engine run; one case in ten keeps the suite fast.
      if (caseNumber % 10 === 0) {
        expect(matches, `case ${caseNumber} (${event}): fired records`).toEqual(await reference.matches(facts));
      }
      evaluated += expected.length;
      fired += firedIds.length;
    }
  }
  return { fired, evaluated };
}
