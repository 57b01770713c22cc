/**
 * Customer management (고객 관리) through the API: searching customers by id, name, member id, email, phone and user
 * key; editing a customer from a ticket (audit-logged); manual merges that append differing values and never
 * overwrite, move every ticket and write an audit row, also when merges race each other; the merged customer's
 * later tickets find the kept one; bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalCheck } from '../support/refusals';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('고객 서비스', ['상담']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
});

afterAll(async () => {
  await h?.stop();
});

async function createTicket(customer: Record<string, string>, subject = '문의') {
  const response = await h.request('POST', '/tickets', { token: agent.token, body: { serviceId: service.id, subject, content: '내용', customer } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; customer: { id: string } };
}

const ticketsOf = async (customerId: string) =>
  (await h.sql`select id from tickets where customer_id = ${customerId} order by id`).map((row) => row.id as string);

describe('customer search', () => {
  it('finds customers by each of id, name, member id, email, phone and user key', async () => {
    const a = await createTicket({ name: '홍길동', email: 'Gildong@Example.com', phone: '010-1111-2222', userId: 'gildong' });
    const b = await createTicket({ name: '홍길순', email: 'gilsoon@example.com', phone: '010-3333-4444' });
    await h.request('PATCH', `/customers/${b.customer.id}`, { token: agent.token, body: { userKey: 'KEY-77' } });
    const search = async (query: string) => {
      const response = await h.request('GET', `/customers?serviceId=${service.id}&${query}`, { token: agent.token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((c: { id: string }) => c.id);
    };
    expect(await search(`customerId=${a.customer.id}`)).toEqual([a.customer.id]);
    expect(await search(`name=${encodeURIComponent('홍길')}`)).toEqual([b.customer.id, a.customer.id]);
    expect(await search('userId=gildong')).toEqual([a.customer.id]);
    expect(await search('email=gildong@example.COM')).toEqual([a.customer.id]);
    expect(await search('phone=01033334444')).toEqual([b.customer.id]);
    expect(await search('userKey=KEY-77')).toEqual([b.customer.id]);
    expect(await search(`name=${encodeURIComponent('없는 이름')}`)).toEqual([]);
  });

  it('pages newest first and counts the total on the first page', async () => {
    const own = await h.createService('페이지 서비스', ['상담']);
    const reader = await h.createAgent({ groupIds: [own.groupIds[0]] });
    await h.sql`
      insert into customers (id, service_id, name, email, created_at)
      select 'UP' || lpad(i::text, 3, '0'), ${own.id}, '고객' || i, 'p' || i || '@example.com', timestamptz '2026-01-01' + (i % 4) * interval '1 day'
      from generate_series(1, 23) i`;
    const ids: string[] = [];
    let cursor = '';
    let total: unknown = null;
    for (;;) {
      const response = await h.request('GET', `/customers?serviceId=${own.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`, { token: reader.token });
      if (!cursor) total = response.body.total;
      ids.push(...response.body.items.map((c: { id: string }) => c.id));
      if (!response.body.nextCursor) break;
      cursor = response.body.nextCursor;
    }
    const expected = Array.from({ length: 23 }, (_, i) => ({ id: `UP${String(i + 1).padStart(3, '0')}`, day: (i + 1) % 4 }))
      .sort((x, y) => y.day - x.day || (x.id < y.id ? 1 : -1))
      .map((c) => c.id);
    expect(ids).toEqual(expected);
    expect(total).toEqual({ count: 23, capped: false });
  });
});

describe('editing a customer from a ticket', () => {
  it('changes and clears values, audit-logged; blank values are filled from later tickets', async () => {
    const ticket = await createTicket({ email: 'edit@example.com', userId: 'editor' });
    const edited = await h.request('PATCH', `/customers/${ticket.customer.id}`, { token: agent.token, body: { name: '김철수', phone: null } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '김철수', email: 'edit@example.com', phone: null, userId: 'editor' });
    expect(await h.auditRows(ticket.customer.id)).toEqual([
      { actor_id: agent.id, action: 'customer.updated', details: { changes: { name: '김철수', phone: null } } },
    ]);
    await createTicket({ email: 'other@example.com', phone: '010-9999-0000', userId: 'editor' });
    const after = await h.request('GET', `/customers/${ticket.customer.id}`, { token: agent.token });
    expect(after.body).toMatchObject({ name: '김철수', email: 'edit@example.com', phone: '010-9999-0000' });
    expect(after.body.tickets).toHaveLength(2);
  });
});

describe('inquiry history (문의 이력)', () => {
  it('shows the newest 20 tickets with the total, and pages the rest newest first, ties included, each once', async () => {
    const first = await createTicket({ email: 'history@example.com' }, '이력 0');
    const customerId = first.customer.id;
    // 44 more, in pairs created at the same instant, so pages cut between equal creation times.
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, customer_id, last_seq, created_at, updated_at)
      select 'TH' || lpad(i::text, 2, '0'), ${service.id}, 'email', 'unassigned', 'normal', '이력 ' || i, '내용', ${customerId}, 1,
        timestamptz '2026-05-01' + (i / 2) * interval '1 hour', now()
      from generate_series(1, 44) i`;
    const expected = [
      first.id,
      ...Array.from({ length: 44 }, (_, k) => 44 - k)
        .map((i) => ({ id: `TH${String(i).padStart(2, '0')}`, at: Math.floor(i / 2) }))
        .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
        .map((ticket) => ticket.id),
    ];
    const record = await h.request('GET', `/customers/${customerId}`, { token: agent.token });
    expect(record.body.ticketsTotal).toBe(45);
    expect(record.body.tickets.map((t: { id: string }) => t.id)).toEqual(expected.slice(0, 20));
    const seen: string[] = record.body.tickets.map((t: { id: string }) => t.id);
    let cursor: string | null = record.body.ticketsNextCursor;
    while (cursor) {
      const page = await h.request('GET', `/customers/${customerId}/tickets?limit=7&cursor=${encodeURIComponent(cursor)}`, { token: agent.token });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(expected);

    const outsider = await h.createAgent({ groupIds: [(await h.createService('다른 서비스', ['상담'])).groupIds[0]] });
    expect((await h.request('GET', `/customers/${customerId}/tickets`, { token: outsider.token })).status).toBe(403);
    const bad = await h.request('GET', `/customers/${customerId}/tickets?cursor=nonsense`, { token: agent.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid_cursor');
    expect((await h.request('GET', `/customers/${customerId}/tickets?limit=101`, { token: agent.token })).status).toBe(400);
  });
});

describe('merging customers (고객정보 통합)', () => {
  it('appends differing values, fills blanks, moves tickets and writes an audit row', async () => {
    const kept = await createTicket({ email: 'test01@naver.com', userId: 'test01' }, '첫 문의');
    const other = await createTicket({ name: 'test01', email: 'test01@gmail.com', phone: '010-5555-6666' }, '두번째 문의');
    const second = await createTicket({ email: 'test01@gmail.com' }, '세번째 문의');
    await h.sql`update tickets set customer_id = ${other.customer.id} where id = ${second.id}`;

    const merged = await h.request('POST', `/customers/${kept.customer.id}/merge`, { token: agent.token, body: { customerId: other.customer.id } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.ticketsMoved).toBe(2);
    expect(merged.body.customer).toMatchObject({
      id: kept.customer.id,
      name: 'test01',
      email: 'test01@naver.com',
      phone: '010-5555-6666',
      userId: 'test01',
      otherValues: { email: ['test01@gmail.com'] },
    });
    expect(await ticketsOf(kept.customer.id)).toEqual([kept.id, other.id, second.id].sort());
    const gone = await h.request('GET', `/customers/${other.customer.id}`, { token: agent.token });
    expect(gone.status).toBe(404);
    const [audit] = await h.auditRows(kept.customer.id);
    expect(audit).toMatchObject({ actor_id: agent.id, action: 'customer.merged', details: { mergedId: other.customer.id, ticketsMoved: 2 } });

    // The appended email still finds the customer, and in ticket search too.
    const found = await h.request('GET', `/customers?serviceId=${service.id}&email=TEST01@gmail.com`, { token: agent.token });
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(kept.customer.id);
    const tickets = await h.request('POST', '/tickets/search', { token: agent.token, body: { serviceId: service.id, conditions: { customerEmail: 'test01@gmail.com' } } });
    expect(tickets.body.items.map((t: { id: string }) => t.id).sort()).toEqual([kept.id, other.id, second.id].sort());
  });

  it('keeps a merged member id: a later ticket of that member lands on the kept customer', async () => {
    const kept = await createTicket({ email: 'k@example.com', userId: 'member-kept' });
    const other = await createTicket({ email: 'o@example.com', userId: 'member-other' });
    await h.request('POST', `/customers/${kept.customer.id}/merge`, { token: agent.token, body: { customerId: other.customer.id } });
    const later = await createTicket({ email: 'o@example.com', userId: 'member-other' });
    expect(later.customer.id).toBe(kept.customer.id);
  });

  it('loses no ticket when merges of the same customers race', async () => {
    const customers = await Promise.all(Array.from({ length: 4 }, (_, i) => createTicket({ email: `race${i}@example.com` }, `경합 ${i}`)));
    const allTickets = customers.map((t) => t.id).sort();
    const ids = customers.map((t) => t.customer.id);
    // Every pair merged both ways at once: some succeed, the rest find a customer gone.
    const attempts = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b]));
    const results = await Promise.all(
      attempts.map(([into, from]) => h.request('POST', `/customers/${into}/merge`, { token: agent.token, body: { customerId: from } })),
    );
    for (const result of results) expect([200, 404]).toContain(result.status);
    const [survivor] = await h.sql`select id from customers where id in ${h.sql(ids)}`.then((rows) => {
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(await ticketsOf(survivor.id as string)).toEqual(allTickets);
    const merges = results.filter((result) => result.status === 200).length;
    expect(merges).toBe(3);
    const audits = await h.sql`select count(*)::int as count from audit_log where action = 'customer.merged' and target in ${h.sql(ids)}`;
    expect(audits[0].count).toBe(3);
    const { body: emails } = await h.request('GET', `/customers/${survivor.id}`, { token: agent.token });
    expect([emails.email, ...(emails.otherValues.email ?? [])].sort()).toEqual(['race0@example.com', 'race1@example.com', 'race2@example.com', 'race3@example.com']);
  });
});

describe('bad input', () => {
  const snapshot = async () => [
    await h.sql`select id, name, email, phone, user_id, user_key, merged_values from customers order by id`,
    await h.sql`select id, customer_id from tickets order by id`,
    await h.sql`select count(*)::int from audit_log`,
  ];
  const expectRefused = refusalCheck(() => h, snapshot);

  it('is refused with a structured error and nothing changed', async () => {
    const a = await createTicket({ email: 'bad-a@example.com' });
    const elsewhere = await h.createService('다른 곳', ['상담']);
    const outsider = await h.createAgent({ groupIds: [elsewhere.groupIds[0]] });
    const foreign = await h.request('POST', '/tickets', { token: h.admin.token, body: { serviceId: elsewhere.id, subject: 's', content: 'c', customer: { email: 'x@example.com' } } });
    await expectRefused('POST', `/customers/${a.customer.id}/merge`, { token: agent.token, body: { customerId: a.customer.id } }, 422, 'customer.merge_self');
    await expectRefused('POST', `/customers/${a.customer.id}/merge`, { token: h.admin.token, body: { customerId: foreign.body.customer.id } }, 422, 'customer.merge_other_service');
    await expectRefused('POST', `/customers/${a.customer.id}/merge`, { token: agent.token, body: { customerId: 'U-none' } }, 404, 'customer.not_found');
    await expectRefused('POST', `/customers/${a.customer.id}/merge`, { token: outsider.token, body: { customerId: foreign.body.customer.id } }, 403, 'customer.forbidden');
    await expectRefused('PATCH', `/customers/${a.customer.id}`, { token: agent.token, body: {} }, 400, 'request.invalid');
    await expectRefused('PATCH', `/customers/${a.customer.id}`, { token: agent.token, body: { email: 'not-an-email' } }, 400, 'request.invalid');
    await expectRefused('PATCH', `/customers/${a.customer.id}`, { token: agent.token, body: { vip: true } }, 400, 'request.invalid');
    const member = await createTicket({ email: 'member@example.com', userId: 'taken-member' });
    await expectRefused('PATCH', `/customers/${a.customer.id}`, { token: agent.token, body: { userId: 'taken-member' } }, 409, 'customer.member_taken');
    expect(member.customer.id).not.toBe(a.customer.id);
    await expectRefused('GET', `/customers?limit=101`, { token: agent.token }, 400, 'request.invalid');
    await expectRefused('GET', `/customers?cursor=nope`, { token: agent.token }, 400, 'request.invalid_cursor');
    await expectRefused('GET', `/customers?phone=abc`, { token: agent.token }, 400, 'request.invalid');
  });
});
