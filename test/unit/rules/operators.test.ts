import { describe, it, expect } from 'vitest';
import { OPERATORS, compileTrigger, createEvaluator, type ConditionRow, type EvaluatorKind, type TicketFacts } from '../../../rules';
import { bankTransferTrigger, created, snapshot, updated } from './support/fixtures';

const { equals, notEquals, contains, notContains, startsWith, greaterThan, lessThan, isEmpty, isNotEmpty, withinSubtree, changed, changedTo, changedFrom } =
  OPERATORS;

describe('operator functions', () => {
  it('equals compares exactly, without coercion', () => {
    expect(equals('urgent', 'urgent')).toBe(true);
    expect(equals('Urgent', 'urgent')).toBe(false);
    expect(equals(5, '5')).toBe(false);
    expect(equals(null, 'g')).toBe(false);
    expect(notEquals(null, 'g')).toBe(true);
  });

  it('contains and startsWith match text case-insensitively and keep Korean intact', () => {
    expect(contains('Refund please', 'REFUND')).toBe(true);
    expect(contains('계좌이체 환불 요청', '환불')).toBe(true);
    expect(startsWith('Refund please', 'refund')).toBe(true);
    expect(startsWith('Please refund', 'refund')).toBe(false);
    expect(notContains('Refund please', 'invoice')).toBe(true);
  });

  it('contains and startsWith compare composed text, lower-cased the same whatever the locale', () => {
    const decomposed = '계좌이체 환불 요청'.normalize('NFD');
    expect(contains(decomposed, '환불')).toBe(true);
    expect(contains('계좌이체 환불 요청', '환불'.normalize('NFD'))).toBe(true);
    expect(startsWith('Cafe\u0301 order', 'CAFÉ')).toBe(true);
    expect(contains('İSTANBUL office', 'i̇stanbul')).toBe(true);
    expect(contains('STRASSE', 'straße')).toBe(false);
    expect(contains('Straße 5', 'STRAẞE')).toBe(true);
  });

  it('contains on tags means the tag is present, exactly', () => {
    expect(contains(['vip', 'refund'], 'vip')).toBe(true);
    expect(contains(['vip'], 'VIP')).toBe(false);
    expect(notContains([], 'vip')).toBe(true);
  });

  it('contains is false, and notContains true, for an absent value', () => {
    expect(contains(null, 'x')).toBe(false);
    expect(notContains(null, 'x')).toBe(true);
    expect(contains(undefined, 'x')).toBe(false);
  });

  it('in means "is one of" for a scalar and "has any of" for tags', () => {
    expect(OPERATORS.in('high', ['high', 'urgent'])).toBe(true);
    expect(OPERATORS.in('low', ['high', 'urgent'])).toBe(false);
    expect(OPERATORS.in(['bug', 'vip'], ['vip', 'refund'])).toBe(true);
    expect(OPERATORS.in([], ['vip'])).toBe(false);
    expect(OPERATORS.notIn(null, ['g1'])).toBe(true);
    expect(OPERATORS.in('x', 'x')).toBe(false);
  });

  it('greaterThan and lessThan compare numbers, and date-times by instant across offsets', () => {
    expect(greaterThan(41, 40)).toBe(true);
    expect(lessThan(41, 40)).toBe(false);
    expect(greaterThan('2024-03-01T09:00:00+09:00', '2024-02-29T23:59:59Z')).toBe(true);
    expect(greaterThan('2024-03-01T09:00:00+09:00', '2024-03-01T00:00:00Z')).toBe(false);
    expect(lessThan('2024-03-01T09:00:00+09:00', '2024-03-01T00:00:00.001Z')).toBe(true);
  });

  it('greaterThan and lessThan are false for values that cannot be ordered', () => {
    expect(greaterThan('41', 40)).toBe(false);
    expect(lessThan(null, 40)).toBe(false);
    expect(greaterThan('soon', '2024-01-01T00:00:00Z')).toBe(false);
    expect(lessThan(undefined, '2024-01-01T00:00:00Z')).toBe(false);
  });

  it('isEmpty holds for null, absent, empty text and no tags', () => {
    expect([null, undefined, '', []].map((value) => isEmpty(value, null))).toEqual([true, true, true, true]);
    expect([0, false, ' ', ['vip']].map((value) => isNotEmpty(value, null))).toEqual([true, true, true, true]);
  });

  it('withinSubtree holds for the node itself and its descendants only', () => {
    const path = ['it-payment', 'it-bank-transfer'];
    expect(withinSubtree(path, 'it-payment')).toBe(true);
    expect(withinSubtree(path, 'it-bank-transfer')).toBe(true);
    expect(withinSubtree(['it-payment'], 'it-bank-transfer')).toBe(false);
    expect(withinSubtree([], 'it-payment')).toBe(false);
  });

  it('change operators need a before and an after', () => {
    expect(changed({ before: 'normal', after: 'urgent' }, null)).toBe(true);
    expect(changed({ before: 'urgent', after: 'urgent' }, null)).toBe(false);
    expect(changed(null, null)).toBe(false);
    expect(changed('urgent', null)).toBe(false);
    expect(changedTo({ before: 'normal', after: 'urgent' }, 'urgent')).toBe(true);
    expect(changedTo({ before: 'urgent', after: 'urgent' }, 'urgent')).toBe(false);
    expect(changedFrom({ before: 'normal', after: 'urgent' }, 'normal')).toBe(true);
    expect(changedFrom({ before: 'normal', after: 'urgent' }, 'urgent')).toBe(false);
    expect(changedTo({ before: null, after: 'g1' }, 'g1')).toBe(true);
  });

  it('reordering tags is not a change; adding one is', () => {
    expect(changed({ before: ['a', 'b'], after: ['b', 'a'] }, null)).toBe(false);
    expect(changed({ before: ['a'], after: ['a', 'b'] }, null)).toBe(true);
  });
});

