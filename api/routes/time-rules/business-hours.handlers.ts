import {
  loadBusinessHours,
  deleteBusinessHours as removeBusinessHours,
  replaceBusinessHours as saveBusinessHours,
} from '../../../store/time-rules/business-hours';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { requireService } from '../../guards';
import type * as routes from './business-hours.routes';

export const getBusinessHours: AppRouteHandler<typeof routes.getBusinessHours> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json({ serviceId: service.id, businessHours: await loadBusinessHours(sql, service.id) }, 200);
};

export const replaceBusinessHours: AppRouteHandler<typeof routes.replaceBusinessHours> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const after = c.req.valid('json');

  await saveBusinessHours(sql, service.id, after, actorIdOf(agent));
  return c.json({ serviceId: service.id, businessHours: after }, 200);
};

export const deleteBusinessHours: AppRouteHandler<typeof routes.deleteBusinessHours> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);

  await removeBusinessHours(sql, service.id, actorIdOf(agent));
  return c.body(null, 204);
};
