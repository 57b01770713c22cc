import { isDeepStrictEqual } from 'node:util';
import { asJson } from '../../../store/json';
import { loadBusinessHours, deleteBusinessHours as removeBusinessHours, saveBusinessHours } from '../../../store/time-rules/business-hours';
import { lockServiceTimeRules } from '../../../store/time-rules/config';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { requireService } from '../../guards';
import type * as routes from './business-hours.routes';

export const getBusinessHours: AppRouteHandler<typeof routes.getBusinessHours> = async (c) => {
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json({ serviceId: service.id, businessHours: await loadBusinessHours(sql, service.id) }, 200);
};

export const replaceBusinessHours: AppRouteHandler<typeof routes.replaceBusinessHours> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const after = c.req.valid('json');

  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, service.id);
    const before = await loadBusinessHours(tx, service.id);
    if (isDeepStrictEqual(before, after)) return;
    await saveBusinessHours(tx, service.id, after);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'business_hours.replaced',
      target: service.id,
      details: { before: asJson(before), after: asJson(after) },
    });
  });
  return c.json({ serviceId: service.id, businessHours: after }, 200);
};

export const deleteBusinessHours: AppRouteHandler<typeof routes.deleteBusinessHours> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);

  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, service.id);
    const before = await loadBusinessHours(tx, service.id);
    if (!before || !(await removeBusinessHours(tx, service.id))) return;
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'business_hours.deleted',
      target: service.id,
      details: { before: asJson(before) },
    });
  });
  return c.body(null, 204);
};
