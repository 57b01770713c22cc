/**
 * Ticket search (티켓 검색) through the API, checked against expectations this file computes itself from the tickets
 * it inserted: every condition alone and combined, Korean substrings of one, two and more characters, intake-type
 * subtrees, empty results, keyset pages across equal sort keys in every order, the 10,000+ cap, server-side filters
 * and sorting of the task lists, each agent's default conditions, and every kind of bad input refused with a
 * structured 4xx that leaves nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../domain/ticket';
import { refusalCheck } from '../support/refusals';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let agents: { id: string; token: string }[];
let outsider: { id: string; token: string };
const intake: Record<string, string> = {};

interface Seeded {
  id: string;
  subject: string;
  content: string;
  priority: string;
  status: string;
  channel: string;
  groupId: string | null;
  assigneeId: string | null;
  intakeTypeId: string | null;
  tags: string[];
  important: boolean;
  createdAt: Date;
  updatedAt: Date;
  customer: { id: string; name: string; email: string; phone: string; userId: string | null };
}
let tickets: Seeded[];

const PRIORITY_RANK: Record<string, number> = { low: 1, normal: 2, high: 3, urgent: 4 };
const SUBJECTS = ['환불 요청드립니다', '결제가 두 번 되었어요', '비밀번호 분실', '배송이 늦어요', '회원 탈퇴 문의', 'Refund please', '환불', '쿠폰 적용 오류'];
const CONTENTS = ['주문번호 1234 환불 부탁드립니다.', '카드 결제가 중복으로 승인되었습니다.', '로그인이 안 됩니다. 100% 확실해요', '택배가 일주일째 안 와요_급함', '탈퇴하고 싶어요'];
const NAMES = ['홍길동', '김철수', '이영희', '박민수', 'John Smith'];

/** A small deterministic generator, so a failure replays. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('검색 서비스', ['결제', '회원정보']);
  agents = [await h.createAgent({ groupIds: [service.groupIds[0]] }), await h.createAgent({ groupIds: [service.groupIds[1]] })];
  const other = await h.createService('다른 서비스', ['기타']);
  outsider = await h.createAgent({ groupIds: [other.groupIds[0]] });

  intake.payment = await h.createIntakeType(service.id, '결제');
  intake.refund = await h.createIntakeType(service.id, '환불', { parentId: intake.payment });
  intake.partial = await h.sql`
    insert into categories (id, service_id, kind, parent_id, name, depth) values ('CPARTIAL', ${service.id}, 'intake', ${intake.refund}, '부분환불', 3)
    returning id`.then(([row]) => row.id as string);
  intake.member = await h.createIntakeType(service.id, '회원정보');
  const intakeIds = [intake.payment, intake.refund, intake.partial, intake.member, null];

  const random = prng(9);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  // Few distinct instants, so many tickets share a sort key and pages must break ties by id.
  const instants = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i * 3, 9, 0, 0)));
  tickets = Array.from({ length: 240 }, (_, i) => {
    const assigned = random() < 0.7;
    const group = pick([...service.groupIds, null]);
    const name = pick(NAMES);
    return {
      id: `TS${String(i).padStart(4, '0')}`,
      subject: pick(SUBJECTS),
      content: pick(CONTENTS),
      priority: pick(TICKET_PRIORITIES),
      status: assigned ? pick(TICKET_STATUSES.filter((s) => s !== 'unassigned')) : 'unassigned',
      channel: pick(TICKET_CHANNELS),
      groupId: group,
      assigneeId: assigned ? pick(agents).id : null,
      intakeTypeId: pick(intakeIds),
      tags: random() < 0.3 ? ['vip'] : random() < 0.5 ? ['vip', '재문의'] : [],
      important: random() < 0.2,
      createdAt: pick(instants),
      updatedAt: pick(instants),
      customer: {
        id: `UC${String(i).padStart(4, '0')}`,
        name,
        email: `User${i % 40}@Example.com`,
        phone: `010-${String(1000 + (i % 50)).padStart(4, '0')}-5678`,
        userId: i % 3 === 0 ? `member${i}` : null,
      },
    };
  });
  await h.sql`insert into customers ${h.sql(
    tickets.map((t) => ({ id: t.customer.id, service_id: service.id, name: t.customer.name, email: t.customer.email, phone: t.customer.phone, user_id: t.customer.userId })),
  )}`;
  await h.sql`insert into tickets ${h.sql(
    tickets.map((t) => ({
      id: t.id,
      service_id: service.id,
      channel: t.channel,
      status: t.status,
      priority: t.priority,
      subject: t.subject,
      content: t.content,
      intake_type_id: t.intakeTypeId,
      customer_id: t.customer.id,
      group_id: t.groupId,
      assignee_id: t.assigneeId,
      tags: t.tags,
      important: t.important,
      last_seq: 1,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
    })),
  )}`;
  // A deleted ticket matches nothing.
  await h.sql`update tickets set deleted_at = now() where id = 'TS0000'`;
  tickets = tickets.filter((t) => t.id !== 'TS0000');
});

afterAll(async () => {
  await h?.stop();
});

type Sort = 'created' | 'updated' | 'priority';

/** The expected order: the sort key, then the id, both descending unless `asc`. */
function ordered(list: Seeded[], sort: Sort = 'created', direction: 'asc' | 'desc' = 'desc'): string[] {
  const keys = (t: Seeded): (number | string)[] =>
    sort === 'priority' ? [PRIORITY_RANK[t.priority], t.createdAt.getTime(), t.id] : [(sort === 'created' ? t.createdAt : t.updatedAt).getTime(), t.id];
  const sign = direction === 'desc' ? -1 : 1;
  return [...list]
    .sort((a, b) => {
      const [ka, kb] = [keys(a), keys(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] < kb[i] ? -1 : 1) * sign;
      return 0;
    })
    .map((t) => t.id);
}

