/**
 * Picking an agent for a trigger's assign result: a named agent, random, round robin in the order agents
 * were added to the group, or least loaded (fewest open tickets; ties go to the longest since their last
 * assignment). `store/assignment` serialises decisions per group and remembers them by key, so concurrent
 * workers keep round robin fair and a retried evaluation neither re-rolls nor advances twice.
 */
import { randomInt } from 'node:crypto';
import type { AssignResult } from '../rules/cycle';
import type { Sql } from '../store/db';
import {
  assignmentCandidates,
  decideAssignmentOnce,
  roundRobinCursor,
  type AssignmentCandidate,
  type AssignmentDecision,
} from '../store/assignment';

export type AssignmentChoice = AssignmentDecision;

function choose(result: AssignResult, pool: AssignmentCandidate[], cursor: bigint | null, pick: (n: number) => number): AssignmentChoice {
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

/** Decides (once per key) and records an assignment. */
export async function assignAgent(sql: Sql, key: string, result: AssignResult): Promise<AssignmentChoice> {
  return decideAssignmentOnce(sql, { key, groupId: result.groupId, roundRobin: result.strategy === 'roundRobin' }, (pool, cursor) =>
    choose(result, pool, cursor, randomInt),
  );
}

/** What {@link assignAgent} would decide now, without deciding: for simulations. */
export async function previewAssignment(sql: Sql, result: AssignResult): Promise<AssignmentChoice> {
  const pool = await assignmentCandidates(sql, result.groupId);
  const choice = choose(result, pool, await roundRobinCursor(sql, result.groupId), () => 0);
  if (result.strategy === 'random' && choice.agentId) {
    return { ...choice, note: `random: one of ${pool.length} agents; the simulation shows the first` };
  }
  return choice;
}
