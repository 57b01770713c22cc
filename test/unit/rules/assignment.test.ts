import { describe, expect, it } from 'vitest';
import { chooseAssignee, type AssignmentCandidate } from '../../../rules/assignment';

const at = (iso: string) => new Date(iso);
const candidate = (agentId: string, addedSeq: number, openTickets: number, lastAssignedAt: Date | null): AssignmentCandidate => ({
  agent_id: agentId,
  added_seq: String(addedSeq),
  open_tickets: openTickets,
  last_assigned_at: lastAssignedAt,
});

// In the order agents were added to the group, as the store returns them.
const POOL = [
  candidate('a-kim', 3, 2, at('2024-05-01T09:00:00Z')),
  candidate('a-lee', 7, 1, at('2024-05-01T10:00:00Z')),
  candidate('a-park', 12, 1, at('2024-05-01T08:00:00Z')),
];
const noPick = () => {
  throw new Error('only the random strategy picks');
};

describe('chooseAssignee', () => {
  it('names the group when it has no active agents', () => {
    for (const strategy of ['random', 'roundRobin', 'agent', 'leastLoaded'] as const) {
      expect(chooseAssignee({ type: 'assign', groupId: 'g-pay', strategy, agentId: 'a-kim' }, [], null, noPick)).toEqual({
        agentId: null,
        note: 'group g-pay has no active agents',
      });
    }
  });

  it('takes the named agent only when they are an active member', () => {
    expect(chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'agent', agentId: 'a-lee' }, POOL, null, noPick)).toEqual({
      agentId: 'a-lee',
    });
    expect(chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'agent', agentId: 'a-choi' }, POOL, null, noPick)).toEqual({
      agentId: null,
      note: 'agent a-choi is not an active member of the group',
    });
  });

  it('asks the random pick for an index among all candidates', () => {
    const asked: number[] = [];
    const choice = chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'random' }, POOL, null, (count) => {
      asked.push(count);
      return 2;
    });
    expect(asked).toEqual([3]);
    expect(choice).toEqual({ agentId: 'a-park' });
  });

  it('goes round robin in the order agents were added, wrapping to the first', () => {
    const next = (cursor: bigint | null) =>
      chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'roundRobin' }, POOL, cursor, noPick).agentId;
    expect(next(null)).toBe('a-kim');
    expect(next(0n)).toBe('a-kim');
    expect(next(3n)).toBe('a-lee');
    expect(next(6n)).toBe('a-lee');
    expect(next(7n)).toBe('a-park');
    expect(next(12n)).toBe('a-kim');
    expect(next(99n)).toBe('a-kim');
  });

  it('takes the least loaded agent, then the one longest since an assignment, then the earliest added', () => {
    const least = (pool: AssignmentCandidate[]) =>
      chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'leastLoaded' }, pool, null, noPick).agentId;
    expect(least(POOL)).toBe('a-park');
    expect(least([candidate('x', 1, 3, null), candidate('y', 2, 0, at('2024-05-02T00:00:00Z'))])).toBe('y');
    // Never assigned counts as longest ago.
    expect(least([candidate('x', 1, 1, at('2024-05-01T00:00:00Z')), candidate('y', 2, 1, null)])).toBe('y');
    expect(least([candidate('x', 9, 1, null), candidate('y', 2, 1, null), candidate('z', 5, 1, null)])).toBe('y');
    expect(least([candidate('x', 2, 1, null), candidate('y', 9, 1, null)])).toBe('x');
    // Ordering by added sequence compares numbers, not strings ('10' sorts before '9' as text).
    expect(least([candidate('x', 10, 1, null), candidate('y', 9, 1, null)])).toBe('y');
  });

  it('does not reorder the pool it was given', () => {
    const pool = [...POOL];
    chooseAssignee({ type: 'assign', groupId: 'g', strategy: 'leastLoaded' }, pool, null, noPick);
    expect(pool).toEqual(POOL);
  });
});
