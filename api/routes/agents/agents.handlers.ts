import { businessId } from '../../../domain/ids';
import {
  agentEmailTaken,
  canonicalPermissions,
  createAgent as insertAgent,
  findAgent,
  listAgents as queryAgents,
  updateAgent as changeAgent,
} from '../../../store/directory/agents';
import { findOrgGroupIds } from '../../../store/directory/groups';
import { isUniqueViolation } from '../../../store/errors';
import { actorIdOf, requireRole } from '../../auth/agent';
import { hashPassword } from '../../auth/password';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import type * as routes from './agents.routes';

const emailTaken = (email: string) =>
  new ApiError(409, 'agent.email_taken', `An agent with the email ${email} already exists.`, { email });

export const listAgents: AppRouteHandler<typeof routes.listAgents> = async (c) => {
  return c.json(await queryAgents(c.get('deps').sql, c.get('agent').orgId), 200);
};

export const getAgent: AppRouteHandler<typeof routes.getAgent> = async (c) => {
  const { id } = c.req.valid('param');
  const agent = await findAgent(c.get('deps').sql, c.get('agent').orgId, id);
  if (!agent) throw notFound('agent', id);
  return c.json(agent, 200);
};

export const createAgent: AppRouteHandler<typeof routes.createAgent> = async (c) => {
  const actor = c.get('agent');
  requireRole(actor, 'org_admin', 'admin');
  const body = c.req.valid('json');
  if (body.role === 'org_admin') requireRole(actor, 'org_admin');
  const { sql } = c.get('deps');

  const groupIds = await findOrgGroupIds(sql, actor.orgId, body.groupIds);
  const missing = body.groupIds.find((groupId) => !groupIds.includes(groupId));
  if (missing) throw invalidReference('groupIds', missing);
  if (await agentEmailTaken(sql, body.email)) throw emailTaken(body.email);

  const id = businessId('A');
  const permissions = canonicalPermissions(body.permissions);
  const passwordHash = await hashPassword(body.password);
  const account = { id, orgId: actor.orgId, email: body.email, name: body.name, role: body.role, permissions, passwordHash };
  await insertAgent(sql, { ...account, groupIds: body.groupIds }, actorIdOf(actor)).catch((error: unknown) => {
    if (isUniqueViolation(error, 'agents_email_key')) throw emailTaken(body.email);
    throw error;
  });
  return c.json((await findAgent(sql, actor.orgId, id))!, 201);
};

export const updateAgent: AppRouteHandler<typeof routes.updateAgent> = async (c) => {
  const actor = c.get('agent');
  requireRole(actor, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { sql } = c.get('deps');

  const changed = await changeAgent(sql, { orgId: actor.orgId, id, actorId: actorIdOf(actor) }, (before) => {
    if (before.role === 'org_admin' || body.role === 'org_admin') requireRole(actor, 'org_admin');
    // An admin who demotes or deactivates themselves could leave the organisation with nobody to undo it.
    if (id === actor.id && ((body.role && body.role !== before.role) || body.active === false)) {
      throw new ApiError(409, 'agent.self_change', 'You cannot change your own role or deactivate yourself; ask another admin.');
    }
    return {
      name: body.name ?? before.name,
      role: body.role ?? before.role,
      permissions: body.permissions ? canonicalPermissions(body.permissions) : before.permissions,
      active: body.active ?? before.active,
    };
  });
  if (!changed.ok) throw notFound('agent', id);

  return c.json((await findAgent(sql, actor.orgId, id))!, 200);
};
