import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { IvrRoute, IvrRouteBody, IvrRouteListQuery, IvrRouteParams, IvrRouteUpdateBody } from './ivr-routes.schemas';

const tags = ['Callbacks'];

export const listIvrRoutes = createRoute({
  method: 'get',
  path: '/ivr-routes',
  tags,
  summary: 'IVR routes, by code',
  request: { query: IvrRouteListQuery },
  responses: { 200: { description: 'The routes', content: json(z.array(IvrRoute)) }, ...errorResponses(401, 403) },
});

export const createIvrRoute = createRoute({
  method: 'post',
  path: '/ivr-routes',
  tags,
  summary: 'Add an IVR route (admins)',
  request: { body: { required: true, content: json(IvrRouteBody) } },
  responses: { 201: { description: 'The route', content: json(IvrRoute) }, ...errorResponses(400, 401, 403, 409, 422) },
});

export const updateIvrRoute = createRoute({
  method: 'put',
  path: '/ivr-routes/{id}',
  tags,
  summary: 'Change an IVR route (admins)',
  request: { params: IvrRouteParams, body: { required: true, content: json(IvrRouteUpdateBody) } },
  responses: { 200: { description: 'The route', content: json(IvrRoute) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const deleteIvrRoute = createRoute({
  method: 'delete',
  path: '/ivr-routes/{id}',
  tags,
  summary: 'Delete an IVR route (admins); its requests keep naming it',
  request: { params: IvrRouteParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});
