/**
 * Customers (고객): created with their first ticket, per service; read with their inquiry history; searched,
 * edited and merged by agents (고객 관리).
 */
import type { JSONValue } from 'postgres';
import { limitOf, type Db, type Sql, type Tx } from './db';
import type { CustomerMergeable } from '../domain/search';
import type { TicketChannel } from '../domain/ticket';
import { writeAudit } from './audit';

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
    // A member id kept by a manual merge names the customer it went into.
    const [mergedMember] = await tx<{ id: string }[]>`
      update customers set name = coalesce(name, ${customer.name}), email = coalesce(email, ${customer.email}),
        phone = coalesce(phone, ${customer.phone})
      where id = (
        select id from customers where service_id = ${ticket.serviceId} and user_id is distinct from ${customer.userId}
          and merged_values @> ${tx.json({ userId: [customer.userId] })}::jsonb
        order by created_at, id limit 1)
      returning id`;
    if (mergedMember) return mergedMember.id;
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

// ---------------------------------------------------------------------------------------------------------------
// Customer management (고객 관리): search, edit, manual merge.

/** A customer as the customer list shows it, with the values a merge kept beside its own. */
export interface CustomerView {
  id: string;
  serviceId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  userId: string | null;
  userKey: string | null;
  /** Differing values of merged customers, per field: `{ email: ['…'], phone: ['…'] }`. */
  otherValues: Partial<Record<CustomerMergeable, string[]>>;
  createdAt: string;
}

type CustomerViewRow = CustomerRow & { user_key: string | null; merged_values: MergedValues; created_key: string };

/** What `merged_values` holds: the kept values per field, plus phone digits for search. */
type MergedValues = Partial<Record<CustomerMergeable | 'phoneDigits', string[]>>;

function toCustomerView(row: CustomerViewRow): CustomerView {
  const { phoneDigits: _digits, ...otherValues } = row.merged_values;
  return {
    id: row.id,
    serviceId: row.service_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    userId: row.user_id,
    userKey: row.user_key,
    otherValues,
    createdAt: row.created_at.toISOString(),
  };
}

const CUSTOMER_COLUMNS = 'cu.id, cu.service_id, cu.name, cu.email, cu.phone, cu.user_id, cu.user_key, cu.merged_values, cu.created_at, cu.created_at::text as created_key';

export interface CustomerSearchConditions {
  customerId?: string;
  /** A substring of the name. */
  name?: string;
  userId?: string;
  /** Any case; values a merge kept count too. */
  email?: string;
  /** By digits; values a merge kept count too. */
  phone?: string;
  userKey?: string;
}

/** Whom a customer search is for: admins read their organisation's customers, agents those of their services. */
export interface CustomerReader {
  id: string;
  orgId: string;
  role: string;
}

function customerConditions(sql: Sql, reader: CustomerReader, serviceId: string | undefined, c: CustomerSearchConditions) {
  const parts = [
    reader.role === 'admin'
      ? sql`cu.service_id in (select id from services where org_id = ${reader.orgId})`
      : reader.role === 'agent'
        ? sql`cu.service_id in (select g.service_id from group_members m join groups g on g.id = m.group_id where m.agent_id = ${reader.id})`
        : sql`false`,
  ];
  if (serviceId) parts.push(sql`cu.service_id = ${serviceId}`);
  if (c.customerId) parts.push(sql`cu.id = ${c.customerId}`);
  if (c.name) parts.push(sql`(cu.name ilike ${containingText(c.name)} or cu.merged_values @> ${sql.json({ name: [c.name] })}::jsonb)`);
  if (c.userId) parts.push(sql`(cu.user_id = ${c.userId} or cu.merged_values @> ${sql.json({ userId: [c.userId] })}::jsonb)`);
  if (c.userKey) parts.push(sql`(cu.user_key = ${c.userKey} or cu.merged_values @> ${sql.json({ userKey: [c.userKey] })}::jsonb)`);
  if (c.email) {
    const email = c.email.toLowerCase();
    parts.push(sql`(lower(cu.email) = ${email} or cu.merged_values @> ${sql.json({ email: [email] })}::jsonb)`);
  }
  if (c.phone) {
    const phone = c.phone.replace(/\D/g, '');
    parts.push(sql`(regexp_replace(cu.phone, '\\D', '', 'g') = ${phone} or cu.merged_values @> ${sql.json({ phoneDigits: [phone] })}::jsonb)`);
  }
  return parts.reduce((all, part) => sql`${all} and ${part}`);
}

