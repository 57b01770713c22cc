/** Comparing two sets of triggers as changes a person reads: conditions at any depth, results, and the triggers themselves. */
import { describe, expect, it } from 'vitest';
import type { ConditionEntry, Trigger } from '../../../rules';
import { diffTriggerSets } from '../../../studio/src/rules/version-diff';
import { bankTransferTrigger } from './support/fixtures';

const high: ConditionEntry = { field: 'priority', operator: 'equals', value: 'high' };
const urgent: ConditionEntry = { field: 'priority', operator: 'equals', value: 'urgent' };
const email: ConditionEntry = { field: 'channel', operator: 'equals', value: 'email' };
const vip: ConditionEntry = { field: 'tags', operator: 'contains', value: 'vip' };
const refund: ConditionEntry = { field: 'subject', operator: 'contains', value: '환불' };

const trigger = (overrides: Partial<Trigger>): Trigger => bankTransferTrigger({ results: [{ type: 'addTags', tags: ['escalate'] }], ...overrides });
const nested = (all: ConditionEntry[], any: ConditionEntry[] = []) => trigger({ conditions: { all, any } });
const only = (before: Trigger, after: Trigger) => diffTriggerSets([before], [after])[0];

describe('the changes between two versions', () => {
  it('reads a row whose value changed as one changed condition, where it stands', () => {
    expect(only(nested([high, { any: [email, { not: vip }] }]), nested([urgent, { any: [email, { not: vip }] }])).conditions).toEqual([
      { kind: 'changed', place: ['all'], before: high, after: urgent },
    ]);
  });

  it('finds changes inside nested groups and says which groups they stand in', () => {
    const before = nested([high, { any: [email, { not: vip }] }]);
    const after = nested([high, { any: [email, { not: { ...vip, value: 'vvip' } }, refund] }]);
    expect(only(before, after).conditions).toEqual([
      { kind: 'changed', place: ['all', 'any', 'not'], before: vip, after: { ...vip, value: 'vvip' } },
      { kind: 'added', place: ['all', 'any'], entry: refund },
    ]);
  });

  it('does not take the rows after an inserted one for changed ones', () => {
    expect(only(nested([high, email]), nested([refund, high, email])).conditions).toEqual([{ kind: 'added', place: ['all'], entry: refund }]);
    expect(only(nested([refund, high, email]), nested([high, email])).conditions).toEqual([{ kind: 'removed', place: ['all'], entry: refund }]);
  });

  it('reads a group that counts its entries another way as regrouped, and a row replaced by a group as removed and added', () => {
    expect(only(nested([{ all: [email, vip] }]), nested([{ any: [email, vip] }])).conditions).toEqual([
      { kind: 'regrouped', place: ['all'], before: 'all', after: 'any' },
    ]);
    expect(only(nested([high]), nested([{ any: [high, email] }])).conditions).toEqual([
      { kind: 'removed', place: ['all'], entry: high },
      { kind: 'added', place: ['all'], entry: { any: [high, email] } },
    ]);
  });

  it('keeps the optional list apart from the must-match one', () => {
    expect(only(nested([high], [email]), nested([high], [email, vip])).conditions).toEqual([{ kind: 'added', place: ['any'], entry: vip }]);
  });

  it('pairs results of one type as changed, and others as removed and added', () => {
    const before = trigger({ results: [{ type: 'setPriority', priority: 'high' }, { type: 'addTags', tags: ['a'] }] });
    const after = trigger({ results: [{ type: 'setPriority', priority: 'urgent' }, { type: 'removeTags', tags: ['a'] }, { type: 'addTags', tags: ['b'] }] });
    expect(only(before, after).results).toEqual([
      { kind: 'changed', before: { type: 'setPriority', priority: 'high' }, after: { type: 'setPriority', priority: 'urgent' } },
      { kind: 'removed', result: { type: 'addTags', tags: ['a'] } },
      { kind: 'added', result: { type: 'removeTags', tags: ['a'] } },
      { kind: 'added', result: { type: 'addTags', tags: ['b'] } },
    ]);
  });

  it('names renamed, switched, re-evented and moved triggers, and those added and removed', () => {
    const a = trigger({ id: 'a', title: 'A', position: 0 });
    const b = trigger({ id: 'b', title: 'B', position: 1 });
    const c = trigger({ id: 'c', title: 'C', position: 2 });
    const d = trigger({ id: 'd', title: 'D', position: 3 });
    const after = [
      { ...c, position: 0, title: 'C2', enabled: false, events: ['created' as const, 'updated' as const] },
      { ...a, position: 1 },
      { ...b, position: 2 },
      trigger({ id: 'e', title: 'E', position: 3 }),
    ];
    expect(diffTriggerSets([a, b, c, d], after)).toEqual([
      {
        id: 'c',
        title: 'C2',
        status: 'changed',
        renamed: { before: 'C', after: 'C2' },
        enabled: { before: true, after: false },
        events: { added: ['updated'], removed: [] },
        moved: { before: 3, after: 1 },
        conditions: [],
        results: [],
      },
      { id: 'e', title: 'E', status: 'added', conditions: [], results: [] },
      { id: 'd', title: 'D', status: 'removed', conditions: [], results: [] },
    ]);
  });

  it('finds nothing between equal sets, whatever order their keys come back in', () => {
    const stored = nested([high, { any: [email, { not: vip }] }]);
    const reordered = { ...stored, conditions: { any: stored.conditions.any, all: stored.conditions.all }, results: [{ tags: ['escalate'], type: 'addTags' as const }] };
    expect(diffTriggerSets([nested([high, { any: [email, { not: vip }] }])], [reordered])).toEqual([]);
  });
});
