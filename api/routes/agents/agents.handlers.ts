import { businessId } from '../../../domain/ids';
import {
  agentEmailTaken,
  findAgent,
  insertAgent,
  listAgents as queryAgents,
  lockAgentSettings,
  saveAgentSettings,
} from '../../../store/directory/agents';
import { addGroupMember, findOrgGroupIds } from '../../../store/directory/groups';
import { PERMISSIONS, type Permission } from '../../../domain/people';
import { isUniqueViolation, writeAudit, type AuditEntry } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import { hashPassword } from '../../auth/password';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import type * as routes from './agents.routes';

/** Permissions without repeats, in their canonical order, so before/after in the audit log compare cleanly. */
const canonicalPermissions = (permissions: Permission[]): Permission[] =>
  PERMISSIONS.filter((permission) => permissions.includes(permission));

const emailTaken = (email: string) =>
  new ApiError(409, 'agent.email_taken', `An agent with the email ${email} already exists.`, { email });

export const listAgents: AppRouteHandler<typeof routes.listAgents> = async (c) => {
  return c.json(await queryAgents(c.var.deps.sql, c.var.agent.orgId), 200);
};

export const getAgent: AppRouteHandler<typeof routes.getAgent> = async (c) => {
  const { id } = c.req.valid('param');
  const agent = await findAgent(c.var.deps.sql, c.var.agent.orgId, id);
  if (!agent) throw notFound('agent', id);
  return c.json(agent, 200);
};

export const createAgent: AppRouteHandler<typeof routes.createAgent> = async (c) => {
  const actor = c.var.agent;
  requireRole(actor, 'org_admin', 'admin');
  const body = c.req.valid('json');
  if (body.role === 'org_admin') requireRole(actor, 'org_admin');
  const { sql } = c.var.deps;

  const groupIds = await findOrgGroupIds(sql, actor.orgId, body.groupIds);
  const missing = body.groupIds.find((groupId) => !groupIds.includes(groupId));
  if (missing) throw invalidReference('groupIds', missing);
  if (await agentEmailTaken(sql, body.email)) throw emailTaken(body.email);

  const id = businessId('A');
  const permissions = canonicalPermissions(body.permissions);
  const passwordHash = await hashPassword(body.password);
  await sql
    .begin(async (tx) => {
      await insertAgent(tx, { id, orgId: actor.orgId, email: body.email, name: body.name, role: body.role, permissions, passwordHash });
      // One insert per group so the agent's groups keep the order given.
      for (const groupId of body.groupIds) await addGroupMember(tx, groupId, id);
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'agent.created',
        target: id,
        details: { after: { email: body.email, name: body.name, role: body.role, permissions, groupIds: body.groupIds } },
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'agents_email_key')) throw emailTaken(body.email);
      throw error;
    });
  return c.json((await findAgent(sql, actor.orgId, id))!, 201);
};

export const updateAgent: AppRouteHandler<typeof routes.updateAgent> = async (c) => {
  const actor = c.var.agent;
  requireRole(actor, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { sql } = c.var.deps;

  await sql.begin(async (tx) => {
    const before = await lockAgentSettings(tx, actor.orgId, id);
    if (!before) throw notFound('agent', id);
    if (before.role === 'org_admin' || body.role === 'org_admin') requireRole(actor, 'org_admin');
    // An admin who demotes or deactivates themselves could leave the organisation with nobody to undo it.
    if (id === actor.id && ((body.role && body.role !== before.role) || body.active === false)) {
      throw new ApiError(409, 'agent.self_change', 'You cannot change your own role or deactivate yourself; ask another admin.');
    }

    const after = {
      name: body.name ?? before.name,
      role: body.role ?? before.role,
      permissions: body.permissions ? canonicalPermissions(body.permissions) : before.permissions,
      active: body.active ?? before.active,
    };
    const entries: Omit<AuditEntry, 'actorId' | 'target'>[] = [];
    if (after.name !== before.name) entries.push({ action: 'agent.renamed', details: { before: before.name, after: after.name } });
    if (after.role !== before.role) entries.push({ action: 'agent.role_changed', details: { before: before.role, after: after.role } });
    if (after.permissions.join() !== canonicalPermissions(before.permissions).join()) {
      entries.push({ action: 'agent.permissions_changed', details: { before: before.permissions, after: after.permissions } });
    }
    if (after.active !== before.active) {
      entries.push({ action: after.active ? 'agent.reactivated' : 'agent.deactivated', details: { before: before.active, after: after.active } });
    }
    if (entries.length === 0) return;

    await saveAgentSettings(tx, id, after);
    for (const entry of entries) await writeAudit(tx, { ...entry, actorId: actor.id, target: id });
  });

  return c.json((await findAgent(sql, actor.orgId, id))!, 200);
};
