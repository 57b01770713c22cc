import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import {
  AssignBody,
  BatchOutcome,
  Callback,
  CallbackEvent,
  CallbackListQuery,
  CallbackPage,
  CallbackParams,
  CallbackStats,
  CancelAssignmentBody,
  CompleteBody,
  ConnectBody,
  CreatedCallback,
  NewCallbackBody,
  NewCallbackHeaders,
  Presence,
  PresenceBody,
  PresenceParams,
  RegisterHistoryBody,
  StatsExportQuery,
  StatsQuery,
} from './callbacks.schemas';

const tags = ['Callbacks'];
const callbackResponse = { description: 'The request after the change', content: json(Callback) };
const COMMAND_ERRORS = errorResponses(400, 401, 403, 404, 409, 422);

export const createCallback = createRoute({
  method: 'post',
  path: '/callbacks',
  tags,
  summary: 'Register a callback request (the phone system; starts its workflow)',
  request: { headers: NewCallbackHeaders, body: { required: true, content: json(NewCallbackBody) } },
  responses: { 201: { description: 'The new request (or, for a repeated Idempotency-Key, the same one)', content: json(CreatedCallback) }, ...errorResponses(400, 401, 403, 422) },
});

export const listCallbacks = createRoute({
  method: 'get',
  path: '/callbacks',
  tags,
  summary: 'The callback list (콜백 리스트): agents see their own, admins and assigners all',
  request: { query: CallbackListQuery },
  responses: { 200: { description: 'One page, newest first', content: json(CallbackPage) }, ...errorResponses(400, 401, 403) },
});

export const callbackStats = createRoute({
  method: 'get',
  path: '/callbacks/stats',
  tags,
  summary: 'Processing status (콜백 처리현황) by day, month, agent or route (admins)',
  request: { query: StatsQuery },
  responses: { 200: { description: 'Rows and their total', content: json(CallbackStats) }, ...errorResponses(400, 401, 403) },
});

export const exportCallbackStats = createRoute({
  method: 'get',
  path: '/callbacks/stats/export',
  tags,
  summary: 'The processing status as CSV or XLSX (admins)',
  request: { query: StatsExportQuery },
  responses: { 200: { description: 'The table as a download' }, ...errorResponses(400, 401, 403) },
});

export const getCallback = createRoute({
  method: 'get',
  path: '/callbacks/{id}',
  tags,
  request: { params: CallbackParams },
  responses: { 200: callbackResponse, ...errorResponses(401, 403, 404) },
});

export const callbackEvents = createRoute({
  method: 'get',
  path: '/callbacks/{id}/events',
  tags,
  summary: 'The event log: registered, assigned, attempts, reminders, completed',
  request: { params: CallbackParams },
  responses: { 200: { description: 'Events in order', content: json(z.array(CallbackEvent)) }, ...errorResponses(401, 403, 404) },
});

function commandRoute<B extends z.ZodType>(path: string, summary: string, body: B) {
  return createRoute({
    method: 'post',
    path: `/callbacks/{id}/${path}`,
    tags,
    summary,
    request: { params: CallbackParams, body: { required: true, content: json(body) } },
    responses: { 200: callbackResponse, ...COMMAND_ERRORS },
  });
}

export const connect = commandRoute('connect', 'Record a call attempt and its outcome (연결; the assignee only)', ConnectBody);
export const complete = commandRoute('complete', 'Complete the request (완료; the assignee only)', CompleteBody);
export const registerHistory = commandRoute('register-history', 'Register the call as a ticket (이력등록; the assignee only)', RegisterHistoryBody);

export const assign = createRoute({
  method: 'post',
  path: '/callbacks/assign',
  tags,
  summary: 'Assign requests: even (균등할당) or manual (수동할당); admins and callback-assign',
  request: { body: { required: true, content: json(AssignBody) } },
  responses: { 200: { description: 'What was assigned to whom, and what was skipped and why', content: json(BatchOutcome) }, ...errorResponses(400, 401, 403, 404, 422) },
});

export const cancelAssignment = createRoute({
  method: 'post',
  path: '/callbacks/cancel-assignment',
  tags,
  summary: 'Cancel assignments of incomplete requests (콜백할당 취소); admins and callback-assign',
  request: { body: { required: true, content: json(CancelAssignmentBody) } },
  responses: { 200: { description: 'What was cancelled, and what was skipped and why', content: json(BatchOutcome) }, ...errorResponses(400, 401, 403, 404) },
});

export const listPresence = createRoute({
  method: 'get',
  path: '/phone-presence',
  tags,
  summary: "Agents' phone presence (CTI 로그인)",
  responses: { 200: { description: 'Every active agent', content: json(z.array(Presence)) }, ...errorResponses(401, 403) },
});

export const setPresence = createRoute({
  method: 'put',
  path: '/phone-presence/{agentId}',
  tags,
  summary: "Set an agent's phone presence (the phone system, or the agent themself)",
  request: { params: PresenceParams, body: { required: true, content: json(PresenceBody) } },
  responses: { 200: { description: 'The presence now', content: json(Presence) }, ...errorResponses(400, 401, 403, 404) },
});
