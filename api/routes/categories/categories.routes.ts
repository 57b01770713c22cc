import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Category, CategoryChangesBody, CategoryNode, CategoryParams, CategoryTreeQuery, NewCategoryBody } from './categories.schemas';

const tags = ['Categories'];

export const categoryTree = createRoute({
  method: 'get',
  path: '/services/{serviceId}/categories',
  tags,
  summary: 'The intake-type (접수유형) or resolution-type (처리유형) tree of a service',
  request: { params: ServiceIdParams, query: CategoryTreeQuery },
  responses: {
    200: { description: 'Top-level categories with nested children', content: json(z.array(CategoryNode)) },
    ...errorResponses(400, 401, 404),
  },
});

export const createCategory = createRoute({
  method: 'post',
  path: '/services/{serviceId}/categories',
  tags,
  summary: 'Add a category (admins); trees are at most five levels deep',
  request: { params: ServiceIdParams, body: { required: true, content: json(NewCategoryBody) } },
  responses: {
    201: { description: 'The new category', content: json(Category) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});

export const updateCategory = createRoute({
  method: 'patch',
  path: '/categories/{id}',
  tags,
  summary: 'Rename, enable or disable, or reorder a category (admins)',
  request: { params: CategoryParams, body: { required: true, content: json(CategoryChangesBody) } },
  responses: {
    200: { description: 'The category after the change', content: json(Category) },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

export const deleteCategory = createRoute({
  method: 'delete',
  path: '/categories/{id}',
  tags,
  summary: 'Delete a category nothing names (admins); disable one that is in use',
  description: 'Refused with `category.in_use` while sub-categories, tickets, SLA policies, fields or trigger drafts name it.',
  request: { params: CategoryParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});
