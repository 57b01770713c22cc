/**
 * Deciding an agent for a trigger's assign result. `store/assignment` serialises decisions per group and remembers
 * them by key, so concurrent workers keep round robin fair and a retried evaluation neither re-rolls nor advances
 * twice; `rules/assignment` picks the agent.
 */
import { randomInt } from 'node:crypto';
import { chooseAssignee, type AssignmentCandidate, type AssignmentChoice } from '../rules/assignment';
import type { AssignResult } from '../rules/cycle';
import type { Sql, Tx } from '../store/db';
import { decideAssignment, decideAssignmentOnce } from '../store/assignment';

const choose = (result: AssignResult) => (pool: AssignmentCandidate[], cursor: bigint | null) => chooseAssignee(result, pool, cursor, randomInt);

/** Decides (once per key) and records an assignment, in a transaction of its own. */
export async function assignAgent(sql: Sql, key: string, result: AssignResult): Promise<AssignmentChoice> {
  return decideAssignmentOnce(sql, { key, groupId: result.groupId, strategy: result.strategy }, choose(result));
}

/** {@link assignAgent} inside the caller's transaction, which holds the group's lock until it ends. */
export async function assignAgentWithin(tx: Tx, key: string, result: AssignResult): Promise<AssignmentChoice> {
  return decideAssignment(tx, { key, groupId: result.groupId, strategy: result.strategy }, choose(result));
}
