import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Automation, AutomationBody, AutomationList, AutomationParams } from './automations.schemas';

const tags = ['Time rules'];

const INVALID_AUTOMATION =
  'An unknown kind or a bad duration is refused with 422 `automation.invalid`; `details.issues` gives each `path`.';

export const listAutomations = createRoute({
  method: 'get',
  path: '/services/{serviceId}/automations',
  tags,
  summary: "A service's automations, oldest first",
  request: { params: ServiceIdParams },
  responses: { 200: { description: 'The automations', content: json(AutomationList) }, ...errorResponses(401, 404) },
});

export const createAutomation = createRoute({
  method: 'post',
  path: '/services/{serviceId}/automations',
  tags,
  summary: 'Add an automation (admins)',
  description: INVALID_AUTOMATION,
  request: { params: ServiceIdParams, body: { required: true, content: json(AutomationBody) } },
  responses: {
    201: { description: 'The new automation', content: json(Automation) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const replaceAutomation = createRoute({
  method: 'put',
  path: '/automations/{id}',
  tags,
  summary: "Replace an automation's kind, duration and enabled flag (admins)",
  description: INVALID_AUTOMATION,
  request: { params: AutomationParams, body: { required: true, content: json(AutomationBody) } },
  responses: {
    200: { description: 'The automation after the change', content: json(Automation) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const deleteAutomation = createRoute({
  method: 'delete',
  path: '/automations/{id}',
  tags,
  summary: 'Delete an automation (admins)',
  request: { params: AutomationParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});
