import { describe, it, expect } from 'vitest';
import { Engine, type RuleProperties } from 'json-rules-engine';
import {
  InvalidTriggerError,
  TRIGGER_EVENT_TYPE,
  compileTrigger,
  decompileRule,
  prepareEngine,
  type Trigger,
} from '../../../rules';
import { createRandom } from './support/prng';
import { randomTrigger } from './support/generate';
import { bankTransferTrigger } from './support/fixtures';

const everyKindOfRow: Trigger = bankTransferTrigger({
  id: 'trg-all-rows',
  position: 7,
  enabled: false,
  events: ['created', 'updated'],
  conditions: {
    all: [
      { field: 'intakeType', operator: 'withinSubtree', value: 'it-payment' },
      { field: 'priority', operator: 'changedTo', value: 'urgent' },
      { field: 'customerField:vip', operator: 'changed', valueType: 'boolean' },
      { field: 'tags', operator: 'in', value: ['vip', 'refund'] },
    ],
    any: [
      { field: 'assignee', operator: 'isEmpty' },
      { field: 'agentField:score', operator: 'greaterThan', value: 80, valueType: 'number' },
    ],
  },
  results: [
    { type: 'setPriority', priority: 'high' },
    { type: 'assign', groupId: 'grp-vip', strategy: 'leastLoaded' },
    { type: 'notifyEmail', to: 'customer', messages: { ko: { subject: '#{ticket.id} 접수', body: '#{customer.name}님' }, en: { subject: 'Got #{ticket.id}', body: 'Hi' } } },
  ],
});

describe('compileTrigger', () => {
  it('produces the documented stored form', () => {
    expect(compileTrigger(everyKindOfRow)).toEqual({
      name: 'trg-all-rows',
      priority: 1,
      conditions: {
        all: [
          {
            all: [
              { fact: 'ticket', path: '$.intakeTypePath', operator: 'withinSubtree', value: 'it-payment' },
              { fact: 'change', params: { path: '$.priority' }, operator: 'changedTo', value: 'urgent' },
              { fact: 'change', params: { path: "$.customerFields['vip']", valueType: 'boolean' }, operator: 'changed', value: null },
              { fact: 'ticket', path: '$.tags', operator: 'in', value: ['vip', 'refund'] },
            ],
          },
          {
            any: [
              { fact: 'ticket', path: '$.assigneeId', operator: 'isEmpty', value: null },
              { fact: 'ticket', path: "$.agentFields['score']", operator: 'greaterThan', value: 80, params: { valueType: 'number' } },
            ],
          },
        ],
      },
      event: {
        type: TRIGGER_EVENT_TYPE,
        params: {
          id: 'trg-all-rows',
          title: everyKindOfRow.title,
          enabled: false,
          position: 7,
          events: ['created', 'updated'],
          results: everyKindOfRow.results,
        },
      },
    });
  });

  it('is accepted by json-rules-engine as a rule', () => {
    const engine = prepareEngine(new Engine());
    expect(() => engine.addRule(compileTrigger(everyKindOfRow))).not.toThrow();
  });

  it('does not share objects with the trigger it compiled', () => {
    const trigger = structuredClone(everyKindOfRow);
    const rule = compileTrigger(trigger);
    trigger.results[0] = { type: 'setPriority', priority: 'low' };
    expect(decompileRule(rule)).toEqual(everyKindOfRow);
  });
});

describe('decompileRule', () => {
  it('round-trips a trigger with every kind of row', () => {
    expect(decompileRule(compileTrigger(everyKindOfRow))).toStrictEqual(everyKindOfRow);
  });

  it('round-trips 2000 random triggers, also through JSON text with reordered keys as jsonb stores it', () => {
    const random = createRandom(42);
    for (let n = 0; n < 2000; n += 1) {
      const trigger = randomTrigger(random, `t${n}`);
      const rule = compileTrigger(trigger);
      expect(decompileRule(rule)).toStrictEqual(trigger);
      const reordered = JSON.parse(JSON.stringify(rule), (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      );
      expect(decompileRule(reordered)).toEqual(trigger);
    }
  });

  /** A stored rule as plain JSON, as it comes back from the database. */
  interface StoredJson {
    name: string;
    priority?: number;
    event: { type: string; params: Record<string, unknown> };
    conditions: { all: [{ all: Record<string, unknown>[] }, { any: Record<string, unknown>[] }] };
  }
  const stored = (): StoredJson => structuredClone(compileTrigger(everyKindOfRow)) as unknown as StoredJson;

  it.each([
    ['another event type', (rule: StoredJson) => Object.assign(rule.event, { type: 'other' })],
    ['a condition priority, which would let json-rules-engine skip rows', (rule: StoredJson) => Object.assign(rule.conditions.all[0].all[0], { priority: 5 })],
    ['withinSubtree reading the intake type id', (rule: StoredJson) => Object.assign(rule.conditions.all[0].all[0], { path: '$.intakeTypeId' })],
    ['a change operator on the ticket fact', (rule: StoredJson) => Object.assign(rule.conditions.all[0].all[1], { fact: 'ticket', path: '$.priority', params: undefined })],
    ['an unsupported path', (rule: StoredJson) => Object.assign(rule.conditions.all[1].any[0], { path: '$..assigneeId' })],
    ['a value on a valueless operator', (rule: StoredJson) => Object.assign(rule.conditions.all[1].any[0], { value: 'x' })],
    ['an unknown operator', (rule: StoredJson) => Object.assign(rule.conditions.all[0].all[3], { operator: 'equal' })],
    ['a name that is not the trigger id', (rule: StoredJson) => Object.assign(rule, { name: 'renamed' })],
    ['invalid trigger params', (rule: StoredJson) => Object.assign(rule.event.params, { results: [] })],
    ['a rule priority other than 1', (rule: StoredJson) => Object.assign(rule, { priority: 10 })],
  ])('refuses a stored rule with %s', (_name, corrupt) => {
    const rule = stored();
    corrupt(rule);
    expect(() => decompileRule(rule as unknown as RuleProperties)).toThrowError(InvalidTriggerError);
  });
});
