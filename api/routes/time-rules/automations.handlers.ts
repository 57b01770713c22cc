import { isDeepStrictEqual } from 'node:util';
import { businessId } from '../../../domain/ids';
import { formatDuration, parseDuration } from '../../../rules/duration';
import { asJson } from '../../../store/json';
import {
  findAutomation,
  insertAutomation,
  listAutomations as listServiceAutomations,
  saveAutomation,
  softDeleteAutomation,
  type Automation,
} from '../../../store/time-rules/automations';
import { lockServiceTimeRules } from '../../../store/time-rules/config';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { requireService } from '../../guards';
import type * as routes from './automations.routes';
import type { AutomationBody } from './automations.schemas';
import { withLockedTimeRule } from './time-rules.lock';

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
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json({ automations: await listServiceAutomations(sql, service.id) }, 200);
};

export const createAutomation: AppRouteHandler<typeof routes.createAutomation> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const automation = automationFrom(c.req.valid('json'), { id: businessId('M'), serviceId: service.id, enabled: true });

  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, service.id);
    await insertAutomation(tx, automation);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'automation.created',
      target: automation.id,
      details: { serviceId: service.id, after: asJson(automation) },
    });
  });
  return c.json(automation, 201);
};

export const replaceAutomation: AppRouteHandler<typeof routes.replaceAutomation> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');

  const automation = await withLockedTimeRule(c.var.deps.sql, findAutomation, 'automation', agent.orgId, id, async (tx, before) => {
    const after = automationFrom(body, before);
    if (isDeepStrictEqual(after, before)) return before;
    await saveAutomation(tx, after);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'automation.replaced',
      target: id,
      details: { serviceId: before.serviceId, before: asJson(before), after: asJson(after) },
    });
    return after;
  });
  return c.json(automation, 200);
};

export const deleteAutomation: AppRouteHandler<typeof routes.deleteAutomation> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');

  await withLockedTimeRule(c.var.deps.sql, findAutomation, 'automation', agent.orgId, id, async (tx, automation) => {
    await softDeleteAutomation(tx, id);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'automation.deleted',
      target: id,
      details: { serviceId: automation.serviceId, kind: automation.kind, after: automation.after },
    });
  });
  return c.body(null, 204);
};
