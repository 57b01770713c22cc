/**
 * Customers (고객): created with their first ticket, per service; read with their inquiry history.
 */
import type { Db, Tx } from './db';
import type { TicketChannel } from '../domain/ticket';

/**
 * The customer of a new ticket. A member id (`userId`, from the company's login integration) names one customer
 * per service; phone-channel customers are merged by phone number (as Online Contact does); all others stay
 * separate. A known customer's blank fields are filled from the ticket, set ones are kept. The new customer's id
 * comes from the caller, so a repeat creates the same customer once.
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
  if (customer.userId) {
    // One statement, so two tickets of a new member arriving at once end with one customer: the later insert waits
    // for the earlier one's transaction and then fills blanks instead.
    const [member] = await tx<{ id: string }[]>`
      insert into customers (id, service_id, name, email, phone, user_id, created_at)
      values (${customer.id}, ${ticket.serviceId}, ${customer.name}, ${customer.email}, ${customer.phone},
        ${customer.userId}, ${ticket.at})
      on conflict (service_id, user_id) where user_id is not null do update set
        name = coalesce(customers.name, excluded.name),
        email = coalesce(customers.email, excluded.email),
        phone = coalesce(customers.phone, excluded.phone)
      returning id`;
    return member.id;
  }
  if (ticket.channel === 'phone' && customer.phone) {
    const [existing] = await tx<{ id: string }[]>`
      update customers set name = coalesce(name, ${customer.name}), email = coalesce(email, ${customer.email})
      where id = (
        select id from customers where service_id = ${ticket.serviceId} and phone = ${customer.phone}
        order by created_at, id limit 1)
      returning id`;
    if (existing) return existing.id;
  }
  await tx`
    insert into customers (id, service_id, name, email, phone, user_id, created_at)
    values (${customer.id}, ${ticket.serviceId}, ${customer.name}, ${customer.email}, ${customer.phone}, null, ${ticket.at})
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
