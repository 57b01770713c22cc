import { businessId } from '../../../domain/ids';
import { formatDuration, parseDuration } from '../../../rules/duration';
import {
  createAutomation as insertAutomation,
  deleteAutomation as removeAutomation,
  listAutomations as listServiceAutomations,
  replaceAutomation as reviseAutomation,
  type Automation,
} from '../../../store/time-rules/automations';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './automations.routes';
import type { AutomationBody } from './automations.schemas';

/** The body with its duration parsed (the schema has checked it) and an omitted enabled flag filled in. */
function automationFrom(body: AutomationBody, kept: Pick<Automation, 'id' | 'serviceId' | 'enabled'>): Automation {
  const afterMs = parseDuration(body.after)!;
  return {
    id: kept.id,
    serviceId: kept.serviceId,
    kind: body.kind,
    after: formatDuration(afterMs),
    afterMs,
    enabled: body.enabled ?? kept.enabled,
  };
}

export const listAutomations: AppRouteHandler<typeof routes.listAutomations> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json({ automations: await listServiceAutomations(sql, service.id) }, 200);
};

export const createAutomation: AppRouteHandler<typeof routes.createAutomation> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const automation = automationFrom(c.req.valid('json'), { id: businessId('M'), serviceId: service.id, enabled: true });

  await insertAutomation(sql, automation, actorIdOf(agent));
  return c.json(automation, 201);
};

export const replaceAutomation: AppRouteHandler<typeof routes.replaceAutomation> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');

  const replaced = await reviseAutomation(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, (before) =>
    automationFrom(body, before),
  );
  if (!replaced.ok) throw notFound('automation', id);
  return c.json(replaced.value, 200);
};

export const deleteAutomation: AppRouteHandler<typeof routes.deleteAutomation> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');

  const deleted = await removeAutomation(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) throw notFound('automation', id);
  return c.body(null, 204);
};
