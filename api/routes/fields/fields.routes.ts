import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Field, FieldChangesBody, FieldList, FieldListQuery, FieldParams, NewFieldBody } from './fields.schemas';

const tags = ['Fields'];

export const listFields = createRoute({
  method: 'get',
  path: '/services/{serviceId}/fields',
  tags,
  summary: "A service's system, customer and agent fields (필드 관리), in order",
  request: { params: ServiceIdParams, query: FieldListQuery },
  responses: { 200: { description: 'The fields', content: json(FieldList) }, ...errorResponses(400, 401, 404) },
});

export const createField = createRoute({
  method: 'post',
  path: '/services/{serviceId}/fields',
  tags,
  summary: 'Add a customer or agent field (admins)',
  request: { params: ServiceIdParams, body: { required: true, content: json(NewFieldBody) } },
  responses: { 201: { description: 'The new field', content: json(Field) }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const updateField = createRoute({
  method: 'patch',
  path: '/fields/{id}',
  tags,
  summary: 'Change labels, options, required flag, order or intake type of a field (admins); code and type are fixed',
  request: { params: FieldParams, body: { required: true, content: json(FieldChangesBody) } },
  responses: { 200: { description: 'The field after the change', content: json(Field) }, ...errorResponses(400, 401, 403, 404, 413, 422) },
});

export const deleteField = createRoute({
  method: 'delete',
  path: '/fields/{id}',
  tags,
  summary: 'Delete a field (admins); its code is never used again',
  request: { params: FieldParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});
