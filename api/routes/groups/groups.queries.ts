/**
 * Group reads, always through a service of the caller's organisation.
 */
import type { ISql, PendingQuery, Row } from 'postgres';
import type { Group } from './groups.schemas';

type GroupRow = { id: string; service_id: string; name: string; created_at: Date; member_ids: string[] };

const toGroup = (row: GroupRow): Group => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  memberIds: row.member_ids,
  createdAt: row.created_at.toISOString(),
});

function selectGroups(sql: ISql, where: PendingQuery<Row[]>) {
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

export async function listGroups(sql: ISql, serviceId: string): Promise<Group[]> {
  return (await selectGroups(sql, sql`g.service_id = ${serviceId}`)).map(toGroup);
}

export async function findGroup(sql: ISql, orgId: string, id: string): Promise<Group | null> {
  const [row] = await selectGroups(sql, sql`g.id = ${id} and s.org_id = ${orgId}`);
  return row ? toGroup(row) : null;
}
