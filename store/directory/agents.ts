/**
 * Agent accounts (상담원) of an organisation, with their group ids in the order the agent joined them.
 */
import type { Permission, Role } from '../../domain/people';
import type { Db, Tx } from '../db';

export interface AgentAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
  active: boolean;
  /** Groups in the order the agent joined them. */
  groupIds: string[];
  createdAt: string;
}

/** What an admin may change on an account. */
export type AgentSettings = Pick<AgentAccount, 'name' | 'role' | 'permissions' | 'active'>;

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

/** The organisation's agents in the order they were added. */
export async function listAgents(sql: Db, orgId: string): Promise<AgentAccount[]> {
  const rows = await sql<AgentRow[]>`
    ${sql.unsafe(SELECT_AGENT)} where a.org_id = ${orgId} group by a.id order by a.added_seq`;
  return rows.map(toAgent);
}

export async function findAgent(sql: Db, orgId: string, id: string): Promise<AgentAccount | null> {
  const [row] = await sql<AgentRow[]>`${sql.unsafe(SELECT_AGENT)} where a.id = ${id} and a.org_id = ${orgId} group by a.id`;
  return row ? toAgent(row) : null;
}

/** Which of these ids are agents of the organisation. */
export async function findOrgAgentIds(sql: Db, orgId: string, ids: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`select id from agents where id = any(${ids}) and org_id = ${orgId}`;
  return rows.map((row) => row.id);
}

/** Whether any agent, in any organisation, signs in with this email (compared case-insensitively). */
export async function agentEmailTaken(sql: Db, email: string): Promise<boolean> {
  const [existing] = await sql`select 1 from agents where lower(email) = lower(${email})`;
  return existing !== undefined;
}

/** Inserts an account without groups; a taken email breaks `agents_email_key`. */
export async function insertAgent(
  tx: Tx,
  agent: Omit<AgentSettings, 'active'> & { id: string; orgId: string; email: string; passwordHash: string },
): Promise<void> {
  await tx`
    insert into agents (id, org_id, email, name, role, permissions, password_hash)
    values (${agent.id}, ${agent.orgId}, ${agent.email}, ${agent.name}, ${agent.role}, ${agent.permissions}, ${agent.passwordHash})`;
}

/** Locks an agent of the organisation for a change and reads what may change; null when there is none. */
export async function lockAgentSettings(tx: Tx, orgId: string, id: string): Promise<AgentSettings | null> {
  const [before] = await tx<AgentSettings[]>`
    select name, role, permissions, active from agents where id = ${id} and org_id = ${orgId} for update`;
  return before ?? null;
}

export async function saveAgentSettings(tx: Tx, id: string, settings: AgentSettings): Promise<void> {
  await tx`
    update agents set name = ${settings.name}, role = ${settings.role}, permissions = ${settings.permissions}, active = ${settings.active}
    where id = ${id}`;
}
