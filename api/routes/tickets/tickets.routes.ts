import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import {
  CommentBody,
  CreateTicketHeaders,
  EditTicketBody,
  EmptyBody,
  ForwardBody,
  HoldBody,
  InternalResolveBody,
  NewTicketBody,
  ResolveBody,
  TakeBody,
  Ticket,
  TicketEvent,
  TicketListQuery,
  TicketMessage,
  TicketPage,
  TicketParams,
} from './tickets.schemas';

const tags = ['Tickets'];
const ticketResponse = { description: 'The ticket after the change', content: json(Ticket) };

export const createTicket = createRoute({
  method: 'post',
  path: '/tickets',
  tags,
  summary: 'Create a ticket (starts its workflow)',
  request: { headers: CreateTicketHeaders, body: { required: true, content: json(NewTicketBody) } },
  responses: { 201: { description: 'The new ticket (or, for a repeated Idempotency-Key, the same one)', content: json(Ticket) }, ...errorResponses(400, 401, 403, 413, 422) },
});

export const listTickets = createRoute({
  method: 'get',
  path: '/tickets',
  tags,
  summary: 'A task list, filtered and sorted on the server (newest first by default)',
  request: { query: TicketListQuery },
  responses: { 200: { description: 'One page of tickets', content: json(TicketPage) }, ...errorResponses(400, 401, 403, 404) },
});

export const getTicket = createRoute({
  method: 'get',
  path: '/tickets/{id}',
  tags,
  request: { params: TicketParams },
  responses: { 200: { description: 'The ticket', content: json(Ticket) }, ...errorResponses(401, 403, 404) },
});

export const ticketEvents = createRoute({
  method: 'get',
  path: '/tickets/{id}/events',
  tags,
  summary: 'The event log: who changed what, when',
  request: { params: TicketParams },
  responses: { 200: { description: 'Events in order', content: json(z.array(TicketEvent)) }, ...errorResponses(401, 403, 404) },
});

export const ticketMessages = createRoute({
  method: 'get',
  path: '/tickets/{id}/messages',
  tags,
  summary: 'The processing history: replies, interim answers, comments, internal notes',
  request: { params: TicketParams },
  responses: { 200: { description: 'Messages in order', content: json(z.array(TicketMessage)) }, ...errorResponses(401, 403, 404) },
});

const COMMAND_ERRORS = errorResponses(400, 401, 403, 404, 409, 413, 422);

function commandRoute<B extends z.ZodType>(path: string, summary: string, body: B) {
  return createRoute({
    method: 'post',
    path: `/tickets/{id}/${path}`,
    tags,
    summary,
    request: { params: TicketParams, body: { required: true, content: json(body) } },
    responses: { 200: ticketResponse, ...COMMAND_ERRORS },
  });
}

export const take = commandRoute('take', 'Take an unassigned ticket (가져오기)', TakeBody);
export const forward = commandRoute('forward', 'Forward to a group or agent (전달); needs ticket-forward', ForwardBody);
export const resolve = commandRoute('resolve', 'Resolve with a final answer (해결)', ResolveBody);
export const hold = commandRoute('hold', 'Hold with an interim answer (보류)', HoldBody);
export const comment = commandRoute('comments', 'Add a comment or internal note (no status change)', CommentBody);
export const internalResolve = commandRoute('internal-resolve', 'Resolve internally: spam, abuse, test, phone, other', InternalResolveBody);
export const restore = commandRoute('restore', 'Restore from the spam box (admins)', EmptyBody);
export const complete = commandRoute('complete', 'Complete a resolved ticket (admins; 완료)', EmptyBody);

export const deleteTicket = createRoute({
  method: 'delete',
  path: '/tickets/{id}',
  tags,
  summary: 'Delete a ticket from the spam box (admins)',
  request: { params: TicketParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});

export const editTicket = createRoute({
  method: 'patch',
  path: '/tickets/{id}',
  tags,
  summary: 'Edit priority, intake or resolution type, tags, the star, the subject or field values',
  description:
    'Each changed value is recorded as `[before, after]` in one event and the triggers run on it. Field values are ' +
    'checked against the service’s fields: an unknown code is `field.unknown`, a value of the wrong type ' +
    '`field.invalid_value`, clearing a required one `field.required`; nothing changes then.',
  request: { params: TicketParams, body: { required: true, content: json(EditTicketBody) } },
  responses: { 200: ticketResponse, ...COMMAND_ERRORS },
});
