import { businessId } from '../../../domain/ids';
import { formatDuration, parseDuration } from '../../../rules/duration';
import {
  createSlaPolicy as insertSlaPolicy,
  deleteSlaPolicy as removeSlaPolicy,
  findSlaPolicy,
  listSlaPolicies as listPolicies,
  reorderSlaPolicies as setSlaPolicyOrder,
  replaceSlaPolicy as reviseSlaPolicy,
  type SlaPolicy,
} from '../../../store/time-rules/sla-policies';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { notFound } from '../../errors';
import { requireService } from '../../guards';
import { requireCompleteOrder } from '../../validation';
import type * as routes from './sla-policies.routes';
import { DEFAULT_AT_RISK_RATIO, type SlaPolicyBody } from './sla-policies.schemas';
import { requireValidSlaPolicy } from './time-rules.validation';
import { requireTicketAccess } from '../../access';
import { matchPolicy } from '../../../rules/sla-policies';
import { slaTargetStates } from '../../../rules/time-rules';
import { loadTimeRuleConfig } from '../../../store/time-rules/config';
import { loadTicketTimeline } from '../../../store/time-rules/timeline';
import { loadTicketSnapshot } from '../../../store/ticket-snapshot';

/** The body's durations parsed (the schema has checked them) and its omissions filled in. */
function policyFrom(body: SlaPolicyBody, kept: Pick<SlaPolicy, 'id' | 'serviceId' | 'position' | 'enabled'>): SlaPolicy {
  const target = (duration: string | null | undefined) => {
    const ms = duration == null ? null : parseDuration(duration);
    return { text: ms === null ? null : formatDuration(ms), ms };
  };
  const firstResponse = target(body.firstResponse);
  const resolution = target(body.resolution);
  return {
    id: kept.id,
    serviceId: kept.serviceId,
    title: body.title,
    enabled: body.enabled ?? kept.enabled,
    position: kept.position,
    priority: body.priority ?? null,
    intakeTypeId: body.intakeTypeId ?? null,
    firstResponse: firstResponse.text,
    firstResponseMs: firstResponse.ms,
    resolution: resolution.text,
    resolutionMs: resolution.ms,
    atRiskRatio: body.atRiskRatio ?? DEFAULT_AT_RISK_RATIO,
    onAtRisk: body.onAtRisk,
    onBreach: body.onBreach,
  };
}

export const listSlaPolicies: AppRouteHandler<typeof routes.listSlaPolicies> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json({ policies: await listPolicies(sql, service.id) }, 200);
};

export const getSlaPolicy: AppRouteHandler<typeof routes.getSlaPolicy> = async (c) => {
  const { id } = c.req.valid('param');
  const policy = await findSlaPolicy(c.get('deps').sql, c.get('agent').orgId, id);
  if (!policy) throw notFound('sla_policy', id);
  return c.json(policy, 200);
};

export const createSlaPolicy: AppRouteHandler<typeof routes.createSlaPolicy> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const draft = policyFrom(c.req.valid('json'), { id: businessId('P'), serviceId: service.id, position: 0, enabled: true });

  await requireValidSlaPolicy(sql, agent.orgId, service.id, draft);
  const policy = await insertSlaPolicy(sql, draft, actorIdOf(agent));
  return c.json(policy, 201);
};

export const replaceSlaPolicy: AppRouteHandler<typeof routes.replaceSlaPolicy> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');

  const replaced = await reviseSlaPolicy(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, async (before, db) => {
    const after = policyFrom(body, before);
    await requireValidSlaPolicy(db, agent.orgId, before.serviceId, after);
    return after;
  });
  if (!replaced.ok) throw notFound('sla_policy', id);
  return c.json(replaced.value, 200);
};

export const deleteSlaPolicy: AppRouteHandler<typeof routes.deleteSlaPolicy> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');

  const deleted = await removeSlaPolicy(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) throw notFound('sla_policy', id);
  return c.body(null, 204);
};

export const reorderSlaPolicies: AppRouteHandler<typeof routes.reorderSlaPolicies> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { policyIds } = c.req.valid('json');

  const policies = await setSlaPolicyOrder(sql, service.id, policyIds, actorIdOf(agent), (current) =>
    requireCompleteOrder(
      current,
      policyIds,
      'sla.order_mismatch',
      'List every SLA policy of the service exactly once; reload the policies if they changed meanwhile.',
    ),
  );
  return c.json({ policies }, 200);
};

export const ticketSla: AppRouteHandler<typeof routes.ticketSla> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  const { serviceId, ...snapshot } = await loadTicketSnapshot(sql, ticket.id);
  const config = await loadTimeRuleConfig(sql, serviceId);
  const policy = matchPolicy(config.policies, snapshot);
  if (!policy) return c.json({ policy: null, targets: [] }, 200);
  const timeline = await loadTicketTimeline(sql, ticket.id, snapshot.status, snapshot.createdAt);
  const targets = slaTargetStates({ timeline, sla: policy, hours: config.businessHours, now: new Date() });
  return c.json({ policy: { id: policy.id, title: policy.title }, targets }, 200);
};
