/**
 * Behaviour the mutation run of rules/ (`npm run mutate:rules`) found unpinned: changes to this code that every
 * other test let through. The differential test cannot see these, because both evaluators share the operators,
 * the rule-set loader and the validation, and the trigger index only changes which triggers are checked, never
 * what fires.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidTriggerError,
  OPERATORS,
  compileTrigger,
  conditionTarget,
  isKnownSubstitutionCode,
  createEvaluator,
  decompileRule,
  parseTrigger,
  validateResult,
  type ConditionRow,
  type TicketFacts,
  type TicketSnapshot,
  type Trigger,
} from '../../../rules';
import { Duration, parseDuration } from '../../../rules/duration';
import { SlaResult } from '../../../rules/sla-policies';
import { planTimers, slaElapsed, type TicketTimeline } from '../../../rules/time-rules';
import { buildTriggerIndex, type IndexableRow } from '../../../rules/trigger-index';

const { changed, changedTo, changedFrom, contains, startsWith, greaterThan, lessThan } = OPERATORS;

describe('operators on values of an unexpected type', () => {
  it('changed compares lists as sets and scalars exactly', () => {
    expect(changed({ before: ['a', 'b'], after: ['a', 'c'] }, null)).toBe(true);
    expect(changed({ before: ['a', 'b'], after: ['b'] }, null)).toBe(true);
    expect(changed({ before: ['a'], after: ['a', 'a'] }, null)).toBe(true);
    expect(changed({ before: ['a', 'a'], after: ['a', 'b'] }, null)).toBe(true);
    expect(changed({ before: 'normal', after: 'high' }, null)).toBe(true);
    expect(changed({ before: ['vip'], after: 'vip' }, null)).toBe(true);
    expect(changed({ before: ['a'], after: 'a' }, null)).toBe(true);
    expect(changed({ before: ['a', 'b'], after: ['a', 'a'] }, null)).toBe(true);
  });

  it('changedTo and changedFrom need both sides to match', () => {
    expect(changedTo({ before: 'low', after: 'high' }, 'urgent')).toBe(false);
    expect(changedFrom({ before: 'low', after: 'high' }, 'normal')).toBe(false);
    expect(changedFrom({ before: 'low', after: 'low' }, 'low')).toBe(false);
  });

  it('text operators are false for numbers and booleans instead of throwing', () => {
    expect(contains(7, '7')).toBe(false);
    expect(contains(true, 'true')).toBe(false);
    expect(startsWith(7, '7')).toBe(false);
    expect(startsWith(null, 'x')).toBe(false);
    // Rows always hold text constants, but the functions are total on whatever they are given.
    expect(contains('abc 5', 5)).toBe(false);
    expect(startsWith('5 abc', 5)).toBe(false);
  });

  it('orders numbers by difference and refuses to order anything else', () => {
    expect(greaterThan(3, 5)).toBe(false);
    expect(lessThan(3, 5)).toBe(true);
    expect(greaterThan(-3, -5)).toBe(true);
    expect(lessThan(null, 5)).toBe(false);
    expect(lessThan(true, 5)).toBe(false);
    expect(greaterThan(['2025-01-01T00:00:00Z'], '2024-01-01T00:00:00Z')).toBe(false);
    expect(greaterThan(1e13, '2024-01-01T00:00:00Z')).toBe(false);
    expect(greaterThan(7, '5')).toBe(false);
  });
});

describe('trigger index', () => {
  // Triggers 1–3: slot 0 takes four values across the rule set and slot 1 two, so a one-value row on slot 0 is
  // the more selective.
  const others: IndexableRow[][] = [
    [{ slot: 0, values: ['b'], list: false }],
    [{ slot: 0, values: ['c', 'd'], list: false }],
    [{ slot: 1, values: ['y'], list: false }],
  ];
  const reader = (values: Record<number, unknown>) => (slot: number) => values[slot];

  it('files a trigger under its most selective row only', () => {
    const index = buildTriggerIndex([
      [
        { slot: 1, values: ['x'], list: false },
        { slot: 0, values: ['a'], list: false },
      ],
      ...others,
    ]);
    expect(index.candidates(reader({ 0: 'a', 1: 'y' }))).toEqual([0, 3]);
    // Matching only the less selective row does not make the trigger a candidate.
    expect(index.candidates(reader({ 0: 'b', 1: 'x' }))).toEqual([1]);
  });

  it('weighs how many values a row accepts', () => {
    const index = buildTriggerIndex([
      [
        { slot: 0, values: ['a', 'b', 'c'], list: false },
        { slot: 1, values: ['x'], list: false },
      ],
      ...others,
    ]);
    expect(index.candidates(reader({ 0: 'a', 1: 'y' }))).toEqual([3]);
    expect(index.candidates(reader({ 0: 'z', 1: 'x' }))).toEqual([0]);
  });

  it('keeps the first row when it is the most selective', () => {
    const index = buildTriggerIndex([
      [
        { slot: 0, values: ['a'], list: false },
        { slot: 1, values: ['x'], list: false },
      ],
      ...others,
    ]);
    expect(index.candidates(reader({ 0: 'b', 1: 'x' }))).toEqual([1]);
    expect(index.candidates(reader({ 0: 'a', 1: 'z' }))).toEqual([0]);
  });

  it('always returns triggers it could not file, in a new list each time', () => {
    const unfiledOnly = buildTriggerIndex([[], []]);
    const first = unfiledOnly.candidates(reader({}));
    expect(first).toEqual([0, 1]);
    first.push(7);
    expect(unfiledOnly.candidates(reader({}))).toEqual([0, 1]);

    const mixed = buildTriggerIndex([[], [{ slot: 0, values: ['a'], list: false }]]);
    const matched = mixed.candidates(reader({ 0: 'a' }));
    expect(matched).toEqual([0, 1]);
    matched.push(9);
    expect(mixed.candidates(reader({ 0: 'b' }))).toEqual([0]);
  });

  it('reads a list slot item by item and ignores a value that is not a list', () => {
    const index = buildTriggerIndex([[{ slot: 0, values: ['root'], list: true }], []]);
    expect(index.candidates(reader({ 0: ['root', 'root.child'] }))).toEqual([0, 1]);
    expect(index.candidates(reader({ 0: 'root' }))).toEqual([1]);
    expect(index.candidates(reader({ 0: null }))).toEqual([1]);
    expect(index.candidates(reader({}))).toEqual([1]);
  });
});

const snapshot = (overrides: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  id: 'T1',
  status: 'unassigned',
  channel: 'email',
  priority: 'normal',
  intakeTypeId: null,
  intakeTypePath: [],
  resolutionTypeId: null,
  groupId: null,
  assigneeId: null,
  subject: 'Refund',
  content: '',
  tags: [],
  customerEmail: null,
  customerPhone: null,
  customerFields: {},
  agentFields: {},
  withinBusinessHours: true,
  createdAt: '2024-03-01T00:00:00Z',
  updatedAt: '2024-03-01T00:00:00Z',
  ...overrides,
});

const trigger = (id: string, position: number, all: ConditionRow[], overrides: Partial<Trigger> = {}): Trigger => ({
  id,
  title: `Trigger ${id}`,
  enabled: true,
  position,
  events: ['created', 'updated'],
  conditions: { all, any: [] },
  results: [{ type: 'notifyEmail', to: 'group', messages: { ko: { subject: '#{ticket.id}', body: '새 문의' } } }],
  ...overrides,
});

const created: TicketFacts = { event: 'created', ticket: snapshot(), previous: null };

describe('loading a rule set', () => {
  const always: ConditionRow[] = [{ field: 'subject', operator: 'isNotEmpty' }];

  it('orders triggers of the same position by id, whatever order they are given in', async () => {
    const ids = ['m', 'c', 'x', 'a', 'q', 'b'];
    for (const order of [ids, [...ids].reverse(), [...ids].sort()]) {
      const definitions = order.map((id) => compileTrigger(trigger(id, 3, always)));
      for (const kind of ['fast', 'reference'] as const) {
        const fired = await createEvaluator(definitions, kind).matches(created);
        expect(fired.map((entry) => entry.triggerId), `${kind} ${order.join('')}`).toEqual(['a', 'b', 'c', 'm', 'q', 'x']);
      }
    }
  });

  it('hands out results no caller can change for the next evaluation', async () => {
    for (const kind of ['fast', 'reference'] as const) {
      const evaluator = createEvaluator([compileTrigger(trigger('t', 0, always))], kind);
      const [fired] = await evaluator.matches(created);
      const result = fired.results[0] as Extract<Trigger['results'][number], { type: 'notifyEmail' }>;
      expect(Object.isFrozen(result.messages.ko)).toBe(true);
      expect(() => {
        (result.messages.ko as { body: string }).body = 'changed';
      }).toThrow(TypeError);
      const [again] = await evaluator.matches(created);
      expect(again.results).toEqual(trigger('t', 0, always).results);
    }
  });

  it('reads only a field the ticket has, not one every object inherits', async () => {
    const rows: ConditionRow[] = [
      { field: 'customerField:constructor', operator: 'isEmpty', valueType: 'string' },
      { field: 'agentField:toString', operator: 'isEmpty', valueType: 'boolean' },
    ];
    for (const kind of ['fast', 'reference'] as const) {
      const evaluator = createEvaluator([compileTrigger(trigger('t', 0, rows))], kind);
      const [evaluation] = await evaluator.evaluate(created);
      expect(evaluation.conditions.map((condition) => [condition.actual, condition.held])).toEqual([
        [null, true],
        [null, true],
      ]);
    }
  });

  it('evaluates change rows of a trigger that also listens to creations as not holding on a creation', async () => {
    const rows: ConditionRow[] = [
      { field: 'priority', operator: 'changedTo', value: 'normal' },
      { field: 'status', operator: 'changed' },
    ];
    for (const kind of ['fast', 'reference'] as const) {
      const evaluator = createEvaluator([compileTrigger({ ...trigger('t', 0, []), conditions: { all: [], any: rows } })], kind);
      const [evaluation] = await evaluator.evaluate(created);
      expect(evaluation.fired).toBe(false);
      expect(evaluation.conditions.map((condition) => [condition.actual, condition.held])).toEqual([
        [null, false],
        [null, false],
      ]);
    }
  });
});

describe('refusals name the row, the code and what is expected', () => {
  const refusal = (row: Record<string, unknown>) =>
    parseTrigger({ ...trigger('t', 0, []), conditions: { all: [row], any: [] } });
  const at = ['conditions', 'all', 0, 'value'];

  it.each([
    [{ field: 'group', operator: 'equals', value: '' }, 'condition.value_type_mismatch', 'group expects a non-empty id'],
    [{ field: 'subject', operator: 'contains', value: '' }, 'condition.value_type_mismatch', 'subject expects a non-empty text'],
    [{ field: 'subject', operator: 'startsWith', value: '' }, 'condition.value_type_mismatch', 'subject expects a non-empty text'],
    [{ field: 'content', operator: 'notContains', value: '' }, 'condition.value_type_mismatch', 'content expects a non-empty text'],
    [{ field: 'priority', operator: 'equals', value: 5 }, 'condition.value_type_mismatch', 'priority expects one of low, normal, high, urgent'],
    [
      { field: 'customerField:age', operator: 'equals', value: '5', valueType: 'number' },
      'condition.value_type_mismatch',
      'customerField:age expects a number',
    ],
    [
      { field: 'createdAt', operator: 'greaterThan', value: 'yesterday' },
      'condition.value_type_mismatch',
      'createdAt expects an ISO 8601 date-time with offset, e.g. 2024-05-01T09:00:00+09:00',
    ],
    [{ field: 'withinBusinessHours', operator: 'equals', value: 'yes' }, 'condition.value_type_mismatch', 'withinBusinessHours expects true or false'],
    [{ field: 'status', operator: 'equals', value: ['open'] }, 'condition.value_type_mismatch', '"equals" needs a single value, not a list'],
  ])('%j', (row, code, message) => {
    expect(refusal(row)).toEqual({ ok: false, issues: [{ path: at, code, message }] });
  });

  it.each([
    [{ field: 'subject', operator: 'equals', value: 5 }, 'value', 'condition.value_type_mismatch', 'subject expects a non-empty text'],
    [
      { field: 'nope', operator: 'equals', value: 'x' },
      'field',
      'condition.unknown_field',
      'unknown condition field "nope"; use one of status, intakeType, resolutionType, channel, priority, group, assignee, ' +
        'subject, content, tags, customerEmail, customerPhone, withinBusinessHours, createdAt, updatedAt, ' +
        'customerField:<code>, agentField:<code>',
    ],
    [
      { field: 'customerField:vip', operator: 'equals', value: true },
      'valueType',
      'condition.value_type_required',
      '"customerField:vip" needs a valueType (string, number, boolean or date)',
    ],
    [
      { field: 'priority', operator: 'equals', value: 'high', valueType: 'string' },
      'valueType',
      'condition.value_type_not_applicable',
      '"priority" has a fixed type; valueType is only for customer and agent fields',
    ],
    [
      { field: 'subject', operator: 'withinSubtree', value: 'x' },
      'operator',
      'condition.operator_not_allowed',
      '"withinSubtree" does not apply to subject (string); use one of equals, notEquals, contains, notContains, ' +
        'startsWith, changed, isEmpty, isNotEmpty',
    ],
    [{ field: 'assignee', operator: 'isEmpty', value: 'x' }, 'value', 'condition.value_not_allowed', '"isEmpty" takes no value'],
    [{ field: 'priority', operator: 'equals' }, 'value', 'condition.value_required', '"equals" needs a value'],
    [{ field: 'priority', operator: 'in', value: 'high' }, 'value', 'condition.value_type_mismatch', '"in" needs a list of values'],
    [{ field: 'priority', operator: 'in', value: [] }, 'value', 'condition.list_empty', '"in" needs at least one value'],
    [
      { field: 'status', operator: 'equals', value: 'bogus' },
      'value',
      'condition.value_not_in_vocabulary',
      '"bogus" is not a status; use one of unassigned, in_progress, on_hold, issue_transferred, issue_answered, ' +
        'dooray_transferred, dooray_in_progress, dooray_answered, resolved, closed, spam',
    ],
  ])('%j', (row, part, code, message) => {
    const result = refusal(row);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toMatchObject([{ path: ['conditions', 'all', 0, part], code, message }]);
  });

  it('explains a change row on a trigger that never sees an update, and events listed twice', () => {
    const createdOnly = { ...trigger('t', 0, [{ field: 'priority', operator: 'changed' }]), events: ['created'] };
    expect(parseTrigger(createdOnly)).toEqual({
      ok: false,
      issues: [
        {
          path: ['conditions', 'all', 0, 'operator'],
          code: 'condition.change_never_observed',
          message: '"changed" compares with the previous ticket, which only an updated event has',
        },
      ],
    });
    expect(parseTrigger({ ...trigger('t', 0, [{ field: 'subject', operator: 'isEmpty' }]), events: ['created', 'created'] })).toEqual({
      ok: false,
      issues: [{ path: ['events'], code: 'trigger.events_duplicate', message: 'each event may be listed once' }],
    });
  });

  it('accepts an empty text where it does not match everything', () => {
    expect(refusal({ field: 'subject', operator: 'equals', value: '' }).ok).toBe(true);
  });

  it('names the item of a list that is wrong', () => {
    expect(refusal({ field: 'tags', operator: 'in', value: ['vip', ''] })).toEqual({
      ok: false,
      issues: [{ path: [...at, 1], code: 'condition.value_type_mismatch', message: 'tags expects a non-empty id' }],
    });
  });

  it('explains what a trigger as a whole lacks', () => {
    expect(parseTrigger({ ...trigger('t', 0, []), events: [], results: [] })).toEqual({
      ok: false,
      issues: [
        { path: ['events'], code: 'trigger.events_empty', message: 'a trigger must listen to at least one event' },
        { path: ['conditions'], code: 'trigger.conditions_empty', message: 'a trigger needs at least one condition' },
        { path: ['results'], code: 'trigger.results_empty', message: 'a trigger needs at least one result' },
      ],
    });
  });

  it('checks results that have nothing to check as valid', () => {
    expect(validateResult({ type: 'setIntakeType', intakeTypeId: 'it-1' }, ['results', 0])).toEqual([]);
    expect(validateResult({ type: 'forwardToGroup', groupId: 'g-1' }, ['results', 0])).toEqual([]);
  });

  it('explains results that miss what they need', () => {
    const check = (result: Parameters<typeof validateResult>[0]) => validateResult(result, ['results', 0]);
    expect(check({ type: 'assign', groupId: 'g', strategy: 'agent' })).toEqual([
      { path: ['results', 0, 'agentId'], code: 'result.agent_required', message: 'assigning to an agent needs agentId' },
    ]);
    expect(check({ type: 'assign', groupId: 'g', strategy: 'random', agentId: 'a' })).toEqual([
      {
        path: ['results', 0, 'agentId'],
        code: 'result.agent_not_allowed',
        message: 'the random strategy picks the agent; remove agentId or use strategy "agent"',
      },
    ]);
    for (const type of ['addTags', 'removeTags'] as const) {
      expect(check({ type, tags: [] })).toEqual([{ path: ['results', 0, 'tags'], code: 'result.tags_empty', message: 'list at least one tag' }]);
    }
    expect(check({ type: 'notifyEmail', to: 'group', messages: {} })).toEqual([
      { path: ['results', 0, 'messages'], code: 'result.messages_empty', message: 'write the message in at least one language' },
    ]);
    expect(check({ type: 'forwardEmail', to: ['a@example.com'], thenComplete: true })).toEqual([]);
  });

  it('points at the template holding an unknown substitution code', () => {
    expect(validateResult({ type: 'forwardEmail', to: [], thenComplete: false }, ['results', 0])).toEqual([
      { path: ['results', 0, 'to'], code: 'result.recipients_empty', message: 'list at least one recipient' },
    ]);
    expect(
      validateResult({ type: 'notifyEmail', to: 'group', messages: { ko: { subject: 'ok', body: '#{ticket.nope}' } } }, ['results', 0]),
    ).toEqual([
      { path: ['results', 0, 'messages', 'ko', 'body'], code: 'result.unknown_substitution_code', message: 'unknown substitution code #{ticket.nope}' },
    ]);
    expect(
      validateResult({ type: 'callbackUrl', url: 'https://hooks.example.com/t', payloadTemplate: '{"a": #{ticket.nope}}' }, ['results', 0]),
    ).toEqual([
      { path: ['results', 0, 'payloadTemplate'], code: 'result.unknown_substitution_code', message: 'unknown substitution code #{ticket.nope}' },
      {
        path: ['results', 0, 'payloadTemplate'],
        code: 'result.payload_not_json',
        message: 'the payload template must be JSON, with substitution codes inside strings',
      },
    ]);
  });

  it('says which rows an InvalidTriggerError is about', () => {
    const error = new InvalidTriggerError([
      { path: ['conditions', 'all', 0, 'value'], code: 'condition.value_required', message: '"equals" needs a value' },
      { path: ['results'], code: 'trigger.results_empty', message: 'a trigger needs at least one result' },
    ]);
    expect(error.name).toBe('InvalidTriggerError');
    expect(error.message).toBe(
      'invalid trigger: conditions.all.0.value: "equals" needs a value; results: a trigger needs at least one result',
    );
  });
});

describe('reading a stored rule that no trigger compiles to', () => {
  const stored = () =>
    compileTrigger({
      ...trigger('t', 0, [{ field: 'priority', operator: 'equals', value: 'high' }]),
      conditions: {
        all: [{ field: 'priority', operator: 'equals', value: 'high' }],
        any: [{ field: 'status', operator: 'equals', value: 'on_hold' }],
      },
    });
  const issuesOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTriggerError);
      return (error as InvalidTriggerError).issues;
    }
    throw new Error('expected an InvalidTriggerError');
  };
  const groups = (rule: ReturnType<typeof stored>) =>
    rule.conditions as unknown as { all: [{ all: { path: string }[] }, { any: { path: string }[] }] };

  it('names the stored condition no row reads that way', () => {
    const rule = stored();
    groups(rule).all[1].any[0].path = '$.nothing';
    expect(issuesOf(() => decompileRule(rule))).toEqual([
      {
        path: ['conditions', 'all', 1, 'any', 0],
        code: 'shape.invalid_value',
        message: 'stored condition reads "$.nothing" in a way no condition row compiles to',
      },
    ]);
    const inAll = stored();
    groups(inAll).all[0].all[0].path = '$.nothing';
    expect(issuesOf(() => decompileRule(inAll))[0].path).toEqual(['conditions', 'all', 0, 'all', 0]);
  });

  it('refuses a rule whose name is not its trigger id', () => {
    expect(issuesOf(() => decompileRule({ ...stored(), name: 'other' }))).toEqual([
      { path: ['name'], code: 'shape.invalid_value', message: 'rule name "other" differs from trigger id "t"' },
    ]);
  });
});

describe('durations and SLA results', () => {
  it('refuses durations of zero, beyond a year or finer than a millisecond', () => {
    expect(parseDuration('0.0001s')).toBeNull();
    expect(parseDuration('1.5ms')).toBeNull();
    expect(parseDuration('0.001s')).toBe(1);
    expect(parseDuration('365d')).toBe(365 * 86_400_000);
    for (const text of ['0m', '366d', '1.5ms']) expect(Duration.safeParse(text).success, text).toBe(false);
    expect(Duration.safeParse('1.5d').success).toBe(true);
    // Decimal fractions are inexact in binary: 1.1 h is 3960000.0000000005 ms and 128.05 d is 11063520000.000002 ms,
    // which are still whole numbers of milliseconds.
    expect(parseDuration('1.1h')).toBe(3_960_000);
    expect(parseDuration('128.05d')).toBe(11_063_520_000);
  });

  it('resolves only known fields, and per-service fields only with a value type', () => {
    expect(conditionTarget('nope')).toBeUndefined();
    expect(conditionTarget('customerField:vip')).toBeUndefined();
    expect(conditionTarget('customerField:vip', 'boolean')?.type).toBe('boolean');
    expect(isKnownSubstitutionCode('customerField.vip')).toBe(true);
    expect(isKnownSubstitutionCode('customerField.no-such code')).toBe(false);
    expect(isKnownSubstitutionCode('ticket.nope')).toBe(false);
  });

  it('explains a wrong kind of SLA result, and leaves other mistakes to the result schema', () => {
    const wrongValue = SlaResult.safeParse({ type: 'setPriority', priority: 'bogus' });
    expect(wrongValue.success).toBe(false);
    expect(wrongValue.error?.issues[0].message).not.toMatch(/an SLA policy result must be one of/);
    const notAnObject = SlaResult.safeParse('setPriority');
    expect(notAnObject.error?.issues[0].message).not.toMatch(/an SLA policy result must be one of/);
  });
});

describe('time rules', () => {
  const at = (iso: string) => new Date(iso);
  const HOUR = 3_600_000;
  const timeline = (overrides: Partial<TicketTimeline> = {}): TicketTimeline => ({
    status: 'in_progress',
    createdAt: at('2026-11-20T00:00:00Z'),
    statusChanges: [{ at: at('2026-11-20T00:00:00Z'), to: 'in_progress' }],
    firstResponseAt: null,
    ...overrides,
  });
  const sla = { firstResponseMs: 4 * HOUR, resolutionMs: 2 * HOUR, atRiskRatio: 0.5 };

  it('counts the clock from creation until it pauses, then again after it resumes', () => {
    const held = timeline({
      statusChanges: [
        { at: at('2026-11-20T01:00:00Z'), to: 'on_hold' },
        { at: at('2026-11-20T01:30:00Z'), to: 'on_hold' },
        { at: at('2026-11-20T03:00:00Z'), to: 'in_progress' },
        { at: at('2026-11-20T03:30:00Z'), to: 'in_progress' },
      ],
    });
    expect(slaElapsed(held, null, at('2026-11-20T04:00:00Z'))).toBe(2 * HOUR);
    // Asked before the clock resumed, it has run only until the pause.
    expect(slaElapsed(held, null, at('2026-11-20T02:00:00Z'))).toBe(HOUR);
    expect(slaElapsed(timeline(), null, at('2026-11-19T00:00:00Z'))).toBe(0);
  });

  it('plans SLA timers in time order, only while the ticket is worked', () => {
    const timers = planTimers({ timeline: timeline(), sla, automations: [], hours: null, fired: new Set(), now: at('2026-11-20T00:00:00Z') });
    expect(timers).toEqual([
      { key: 'resolution:at_risk', at: '2026-11-20T01:00:00.000Z', kind: 'sla', target: 'resolution', stage: 'at_risk' },
      { key: 'first_response:at_risk', at: '2026-11-20T02:00:00.000Z', kind: 'sla', target: 'first_response', stage: 'at_risk' },
      { key: 'resolution:breached', at: '2026-11-20T02:00:00.000Z', kind: 'sla', target: 'resolution', stage: 'breached' },
      { key: 'first_response:breached', at: '2026-11-20T04:00:00.000Z', kind: 'sla', target: 'first_response', stage: 'breached' },
    ]);
    const closedWeek = { timezone: 'Asia/Seoul', weekly: [], holidays: [] };
    expect(planTimers({ timeline: timeline(), sla, automations: [], hours: closedWeek, fired: new Set(), now: at('2026-11-20T00:00:00Z') })).toEqual([]);
    for (const status of ['resolved', 'closed', 'spam', 'on_hold'] as const) {
      expect(planTimers({ timeline: timeline({ status }), sla, automations: [], hours: null, fired: new Set(), now: at('2026-11-20T00:00:00Z') })).toEqual([]);
    }
  });

  it('plans an automation from the last time the ticket entered its status, for its own status only', () => {
    const held = timeline({
      status: 'on_hold',
      statusChanges: [
        { at: at('2026-11-20T01:00:00Z'), to: 'on_hold' },
        { at: at('2026-11-20T02:00:00Z'), to: 'in_progress' },
        { at: at('2026-11-20T03:00:00Z'), to: 'on_hold' },
      ],
    });
    const automations = [
      { id: 'remind', kind: 'remind_on_hold', afterMs: HOUR },
      { id: 'complete', kind: 'complete_resolved', afterMs: HOUR },
    ] as const;
    const key = 'automation:remind:2026-11-20T03:00:00.000Z';
    const plan = (fired: string[], state = held) =>
      planTimers({ timeline: state, sla: null, automations, hours: null, fired: new Set(fired), now: at('2026-11-20T03:00:00Z') });
    expect(plan([])).toEqual([
      { key, at: '2026-11-20T04:00:00.000Z', kind: 'automation', automationId: 'remind', automationKind: 'remind_on_hold' },
    ]);
    expect(plan([key])).toEqual([]);
    // A status the timeline never recorded entering plans nothing.
    expect(plan([], timeline({ status: 'on_hold' }))).toEqual([]);
    // Nor does a status the ticket has left: it was resolved once, but is on hold now.
    const reopened = timeline({ status: 'in_progress', statusChanges: [{ at: at('2026-11-20T01:00:00Z'), to: 'resolved' }, { at: at('2026-11-20T02:00:00Z'), to: 'on_hold' }, { at: at('2026-11-20T02:30:00Z'), to: 'in_progress' }] });
    expect(plan([], reopened)).toEqual([]);
  });
});
