import { describe, it, expect } from 'vitest';
import {
  InvalidFactsError,
  TicketFacts,
  compileTrigger,
  createEvaluator,
  factsIssue,
  type EvaluatorKind,
} from '../../../rules';
import { createRandom, type Random } from './support/prng';
import { randomFacts } from './support/generate';
import { bankTransferTrigger, created, snapshot, updated } from './support/fixtures';

/** Facts typed as valid that are not: what a caller with a bad snapshot could hand over. */
const unchecked = (facts: unknown) => facts as TicketFacts;

describe.each<EvaluatorKind>(['reference', 'fast'])('the %s evaluator behind the facts gate', (kind) => {
  it('refuses a string in place of customerFields, which json-rules-engine would read a length of', async () => {
    const trigger = bankTransferTrigger({
      conditions: { all: [{ field: 'customerField:length', operator: 'greaterThan', value: 2, valueType: 'number' }], any: [] },
    });
    const evaluator = createEvaluator([compileTrigger(trigger)], kind);
    const facts = unchecked(created({ ...snapshot(), customerFields: 'premium' as never }));
    await expect(evaluator.evaluate(facts)).rejects.toThrowError(InvalidFactsError);
    await expect(evaluator.matches(facts)).rejects.toThrowError(
      'invalid ticket facts: ticket.customerFields: expected a record of strings, numbers, booleans or null, got a string',
    );
  });

  it('refuses a list in an indexed scalar, which the index and the full trace would read differently', async () => {
    const trigger = bankTransferTrigger({
      conditions: { all: [{ field: 'group', operator: 'in', value: ['g-pay', 'g-vip'] }], any: [] },
    });
    const evaluator = createEvaluator([compileTrigger(trigger)], kind);
    const facts = unchecked(updated(snapshot(), { ...snapshot(), groupId: ['g-pay'] as never }));
    await expect(evaluator.matches(facts)).rejects.toThrowError(
      'invalid ticket facts: ticket.groupId: expected a string or null, got an array',
    );
    await expect(evaluator.evaluate(facts)).rejects.toMatchObject({ code: 'facts.invalid', issue: { path: ['ticket', 'groupId'] } });
  });

  it('names the bad entry of a custom field record and of a previous snapshot', async () => {
    const evaluator = createEvaluator([compileTrigger(bankTransferTrigger())], kind);
    const nested = unchecked(created(snapshot({ agentFields: { note: { text: 'x' } as never } })));
    await expect(evaluator.evaluate(nested)).rejects.toMatchObject({ issue: { path: ['ticket', 'agentFields', 'note'] } });
    const badPrevious = unchecked(updated(snapshot({ tags: ['vip', 7 as never] }), snapshot()));
    await expect(evaluator.evaluate(badPrevious)).rejects.toMatchObject({ issue: { path: ['previous', 'tags', '1'] } });
    const missingPrevious = unchecked({ event: 'updated', ticket: snapshot(), previous: null });
    await expect(evaluator.matches(missingPrevious)).rejects.toMatchObject({ issue: { path: ['previous'] } });
  });
});

const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  '2024-03-01T09:00:00+09:00',
  '2024-03-01',
  0,
  -1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['a', 'b'],
  ['a', 1],
  ['a', null],
  {},
  { a: 1 },
  { a: 'x', b: null, c: false },
  { a: [1] },
  { a: undefined },
  { a: Number.NaN },
  Object.create(null) as unknown,
  new Date(0),
  new Map(),
  'unassigned',
  'phone',
  'urgent',
];

/** Valid facts with one value somewhere replaced by an odd one. */
function mutated(random: Random): unknown {
  const facts = randomFacts(random, random.pick(['created', 'updated'] as const)) as unknown as Record<string, unknown>;
  const where = random.int(10);
  if (where === 0) return { ...facts, [random.pick(['event', 'ticket', 'previous'])]: random.pick(ODD_VALUES) };
  const name = facts.previous !== null && random.chance(0.5) ? 'previous' : 'ticket';
  const target = { ...(facts[name] as Record<string, unknown>) };
  const key = random.pick(Object.keys(target));
  if (where < 4 && (key === 'customerFields' || key === 'agentFields' || key === 'tags' || key === 'intakeTypePath')) {
    const inner = target[key];
    target[key] = Array.isArray(inner) ? [...inner, random.pick(ODD_VALUES)] : { ...(inner as object), code: random.pick(ODD_VALUES) };
  } else if (where === 4) {
    delete target[key];
  } else {
    target[key] = random.pick(ODD_VALUES);
  }
  return { ...facts, [name]: target };
}

describe('the facts gate', () => {
  it('admits and refuses exactly what the TicketFacts schema does', () => {
    let refused = 0;
    for (let seed = 1; seed <= 4000; seed += 1) {
      const random = createRandom(seed);
      const facts = seed % 4 === 0 ? randomFacts(random, random.pick(['created', 'updated'] as const)) : mutated(random);
      const schemaAdmits = TicketFacts.safeParse(facts).success;
      const gateAdmits = factsIssue(facts) === undefined;
      if (gateAdmits !== schemaAdmits) expect.fail(`seed ${seed}: gate ${gateAdmits}, schema ${schemaAdmits}: ${JSON.stringify(facts)}`);
      if (!schemaAdmits) refused += 1;
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('admits the fixtures and refuses what is not an object', () => {
    expect(factsIssue(created())).toBeUndefined();
    expect(factsIssue(updated(snapshot(), snapshot({ status: 'on_hold' })))).toBeUndefined();
    expect(factsIssue(null)).toEqual({ path: [], message: 'expected ticket facts, got null' });
    expect(factsIssue([])?.message).toBe('expected ticket facts, got an array');
  });
});
