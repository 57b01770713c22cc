/**
 * Groups (그룹) of a service and their membership, always reached through a service of the caller's organisation.
 * Member order is the order agents were added (`added_seq`), which round-robin assignment walks.
 */
import type { PendingQuery, Row } from 'postgres';
import { writeAudit } from '../audit';
import type { Db, Sql, Tx } from '../db';
import { refused, type Refused } from '../errors';

export interface Group {
  id: string;
  serviceId: string;
  name: string;
  /** Member agent ids in the order they were added. */
  memberIds: string[];
  createdAt: string;
}

type GroupRow = { id: string; service_id: string; name: string; created_at: Date; member_ids: string[] };

const toGroup = (row: GroupRow): Group => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  memberIds: row.member_ids,
  createdAt: row.created_at.toISOString(),
});

function selectGroups(sql: Db, where: PendingQuery<Row[]>) {
  return sql<GroupRow[]>`
    select g.id, g.service_id, g.name, g.created_at,
      coalesce(array_agg(m.agent_id order by m.added_seq) filter (where m.agent_id is not null), '{}') as member_ids
    from groups g
      join services s on s.id = g.service_id
      left join group_members m on m.group_id = g.id
    where ${where}
    group by g.id
    order by g.created_at, g.id`;
}

/** The service's groups with their members, oldest first. */
export async function listGroups(sql: Db, serviceId: string): Promise<Group[]> {
  return (await selectGroups(sql, sql`g.service_id = ${serviceId}`)).map(toGroup);
}

/** A group of a service of the organisation, with its members. */
export async function findGroup(sql: Db, orgId: string, id: string): Promise<Group | null> {
  const [row] = await selectGroups(sql, sql`g.id = ${id} and s.org_id = ${orgId}`);
  return row ? toGroup(row) : null;
}

/** Creates a group without members, with its audit row; a taken name breaks `groups_service_id_name_key`. */
export async function createGroup(sql: Sql, group: { id: string; serviceId: string; name: string }, actorId: string): Promise<Group> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ created_at: Date }[]>`
      insert into groups (id, service_id, name) values (${group.id}, ${group.serviceId}, ${group.name}) returning created_at`;
    await writeAudit(tx, {
      actorId,
      action: 'group.created',
      target: group.id,
      details: { after: { serviceId: group.serviceId, name: group.name } },
    });
    return { id: group.id, serviceId: group.serviceId, name: group.name, memberIds: [], createdAt: row.created_at.toISOString() };
  });
}

