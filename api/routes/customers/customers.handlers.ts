import { SEARCH_COUNT_CAP } from '../../../domain/search';
import { countCustomers, findCustomerView, mergeCustomers, searchCustomers as searchCustomerPage, updateCustomer as saveCustomer } from '../../../store/customers';
import type { Sql } from '../../../store/db';
import { countCustomerTickets, listCustomerTickets } from '../../../store/tickets';
import { requireCustomerAccess, requireTicketListAccess } from '../../access';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { customerQueryOf, decodeCustomerCursor, encodeCustomerCursor } from './customers.query';
import type * as routes from './customers.routes';

/** How many of the newest tickets a customer record shows; the rest page through `GET /customers/{id}/tickets`. */
const HISTORY_PAGE = 20;

async function historyPage(sql: Sql, customerId: string, limit: number, cursor: string | undefined) {
  const page = await listCustomerTickets(sql, customerId, { limit, after: cursor ? decodeCustomerCursor(cursor) : null });
  return {
    items: page.rows.map((t) => ({ id: t.id, subject: t.subject, status: t.status, createdAt: t.created_at.toISOString() })),
    nextCursor: page.next ? encodeCustomerCursor(page.next) : null,
  };
}

export const getCustomer: AppRouteHandler<typeof routes.getCustomer> = async (c) => {
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  await requireCustomerAccess(sql, c.get('agent'), id);
  const [customer, history, total] = await Promise.all([findCustomerView(sql, id), historyPage(sql, id, HISTORY_PAGE, undefined), countCustomerTickets(sql, id)]);
  if (!customer) throw notFound('customer', id);
  return c.json({ ...customer, tickets: history.items, ticketsTotal: total, ticketsNextCursor: history.nextCursor }, 200);
};

export const listCustomerTicketPage: AppRouteHandler<typeof routes.listCustomerTickets> = async (c) => {
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  await requireCustomerAccess(sql, c.get('agent'), id);
  return c.json(await historyPage(sql, id, limit, cursor), 200);
};

export const searchCustomers: AppRouteHandler<typeof routes.searchCustomers> = async (c) => {
  const { sql } = c.get('deps');
  const query = c.req.valid('query');
  await requireTicketListAccess(sql, c.get('agent'), query.serviceId);
  const search = customerQueryOf(query);
  const after = query.cursor ? decodeCustomerCursor(query.cursor) : null;
  const [page, total] = await Promise.all([
    searchCustomerPage(sql, c.get('agent'), { ...search, limit: query.limit, after }),
    query.cursor ? Promise.resolve(null) : countCustomers(sql, c.get('agent'), search, SEARCH_COUNT_CAP),
  ]);
  return c.json(
    { items: page.items, nextCursor: page.next ? encodeCustomerCursor(page.next) : null, total },
    200,
  );
};

export const updateCustomer: AppRouteHandler<typeof routes.updateCustomer> = async (c) => {
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  await requireCustomerAccess(sql, c.get('agent'), id);
  const result = await saveCustomer(sql, id, c.req.valid('json'), c.get('agent').apiClient?.id ?? c.get('agent').id);
  if (result === null) throw notFound('customer', id);
  if (result === 'member_taken') {
    throw new ApiError(409, 'customer.member_taken', 'Another customer of this service has that member id; merge them instead.', { id });
  }
  return c.json(result, 200);
};

export const mergeCustomer: AppRouteHandler<typeof routes.mergeCustomer> = async (c) => {
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const { customerId } = c.req.valid('json');
  if (customerId === id) throw new ApiError(422, 'customer.merge_self', 'A customer cannot be merged into itself.', { id });
  await requireCustomerAccess(sql, c.get('agent'), id);
  await requireCustomerAccess(sql, c.get('agent'), customerId);
  const outcome = await mergeCustomers(sql, id, customerId, c.get('agent').apiClient?.id ?? c.get('agent').id);
  if (outcome.kind === 'not_found') throw notFound('customer', outcome.id);
  if (outcome.kind === 'other_service') {
    throw new ApiError(422, 'customer.merge_other_service', 'Only customers of the same service can be merged.', { id, customerId });
  }
  return c.json({ customer: outcome.customer, ticketsMoved: outcome.ticketsMoved }, 200);
};
