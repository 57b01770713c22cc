import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { BulkJob, BulkJobParams, NewBulkJobBody } from './bulk-jobs.schemas';

const tags = ['Bulk jobs'];

export const createBulkJob = createRoute({
  method: 'post',
  path: '/bulk-jobs',
  tags,
  summary: 'Apply one action to up to 1,000 selected tickets (일괄 처리)',
  description:
    'Starts the job’s own workflow, which sends each ticket’s workflow the command, each exactly once. Tickets ' +
    'unknown to the organisation (`bulk.unknown_tickets`), a reply to unassigned tickets (`bulk.unassigned_tickets`) ' +
    'or a group or resolution type of another service (`bulk.other_service`) are refused up front, and nothing starts.',
  request: { body: { required: true, content: json(NewBulkJobBody) } },
  responses: { 202: { description: 'The job, as it starts', content: json(BulkJob) }, ...errorResponses(400, 401, 403, 413, 422) },
});

export const getBulkJob = createRoute({
  method: 'get',
  path: '/bulk-jobs/{id}',
  tags,
  summary: 'A bulk job’s progress and per-ticket refusals',
  request: { params: BulkJobParams },
  responses: { 200: { description: 'The job', content: json(BulkJob) }, ...errorResponses(401, 404) },
});

export const bulkJobEvents = createRoute({
  method: 'get',
  path: '/bulk-jobs/{id}/events',
  tags,
  summary: 'A bulk job’s progress as server-sent events',
  description: '`progress` events carry the job (as `GET /bulk-jobs/{id}`) whenever a count changes; the last is `finished`.',
  request: { params: BulkJobParams },
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(401, 404),
  },
});
