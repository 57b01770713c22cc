import { listCustomerTickets } from '../../../store/tickets';
import { requireCustomerAccess } from '../../access';
import type { AppRouteHandler } from '../../context';
import type * as routes from './customers.routes';

export const getCustomer: AppRouteHandler<typeof routes.getCustomer> = async (c) => {
  const { sql } = c.var.deps;
  const { id } = c.req.valid('param');
  const customer = await requireCustomerAccess(sql, c.var.agent, id);
  const tickets = await listCustomerTickets(sql, id);
  return c.json(
    {
      id: customer.id,
      serviceId: customer.service_id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      userId: customer.user_id,
      createdAt: customer.created_at.toISOString(),
      tickets: tickets.map((t) => ({ id: t.id, subject: t.subject, status: t.status, createdAt: t.created_at.toISOString() })),
    },
    200,
  );
};
