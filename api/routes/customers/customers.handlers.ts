import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import type * as routes from './customers.routes';
import type { CustomerHistory } from './customers.schemas';

type CustomerRow = {
  id: string;
  service_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  user_id: string | null;
  created_at: Date;
};
type TicketRow = { id: string; subject: string; status: CustomerHistory['tickets'][number]['status']; created_at: Date };

export const getCustomer: AppRouteHandler<typeof routes.getCustomer> = async (c) => {
  const { sql } = c.var.deps;
  const agent = c.var.agent;
  const { id } = c.req.valid('param');
  const [customer] = await sql<CustomerRow[]>`
    select cu.id, cu.service_id, cu.name, cu.email, cu.phone, cu.user_id, cu.created_at
    from customers cu join services s on s.id = cu.service_id
    where cu.id = ${id} and s.org_id = ${agent.orgId}`;
  if (!customer) throw notFound('customer', id);
  // Customer data is personal: admins see every customer, agents only those of services they have a group in.
  if (agent.role !== 'admin') {
    const [member] = await sql`
      select 1 from group_members m join groups g on g.id = m.group_id
      where m.agent_id = ${agent.id} and g.service_id = ${customer.service_id}`;
    if (!member) throw new ApiError(403, 'customer.forbidden', 'Only admins and agents of the customer’s service can see this customer.');
  }
  const tickets = await sql<TicketRow[]>`
    select id, subject, status, created_at from tickets
    where customer_id = ${id} and deleted_at is null
    order by created_at desc, id desc`;
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
