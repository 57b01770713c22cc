import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { NewServiceBody, Service, ServiceParams } from './services.schemas';

const tags = ['Services'];

export const listServices = createRoute({
  method: 'get',
  path: '/services',
  tags,
  summary: "The caller's organisation's services",
  responses: { 200: { description: 'Services, oldest first', content: json(z.array(Service)) }, ...errorResponses(401) },
});

export const createService = createRoute({
  method: 'post',
  path: '/services',
  tags,
  summary: 'Create a consultation or issue service (admins and organisation admins)',
  request: { body: { required: true, content: json(NewServiceBody) } },
  responses: {
    201: { description: 'The new service', content: json(Service) },
    ...errorResponses(400, 401, 403, 409, 413),
  },
});

export const getService = createRoute({
  method: 'get',
  path: '/services/{id}',
  tags,
  request: { params: ServiceParams },
  responses: { 200: { description: 'The service', content: json(Service) }, ...errorResponses(401, 404) },
});
