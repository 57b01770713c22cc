import { businessId } from '../../../domain/ids';
import {
  createGroup as insertGroup,
  deleteGroup as removeGroup,
  findGroup,
  renameGroup,
  listGroups as queryGroups,
  replaceGroupMembers as setGroupMembers,
} from '../../../store/directory/groups';
import { isUniqueViolation } from '../../../store/errors';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './groups.routes';

export const listGroups: AppRouteHandler<typeof routes.listGroups> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json(await queryGroups(sql, service.id), 200);
};

const nameTaken = (name: string) => new ApiError(409, 'group.name_taken', `The service already has a group named ${name}.`, { name });

export const createGroup: AppRouteHandler<typeof routes.createGroup> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { name } = c.req.valid('json');
  const id = businessId('G');
  const group = await insertGroup(sql, { id, serviceId: service.id, name }, actorIdOf(agent)).catch((error: unknown) => {
    if (isUniqueViolation(error, 'groups_service_id_name_key')) {
      throw nameTaken(name);
    }
    throw error;
  });
  return c.json(group, 201);
};

export const replaceGroupMembers: AppRouteHandler<typeof routes.replaceGroupMembers> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const { agentIds } = c.req.valid('json');

  const replaced = await setGroupMembers(sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, agentIds);
  if (!replaced.ok) {
    switch (replaced.reason) {
      case 'not_found':
        throw notFound('group', id);
      case 'unknown_agent':
        throw invalidReference('agentIds', replaced.agentId);
      case 'group_required':
        throw new ApiError(409, 'agent.group_required', 'Every agent must keep at least one group; add them to another group first.', {
          agentIds: replaced.agentIds,
        });
    }
  }

  const group = await findGroup(sql, agent.orgId, id);
  if (!group) throw notFound('group', id);
  return c.json(group, 200);
};

export const updateGroup: AppRouteHandler<typeof routes.updateGroup> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const { name } = c.req.valid('json');
  const renamed = await renameGroup(sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, name).catch((error: unknown) => {
    if (isUniqueViolation(error, 'groups_service_id_name_key')) throw nameTaken(name);
    throw error;
  });
  if (!renamed.ok) throw notFound('group', id);
  return c.json((await findGroup(sql, agent.orgId, id))!, 200);
};

export const deleteGroup: AppRouteHandler<typeof routes.deleteGroup> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  const deleted = await removeGroup(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) {
    switch (deleted.reason) {
      case 'not_found':
        throw notFound('group', id);
      case 'in_use':
        throw new ApiError(409, 'group.in_use', 'Tickets or triggers still name this group; forward its tickets or change the triggers first.', {
          tickets: deleted.tickets,
          triggerIds: deleted.triggerIds,
        });
      case 'group_required':
        throw new ApiError(409, 'agent.group_required', 'Every agent must keep at least one group; add them to another group first.', {
          agentIds: deleted.agentIds,
        });
    }
  }
  return c.body(null, 204);
};
