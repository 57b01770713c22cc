import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import {
  NewReplyTemplateBody,
  RenderedTemplate,
  RenderParams,
  ReplyTemplate,
  ReplyTemplateChangesBody,
  ReplyTemplateParams,
  ReplyTemplateQuery,
} from './reply-templates.schemas';

const tags = ['Reply templates'];

export const listReplyTemplates = createRoute({
  method: 'get',
  path: '/services/{serviceId}/reply-templates',
  tags,
  summary: 'Search a service’s reply templates by title or code (답변 템플릿)',
  request: { params: ServiceIdParams, query: ReplyTemplateQuery },
  responses: { 200: { description: 'Templates by title', content: json(z.array(ReplyTemplate)) }, ...errorResponses(400, 401, 403, 404) },
});

export const createReplyTemplate = createRoute({
  method: 'post',
  path: '/services/{serviceId}/reply-templates',
  tags,
  summary: 'Add a reply template (admins); unknown substitution codes are refused',
  request: { params: ServiceIdParams, body: { required: true, content: json(NewReplyTemplateBody) } },
  responses: { 201: { description: 'The template', content: json(ReplyTemplate) }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const updateReplyTemplate = createRoute({
  method: 'patch',
  path: '/reply-templates/{id}',
  tags,
  summary: 'Change a reply template (admins)',
  request: { params: ReplyTemplateParams, body: { required: true, content: json(ReplyTemplateChangesBody) } },
  responses: { 200: { description: 'The template', content: json(ReplyTemplate) }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const deleteReplyTemplate = createRoute({
  method: 'delete',
  path: '/reply-templates/{id}',
  tags,
  summary: 'Delete a reply template (admins)',
  request: { params: ReplyTemplateParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});

export const renderReplyTemplate = createRoute({
  method: 'get',
  path: '/tickets/{id}/reply-templates/{templateId}',
  tags,
  summary: 'A template filled in for a ticket, to insert in the composer',
  request: { params: RenderParams },
  responses: { 200: { description: 'The filled template', content: json(RenderedTemplate) }, ...errorResponses(401, 403, 404) },
});
