import { businessId } from '../../../domain/ids';
import {
  createTrigger as insertTrigger,
  deleteTrigger as removeTrigger,
  draftsWithStatus,
  findTrigger,
  reorderTriggers as setTriggerOrder,
  replaceTrigger as reviseTrigger,
  updateTrigger as changeTrigger,
} from '../../../store/triggers';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { requireService } from '../../guards';
import { requireCompleteOrder } from '../../validation';
import type * as routes from './triggers.routes';
import { requireKnownReferences, requireValidTrigger } from './triggers.validation';

export const listTriggers: AppRouteHandler<typeof routes.listTriggers> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json(await draftsWithStatus(sql, service.id), 200);
};

export const getTrigger: AppRouteHandler<typeof routes.getTrigger> = async (c) => {
  const { id } = c.req.valid('param');
  const found = await findTrigger(c.get('deps').sql, c.get('agent').orgId, id);
  if (!found) throw notFound('trigger', id);
  return c.json(found.trigger, 200);
};

export const createTrigger: AppRouteHandler<typeof routes.createTrigger> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const body = c.req.valid('json');
  const draft = requireValidTrigger({ ...body, id: businessId('R'), enabled: body.enabled ?? true, position: 0 });

  await requireKnownReferences(sql, agent.orgId, service.id, draft);
  const trigger = await insertTrigger(sql, service.id, draft, actorIdOf(agent));
  return c.json(trigger, 201);
};

export const replaceTrigger: AppRouteHandler<typeof routes.replaceTrigger> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');

  const replaced = await reviseTrigger(
    c.get('deps').sql,
    { orgId: agent.orgId, id, actorId: actorIdOf(agent) },
    async ({ serviceId, trigger: before }, db) => {
      const after = requireValidTrigger({ ...body, id, enabled: body.enabled ?? before.enabled, position: before.position });
      await requireKnownReferences(db, agent.orgId, serviceId, after);
      return after;
    },
  );
  if (!replaced.ok) throw notFound('trigger', id);
  return c.json(replaced.value, 200);
};

export const updateTrigger: AppRouteHandler<typeof routes.updateTrigger> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');

  const updated = await changeTrigger(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, (before) =>
    requireValidTrigger({
      ...before,
      title: changes.title ?? before.title,
      enabled: changes.enabled ?? before.enabled,
    }),
  );
  if (!updated.ok) throw notFound('trigger', id);
  return c.json(updated.value, 200);
};

export const deleteTrigger: AppRouteHandler<typeof routes.deleteTrigger> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');

  const deleted = await removeTrigger(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) {
    switch (deleted.reason) {
      case 'not_found':
        throw notFound('trigger', id);
      case 'enabled':
        throw new ApiError(409, 'trigger.enabled', 'Disable the trigger before deleting it.', { id });
    }
  }
  return c.body(null, 204);
};

export const reorderTriggers: AppRouteHandler<typeof routes.reorderTriggers> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { triggerIds } = c.req.valid('json');

  await setTriggerOrder(sql, service.id, triggerIds, actorIdOf(agent), (current) =>
    requireCompleteOrder(
      current,
      triggerIds,
      'trigger.order_mismatch',
      'List every trigger of the service exactly once; reload the triggers if they changed meanwhile.',
    ),
  );
  return c.json(await draftsWithStatus(sql, service.id), 200);
};
