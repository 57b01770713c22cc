/**
 * json-rules-engine caches a parameterised fact under a 53-bit hash of its parameters (hash-it), and
 * distinct field paths can hash alike. Were the `change` fact cached, a change row on one custom field
 * would read another's before/after; these tests pick codes whose cache keys collide and hold both
 * evaluators to the right answer.
 */
import { describe, it, expect } from 'vitest';
import { Fact } from 'json-rules-engine';
import { compileTrigger, createEvaluator, type EvaluatorKind } from '../../../rules';
import { bankTransferTrigger, snapshot, updated } from './support/fixtures';

/** json-rules-engine's default cache key of a fact for given parameters (not in its type declarations). */
function defaultCacheKey(params: Record<string, unknown>): unknown {
  const fact = new Fact('change', () => null) as unknown as { getCacheKey(params: object): unknown };
  return fact.getCacheKey(params);
}

/** The first two three-character customer-field codes whose `change` parameters share a cache key. */
function collidingCodes(valueType: string): [string, string] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const seen = new Map<unknown, string>();
  for (const second of alphabet) {
    for (const third of alphabet) {
      const code = `a${second}${third}`;
      const key = defaultCacheKey({ path: `$.customerFields['${code}']`, valueType });
      const earlier = seen.get(key);
      if (earlier !== undefined) return [earlier, code];
      seen.set(key, code);
    }
  }
  throw new Error(`no colliding codes for ${valueType}`);
}

describe.each<EvaluatorKind>(['reference', 'fast'])('the %s evaluator on custom fields whose cache keys collide', (kind) => {
  const [first, second] = collidingCodes('string');

  it('uses a pair that really collides under json-rules-engine’s default cache key', () => {
    expect(first).not.toBe(second);
    const key = (code: string) => defaultCacheKey({ path: `$.customerFields['${code}']`, valueType: 'string' });
    expect(key(first)).toBe(key(second));
  });

  it.each([
    [first, second],
    [second, first],
  ])('gives the change row on %s and the one on %s each its own before and after', async (changing, unchanged) => {
    const trigger = bankTransferTrigger({
      events: ['updated'],
      conditions: {
        all: [
          { field: `customerField:${changing}`, operator: 'changed', valueType: 'string' },
          { field: `customerField:${unchanged}`, operator: 'changed', valueType: 'string' },
        ],
        any: [],
      },
    });
    const evaluator = createEvaluator([compileTrigger(trigger)], kind);
    const facts = updated(
      snapshot({ customerFields: { [changing]: 'old', [unchanged]: 'same' } }),
      snapshot({ customerFields: { [changing]: 'new', [unchanged]: 'same' } }),
    );
    const [evaluation] = await evaluator.evaluate(facts);
    expect(evaluation.conditions.map(({ actual, held }) => ({ actual, held }))).toEqual([
      { actual: { before: 'old', after: 'new' }, held: true },
      { actual: { before: 'same', after: 'same' }, held: false },
    ]);
    expect(evaluation.fired).toBe(false);
    expect(await evaluator.matches(facts)).toEqual([]);
  });
});
