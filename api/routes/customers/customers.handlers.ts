import { agentHasGroupInService, findCustomerInOrg } from '../../../store/customers';
import { listCustomerTickets } from '../../../store/tickets';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import type * as routes from './customers.routes';

export const getCustomer: AppRouteHandler<typeof routes.getCustomer> = async (c) => {
  const { sql } = c.var.deps;
  const agent = c.var.agent;
  const { id } = c.req.valid('param');
  const customer = await findCustomerInOrg(sql, agent.orgId, id);
  if (!customer) throw notFound('customer', id);
  // Customer data is personal: admins see every customer, agents only those of services they have a group in.
  if (agent.role !== 'admin' && !(await agentHasGroupInService(sql, agent.id, customer.service_id))) {
    throw new ApiError(403, 'customer.forbidden', 'Only admins and agents of the customer’s service can see this customer.');
  }
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
