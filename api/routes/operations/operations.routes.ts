import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import {
  ActionBody,
  ActionResult,
  BatchBody,
  BatchResult,
  DeliveryParams,
  Overview,
  RetryNowBody,
  SignalBody,
  ThresholdQuery,
  WorkflowDetail,
  WorkflowListQuery,
  WorkflowPage,
  WorkflowParams,
} from './operations.schemas';

const tags = ['Operations'];
const body = <T extends Parameters<typeof json>[0]>(schema: T) => ({ body: { content: json(schema), required: true } });

export const overview = createRoute({
  method: 'get',
  path: '/operations/overview',
  tags,
  summary: 'Health at a glance: pollers and backlog per task queue, failed deliveries in the last hour, connections',
  responses: { 200: { description: 'The overview', content: json(Overview) }, ...errorResponses(401, 403) },
});

export const listWorkflows = createRoute({
  method: 'get',
  path: '/operations/workflows',
  tags,
  summary: 'Workflows of every kind, filtered; with `stuck=true`, the ones an operator should look at, with reasons and counts',
  request: { query: WorkflowListQuery },
  responses: { 200: { description: 'One page', content: json(WorkflowPage) }, ...errorResponses(400, 401, 403, 503) },
});

export const getWorkflow = createRoute({
  method: 'get',
  path: '/operations/workflows/{workflowId}',
  tags,
  summary: 'One workflow: its business object, pending work, recent history, deliveries and trace',
  request: { params: WorkflowParams, query: ThresholdQuery },
  responses: { 200: { description: 'The workflow', content: json(WorkflowDetail) }, ...errorResponses(400, 401, 403, 404) },
});

const actionResponses = { 200: { description: 'Done', content: json(ActionResult) }, ...errorResponses(400, 401, 403, 404, 409) };
const actionPath = (verb: string) => `/operations/workflows/{workflowId}/${verb}`;

export const retryNow = createRoute({
  method: 'post',
  path: actionPath('retry-now'),
  tags,
  summary: 'Retry the retrying activities now, skipping their backoff (their attempts start again)',
  request: { params: WorkflowParams, body: { content: json(RetryNowBody), required: true } },
  responses: actionResponses,
});
export const cancelWorkflow = createRoute({
  method: 'post',
  path: actionPath('cancel'),
  tags,
  summary: 'Ask the workflow to cancel',
  request: { params: WorkflowParams, body: { content: json(ActionBody), required: true } },
  responses: actionResponses,
});
export const terminateWorkflow = createRoute({
  method: 'post',
  path: actionPath('terminate'),
  tags,
  summary: 'Terminate the workflow at once',
  request: { params: WorkflowParams, body: { content: json(ActionBody), required: true } },
  responses: actionResponses,
});
export const resetWorkflow = createRoute({
  method: 'post',
  path: actionPath('reset'),
  tags,
  summary: 'Reset the workflow to its last good workflow task: a new run replays up to there and goes on',
  request: { params: WorkflowParams, body: { content: json(ActionBody), required: true } },
  responses: actionResponses,
});
export const signalWorkflow = createRoute({
  method: 'post',
  path: actionPath('signal'),
  tags,
  summary: 'Send the workflow a signal',
  request: { params: WorkflowParams, body: { content: json(SignalBody), required: true } },
  responses: actionResponses,
});

export const retryDelivery = createRoute({
  method: 'post',
  path: '/operations/workflows/{workflowId}/deliveries/{deliveryId}/retry',
  tags,
  summary: 'Retry a failed side effect or customer email: one new attempt with the same idempotency key',
  request: { params: DeliveryParams, ...body(ActionBody) },
  responses: { 200: { description: 'Queued again', content: json(ActionResult) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const batch = createRoute({
  method: 'post',
  path: '/operations/batch',
  tags,
  summary: 'One action on a selection of workflows (or deliveries); each target answers on its own',
  request: body(BatchBody),
  responses: { 200: { description: 'Each target’s outcome', content: json(BatchResult) }, ...errorResponses(400, 401, 403) },
});