/** Every page of a search, following `nextCursor`, and the total the first page reported. */
async function searchAll(body: Record<string, unknown>, token = h.admin.token, limit = 7) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total: { count: number; capped: boolean } | null = null;
  for (let page = 0; page < 1000; page++) {
    const response = await h.request('POST', '/tickets/search', { token, body: { ...body, limit, ...(cursor ? { cursor, count: false } : {}) } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    if (page === 0) total = response.body.total;
    ids.push(...response.body.items.map((t: { id: string }) => t.id));
    if (!response.body.nextCursor) return { ids, total };
    cursor = response.body.nextCursor;
  }
  throw new Error('paging did not end');
}

const lower = (text: string) => text.toLowerCase();
const digits = (text: string) => text.replace(/\D/g, '');

describe('each condition', () => {
  const cases: [string, Record<string, unknown>, (t: Seeded) => boolean][] = [
    ['created range', { createdFrom: '2026-01-07T09:00:00Z', createdTo: '2026-01-19T09:00:00+00:00' }, (t) => t.createdAt >= new Date('2026-01-07T09:00:00Z') && t.createdAt < new Date('2026-01-19T09:00:00Z')],
    ['created range with a Korean offset', { createdFrom: '2026-01-10T18:00:00+09:00' }, (t) => t.createdAt >= new Date('2026-01-10T09:00:00Z')],
    ['priority', { priority: ['urgent', 'high'] }, (t) => ['urgent', 'high'].includes(t.priority)],
    ['ticket id', { ticketId: 'TS0042' }, (t) => t.id === 'TS0042'],
    ['status', { status: ['unassigned'] }, (t) => t.status === 'unassigned'],
    ['channel', { channel: ['email', 'phone'] }, (t) => ['email', 'phone'].includes(t.channel)],
    ['group', { groupId: ['GNONE', 'X'] }, () => false],
    ['assignee', { assigneeId: ['AGENT0'] }, () => false],
    ['resolution type', { resolutionTypeId: ['CX'] }, () => false],
    ['Korean subject substring of two characters', { subject: '환불' }, (t) => t.subject.includes('환불')],
    ['Korean subject substring of one character', { subject: '환' }, (t) => t.subject.includes('환')],
    ['Korean subject substring of three and more', { subject: '두 번 되었' }, (t) => t.subject.includes('두 번 되었')],
    ['subject substring in any case', { subject: 'REFUND' }, (t) => lower(t.subject).includes('refund')],
    ['content substring with LIKE characters', { content: '100%' }, (t) => t.content.includes('100%')],
    ['content substring with an underscore', { content: '_급' }, (t) => t.content.includes('_급')],
    ['subject or content', { text: '환불' }, (t) => t.subject.includes('환불') || t.content.includes('환불')],
    ['customer id', { customerId: 'UC0010' }, (t) => t.customer.id === 'UC0010'],
    ['customer name substring', { customerName: '길동' }, (t) => t.customer.name.includes('길동')],
    ['customer user id', { customerUserId: 'member9' }, (t) => t.customer.userId === 'member9'],
    ['customer email in another case', { customerEmail: 'user7@example.COM' }, (t) => lower(t.customer.email) === 'user7@example.com'],
    ['customer phone by its digits', { customerPhone: '01010075678' }, (t) => digits(t.customer.phone) === '01010075678'],
    ['tags (all of them)', { tags: ['vip', '재문의'] }, (t) => t.tags.includes('vip') && t.tags.includes('재문의')],
    ['important star', { important: true }, (t) => t.important],
    ['not important', { important: false }, (t) => !t.important],
    ['nothing matches', { subject: '존재하지 않는 제목' }, () => false],
  ];

  for (const [name, conditions, holds] of cases) {
    it(name, async () => {
      const expected = ordered(tickets.filter(holds));
      const { ids, total } = await searchAll({ serviceId: service.id, conditions });
      expect(ids).toEqual(expected);
      expect(total).toEqual({ count: expected.length, capped: false });
    });
  }

  it('groups and assignees that exist', async () => {
    const holds = (t: Seeded) => t.groupId === service.groupIds[1] && t.assigneeId === agents[0].id;
    const { ids } = await searchAll({ serviceId: service.id, conditions: { groupId: [service.groupIds[1]], assigneeId: [agents[0].id] } });
    expect(ids).toEqual(ordered(tickets.filter(holds)));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('an intake type with its whole subtree', async () => {
    const subtree = [intake.payment, intake.refund, intake.partial];
    const { ids } = await searchAll({ serviceId: service.id, conditions: { intakeTypeId: [intake.payment] } });
    expect(ids).toEqual(ordered(tickets.filter((t) => subtree.includes(t.intakeTypeId!))));
    const middle = await searchAll({ serviceId: service.id, conditions: { intakeTypeId: [intake.refund] } });
    expect(middle.ids).toEqual(ordered(tickets.filter((t) => [intake.refund, intake.partial].includes(t.intakeTypeId!))));
  });

  it('three conditions combined', async () => {
    const conditions = { status: ['in_progress', 'on_hold', 'resolved', 'closed', 'spam', 'issue_answered'], priority: ['normal', 'high', 'urgent'], text: '환불' };
    const holds = (t: Seeded) =>
      conditions.status.includes(t.status) && conditions.priority.includes(t.priority) && (t.subject.includes('환불') || t.content.includes('환불'));
    const { ids } = await searchAll({ serviceId: service.id, conditions });
    expect(ids).toEqual(ordered(tickets.filter(holds)));
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('sorting and paging', () => {
  for (const sort of ['created', 'updated', 'priority'] as const) {
    for (const direction of ['desc', 'asc'] as const) {
      it(`by ${sort} ${direction}, pages of 7 across equal sort keys, each ticket exactly once`, async () => {
        const { ids } = await searchAll({ serviceId: service.id, sort, direction });
        expect(ids).toEqual(ordered(tickets, sort, direction));
        expect(new Set(ids).size).toBe(tickets.length);
      });
    }
  }

  it('keeps the microseconds of sort keys: no ticket repeats or goes missing between pages', async () => {
    const micro = await h.createService('마이크로초 서비스', ['가']);
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
      select 'TM' || lpad(i::text, 3, '0'), ${micro.id}, 'email', 'unassigned', 'normal', '제목', '내용', 1,
        timestamptz '2026-05-01 00:00:00.000001+00' + i * interval '1.000001 second', now()
      from generate_series(1, 40) i`;
    const expected = Array.from({ length: 40 }, (_, i) => `TM${String(i + 1).padStart(3, '0')}`);
    expect((await searchAll({ serviceId: micro.id, direction: 'asc' }, h.admin.token, 3)).ids).toEqual(expected);
    expect((await searchAll({ serviceId: micro.id }, h.admin.token, 3)).ids).toEqual([...expected].reverse());
  });

  it('a page of the largest size, and the last page says there is no next', async () => {
    const response = await h.request('POST', '/tickets/search', { token: h.admin.token, body: { serviceId: service.id, limit: 100 } });
    expect(response.body.items).toHaveLength(100);
    expect(response.body.nextCursor).toEqual(expect.any(String));
    const all = await searchAll({ serviceId: service.id }, h.admin.token, 100);
    expect(all.ids).toHaveLength(tickets.length);
  });
});

describe('who sees what', () => {
  it('an agent searching every service sees only the services they have a group in', async () => {
    const mine = await searchAll({ conditions: { subject: '환불' } }, agents[1].token);
    expect(mine.ids).toEqual(ordered(tickets.filter((t) => t.subject.includes('환불'))));
    const theirs = await searchAll({ conditions: { subject: '환불' } }, outsider.token);
    expect(theirs).toEqual({ ids: [], total: { count: 0, capped: false } });
    const refused = await h.request('POST', '/tickets/search', { token: outsider.token, body: { serviceId: service.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.not_in_service');
  });

  it('a search within a task list', async () => {
    const { ids } = await searchAll({ serviceId: service.id, list: 'mine_in_progress', conditions: { priority: ['urgent'] } }, agents[0].token);
    expect(ids).toEqual(ordered(tickets.filter((t) => t.assigneeId === agents[0].id && t.status === 'in_progress' && t.priority === 'urgent')));
  });
});

describe('task lists filter and sort on the server', () => {
  async function listAll(query: string, token = h.admin.token) {
    const ids: string[] = [];
    let cursor = '';
    for (;;) {
      const response = await h.request('GET', `/tickets?serviceId=${service.id}&limit=9&${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      ids.push(...response.body.items.map((t: { id: string }) => t.id));
      if (!response.body.nextCursor) return ids;
      cursor = response.body.nextCursor;
    }
  }

  it('by channel, status, priority, assignee and intake type, sorted by update time', async () => {
    const query = `list=all&channel=email,chat,phone&status=in_progress,on_hold&priority=normal,high,urgent&assigneeId=${agents[0].id},${agents[1].id}&sort=updated`;
    const holds = (t: Seeded) =>
      t.status !== 'spam' && ['email', 'chat', 'phone'].includes(t.channel) && ['in_progress', 'on_hold'].includes(t.status) && t.priority !== 'low';
    expect(await listAll(query)).toEqual(ordered(tickets.filter(holds), 'updated'));
    const byIntake = await listAll(`list=all&intakeTypeId=${intake.refund}&sort=priority&direction=asc`);
    expect(byIntake).toEqual(ordered(tickets.filter((t) => t.status !== 'spam' && [intake.refund, intake.partial].includes(t.intakeTypeId!)), 'priority', 'asc'));
  });

  it('the search box searches the server, not the page already loaded', async () => {
    const ids = await listAll(`list=unassigned&q=${encodeURIComponent('환불')}`);
    expect(ids).toEqual(ordered(tickets.filter((t) => t.status === 'unassigned' && (t.subject.includes('환불') || t.content.includes('환불')))));
  });

  it('refuses an unknown status and a cursor of another sort', async () => {
    const bad = await h.request('GET', `/tickets?status=open`, { token: h.admin.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    const first = await h.request('GET', `/tickets?serviceId=${service.id}&limit=5`, { token: h.admin.token });
    const mixed = await h.request('GET', `/tickets?serviceId=${service.id}&limit=5&sort=priority&cursor=${first.body.nextCursor}`, { token: h.admin.token });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('request.invalid_cursor');
  });
});

describe('a ticket created through the API', () => {
  it('is found by a Korean substring of its content at once', async () => {
    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, subject: '앱이 자꾸 종료됩니다', content: '업데이트 후 앱이 실행되자마자 꺼져요', customer: { email: 'crash@example.com', phone: '02-555-1234' } },
    });
    expect(created.status).toBe(201);
    const found = await searchAll({ serviceId: service.id, conditions: { content: '실행되자마자', customerPhone: '025551234' } });
    expect(found.ids).toEqual([created.body.id]);
  });
});

describe('totals', () => {
  it('are exact up to 10,000 and "10,000+" beyond', async () => {
    const big = await h.createService('대량 서비스', ['대량']);
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
      select 'TB' || lpad(i::text, 6, '0'), ${big.id}, 'email', case when i <= 10000 then 'on_hold' else 'unassigned' end,
        'normal', '대량 문의 ' || i, '내용', 1, now() - i * interval '1 minute', now()
      from generate_series(1, 10050) i`;
    const exact = await h.request('POST', '/tickets/search', { token: h.admin.token, body: { serviceId: big.id, conditions: { status: ['on_hold'] } } });
    expect(exact.body.total).toEqual({ count: 10_000, capped: false });
    const capped = await h.request('POST', '/tickets/search', { token: h.admin.token, body: { serviceId: big.id } });
    expect(capped.body.total).toEqual({ count: 10_000, capped: true });
    expect(capped.body.items[0].id).toBe('TB000001');
    const few = await h.request('POST', '/tickets/search', { token: h.admin.token, body: { serviceId: big.id, conditions: { status: ['unassigned'] } } });
    expect(few.body.total).toEqual({ count: 50, capped: false });
  });
});

describe('default search conditions (조건 설정)', () => {
  it('are each agent’s own', async () => {
    const empty = await h.request('GET', '/search-defaults', { token: agents[0].token });
    expect(empty.body).toEqual({ conditions: {}, sort: 'created', direction: 'desc' });
    const defaults = { conditions: { status: ['unassigned'], priority: ['urgent'], subject: '환불' }, sort: 'priority', direction: 'desc' };
    const saved = await h.request('PUT', '/search-defaults', { token: agents[0].token, body: defaults });
    expect(saved.status).toBe(200);
    expect((await h.request('GET', '/search-defaults', { token: agents[0].token })).body).toEqual(defaults);
    expect((await h.request('GET', '/search-defaults', { token: agents[1].token })).body.conditions).toEqual({});
  });
});

describe('bad input', () => {
  const snapshot = () => h.sql`select agent_id, conditions from agent_search_defaults order by agent_id`;
  const expectRefused = refusalCheck(() => h, snapshot);
  const search = (body: unknown) => ({ token: h.admin.token, body });

  it('an unknown condition is 422 and names it', async () => {
    const error = await expectRefused('POST', '/tickets/search', search({ conditions: { priorty: ['high'] } }), 422, 'search.unknown_field');
    expect(error.details).toEqual({ fields: ['conditions.priorty'] });
  });

  it('a field condition naming no field of the service is 422', async () => {
    const error = await expectRefused('POST', '/tickets/search', search({ conditions: { fields: { vip_level: 'gold' } } }), 422, 'search.unknown_field');
    expect(error.details).toEqual({ fields: ['fields.vip_level'] });
    await expectRefused('PUT', '/search-defaults', { token: agents[1].token, body: { conditions: { fields: { ssn: '1' } } } }, 422, 'search.unknown_field');
  });

  it('malformed dates, reversed ranges, oversized pages, unknown enums and forged cursors', async () => {
    await expectRefused('POST', '/tickets/search', search({ conditions: { createdFrom: '2026-13-01' } }), 400, 'request.invalid');
    await expectRefused('POST', '/tickets/search', search({ conditions: { createdFrom: '2026-01-01' } }), 400, 'request.invalid');
    const range = { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' };
    await expectRefused('POST', '/tickets/search', search({ conditions: range }), 422, 'search.invalid_range');
    await expectRefused('PUT', '/search-defaults', { token: agents[1].token, body: { conditions: range } }, 422, 'search.invalid_range');
    await expectRefused('POST', '/tickets/search', search({ limit: 101 }), 400, 'request.invalid');
    await expectRefused('POST', '/tickets/search', search({ conditions: { status: ['open'] } }), 400, 'request.invalid');
    await expectRefused('POST', '/tickets/search', search({ conditions: { subject: '' } }), 400, 'request.invalid');
    await expectRefused('POST', '/tickets/search', search({ sort: 'name' }), 400, 'request.invalid');
    await expectRefused('POST', '/tickets/search', search({ cursor: 'not-a-cursor' }), 400, 'request.invalid_cursor');
    const forged = Buffer.from(JSON.stringify({ sort: 'created', direction: 'desc', keys: ["'; drop table tickets; --"], id: 'x' })).toString('base64url');
    await expectRefused('POST', '/tickets/search', search({ cursor: forged }), 400, 'request.invalid_cursor');
    const first = await h.request('POST', '/tickets/search', search({ serviceId: service.id, limit: 3 }));
    await expectRefused('POST', '/tickets/search', search({ serviceId: service.id, sort: 'updated', cursor: first.body.nextCursor }), 400, 'request.invalid_cursor');
    await expectRefused('POST', '/tickets/search', search({ serviceId: 'S-unknown' }), 404, 'service.not_found');
  });
});
