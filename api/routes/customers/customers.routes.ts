import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { CustomerHistory, CustomerParams } from './customers.schemas';

export const getCustomer = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags: ['Customers'],
  summary: 'A customer and their tickets (admins, and agents of the customer’s service)',
  request: { params: CustomerParams },
  responses: {
    200: { description: 'The customer with their inquiry history', content: json(CustomerHistory) },
    ...errorResponses(401, 403, 404),
  },
});
