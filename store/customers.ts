/**
 * Customers (고객): created with their first ticket, per service; read with their inquiry history.
 */
import type { Db, Tx } from './db';
import type { TicketChannel } from '../domain/ticket';

/**
 * The customer of a new ticket. Phone-channel customers are merged by phone number (as Online Contact does); all
 * others stay separate. The new customer's id comes from the caller, so a repeat creates the same customer once.
 */
export async function resolveTicketCustomer(
  tx: Tx,
  ticket: {
    serviceId: string;
    channel: TicketChannel;
    at: string;
    customer: { id: string; name: string | null; email: string | null; phone: string | null; userId: string | null };
  },
): Promise<string> {
  const { customer } = ticket;
  if (ticket.channel === 'phone' && customer.phone) {
    const [existing] = await tx<{ id: string }[]>`
      select id from customers where service_id = ${ticket.serviceId} and phone = ${customer.phone}
      order by created_at, id limit 1`;
    if (existing) return existing.id;
  }
  await tx`
    insert into customers (id, service_id, name, email, phone, user_id, created_at)
    values (${customer.id}, ${ticket.serviceId}, ${customer.name}, ${customer.email}, ${customer.phone},
      ${customer.userId}, ${ticket.at})
    on conflict (id) do nothing`;
  return customer.id;
}

export interface CustomerRow {
  id: string;
  service_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  user_id: string | null;
  created_at: Date;
}

/** The customer, if it belongs to a service of the organisation. */
export async function findCustomerInOrg(sql: Db, orgId: string, customerId: string): Promise<CustomerRow | null> {
  const [customer] = await sql<CustomerRow[]>`
    select cu.id, cu.service_id, cu.name, cu.email, cu.phone, cu.user_id, cu.created_at
    from customers cu join services s on s.id = cu.service_id
    where cu.id = ${customerId} and s.org_id = ${orgId}`;
  return customer ?? null;
}

/** Whether the agent has a group in the service (reads the directory; named for the customer check it serves). */
export async function agentHasGroupInService(sql: Db, agentId: string, serviceId: string): Promise<boolean> {
  const [member] = await sql`
    select 1 from group_members m join groups g on g.id = m.group_id
    where m.agent_id = ${agentId} and g.service_id = ${serviceId}`;
  return Boolean(member);
}
