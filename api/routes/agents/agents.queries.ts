/**
 * Agent reads within the caller's organisation, with group ids in the order the agent joined them.
 */
import type { ISql } from 'postgres';
import { PERMISSIONS, type Permission } from '../../../domain/people';
import type { AgentAccount } from './agents.schemas';

type AgentRow = Omit<AgentAccount, 'createdAt' | 'groupIds'> & { created_at: Date; group_ids: string[] };

const toAgent = ({ created_at, group_ids, ...agent }: AgentRow): AgentAccount => ({
  ...agent,
  groupIds: group_ids,
  createdAt: created_at.toISOString(),
});

const SELECT_AGENT = `
  select a.id, a.email, a.name, a.role, a.permissions, a.active, a.created_at,
    coalesce(array_agg(m.group_id order by m.added_seq) filter (where m.group_id is not null), '{}') as group_ids
  from agents a left join group_members m on m.agent_id = a.id`;

export async function listAgents(sql: ISql, orgId: string): Promise<AgentAccount[]> {
  const rows = await sql<AgentRow[]>`
    ${sql.unsafe(SELECT_AGENT)} where a.org_id = ${orgId} group by a.id order by a.added_seq`;
  return rows.map(toAgent);
}

export async function findAgent(sql: ISql, orgId: string, id: string): Promise<AgentAccount | null> {
  const [row] = await sql<AgentRow[]>`${sql.unsafe(SELECT_AGENT)} where a.id = ${id} and a.org_id = ${orgId} group by a.id`;
  return row ? toAgent(row) : null;
}

/** Permissions without repeats, in their canonical order, so before/after in the audit log compare cleanly. */
export const canonicalPermissions = (permissions: Permission[]): Permission[] =>
  PERMISSIONS.filter((permission) => permissions.includes(permission));
