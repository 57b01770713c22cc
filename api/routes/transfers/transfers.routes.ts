import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { TicketIdParams } from '../../params';
import {
  DoorayComment,
  DoorayCommentBody,
  DoorayTransfer,
  DoorayTransferBody,
  GuidanceBody,
  GuidanceParams,
  GuidanceRequest,
  IssueTransfer,
  IssueTransferBody,
  TicketTransfers,
} from './transfers.schemas';

const tags = ['Transfers'];

export const ticketTransfers = createRoute({
  method: 'get',
  path: '/tickets/{id}/transfers',
  tags,
  summary: 'The ticket’s Dooray! and issue transfers, its origin and guidance requests',
  request: { params: TicketIdParams },
  responses: { 200: { description: 'Transfers', content: json(TicketTransfers) }, ...errorResponses(401, 403, 404) },
});

export const transferToDooray = createRoute({
  method: 'post',
  path: '/tickets/{id}/dooray-transfers',
  tags,
  summary: 'Transfer to a Dooray! project task (starts dooray-transfer-<id>; the ticket becomes dooray_transferred once the task exists)',
  request: { params: TicketIdParams, body: { required: true, content: json(DoorayTransferBody) } },
  responses: { 202: { description: 'The transfer, creating its task', content: json(DoorayTransfer) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const doorayConversation = createRoute({
  method: 'get',
  path: '/tickets/{id}/dooray-conversation',
  tags,
  summary: 'The Dooray conversation: comments on the ticket’s tasks, in time order',
  request: { params: TicketIdParams },
  responses: { 200: { description: 'Comments', content: json(z.array(DoorayComment)) }, ...errorResponses(401, 403, 404) },
});

export const commentOnDooray = createRoute({
  method: 'post',
  path: '/tickets/{id}/dooray-comments',
  tags,
  summary: 'Comment on the ticket’s Dooray! task (while dooray_transferred or dooray_in_progress)',
  request: { params: TicketIdParams, body: { required: true, content: json(DoorayCommentBody) } },
  responses: { 201: { description: 'The comment', content: json(DoorayComment) }, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
});

export const transferToIssueService = createRoute({
  method: 'post',
  path: '/tickets/{id}/issue-transfers',
  tags,
  summary: 'Transfer to an issue service (이슈 이관): a linked ticket there; this one becomes issue_transferred',
  request: { params: TicketIdParams, body: { required: true, content: json(IssueTransferBody) } },
  responses: { 201: { description: 'The issue transfer', content: json(IssueTransfer) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const requestGuidance = createRoute({
  method: 'post',
  path: '/tickets/{id}/guidance-requests',
  tags,
  summary: 'From an issue ticket: ask the consultation side to guide the customer (고객 안내)',
  request: { params: TicketIdParams, body: { required: true, content: json(GuidanceBody) } },
  responses: { 201: { description: 'The request', content: json(GuidanceRequest) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const completeGuidance = createRoute({
  method: 'post',
  path: '/guidance-requests/{id}/done',
  tags,
  summary: 'Mark a customer-guidance request done',
  request: { params: GuidanceParams },
  responses: { 200: { description: 'The request', content: json(GuidanceRequest) }, ...errorResponses(401, 403, 404, 409) },
});
