import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { BusinessHours, BusinessHoursSetting } from './business-hours.schemas';

const tags = ['Time rules'];

export const getBusinessHours = createRoute({
  method: 'get',
  path: '/services/{serviceId}/business-hours',
  tags,
  summary: "A service's business hours, or null when it works around the clock",
  request: { params: ServiceIdParams },
  responses: { 200: { description: 'The business hours', content: json(BusinessHoursSetting) }, ...errorResponses(401, 404) },
});

export const replaceBusinessHours = createRoute({
  method: 'put',
  path: '/services/{serviceId}/business-hours',
  tags,
  summary: "Set a service's business hours (admins)",
  description:
    'An unknown time zone, a malformed time, a window that ends before it starts or overlaps another on the same ' +
    'day is refused with 422 `business_hours.invalid`; `details.issues` gives each `path`, e.g. `["weekly",0,"end"]`.',
  request: { params: ServiceIdParams, body: { required: true, content: json(BusinessHours) } },
  responses: {
    200: { description: 'The business hours after the change', content: json(BusinessHoursSetting) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const deleteBusinessHours = createRoute({
  method: 'delete',
  path: '/services/{serviceId}/business-hours',
  tags,
  summary: 'Remove the business hours: the service works around the clock again (admins)',
  request: { params: ServiceIdParams },
  responses: { 204: { description: 'Around the clock' }, ...errorResponses(401, 403, 404) },
});