/** Which of these ids are groups of services of the organisation. */
export async function findOrgGroupIds(sql: Db, orgId: string, ids: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select g.id from groups g join services s on s.id = g.service_id where g.id = any(${ids}) and s.org_id = ${orgId}`;
  return rows.map((row) => row.id);
}

/**
 * Locks a group of the organisation for a membership change, so concurrent replacements of one group run one after
 * the other; false when there is no such group.
 */
async function lockGroup(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const [group] = await tx`
    select g.id from groups g join services s on s.id = g.service_id
    where g.id = ${id} and s.org_id = ${orgId} for update of g`;
  return group !== undefined;
}

/** Which of these ids are agents of the organisation (who may join its groups). */
async function findOrgAgentIds(sql: Db, orgId: string, ids: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`select id from agents where id = any(${ids}) and org_id = ${orgId}`;
  return rows.map((row) => row.id);
}

/** The group's member agent ids in the order they were added. */
async function groupMemberIds(sql: Db, groupId: string): Promise<string[]> {
  const rows = await sql<{ agent_id: string }[]>`
    select agent_id from group_members where group_id = ${groupId} order by added_seq`;
  return rows.map((row) => row.agent_id);
}

/** Of these agents, the ones in no group other than `groupId`; lock them first ({@link lockAgents}). */
async function agentsOnlyInGroup(tx: Tx, groupId: string, agentIds: string[]): Promise<string[]> {
  const rows = await tx<{ agent_id: string }[]>`
    select agent_id from unnest(${agentIds}::text[]) as r(agent_id)
    where not exists (select 1 from group_members m where m.agent_id = r.agent_id and m.group_id <> ${groupId})`;
  return rows.map((row) => row.agent_id);
}

/** Row-locks the agents, in id order so that two changes locking some of the same agents cannot deadlock. */
async function lockAgents(tx: Tx, agentIds: string[]): Promise<void> {
  await tx`select id from agents where id = any(${agentIds}) order by id for update`;
}

async function removeGroupMembers(tx: Tx, groupId: string, agentIds: string[]): Promise<void> {
  await tx`delete from group_members where group_id = ${groupId} and agent_id = any(${agentIds})`;
}

/** Adds one member at the end of the group's order; call once per agent so `added_seq` follows the order given. */
export async function addGroupMember(tx: Tx, groupId: string, agentId: string): Promise<void> {
  await tx`insert into group_members (group_id, agent_id) values (${groupId}, ${agentId})`;
}

export type MembersRefusal =
  | Refused<'not_found'>
  /** An id that is not an agent of the organisation. */
  | (Refused<'unknown_agent'> & { agentId: string })
  /** Agents the change would leave in no group. */
  | (Refused<'group_required'> & { agentIds: string[] });

/**
 * Makes `agentIds`, in this order, the members of a group of the organisation, with one audit row naming who was
 * added and removed; agents keep their place in the group's order when they stay in it. Nothing changes when an id
 * is not an agent of the organisation, or when a removed agent would be left in no group.
 */
export async function replaceGroupMembers(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  agentIds: string[],
): Promise<{ ok: true } | MembersRefusal> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | MembersRefusal> => {
    if (!(await lockGroup(tx, orgId, id))) return refused('not_found');

    const knownIds = new Set(await findOrgAgentIds(tx, orgId, agentIds));
    const unknown = agentIds.find((agentId) => !knownIds.has(agentId));
    if (unknown) return { ...refused('unknown_agent'), agentId: unknown };

    const current = await groupMemberIds(tx, id);
    const removed = current.filter((agentId) => !agentIds.includes(agentId));
    const added = agentIds.filter((agentId) => !current.includes(agentId));
    if (removed.length === 0 && added.length === 0) return { ok: true };

    if (removed.length > 0) {
      // Locking the removed agents serialises this check with a concurrent removal from their other groups.
      await lockAgents(tx, removed);
      const strandedIds = await agentsOnlyInGroup(tx, id, removed);
      if (strandedIds.length > 0) return { ...refused('group_required'), agentIds: strandedIds };
      await removeGroupMembers(tx, id, removed);
    }
    // One insert per agent so added_seq follows the order given.
    for (const agentId of added) await addGroupMember(tx, id, agentId);
    await writeAudit(tx, {
      actorId,
      action: 'group.members_changed',
      target: id,
      details: { before: current, after: [...current.filter((agentId) => !removed.includes(agentId)), ...added], added, removed },
    });
    return { ok: true };
  });
}

/** Renames a group of the organisation with its audit row; a taken name breaks `groups_service_id_name_key`. */
export async function renameGroup(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  name: string,
): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | Refused<'not_found'>> => {
    if (!(await lockGroup(tx, orgId, id))) return refused('not_found');
    const [{ name: before }] = await tx<{ name: string }[]>`select name from groups where id = ${id}`;
    if (before === name) return { ok: true };
    await tx`update groups set name = ${name} where id = ${id}`;
    await writeAudit(tx, { actorId, action: 'group.renamed', target: id, details: { before: { name: before }, after: { name } } });
    return { ok: true };
  });
}

export type GroupDeletionRefusal =
  | Refused<'not_found'>
  /** Tickets (any status) or triggers still name the group. */
  | (Refused<'in_use'> & { tickets: number; triggerIds: string[] })
  /** Members for whom it is the only group. */
  | (Refused<'group_required'> & { agentIds: string[] });

/**
 * Deletes a group of the organisation that nothing names any more: no ticket (whatever its status: the event log
 * keeps naming it) and no trigger draft. Members for whom it is the only group would be left in none, so they are
 * refused too. One audit row keeps its name and members.
 */
export async function deleteGroup(sql: Sql, target: { orgId: string; id: string; actorId: string }): Promise<{ ok: true } | GroupDeletionRefusal> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | GroupDeletionRefusal> => {
    if (!(await lockGroup(tx, orgId, id))) return refused('not_found');
    const [{ tickets }] = await tx<{ tickets: number }[]>`select count(*)::int as tickets from tickets where group_id = ${id}`;
    const triggers = await tx<{ id: string }[]>`
      select id from triggers where deleted_at is null and position(${id} in definition::text) > 0 order by position`;
    if (tickets > 0 || triggers.length > 0) return { ...refused('in_use'), tickets, triggerIds: triggers.map((row) => row.id) };
    const members = await groupMemberIds(tx, id);
    if (members.length > 0) {
      await lockAgents(tx, members);
      const stranded = await agentsOnlyInGroup(tx, id, members);
      if (stranded.length > 0) return { ...refused('group_required'), agentIds: stranded };
    }
    const [{ name, service_id }] = await tx<{ name: string; service_id: string }[]>`
      delete from groups where id = ${id} returning name, service_id`;
    await writeAudit(tx, { actorId, action: 'group.deleted', target: id, details: { before: { serviceId: service_id, name, memberIds: members } } });
    return { ok: true };
  });
}
