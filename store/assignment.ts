/**
 * The SQL of assignment decisions: a group's candidates with their load, the group's round-robin cursor, and the
 * decision itself, taken once per key under a per-group advisory lock so concurrent workers keep round robin fair
 * and a retried evaluation neither re-rolls nor advances twice. Which agent to pick is the caller's to decide.
 */
import type { Db, Sql, Tx } from './db';
import { WORKING_STATUSES } from '../domain/ticket';
import type { AssignResult } from '../rules/cycle';
import { chooseAssignee, type AssignmentCandidate, type AssignmentChoice } from '../rules/assignment';


/**
 * The group's assignable members in the order they were added. Their open tickets are read only for least loaded,
 * the one strategy that uses them, and from the maintained counters (migration 034), so no decision costs more
 * with more tickets in the table.
 */
export async function assignmentCandidates(sql: Db, groupId: string, strategy: AssignResult['strategy']): Promise<AssignmentCandidate[]> {
  const openTickets =
    strategy === 'leastLoaded'
      ? sql`(select coalesce(sum(c.tickets), 0)::int from ticket_counts c
          where c.assignee_id = m.agent_id and c.status in ${sql(WORKING_STATUSES)})`
      : sql`0`;
  return sql<AssignmentCandidate[]>`
    select m.agent_id, m.added_seq::text, a.last_assigned_at, ${openTickets} as open_tickets
    from group_members m join agents a on a.id = m.agent_id
    where m.group_id = ${groupId} and a.active and a.role <> 'org_admin'
    order by m.added_seq`;
}

/** The `added_seq` of the member round robin picked last in the group, or null before its first pick. */
export async function roundRobinCursor(sql: Db, groupId: string): Promise<bigint | null> {
  const [row] = await sql<{ last_added_seq: string }[]>`select last_added_seq::text from round_robin_cursors where group_id = ${groupId}`;
  return row ? BigInt(row.last_added_seq) : null;
}

/**
 * Answers the decision recorded under the key, or takes one with `choose` and records it: the chosen agent's last
 * assignment time and, for round robin, the group's cursor move with it, all in one transaction.
 */
export async function decideAssignmentOnce(
  sql: Sql,
  decision: { key: string; groupId: string; strategy: AssignResult['strategy'] },
  choose: (pool: AssignmentCandidate[], cursor: bigint | null) => AssignmentChoice,
): Promise<AssignmentChoice> {
  return sql.begin((tx) => decideAssignment(tx, decision, choose));
}

/**
 * {@link decideAssignmentOnce} inside the caller's transaction: the group's lock is then held until that
 * transaction ends, so the decision commits (or rolls back) with what the caller writes beside it.
 */
export async function decideAssignment(
  tx: Tx,
  decision: { key: string; groupId: string; strategy: AssignResult['strategy'] },
  choose: (pool: AssignmentCandidate[], cursor: bigint | null) => AssignmentChoice,
): Promise<AssignmentChoice> {
  const { key, groupId } = decision;
  await tx`select pg_advisory_xact_lock(hashtext(${`assign:${groupId}`}))`;
  const [decided] = await tx<{ agent_id: string | null }[]>`select agent_id from assignment_decisions where key = ${key}`;
  if (decided) return { agentId: decided.agent_id };

  const pool = await assignmentCandidates(tx, groupId, decision.strategy);
  const choice = choose(pool, await roundRobinCursor(tx, groupId));
  await tx`insert into assignment_decisions (key, group_id, agent_id) values (${key}, ${groupId}, ${choice.agentId})`;
  if (choice.agentId) {
    await tx`update agents set last_assigned_at = now() where id = ${choice.agentId}`;
    if (decision.strategy === 'roundRobin') {
      const chosen = pool.find((candidate) => candidate.agent_id === choice.agentId)!;
      await tx`
        insert into round_robin_cursors (group_id, last_added_seq) values (${groupId}, ${chosen.added_seq})
        on conflict (group_id) do update set last_added_seq = excluded.last_added_seq`;
    }
  }
  return choice;
}

/** What a decision would pick now, without deciding: for simulations. */
export async function previewAssignment(sql: Db, result: AssignResult): Promise<AssignmentChoice> {
  const pool = await assignmentCandidates(sql, result.groupId, result.strategy);
  const choice = chooseAssignee(result, pool, await roundRobinCursor(sql, result.groupId), () => 0);
  if (result.strategy === 'random' && choice.agentId) {
    return { ...choice, note: `random: one of ${pool.length} agents; the simulation shows the first` };
  }
  return choice;
}
