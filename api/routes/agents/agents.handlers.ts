import { businessId } from '../../../infra/ids';
import { isUniqueViolation, writeAudit, type AuditEntry } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import { hashPassword } from '../../auth/password';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { canonicalPermissions, findAgent, listAgents as queryAgents } from './agents.queries';
import type * as routes from './agents.routes';
import type { AgentAccount } from './agents.schemas';

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

  const groups = await sql<{ id: string }[]>`
    select g.id from groups g join services s on s.id = g.service_id where g.id = any(${body.groupIds}) and s.org_id = ${actor.orgId}`;
  const missing = body.groupIds.find((groupId) => !groups.some((group) => group.id === groupId));
  if (missing) throw invalidReference('groupIds', missing);
  const [existing] = await sql`select 1 from agents where lower(email) = lower(${body.email})`;
  if (existing) throw emailTaken(body.email);

  const id = businessId('A');
  const permissions = canonicalPermissions(body.permissions);
  const passwordHash = await hashPassword(body.password);
  await sql
    .begin(async (tx) => {
      await tx`
        insert into agents (id, org_id, email, name, role, permissions, password_hash)
        values (${id}, ${actor.orgId}, ${body.email}, ${body.name}, ${body.role}, ${permissions}, ${passwordHash})`;
      // One insert per group so the agent's groups keep the order given.
      for (const groupId of body.groupIds) await tx`insert into group_members (group_id, agent_id) values (${groupId}, ${id})`;
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
    const [before] = await tx<Pick<AgentAccount, 'name' | 'role' | 'permissions' | 'active'>[]>`
      select name, role, permissions, active from agents where id = ${id} and org_id = ${actor.orgId} for update`;
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

    await tx`
      update agents set name = ${after.name}, role = ${after.role}, permissions = ${after.permissions}, active = ${after.active}
      where id = ${id}`;
    for (const entry of entries) await writeAudit(tx, { ...entry, actorId: actor.id, target: id });
  });

  return c.json((await findAgent(sql, actor.orgId, id))!, 200);
};
