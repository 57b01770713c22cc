/**
 * The directory records a rule names (groups, categories, agents, memberships), looked up in one round so the
 * API can tell which of a trigger's or an SLA policy's references do not exist.
 */
import type { Db } from '../db';
import type { CategoryKind } from './categories';

export interface ReferencedIds {
  groupIds: string[];
  categoryIds: string[];
  agentIds: string[];
  /** Agents whose active group memberships are wanted. */
  memberAgentIds: string[];
}

export interface ReferencedRecords {
  /** Groups of the service. */
  groupIds: string[];
  /** Categories of the service. */
  categories: { id: string; kind: CategoryKind; enabled: boolean }[];
  /** Agents of the organisation. */
  agentIds: string[];
  /** Group memberships of the active agents asked for. */
  memberships: { groupId: string; agentId: string }[];
}

/** Which of the ids are records of the service (groups, categories) or the organisation (agents). */
export async function findReferencedRecords(sql: Db, orgId: string, serviceId: string, ids: ReferencedIds): Promise<ReferencedRecords> {
  const [groups, categories, agents, members] = await Promise.all([
    sql<{ id: string }[]>`select id from groups where service_id = ${serviceId} and id = any(${ids.groupIds}::text[])`,
    sql<{ id: string; kind: CategoryKind; enabled: boolean }[]>`
      select id, kind, enabled from categories
      where service_id = ${serviceId} and id = any(${ids.categoryIds}::text[])`,
    sql<{ id: string }[]>`select id from agents where org_id = ${orgId} and id = any(${ids.agentIds}::text[])`,
    sql<{ group_id: string; agent_id: string }[]>`
      select m.group_id, m.agent_id from group_members m join agents a on a.id = m.agent_id
      where a.active and m.agent_id = any(${ids.memberAgentIds}::text[])`,
  ]);
  return {
    groupIds: groups.map((row) => row.id),
    categories: categories.map(({ id, kind, enabled }) => ({ id, kind, enabled })),
    agentIds: agents.map((row) => row.id),
    memberships: members.map((row) => ({ groupId: row.group_id, agentId: row.agent_id })),
  };
}
