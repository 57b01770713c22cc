import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams, TicketIdParams } from '../../params';
import { SlaPolicy, SlaPolicyBody, SlaPolicyList, SlaPolicyOrderBody, SlaPolicyParams, TicketSla } from './sla-policies.schemas';

const tags = ['Time rules'];

const INVALID_POLICY =
  'A policy without a target is refused with 422 `sla.no_target`. A bad duration, a result an SLA policy cannot run ' +
  '(only notifyEmail, assign, forwardToGroup, setPriority, addTags, callbackUrl, doorayNotify), or a group, agent or ' +
  'intake type the service does not have is refused with 422 `sla.invalid`; `details.issues` gives each `path`, ' +
  'e.g. `["onBreach",0,"type"]`.';

export const listSlaPolicies = createRoute({
  method: 'get',
  path: '/services/{serviceId}/sla-policies',
  tags,
  summary: "A service's SLA policies, in the order they are matched",
  request: { params: ServiceIdParams },
  responses: { 200: { description: 'The policies', content: json(SlaPolicyList) }, ...errorResponses(401, 404) },
});

export const createSlaPolicy = createRoute({
  method: 'post',
  path: '/services/{serviceId}/sla-policies',
  tags,
  summary: 'Add an SLA policy at the end of the order (admins)',
  description: INVALID_POLICY,
  request: { params: ServiceIdParams, body: { required: true, content: json(SlaPolicyBody) } },
  responses: {
    201: { description: 'The new policy', content: json(SlaPolicy) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const reorderSlaPolicies = createRoute({
  method: 'put',
  path: '/services/{serviceId}/sla-policies/order',
  tags,
  summary: "Set the order a service's SLA policies are matched in (admins)",
  description: 'The list must name every policy of the service exactly once, or the request is refused with 422 `sla.order_mismatch`.',
  request: { params: ServiceIdParams, body: { required: true, content: json(SlaPolicyOrderBody) } },
  responses: {
    200: { description: 'The policies in their new order', content: json(SlaPolicyList) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const getSlaPolicy = createRoute({
  method: 'get',
  path: '/sla-policies/{id}',
  tags,
  request: { params: SlaPolicyParams },
  responses: { 200: { description: 'The policy', content: json(SlaPolicy) }, ...errorResponses(401, 404) },
});

export const replaceSlaPolicy = createRoute({
  method: 'put',
  path: '/sla-policies/{id}',
  tags,
  summary: 'Replace an SLA policy, keeping its id and position (admins)',
  description: INVALID_POLICY,
  request: { params: SlaPolicyParams, body: { required: true, content: json(SlaPolicyBody) } },
  responses: {
    200: { description: 'The policy after the change', content: json(SlaPolicy) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const deleteSlaPolicy = createRoute({
  method: 'delete',
  path: '/sla-policies/{id}',
  tags,
  summary: 'Delete an SLA policy (admins)',
  request: { params: SlaPolicyParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});

export const ticketSla = createRoute({
  method: 'get',
  path: '/tickets/{id}/sla',
  tags,
  summary: "Where the ticket's SLA targets stand: met, running, paused on hold, at risk or breached, and when each falls due",
  request: { params: TicketIdParams },
  responses: { 200: { description: 'The SLA clocks', content: json(TicketSla) }, ...errorResponses(401, 403, 404) },
});
