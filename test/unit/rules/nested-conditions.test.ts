import { describe, it, expect } from 'vitest';
import { CONDITION_LIMITS, compileTrigger, createEvaluator, decompileRule, parseTrigger, type ConditionEntry } from '../../../rules';
import { bankTransferTrigger, created, snapshot } from './support/fixtures';

const high: ConditionEntry = { field: 'priority', operator: 'equals', value: 'high' };
const email: ConditionEntry = { field: 'channel', operator: 'equals', value: 'email' };
const vip: ConditionEntry = { field: 'tags', operator: 'contains', value: 'vip' };
/** all[ priority is high, any[ channel is email, not[ tags contain vip ] ] ] */
const nested = bankTransferTrigger({ conditions: { all: [high, { any: [email, { not: vip }] }], any: [] } });

const withAll = (all: unknown[]): unknown => ({ ...bankTransferTrigger(), conditions: { all, any: [] } });
const issuesOf = (input: unknown) => {
  const parsed = parseTrigger(input);
  return parsed.ok ? [] : parsed.issues.map(({ path, code }) => ({ path, code }));
};
/** A row under `depth` nested `not` groups, built without recursion so hostile depths can be built too. */
function nest(depth: number): ConditionEntry {
  let entry: ConditionEntry = high;
  for (let level = 0; level < depth; level += 1) entry = { not: entry };
  return entry;
}

describe('nested condition groups: validation', () => {
  it('accepts groups wherever a row may stand, and keeps a flat trigger as it is', () => {
    expect(parseTrigger(nested)).toEqual({ ok: true, trigger: nested });
    expect(parseTrigger(bankTransferTrigger())).toEqual({ ok: true, trigger: bankTransferTrigger() });
    const deepest = withAll([nest(CONDITION_LIMITS.groupDepth)]);
    expect(parseTrigger(deepest)).toMatchObject({ ok: true });
  });

  it('gives catalogue field names to rows at any depth', () => {
    const parsed = parseTrigger(withAll([{ any: [{ not: { field: 'groupId', operator: 'isEmpty' } }] }]));
    expect(parsed).toMatchObject({ ok: true, trigger: { conditions: { all: [{ any: [{ not: { field: 'group' } }] }] } } });
  });

  it.each([
    [
      'a bad operator in a row under not under any',
      withAll([high, { any: [email, { not: { field: 'priority', operator: 'contains', value: 'u' } }] }]),
      [{ path: ['conditions', 'all', 1, 'any', 1, 'not', 'operator'], code: 'condition.operator_not_allowed' }],
    ],
    [
      'a value outside the vocabulary two groups down',
      withAll([{ all: [{ any: [email, { field: 'priority', operator: 'equals', value: 'panic' }] }] }]),
      [{ path: ['conditions', 'all', 0, 'all', 0, 'any', 1, 'value'], code: 'condition.value_not_in_vocabulary' }],
    ],
    [
      'an unknown operator name (a shape issue) inside a group',
      withAll([{ any: [email, { field: 'priority', operator: 'resembles', value: 'high' }] }]),
      [{ path: ['conditions', 'all', 0, 'any', 1, 'operator'], code: 'shape.invalid_value' }],
    ],
    [
      'a not over a list',
      withAll([{ not: [high] }]),
      [{ path: ['conditions', 'all', 0, 'not'], code: 'shape.invalid_union' }],
    ],
    [
      'a group of no known kind',
      withAll([{ either: [high] }]),
      [{ path: ['conditions', 'all', 0], code: 'shape.invalid_union' }],
    ],
    ['an empty group', withAll([high, { any: [] }]), [{ path: ['conditions', 'all', 1], code: 'condition.group_empty' }]],
    ['only empty groups', withAll([{ all: [] }]), [
      { path: ['conditions'], code: 'trigger.conditions_empty' },
      { path: ['conditions', 'all', 0], code: 'condition.group_empty' },
    ]],
    [
      'groups nested past the limit',
      withAll([high, { any: [nest(CONDITION_LIMITS.groupDepth)] }]),
      [{ path: ['conditions', 'all', 1, 'any', 0, ...Array<string>(CONDITION_LIMITS.groupDepth - 1).fill('not')], code: 'condition.too_deep' }],
    ],
    [
      'more rows than a trigger may have',
      withAll([{ any: Array.from({ length: CONDITION_LIMITS.rows + 1 }, () => email) }]),
      [{ path: ['conditions'], code: 'condition.too_many' }],
    ],
  ])('refuses %s, pointing at it', (_, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('refuses hostile nesting without walking it', () => {
    const hostile = withAll([nest(50_000)]);
    expect(issuesOf(hostile)).toEqual([
      { path: ['conditions', 'all', 0, ...Array<string>(CONDITION_LIMITS.groupDepth).fill('not')], code: 'condition.too_deep' },
    ]);
  });
});

describe('nested condition groups: compiled and evaluated', () => {
  it("compiles to json-rules-engine's own nested all / any / not, and reads back", () => {
    const rule = compileTrigger(nested);
    expect(rule.conditions).toEqual({
      all: [
        {
          all: [
            { fact: 'ticket', path: '$.priority', operator: 'equals', value: 'high' },
            {
              any: [
                { fact: 'ticket', path: '$.channel', operator: 'equals', value: 'email' },
                { not: { fact: 'ticket', path: '$.tags', operator: 'contains', value: 'vip' } },
              ],
            },
          ],
        },
        { any: [] },
      ],
    });
    expect(decompileRule(JSON.parse(JSON.stringify(rule)))).toEqual(nested);
  });

  it.each(['fast', 'reference'] as const)('%s: fires only when the groups hold, and traces every row and group', async (kind) => {
    const evaluator = createEvaluator([compileTrigger(nested)], kind);
    const matching = created(snapshot({ priority: 'high', channel: 'phone', tags: [] }));
    const [fired] = await evaluator.evaluate(matching);
    expect(fired.fired).toBe(true);
    expect(fired.conditions.map(({ group, index, path, held }) => ({ group, index, path, held }))).toEqual([
      { group: 'all', index: 0, path: undefined, held: true },
      { group: 'all', index: 1, path: ['all', 1, 'any', 0], held: false },
      { group: 'all', index: 1, path: ['all', 1, 'any', 1, 'not'], held: false },
    ]);
    expect(fired.groups).toEqual([
      { path: ['all', 1], kind: 'any', held: true },
      { path: ['all', 1, 'any', 1], kind: 'not', held: true },
    ]);
    const vipByPhone = created(snapshot({ priority: 'high', channel: 'phone', tags: ['vip'] }));
    expect((await evaluator.evaluate(vipByPhone))[0].fired).toBe(false);
    expect(await evaluator.matches(vipByPhone)).toEqual([]);
    expect(await evaluator.matches(created(snapshot({ priority: 'high', channel: 'email', tags: ['vip'] })))).toHaveLength(1);
  });
});
