import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Trigger, TriggerBody, TriggerChangesBody, TriggerList, TriggerOrderBody, TriggerParams } from './triggers.schemas';

const tags = ['Triggers'];

const INVALID_TRIGGER =
  'A bad rule definition (unknown field, operator not applicable to the field, wrong value type, no results, a group ' +
  'or category the service does not have) is refused with 422 `trigger.invalid`; `details.issues` lists each ' +
  'offending `path`, e.g. `["conditions","all",0,"field"]`, and for an unknown field or an operator the field does not ' +
  'allow, `allowed`: the valid names. `GET /rules/catalogue` lists the fields, operators and results.';

export const listTriggers = createRoute({
  method: 'get',
  path: '/services/{serviceId}/triggers',
  tags,
  summary: "A service's draft triggers, in the order they run, and whether they differ from the published version",
  request: { params: ServiceIdParams },
  responses: { 200: { description: 'The drafts', content: json(TriggerList) }, ...errorResponses(401, 404) },
});

export const createTrigger = createRoute({
  method: 'post',
  path: '/services/{serviceId}/triggers',
  tags,
  summary: 'Add a draft trigger at the end of the order (admins)',
  description: `Takes effect when the rule set is published. ${INVALID_TRIGGER}`,
  request: { params: ServiceIdParams, body: { required: true, content: json(TriggerBody) } },
  responses: {
    201: { description: 'The new trigger', content: json(Trigger) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const reorderTriggers = createRoute({
  method: 'put',
  path: '/services/{serviceId}/triggers/order',
  tags,
  summary: "Set the order a service's triggers run in (admins)",
  description: 'The list must name every trigger of the service exactly once, or the request is refused with 422 `trigger.order_mismatch`.',
  request: { params: ServiceIdParams, body: { required: true, content: json(TriggerOrderBody) } },
  responses: {
    200: { description: 'The drafts in their new order', content: json(TriggerList) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const getTrigger = createRoute({
  method: 'get',
  path: '/triggers/{id}',
  tags,
  request: { params: TriggerParams },
  responses: { 200: { description: 'The draft trigger', content: json(Trigger) }, ...errorResponses(401, 404) },
});

export const replaceTrigger = createRoute({
  method: 'put',
  path: '/triggers/{id}',
  tags,
  summary: "Replace a draft trigger's title, enabled flag, events, conditions and results (admins)",
  description: INVALID_TRIGGER,
  request: { params: TriggerParams, body: { required: true, content: json(TriggerBody) } },
  responses: {
    200: { description: 'The trigger after the change', content: json(Trigger) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const updateTrigger = createRoute({
  method: 'patch',
  path: '/triggers/{id}',
  tags,
  summary: 'Rename, enable or disable a draft trigger (admins)',
  request: { params: TriggerParams, body: { required: true, content: json(TriggerChangesBody) } },
  responses: {
    200: { description: 'The trigger after the change', content: json(Trigger) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const deleteTrigger = createRoute({
  method: 'delete',
  path: '/triggers/{id}',
  tags,
  summary: 'Delete a disabled draft trigger (admins)',
  description: 'A trigger must be disabled first; deleting an enabled one is refused with 409 `trigger.enabled`.',
  request: { params: TriggerParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});
