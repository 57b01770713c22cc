/**
 * Picking an agent for a trigger's assign result: a named agent, random, round robin in the order agents
 * were added to the group, or least loaded (fewest open tickets; ties go to the longest since their last
 * assignment). Decisions are serialised per group with an advisory lock and remembered by key, so
 * concurrent workers keep round robin fair and a retried evaluation neither re-rolls nor advances twice.
 */
import { randomInt } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { AssignResult } from '../rules/cycle';
import { WORKING_STATUSES } from '../domain/ticket';

export interface AssignmentChoice {
  agentId: string | null;
  note?: string;
}

interface Candidate {
  agent_id: string;
  added_seq: string;
  open_tickets: number;
  last_assigned_at: Date | null;
}

async function candidates(sql: Sql | TransactionSql, groupId: string): Promise<Candidate[]> {
  return sql<Candidate[]>`
    select m.agent_id, m.added_seq::text, a.last_assigned_at,
      (select count(*)::int from tickets t
        where t.assignee_id = m.agent_id and t.status in ${sql(WORKING_STATUSES)} and t.deleted_at is null) as open_tickets
    from group_members m join agents a on a.id = m.agent_id
    where m.group_id = ${groupId} and a.active and a.role <> 'org_admin'
    order by m.added_seq`;
}

function choose(result: AssignResult, pool: Candidate[], cursor: bigint | null, pick: (n: number) => number): AssignmentChoice {
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

async function readCursor(sql: Sql | TransactionSql, groupId: string): Promise<bigint | null> {
  const [row] = await sql<{ last_added_seq: string }[]>`select last_added_seq::text from round_robin_cursors where group_id = ${groupId}`;
  return row ? BigInt(row.last_added_seq) : null;
}

/** Decides (once per key) and records an assignment. */
export async function assignAgent(sql: Sql, key: string, result: AssignResult): Promise<AssignmentChoice> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`assign:${result.groupId}`}))`;
    const [decided] = await tx<{ agent_id: string | null }[]>`select agent_id from assignment_decisions where key = ${key}`;
    if (decided) return { agentId: decided.agent_id };

    const pool = await candidates(tx, result.groupId);
    const choice = choose(result, pool, await readCursor(tx, result.groupId), randomInt);
    await tx`insert into assignment_decisions (key, group_id, agent_id) values (${key}, ${result.groupId}, ${choice.agentId})`;
    if (choice.agentId) {
      await tx`update agents set last_assigned_at = now() where id = ${choice.agentId}`;
      if (result.strategy === 'roundRobin') {
        const chosen = pool.find((candidate) => candidate.agent_id === choice.agentId)!;
        await tx`
          insert into round_robin_cursors (group_id, last_added_seq) values (${result.groupId}, ${chosen.added_seq})
          on conflict (group_id) do update set last_added_seq = excluded.last_added_seq`;
      }
    }
    return choice;
  });
}

/** What {@link assignAgent} would decide now, without deciding: for simulations. */
export async function previewAssignment(sql: Sql, result: AssignResult): Promise<AssignmentChoice> {
  const pool = await candidates(sql, result.groupId);
  const choice = choose(result, pool, await readCursor(sql, result.groupId), () => 0);
  if (result.strategy === 'random' && choice.agentId) {
    return { ...choice, note: `random: one of ${pool.length} agents; the simulation shows the first` };
  }
  return choice;
}
