/**
 * Groups (그룹) of a service and their membership, always reached through a service of the caller's organisation.
 * Member order is the order agents were added (`added_seq`), which round-robin assignment walks.
 */
import type { PendingQuery, Row } from 'postgres';
import type { Db, Tx } from '../db';

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

/** Inserts a group without members; a taken name breaks `groups_service_id_name_key`. */
export async function insertGroup(tx: Tx, group: { id: string; serviceId: string; name: string }): Promise<Group> {
  const [row] = await tx<{ created_at: Date }[]>`
    insert into groups (id, service_id, name) values (${group.id}, ${group.serviceId}, ${group.name}) returning created_at`;
  return { id: group.id, serviceId: group.serviceId, name: group.name, memberIds: [], createdAt: row.created_at.toISOString() };
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
export async function lockGroup(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const [group] = await tx`
    select g.id from groups g join services s on s.id = g.service_id
    where g.id = ${id} and s.org_id = ${orgId} for update of g`;
  return group !== undefined;
}

/** The group's member agent ids in the order they were added. */
export async function groupMemberIds(sql: Db, groupId: string): Promise<string[]> {
  const rows = await sql<{ agent_id: string }[]>`
    select agent_id from group_members where group_id = ${groupId} order by added_seq`;
  return rows.map((row) => row.agent_id);
}

/** Of these agents, the ones in no group other than `groupId`; lock them first ({@link lockAgents}). */
export async function agentsOnlyInGroup(tx: Tx, groupId: string, agentIds: string[]): Promise<string[]> {
  const rows = await tx<{ agent_id: string }[]>`
    select agent_id from unnest(${agentIds}::text[]) as r(agent_id)
    where not exists (select 1 from group_members m where m.agent_id = r.agent_id and m.group_id <> ${groupId})`;
  return rows.map((row) => row.agent_id);
}

/** Row-locks the agents, in id order so that two changes locking some of the same agents cannot deadlock. */
export async function lockAgents(tx: Tx, agentIds: string[]): Promise<void> {
  await tx`select id from agents where id = any(${agentIds}) order by id for update`;
}

export async function removeGroupMembers(tx: Tx, groupId: string, agentIds: string[]): Promise<void> {
  await tx`delete from group_members where group_id = ${groupId} and agent_id = any(${agentIds})`;
}

/** Adds one member at the end of the group's order; call once per agent so `added_seq` follows the order given. */
export async function addGroupMember(tx: Tx, groupId: string, agentId: string): Promise<void> {
  await tx`insert into group_members (group_id, agent_id) values (${groupId}, ${agentId})`;
}
