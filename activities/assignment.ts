/**
 * Deciding an agent for a trigger's assign result. `store/assignment` serialises decisions per group and remembers
 * them by key, so concurrent workers keep round robin fair and a retried evaluation neither re-rolls nor advances
 * twice; `rules/assignment` picks the agent.
 */
import { randomInt } from 'node:crypto';
import { chooseAssignee, type AssignmentChoice } from '../rules/assignment';
import type { AssignResult } from '../rules/cycle';
import type { Sql } from '../store/db';
import { decideAssignmentOnce } from '../store/assignment';

/** Decides (once per key) and records an assignment. */
export async function assignAgent(sql: Sql, key: string, result: AssignResult): Promise<AssignmentChoice> {
  return decideAssignmentOnce(sql, { key, groupId: result.groupId, strategy: result.strategy }, (pool, cursor) =>
    chooseAssignee(result, pool, cursor, randomInt),
  );
}
