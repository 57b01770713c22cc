import { businessId } from '../../../infra/ids';
import { isUniqueViolation, writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../services/services.queries';
import { findGroup, listGroups as queryGroups } from './groups.queries';
import type * as routes from './groups.routes';

export const listGroups: AppRouteHandler<typeof routes.listGroups> = async (c) => {
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json(await queryGroups(sql, service.id), 200);
};

export const createGroup: AppRouteHandler<typeof routes.createGroup> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'org_admin', 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { name } = c.req.valid('json');
  const id = businessId('G');
  const group = await sql
    .begin(async (tx) => {
      const [row] = await tx<{ created_at: Date }[]>`
        insert into groups (id, service_id, name) values (${id}, ${service.id}, ${name}) returning created_at`;
      await writeAudit(tx, { actorId: agent.id, action: 'group.created', target: id, details: { after: { serviceId: service.id, name } } });
      return { id, serviceId: service.id, name, memberIds: [], createdAt: row.created_at.toISOString() };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'groups_service_id_name_key')) {
        throw new ApiError(409, 'group.name_taken', `The service already has a group named ${name}.`, { name });
      }
      throw error;
    });
  return c.json(group, 201);
};

export const replaceGroupMembers: AppRouteHandler<typeof routes.replaceGroupMembers> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'org_admin', 'admin');
  const { sql } = c.var.deps;
  const { id } = c.req.valid('param');
  const { agentIds } = c.req.valid('json');

  await sql.begin(async (tx) => {
    // Concurrent replacements of one group run one after the other.
    const [group] = await tx`
      select g.id from groups g join services s on s.id = g.service_id
      where g.id = ${id} and s.org_id = ${agent.orgId} for update of g`;
    if (!group) throw notFound('group', id);

    const known = await tx<{ id: string }[]>`select id from agents where id = any(${agentIds}) and org_id = ${agent.orgId}`;
    const knownIds = new Set(known.map((row) => row.id));
    const unknown = agentIds.find((agentId) => !knownIds.has(agentId));
    if (unknown) throw invalidReference('agentIds', unknown);

    const current = (await tx<{ agent_id: string }[]>`
      select agent_id from group_members where group_id = ${id} order by added_seq`).map((row) => row.agent_id);
    const removed = current.filter((agentId) => !agentIds.includes(agentId));
    const added = agentIds.filter((agentId) => !current.includes(agentId));
    if (removed.length === 0 && added.length === 0) return;

    if (removed.length > 0) {
      // Locking the removed agents serialises this check with a concurrent removal from their other groups.
      await tx`select id from agents where id = any(${removed}) order by id for update`;
      const stranded = await tx<{ agent_id: string }[]>`
        select agent_id from unnest(${removed}::text[]) as r(agent_id)
        where not exists (select 1 from group_members m where m.agent_id = r.agent_id and m.group_id <> ${id})`;
      if (stranded.length > 0) {
        const strandedIds = stranded.map((row) => row.agent_id);
        throw new ApiError(409, 'agent.group_required', 'Every agent must keep at least one group; add them to another group first.', {
          agentIds: strandedIds,
        });
      }
      await tx`delete from group_members where group_id = ${id} and agent_id = any(${removed})`;
    }
    // One insert per agent so added_seq follows the order given.
    for (const agentId of added) await tx`insert into group_members (group_id, agent_id) values (${id}, ${agentId})`;
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'group.members_changed',
      target: id,
      details: { before: current, after: [...current.filter((agentId) => !removed.includes(agentId)), ...added], added, removed },
    });
  });

  const group = await findGroup(sql, agent.orgId, id);
  if (!group) throw notFound('group', id);
  return c.json(group, 200);
};
