/**
 * Agent accounts (상담원) of an organisation, with their group ids in the order the agent joined them.
 */
import { PERMISSIONS, type Permission, type Role } from '../../domain/people';
import { writeAudit, type AuditEntry } from '../audit';
import type { Db, Sql, Tx } from '../db';
import { refused, type Refused } from '../errors';
import { addGroupMember } from './groups';

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

/** Whether any agent, in any organisation, signs in with this email (compared case-insensitively). */
export async function agentEmailTaken(sql: Db, email: string): Promise<boolean> {
  const [existing] = await sql`select 1 from agents where lower(email) = lower(${email})`;
  return existing !== undefined;
}

/** Permissions without repeats, in their canonical order, so before/after in the audit log compare cleanly. */
export const canonicalPermissions = (permissions: Permission[]): Permission[] =>
  PERMISSIONS.filter((permission) => permissions.includes(permission));

export interface NewAgent extends Omit<AgentSettings, 'active'> {
  id: string;
  orgId: string;
  email: string;
  passwordHash: string;
  /** Groups of the organisation, in the order the agent joins them. */
  groupIds: string[];
}

/** Creates an account in its groups, with its audit row; a taken email breaks `agents_email_key`. */
export async function createAgent(sql: Sql, agent: NewAgent, actorId: string): Promise<void> {
  const { id, email, name, role, permissions, groupIds } = agent;
  await sql.begin(async (tx) => {
    await insertAgent(tx, agent);
    // One insert per group so the agent's groups keep the order given.
    for (const groupId of groupIds) await addGroupMember(tx, groupId, id);
    await writeAudit(tx, {
      actorId,
      action: 'agent.created',
      target: id,
      details: { after: { email, name, role, permissions, groupIds } },
    });
  });
}

/**
 * Changes an agent of the organisation to what `change` makes of its current settings, read under a row lock, with
 * one audit row per changed setting; `change` refuses by throwing, which rolls the transaction back.
 */
export async function updateAgent(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  change: (before: AgentSettings) => AgentSettings,
): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx) => {
    const before = await lockAgentSettings(tx, orgId, id);
    if (!before) return refused('not_found');
    const after = change(before);
    const entries: Omit<AuditEntry, 'actorId' | 'target'>[] = [];
    if (after.name !== before.name) entries.push({ action: 'agent.renamed', details: { before: before.name, after: after.name } });
    if (after.role !== before.role) entries.push({ action: 'agent.role_changed', details: { before: before.role, after: after.role } });
    if (after.permissions.join() !== canonicalPermissions(before.permissions).join()) {
      entries.push({ action: 'agent.permissions_changed', details: { before: before.permissions, after: after.permissions } });
    }
    if (after.active !== before.active) {
      entries.push({ action: after.active ? 'agent.reactivated' : 'agent.deactivated', details: { before: before.active, after: after.active } });
    }
    if (entries.length === 0) return { ok: true as const };

    await saveAgentSettings(tx, id, after);
    for (const entry of entries) await writeAudit(tx, { ...entry, actorId, target: id });
    return { ok: true as const };
  });
}

/** Locks an agent of the organisation for a change and reads what may change; null when there is none. */
async function lockAgentSettings(tx: Tx, orgId: string, id: string): Promise<AgentSettings | null> {
  const [before] = await tx<AgentSettings[]>`
    select name, role, permissions, active from agents where id = ${id} and org_id = ${orgId} for update`;
  return before ?? null;
}

/** Inserts an account without groups. */
async function insertAgent(tx: Tx, agent: Omit<NewAgent, 'groupIds'>): Promise<void> {
  await tx`
    insert into agents (id, org_id, email, name, role, permissions, password_hash)
    values (${agent.id}, ${agent.orgId}, ${agent.email}, ${agent.name}, ${agent.role}, ${agent.permissions}, ${agent.passwordHash})`;
}

async function saveAgentSettings(tx: Tx, id: string, settings: AgentSettings): Promise<void> {
  await tx`
    update agents set name = ${settings.name}, role = ${settings.role}, permissions = ${settings.permissions}, active = ${settings.active}
    where id = ${id}`;
}