const containingText = (term: string) => `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** Where a customer page starts: after the customer with this creation time (as PostgreSQL prints it) and id. */
export interface CustomerPageStart {
  at: string;
  id: string;
}

/** One page of matching customers, newest first. */
export async function searchCustomers(
  sql: Sql,
  reader: CustomerReader,
  query: { serviceId?: string; conditions: CustomerSearchConditions; limit: number; after: CustomerPageStart | null },
): Promise<{ items: CustomerView[]; next: CustomerPageStart | null }> {
  const rows = await sql<CustomerViewRow[]>`
    select ${sql.unsafe(CUSTOMER_COLUMNS)} from customers cu
    where ${customerConditions(sql, reader, query.serviceId, query.conditions)}
      ${query.after ? sql`and (cu.created_at, cu.id) < (${query.after.at}::text::timestamptz, ${query.after.id})` : sql``}
    order by cu.created_at desc, cu.id desc
    ${limitOf(sql, query.limit + 1)}`;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toCustomerView), next: rows.length > query.limit && last ? { at: last.created_key, id: last.id } : null };
}

/** How many customers match, counted up to `cap` (`capped` when more do). */
export async function countCustomers(
  sql: Sql,
  reader: CustomerReader,
  query: { serviceId?: string; conditions: CustomerSearchConditions },
  cap: number,
): Promise<{ count: number; capped: boolean }> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from (
      select 1 from customers cu where ${customerConditions(sql, reader, query.serviceId, query.conditions)} ${limitOf(sql, cap + 1)}) matching`;
  return row.count > cap ? { count: cap, capped: true } : { count: row.count, capped: false };
}

/** Every matching customer, newest first, up to `max`, read in keyset batches: what an export writes. */
export async function* eachMatchingCustomer(
  sql: Sql,
  reader: CustomerReader,
  query: { serviceId?: string; conditions: CustomerSearchConditions },
  max: number,
): AsyncGenerator<CustomerView> {
  let after: CustomerPageStart | null = null;
  let yielded = 0;
  while (yielded < max) {
    const page = await searchCustomers(sql, reader, { ...query, limit: Math.min(1_000, max - yielded), after });
    for (const customer of page.items) yield customer;
    yielded += page.items.length;
    if (!page.next) return;
    after = page.next;
  }
}

/** The customer with its kept values. */
export async function findCustomerView(sql: Db, customerId: string): Promise<CustomerView | null> {
  const [row] = await sql<CustomerViewRow[]>`select ${sql.unsafe(CUSTOMER_COLUMNS)} from customers cu where cu.id = ${customerId}`;
  return row ? toCustomerView(row) : null;
}

/** Changed values of a customer, as an agent edits them from a ticket; `null` clears a value. */
export type CustomerChanges = Partial<Record<'name' | 'email' | 'phone' | 'userId' | 'userKey', string | null>>;

/**
 * Edits a customer and records an audit row, in one transaction. Returns null when the customer is gone, or
 * `'member_taken'` when another customer of the service already has the member id.
 */
export async function updateCustomer(sql: Sql, customerId: string, changes: CustomerChanges, actorId: string): Promise<CustomerView | 'member_taken' | null> {
  return sql.begin(async (tx) => {
    const [before] = await tx<CustomerViewRow[]>`select ${tx.unsafe(CUSTOMER_COLUMNS)} from customers cu where cu.id = ${customerId} for update`;
    if (!before) return null;
    const value = <K extends keyof CustomerChanges>(key: K, current: string | null) => (key in changes ? (changes[key] ?? null) : current);
    const next = {
      name: value('name', before.name),
      email: value('email', before.email),
      phone: value('phone', before.phone),
      user_id: value('userId', before.user_id),
      user_key: value('userKey', before.user_key),
    };
    if (next.user_id && next.user_id !== before.user_id) {
      const [taken] = await tx`select 1 from customers where service_id = ${before.service_id} and user_id = ${next.user_id} and id <> ${customerId}`;
      if (taken) return 'member_taken' as const;
    }
    await tx`update customers set ${tx(next)} where id = ${customerId}`;
    await writeAudit(tx, { actorId, action: 'customer.updated', target: customerId, details: { changes: changes as Record<string, string | null> } });
    const [after] = await tx<CustomerViewRow[]>`select ${tx.unsafe(CUSTOMER_COLUMNS)} from customers cu where cu.id = ${customerId}`;
    return toCustomerView(after);
  });
}

