/**
 * Who a ticket's customer is: the same member id (`customer.userId`, from the company's login integration) in a
 * service is the same customer, even when two tickets arrive at once; phone-channel customers merge by phone;
 * everyone else stays separate. Later tickets fill the customer's blank fields and never overwrite set ones.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../infra/migrate';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
});

afterAll(async () => {
  await h?.stop();
});

async function createTicket(customer: Record<string, string>, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '회원 문의', content: '...', customer, ...overrides },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; createdAt: string; customer: { id: string; name: string | null; email: string | null; phone: string | null } };
}

const memberId = () => `member-${randomUUID()}`;

describe('a member id', () => {
  it('makes later tickets of the member the same customer, with one inquiry history', async () => {
    const userId = memberId();
    const first = await createTicket({ userId, name: '홍길동', email: 'gildong@example.com' });
    const second = await createTicket({ userId, name: '다른 이름', email: 'other@example.com', phone: '010-2222-3333' });
    expect(second.customer.id).toBe(first.customer.id);
    // Set fields stay; the blank phone is filled in.
    expect(second.customer).toEqual({ id: first.customer.id, name: '홍길동', email: 'gildong@example.com', phone: '010-2222-3333' });

    const history = await h.request('GET', `/customers/${first.customer.id}`, { token: agent.token });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ userId, name: '홍길동', email: 'gildong@example.com', phone: '010-2222-3333' });
    expect(history.body.tickets.map((t: { id: string }) => t.id)).toEqual([second.id, first.id]);
  });

  it('is one customer per service', async () => {
    const userId = memberId();
    const here = await createTicket({ userId, email: 'member@example.com' });
    const elsewhere = await h.createService();
    const response = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: elsewhere.id, subject: '회원 문의', content: '...', customer: { userId, email: 'member@example.com' } },
    });
    expect(response.status).toBe(201);
    expect(response.body.customer.id).not.toBe(here.customer.id);
  });

  it('ends with one customer when tickets of a new member arrive at the same time', async () => {
    const userId = memberId();
    const tickets = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTicket({ userId, email: `race${i}@example.com` }, { subject: `동시 문의 ${i}` })),
    );
    expect(new Set(tickets.map((t) => t.customer.id)).size).toBe(1);
    const [{ count }] = await h.sql`select count(*)::int as count from customers where user_id = ${userId}`;
    expect(count).toBe(1);
    const history = await h.request('GET', `/customers/${tickets[0].customer.id}`, { token: h.admin.token });
    expect(history.body.tickets.map((t: { id: string }) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
  });
});

describe('without a member id', () => {
  it('keeps customers apart even with the same email', async () => {
    const first = await createTicket({ email: 'same@example.com' });
    const second = await createTicket({ email: 'same@example.com' });
    expect(second.customer.id).not.toBe(first.customer.id);
  });

  it('merges phone-channel customers by phone and fills their blank fields', async () => {
    const phone = `010-${Math.floor(1000 + Math.random() * 8999)}-7777`;
    const first = await createTicket({ phone }, { channel: 'phone' });
    const second = await createTicket({ phone, name: '전화 고객' }, { channel: 'phone' });
    expect(second.customer).toEqual({ id: first.customer.id, name: '전화 고객', email: null, phone });
  });
});

describe('the migration to one customer per member', () => {
  it('merges a member’s earlier records into the oldest, moving their tickets and filling its blanks', async () => {
    const other = await h.createService();
    // The state before migration 008: the unique index did not exist, so a member could have several records.
    await h.sql`drop index customers_member`;
    await h.sql`drop index tickets_customer`;
    await h.sql`
      insert into customers (id, service_id, name, email, phone, user_id, created_at) values
        ('U-old', ${other.id}, null, 'first@example.com', null, 'm1', '2020-01-01'),
        ('U-mid', ${other.id}, '김회원', 'second@example.com', null, 'm1', '2020-01-02'),
        ('U-new', ${other.id}, '이회원', null, '010-1111-2222', 'm1', '2020-01-03'),
        ('U-solo', ${other.id}, '혼자', null, null, 'm2', '2020-01-01'),
        ('U-guest', ${other.id}, '손님', 'first@example.com', null, null, '2020-01-01')`;
    for (const [ticketId, customerId] of [['T-old', 'U-old'], ['T-mid', 'U-mid'], ['T-new', 'U-new'], ['T-solo', 'U-solo']]) {
      await h.sql`
        insert into tickets (id, service_id, channel, status, priority, subject, content, customer_id, last_seq, created_at, updated_at)
        values (${ticketId}, ${other.id}, 'created', 'unassigned', 'normal', 's', 'c', ${customerId}, 1, now(), now())`;
    }
    const migration = await readFile(path.join(MIGRATIONS_DIR, '008_customer_identity.sql'), 'utf8');
    await h.sql.begin((tx) => tx.unsafe(migration));

    const customers = await h.sql`select id, name, email, phone, user_id from customers where service_id = ${other.id} order by id`;
    expect(customers).toEqual([
      { id: 'U-guest', name: '손님', email: 'first@example.com', phone: null, user_id: null },
      { id: 'U-old', name: '김회원', email: 'first@example.com', phone: '010-1111-2222', user_id: 'm1' },
      { id: 'U-solo', name: '혼자', email: null, phone: null, user_id: 'm2' },
    ]);
    const tickets = await h.sql`select id, customer_id from tickets where service_id = ${other.id} order by id`;
    expect(tickets).toEqual([
      { id: 'T-mid', customer_id: 'U-old' },
      { id: 'T-new', customer_id: 'U-old' },
      { id: 'T-old', customer_id: 'U-old' },
      { id: 'T-solo', customer_id: 'U-solo' },
    ]);
  });
});