describe.each<EvaluatorKind>(['reference', 'fast'])('change operators through the %s evaluator', (kind) => {
  const triggerOn = (row: ConditionRow) =>
    createEvaluator(
      [compileTrigger(bankTransferTrigger({ events: ['created', 'updated'], conditions: { all: [row], any: [] } }))],
      kind,
    );
  const fires = async (row: ConditionRow, facts: TicketFacts) => (await triggerOn(row).matches(facts)).length === 1;

  const normal = snapshot({ priority: 'normal' });
  const urgent = snapshot({ priority: 'urgent' });

  it('"priority became urgent" differs from "priority is urgent"', async () => {
    const became: ConditionRow = { field: 'priority', operator: 'changedTo', value: 'urgent' };
    const is: ConditionRow = { field: 'priority', operator: 'equals', value: 'urgent' };
    expect(await fires(became, updated(normal, urgent))).toBe(true);
    expect(await fires(is, updated(normal, urgent))).toBe(true);
    expect(await fires(became, updated(urgent, urgent))).toBe(false);
    expect(await fires(is, updated(urgent, urgent))).toBe(true);
  });

  it('change operators are false on creation, even when the value is the one asked for', async () => {
    for (const row of [
      { field: 'priority', operator: 'changed' },
      { field: 'priority', operator: 'changedTo', value: 'urgent' },
      { field: 'priority', operator: 'changedFrom', value: 'normal' },
    ] satisfies ConditionRow[]) {
      expect(await fires(row, created(urgent))).toBe(false);
    }
  });

  it('reports before and after in the trace', async () => {
    const [evaluation] = await triggerOn({ field: 'group', operator: 'changedFrom', value: 'grp-payment' }).evaluate(
      updated(snapshot({ groupId: 'grp-payment' }), snapshot({ groupId: 'grp-vip' })),
    );
    expect(evaluation.conditions).toEqual([
      {
        group: 'all',
        index: 0,
        field: 'group',
        operator: 'changedFrom',
        expected: 'grp-payment',
        actual: { before: 'grp-payment', after: 'grp-vip' },
        held: true,
      },
    ]);
  });

  it('sees a per-service field appear as a change', async () => {
    const row: ConditionRow = { field: 'customerField:vip', operator: 'changedTo', value: true, valueType: 'boolean' };
    expect(await fires(row, updated(snapshot(), snapshot({ customerFields: { vip: true } })))).toBe(true);
  });
});
