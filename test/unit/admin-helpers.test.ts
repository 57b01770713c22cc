/** The settings section's pure helpers: group membership changes, filters, the business-hours week, sections. */
import { describe, expect, it } from 'vitest';
import {
  auditArea,
  distinct,
  filterAudit,
  flattenTree,
  issueIndexes,
  matchesQuery,
  membershipChanges,
  moveInOrder,
  nextWindow,
  OFFICE_WEEK,
  windowsByDay,
} from '../../studio/src/admin/model';
import { isAdminSection } from '../../studio/src/admin/sections';

describe('an agent’s groups as membership changes', () => {
  const groups = [
    { id: 'G1', memberIds: ['A1', 'A2'] },
    { id: 'G2', memberIds: ['A3'] },
    { id: 'G3', memberIds: ['A2', 'A3'] },
  ];

  it('joins before it leaves, so the agent always keeps a group', () => {
    expect(membershipChanges(groups, 'A1', ['G2'])).toEqual([
      { groupId: 'G2', agentIds: ['A3', 'A1'] },
      { groupId: 'G1', agentIds: ['A2'] },
    ]);
  });

  it('keeps the other members in their order and changes nothing for groups left as they were', () => {
    expect(membershipChanges(groups, 'A2', ['G1'])).toEqual([{ groupId: 'G3', agentIds: ['A3'] }]);
    expect(membershipChanges(groups, 'A2', ['G1', 'G3'])).toEqual([]);
  });
});

describe('list filters', () => {
  it('matches any text, ignoring case and spaces, and everything on an empty query', () => {
    expect(matchesQuery(' KIM ', '김민지', 'kim@example.com')).toBe(true);
    expect(matchesQuery('lee', '김민지', null)).toBe(false);
    expect(matchesQuery('  ', '김민지')).toBe(true);
  });

  it('filters audit entries by area, actor and text in the details', () => {
    const entries = [
      { id: '1', action: 'agent.role_changed', actorId: 'A1', target: 'A7', details: { before: 'agent', after: 'admin' } },
      { id: '2', action: 'group.members_changed', actorId: 'A2', target: 'G1', details: {} },
      { id: '3', action: 'agent.created', actorId: 'A2', target: 'A8', details: { email: 'new@example.com' } },
    ];
    expect(filterAudit(entries, { area: 'agent', actorId: '', query: '' }).map((entry) => entry.id)).toEqual(['1', '3']);
    expect(filterAudit(entries, { area: '', actorId: 'A2', query: '' }).map((entry) => entry.id)).toEqual(['2', '3']);
    expect(filterAudit(entries, { area: '', actorId: '', query: 'new@' }).map((entry) => entry.id)).toEqual(['3']);
    expect(auditArea('business_hours.replaced')).toBe('business_hours');
    expect(distinct(entries, (entry) => entry.actorId)).toEqual(['A1', 'A2']);
  });
});

describe('the business-hours week', () => {
  it('lists Monday first and each day’s windows by start, keeping their indexes', () => {
    const weekly = [
      { day: 1, start: '13:00', end: '18:00' },
      { day: 0, start: '10:00', end: '14:00' },
      { day: 1, start: '09:00', end: '12:00' },
    ];
    const week = windowsByDay(weekly);
    expect(week.map((entry) => entry.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(week[0]!.entries.map((entry) => entry.index)).toEqual([2, 0]);
    expect(week[6]!.entries.map((entry) => entry.index)).toEqual([1]);
    expect(week[1]!.entries).toEqual([]);
  });

  it('adds an office day to an empty day, and an hour after the last window otherwise, never past midnight', () => {
    expect(nextWindow([], 3)).toEqual({ day: 3, start: '09:00', end: '18:00' });
    expect(nextWindow([{ day: 3, start: '09:00', end: '12:00' }], 3)).toEqual({ day: 3, start: '12:00', end: '13:00' });
    expect(nextWindow([{ day: 3, start: '20:00', end: '23:30' }], 3)).toEqual({ day: 3, start: '23:30', end: '24:00' });
    expect(nextWindow([{ day: 3, start: '20:00', end: '24:00' }], 3)).toEqual({ day: 3, start: '09:00', end: '18:00' });
    expect(OFFICE_WEEK.map((window) => window.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds the items a refusal points at', () => {
    const details = { issues: [{ path: ['weekly', 2, 'end'] }, { path: ['timezone'] }, { path: ['onBreach', 0, 'type'] }] };
    expect([...issueIndexes(details, 'weekly')]).toEqual([2]);
    expect([...issueIndexes(details, 'onBreach')]).toEqual([0]);
    expect(issueIndexes(undefined, 'weekly').size).toBe(0);
  });
});

describe('order and routes', () => {
  it('moves an item one place, and not past either end', () => {
    expect(moveInOrder(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b'], 0, -1)).toBeNull();
  });

  it('flattens a category tree parents first, depth first', () => {
    const leaf = (id: string) => ({ id, children: [] as { id: string; children: never[] }[] });
    const tree = [{ id: 'a', children: [{ id: 'a1', children: [leaf('a1x')] }, leaf('a2')] }, leaf('b')];
    expect(flattenTree(tree).map((node) => node.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b']);
  });

  it('knows the settings pages a route may name', () => {
    expect(isAdminSection('hours')).toBe(true);
    expect(isAdminSection('fields')).toBe(false);
    expect(isAdminSection(undefined)).toBe(false);
  });
});
