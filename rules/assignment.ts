/**
 * Which agent a trigger's assign result picks from a group's candidates: a named agent, random, round robin in the
 * order agents were added to the group, or least loaded (fewest open tickets; ties go to the longest since their
 * last assignment). Pure: the candidates, the round-robin cursor and the random pick are given.
 */
import type { AssignResult } from './cycle';

/** An active, assignable member of the group, in the order agents were added to it. */
export interface AssignmentCandidate {
  agent_id: string;
  added_seq: string;
  /** Working tickets assigned to the agent; counted only when least loaded decides (0 otherwise). */
  open_tickets: number;
  last_assigned_at: Date | null;
}

/** The agent picked, or none with the reason. */
export interface AssignmentChoice {
  agentId: string | null;
  note?: string;
}

export function chooseAssignee(result: AssignResult, pool: AssignmentCandidate[], cursor: bigint | null, pick: (n: number) => number): AssignmentChoice {
  if (pool.length === 0) return { agentId: null, note: `group ${result.groupId} has no active agents` };
  switch (result.strategy) {
    case 'agent': {
      const named = pool.find((candidate) => candidate.agent_id === result.agentId);
      return named ? { agentId: named.agent_id } : { agentId: null, note: `agent ${result.agentId} is not an active member of the group` };
    }
    case 'random':
      return { agentId: pool[pick(pool.length)].agent_id };
    case 'roundRobin': {
      const next = cursor === null ? undefined : pool.find((candidate) => BigInt(candidate.added_seq) > cursor);
      return { agentId: (next ?? pool[0]).agent_id };
    }
    case 'leastLoaded': {
      const sorted = [...pool].sort(
        (a, b) =>
          a.open_tickets - b.open_tickets ||
          (a.last_assigned_at?.getTime() ?? 0) - (b.last_assigned_at?.getTime() ?? 0) ||
          Number(BigInt(a.added_seq) - BigInt(b.added_seq)),
      );
      return { agentId: sorted[0].agent_id };
    }
  }
}
