import { businessId } from '../../../domain/ids';
import { findOrgAgentIds } from '../../../store/directory/agents';
import {
  addGroupMember,
  agentsOnlyInGroup,
  findGroup,
  groupMemberIds,
  insertGroup,
  listGroups as queryGroups,
  lockAgents,
  lockGroup,
  removeGroupMembers,
} from '../../../store/directory/groups';
import { isUniqueViolation, writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
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
      const created = await insertGroup(tx, { id, serviceId: service.id, name });
      await writeAudit(tx, { actorId: agent.id, action: 'group.created', target: id, details: { after: { serviceId: service.id, name } } });
      return created;
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
    if (!(await lockGroup(tx, agent.orgId, id))) throw notFound('group', id);

    const knownIds = new Set(await findOrgAgentIds(tx, agent.orgId, agentIds));
    const unknown = agentIds.find((agentId) => !knownIds.has(agentId));
    if (unknown) throw invalidReference('agentIds', unknown);

    const current = await groupMemberIds(tx, id);
    const removed = current.filter((agentId) => !agentIds.includes(agentId));
    const added = agentIds.filter((agentId) => !current.includes(agentId));
    if (removed.length === 0 && added.length === 0) return;

    if (removed.length > 0) {
      // Locking the removed agents serialises this check with a concurrent removal from their other groups.
      await lockAgents(tx, removed);
      const strandedIds = await agentsOnlyInGroup(tx, id, removed);
      if (strandedIds.length > 0) {
        throw new ApiError(409, 'agent.group_required', 'Every agent must keep at least one group; add them to another group first.', {
          agentIds: strandedIds,
        });
      }
      await removeGroupMembers(tx, id, removed);
    }
    // One insert per agent so added_seq follows the order given.
    for (const agentId of added) await addGroupMember(tx, id, agentId);
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
