import { businessId } from '../../../domain/ids';
import { formatDuration, parseDuration } from '../../../rules/duration';
import type { Sql } from '../../../store/db';
import {
  createIvrRoute as insertIvrRoute,
  deleteIvrRoute as retireIvrRoute,
  findIvrRoute,
  listIvrRoutes as loadIvrRoutes,
  updateIvrRoute as replaceIvrRoute,
  type IvrRoute as StoredRoute,
} from '../../../store/ivr-routes';
import { findServiceCategory } from '../../../store/tickets';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './ivr-routes.routes';

const view = (route: StoredRoute) => ({
  id: route.id,
  serviceId: route.serviceId,
  code: route.code,
  name: route.name,
  intakeTypeId: route.intakeTypeId,
  unassignedAfter: formatDuration(route.unassignedAfterMs),
  dueAfter: formatDuration(route.dueAfterMs),
  escalateAfter: formatDuration(route.escalateAfterMs),
  createdAt: route.createdAt,
});

const codeTaken = (code: string) => new ApiError(409, 'ivr_route.code_taken', `The IVR route code ${code} is already in use.`, { code });

async function requireIntakeType(sql: Sql, serviceId: string, intakeTypeId: string | null): Promise<void> {
  if (!intakeTypeId) return;
  const category = await findServiceCategory(sql, intakeTypeId, serviceId, 'intake');
  if (!category) throw invalidReference('intakeTypeId', intakeTypeId, 'is not an intake type of this service');
}

const thresholds = (body: { unassignedAfter: string; dueAfter: string; escalateAfter: string }) => ({
  unassignedAfterMs: parseDuration(body.unassignedAfter)!,
  dueAfterMs: parseDuration(body.dueAfter)!,
  escalateAfterMs: parseDuration(body.escalateAfter)!,
});

export const listIvrRoutes: AppRouteHandler<typeof routes.listIvrRoutes> = async (c) => {
  const agent = c.get('agent');
  if (agent.role === 'org_admin') throw new ApiError(403, 'callback.forbidden', 'IVR routes belong to the callback work of admins and agents.');
  return c.json((await loadIvrRoutes(c.get('deps').sql, agent.orgId, c.req.valid('query').serviceId)).map(view), 200);
};

export const createIvrRoute: AppRouteHandler<typeof routes.createIvrRoute> = async (c) => {
  const { sql } = c.get('deps');
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const body = c.req.valid('json');
  await requireService(sql, agent.orgId, body.serviceId).catch(() => {
    throw invalidReference('serviceId', body.serviceId);
  });
  await requireIntakeType(sql, body.serviceId, body.intakeTypeId);
  const route = await insertIvrRoute(
    sql,
    agent.orgId,
    { id: businessId('R'), serviceId: body.serviceId, code: body.code, name: body.name, intakeTypeId: body.intakeTypeId, ...thresholds(body) },
    agent.apiClient?.id ?? agent.id,
  );
  if (!route) throw codeTaken(body.code);
  return c.json(view(route), 201);
};

export const updateIvrRoute: AppRouteHandler<typeof routes.updateIvrRoute> = async (c) => {
  const { sql } = c.get('deps');
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const existing = await findIvrRoute(sql, agent.orgId, id);
  if (!existing) throw notFound('ivr_route', id);
  const body = c.req.valid('json');
  await requireIntakeType(sql, existing.serviceId, body.intakeTypeId);
  const route = await replaceIvrRoute(
    sql,
    agent.orgId,
    { id, code: body.code, name: body.name, intakeTypeId: body.intakeTypeId, ...thresholds(body) },
    agent.apiClient?.id ?? agent.id,
  );
  if (!route) throw codeTaken(body.code);
  return c.json(view(route), 200);
};

export const deleteIvrRoute: AppRouteHandler<typeof routes.deleteIvrRoute> = async (c) => {
  const { sql } = c.get('deps');
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  if (!(await findIvrRoute(sql, agent.orgId, id))) throw notFound('ivr_route', id);
  await retireIvrRoute(sql, agent.orgId, id, agent.apiClient?.id ?? agent.id);
  return c.body(null, 204);
};
