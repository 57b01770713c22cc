import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import {
  CustomerChanges,
  CustomerHistory,
  CustomerPage,
  CustomerParams,
  CustomerRecord,
  CustomerSearchQuery,
  CustomerTicketPage,
  CustomerTicketsQuery,
  MergeBody,
  MergeResult,
} from './customers.schemas';

const tags = ['Customers'];

export const getCustomer = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags,
  summary: 'A customer and their tickets (admins, and agents of the customer’s service)',
  request: { params: CustomerParams },
  responses: {
    200: { description: 'The customer with their inquiry history', content: json(CustomerHistory) },
    ...errorResponses(401, 403, 404),
  },
});

export const listCustomerTickets = createRoute({
  method: 'get',
  path: '/customers/{id}/tickets',
  tags,
  summary: 'The customer’s inquiry history (문의 이력), newest first, a page at a time',
  request: { params: CustomerParams, query: CustomerTicketsQuery },
  responses: { 200: { description: 'One page of the customer’s tickets', content: json(CustomerTicketPage) }, ...errorResponses(400, 401, 403, 404) },
});

export const searchCustomers = createRoute({
  method: 'get',
  path: '/customers',
  tags,
  summary: 'Search customers (고객 관리) by id, name, member id, email, phone or user key; newest first',
  request: { query: CustomerSearchQuery },
  responses: { 200: { description: 'One page of customers', content: json(CustomerPage) }, ...errorResponses(400, 401, 403, 404) },
});

export const updateCustomer = createRoute({
  method: 'patch',
  path: '/customers/{id}',
  tags,
  summary: 'Edit a customer (from a ticket); audit-logged',
  request: { params: CustomerParams, body: { required: true, content: json(CustomerChanges) } },
  responses: { 200: { description: 'The customer after the change', content: json(CustomerRecord) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const mergeCustomer = createRoute({
  method: 'post',
  path: '/customers/{id}/merge',
  tags,
  summary: 'Merge another customer into this one (고객정보 통합): differing values are appended, never overwritten',
  request: { params: CustomerParams, body: { required: true, content: json(MergeBody) } },
  responses: { 200: { description: 'The merged customer', content: json(MergeResult) }, ...errorResponses(400, 401, 403, 404, 422) },
});
