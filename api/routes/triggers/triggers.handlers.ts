import { isDeepStrictEqual } from 'node:util';
import { businessId } from '../../../domain/ids';
import type { Sql, Tx } from '../../../store/db';
import { asJson } from '../../../store/json';
import {
  draftsWithStatus,
  findTrigger,
  insertTrigger,
  listDraftTriggers,
  lockServiceTriggers,
  nextTriggerPosition,
  saveTrigger,
  setTriggerPositions,
  softDeleteTrigger,
} from '../../../store/triggers';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { requireService } from '../../guards';
import { requireCompleteOrder } from '../../validation';
import type * as routes from './triggers.routes';
import type { Trigger } from './triggers.schemas';
import { requireKnownReferences, requireValidTrigger } from './triggers.validation';

export const listTriggers: AppRouteHandler<typeof routes.listTriggers> = async (c) => {
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json(await draftsWithStatus(sql, service.id), 200);
};

export const getTrigger: AppRouteHandler<typeof routes.getTrigger> = async (c) => {
  const { id } = c.req.valid('param');
  const found = await findTrigger(c.var.deps.sql, c.var.agent.orgId, id);
  if (!found) throw notFound('trigger', id);
  return c.json(found.trigger, 200);
};

export const createTrigger: AppRouteHandler<typeof routes.createTrigger> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const body = c.req.valid('json');
  const draft = requireValidTrigger({ ...body, id: businessId('R'), enabled: body.enabled ?? true, position: 0 });

  const trigger = await sql.begin(async (tx) => {
    await requireKnownReferences(tx, agent.orgId, service.id, draft);
    await lockServiceTriggers(tx, service.id);
    const created: Trigger = { ...draft, position: await nextTriggerPosition(tx, service.id) };
    await insertTrigger(tx, service.id, created, agent.id);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'trigger.created',
      target: created.id,
      details: { serviceId: service.id, after: asJson(created) },
    });
    return created;
  });
  return c.json(trigger, 201);
};

/** Runs `change` on a live trigger of the caller's organisation, under its service's trigger lock. */
async function withLockedTrigger<T>(
  sql: Sql,
  orgId: string,
  id: string,
  change: (tx: Tx, current: { serviceId: string; trigger: Trigger }) => Promise<T>,
): Promise<T> {
  const found = await findTrigger(sql, orgId, id);
  if (!found) throw notFound('trigger', id);
  return sql.begin(async (tx) => {
    await lockServiceTriggers(tx, found.serviceId);
    // Read again under the lock: the trigger may have been deleted or changed in between.
    const current = await findTrigger(tx, orgId, id, true);
    if (!current) throw notFound('trigger', id);
    return change(tx, current);
  }) as Promise<T>;
}

export const replaceTrigger: AppRouteHandler<typeof routes.replaceTrigger> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');

  const trigger = await withLockedTrigger(c.var.deps.sql, agent.orgId, id, async (tx, { serviceId, trigger: before }) => {
    const after = requireValidTrigger({ ...body, id, enabled: body.enabled ?? before.enabled, position: before.position });
    await requireKnownReferences(tx, agent.orgId, serviceId, after);
    if (isDeepStrictEqual(after, before)) return before;
    await saveTrigger(tx, after);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'trigger.replaced',
      target: id,
      details: { serviceId, before: asJson(before), after: asJson(after) },
    });
    return after;
  });
  return c.json(trigger, 200);
};

export const updateTrigger: AppRouteHandler<typeof routes.updateTrigger> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');

  const trigger = await withLockedTrigger(c.var.deps.sql, agent.orgId, id, async (tx, { serviceId, trigger: before }) => {
    const after = requireValidTrigger({
      ...before,
      title: changes.title ?? before.title,
      enabled: changes.enabled ?? before.enabled,
    });
    const changed = (['title', 'enabled'] as const).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return before;
    await saveTrigger(tx, after);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'trigger.updated',
      target: id,
      details: {
        serviceId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return after;
  });
  return c.json(trigger, 200);
};

export const deleteTrigger: AppRouteHandler<typeof routes.deleteTrigger> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');

  await withLockedTrigger(c.var.deps.sql, agent.orgId, id, async (tx, { serviceId, trigger }) => {
    if (trigger.enabled) {
      throw new ApiError(409, 'trigger.enabled', 'Disable the trigger before deleting it.', { id });
    }
    await softDeleteTrigger(tx, id);
    await writeAudit(tx, { actorId: agent.id, action: 'trigger.deleted', target: id, details: { serviceId, title: trigger.title } });
  });
  return c.body(null, 204);
};

export const reorderTriggers: AppRouteHandler<typeof routes.reorderTriggers> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { triggerIds } = c.req.valid('json');

  await sql.begin(async (tx) => {
    await lockServiceTriggers(tx, service.id);
    const current = (await listDraftTriggers(tx, service.id)).map((trigger) => trigger.id);
    requireCompleteOrder(
      current,
      triggerIds,
      'trigger.order_mismatch',
      'List every trigger of the service exactly once; reload the triggers if they changed meanwhile.',
    );
    if (await setTriggerPositions(tx, triggerIds)) {
      await writeAudit(tx, {
        actorId: agent.id,
        action: 'trigger.reordered',
        target: service.id,
        details: { before: current, after: triggerIds },
      });
    }
  });
  return c.json(await draftsWithStatus(sql, service.id), 200);
};