const sameValue = (field: CustomerMergeable, a: string, b: string) =>
  field === 'email' ? a.toLowerCase() === b.toLowerCase() : field === 'phone' ? a.replace(/\D/g, '') === b.replace(/\D/g, '') : a === b;

const COLUMN_OF: Record<CustomerMergeable, 'name' | 'email' | 'phone' | 'user_id' | 'user_key'> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  userId: 'user_id',
  userKey: 'user_key',
};

export type MergeOutcome =
  | { kind: 'merged'; customer: CustomerView; ticketsMoved: number }
  | { kind: 'not_found'; id: string }
  | { kind: 'other_service' };

/**
 * Merges customer `mergedId` into `keptId` (고객정보 통합): blank values of the kept customer are filled, differing
 * values are appended to its kept values and never overwrite its own, the merged customer's tickets move to it, the
 * merged customer is removed (its id remembered in `customer_merges`), and an audit row is written, all in one
 * transaction. Both rows are locked in id order first, so merges running at once serialise: a second merge of the
 * same customer finds it gone instead of losing tickets, and a ticket being created for it either commits before
 * (and moves) or waits.
 */
export async function mergeCustomers(sql: Sql, keptId: string, mergedId: string, actorId: string): Promise<MergeOutcome> {
  return sql.begin(async (tx) => {
    const rows = await tx<CustomerViewRow[]>`
      select ${tx.unsafe(CUSTOMER_COLUMNS)} from customers cu where cu.id in (${keptId}, ${mergedId}) order by cu.id for update`;
    const kept = rows.find((row) => row.id === keptId);
    const merged = rows.find((row) => row.id === mergedId);
    if (!kept) return { kind: 'not_found', id: keptId };
    if (!merged) return { kind: 'not_found', id: mergedId };
    if (kept.service_id !== merged.service_id) return { kind: 'other_service' };

    const values: MergedValues = structuredClone(kept.merged_values);
    const own: Record<string, string | null> = {};
    const appended: Record<string, string[]> = {};
    const keep = (field: CustomerMergeable, value: string) => {
      const stored = field === 'email' ? value.toLowerCase() : value;
      const current = kept[COLUMN_OF[field]];
      if (current !== null && sameValue(field, current, value)) return;
      if ((values[field] ?? []).some((known) => sameValue(field, known, value))) return;
      values[field] = [...(values[field] ?? []), stored];
      if (field === 'phone') values.phoneDigits = [...(values.phoneDigits ?? []), value.replace(/\D/g, '')];
      (appended[field] ??= []).push(value);
    };
    for (const field of Object.keys(COLUMN_OF) as CustomerMergeable[]) {
      const column = COLUMN_OF[field];
      const theirs = merged[column];
      if (kept[column] === null && theirs !== null) own[column] = theirs;
      else if (theirs !== null) keep(field, theirs);
      for (const value of merged.merged_values[field] ?? []) keep(field, value);
    }

    const moved = await tx`update tickets set customer_id = ${keptId} where customer_id = ${mergedId}`;
    await tx`delete from customers where id = ${mergedId}`;
    await tx`update customer_merges set into_id = ${keptId} where into_id = ${mergedId}`;
    await tx`insert into customer_merges (merged_id, into_id, merged_by) values (${mergedId}, ${keptId}, ${actorId})`;
    await tx`update customers set ${tx({ ...own, merged_values: tx.json(values as JSONValue) } as Record<string, unknown>)} where id = ${keptId}`;
    await writeAudit(tx, {
      actorId,
      action: 'customer.merged',
      target: keptId,
      details: { mergedId, ticketsMoved: moved.count, filled: own, appended },
    });
    const [after] = await tx<CustomerViewRow[]>`select ${tx.unsafe(CUSTOMER_COLUMNS)} from customers cu where cu.id = ${keptId}`;
    return { kind: 'merged', customer: toCustomerView(after), ticketsMoved: moved.count };
  });
}

/** The customer a merged id went into, if it was merged. */
export async function mergedInto(sql: Db, customerId: string): Promise<string | null> {
  const [row] = await sql<{ into_id: string }[]>`select into_id from customer_merges where merged_id = ${customerId}`;
  return row?.into_id ?? null;
}
