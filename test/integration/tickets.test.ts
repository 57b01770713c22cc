import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let h: Harness;
let smtp: SmtpPeer;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };
let otherAgent: { id: string; token: string };
let twoGroupAgent: { id: string; token: string };
let forwarder: { id: string; token: string };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  otherAgent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  twoGroupAgent = await h.createAgent({ groupIds: service.groupIds });
  forwarder = await h.createAgent({ groupIds: [service.groupIds[1]], permissions: ['ticket', 'ticket_forward'] });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

async function createTicket(overrides: Record<string, unknown> = {}, token = h.admin.token) {
  const response = await h.request('POST', '/tickets', {
    token,
    body: {
      serviceId: service.id,
      subject: '계좌이체 환불 문의',
      content: '어제 이체한 금액을 환불받고 싶습니다.',
      customer: { name: '홍길동', email: 'customer@example.com' },
      ...overrides,
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const act = (id: string, action: string, token: string, body: unknown = {}) =>
  h.request('POST', `/tickets/${id}/${action}`, { token, body });

async function events(id: string) {
  const response = await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token });
  expect(response.status).toBe(200);
  return response.body as { seq: number; kind: string; actorId: string | null; changes: Record<string, [unknown, unknown]> }[];
}

async function acceptedUpdates(id: string): Promise<number> {
  const history = await h.temporal.workflow.getHandle(ticketWorkflowId(id)).fetchHistory();
  return (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
}

describe('creating a ticket', () => {
  it('starts an unassigned ticket with a created event and an Online Contact shaped id', async () => {
    const ticket = await createTicket({ priority: 'high', tags: ['vip', 'vip', 'refund'] });
    expect(ticket.id).toMatch(/^T\d{13}[A-Za-z0-9]{4}$/);
    expect(ticket).toMatchObject({ status: 'unassigned', priority: 'high', channel: 'created', assigneeId: null, tags: ['vip', 'refund'] });
    expect(ticket.customer).toMatchObject({ name: '홍길동', email: 'customer@example.com' });
    const log = await events(ticket.id);
    expect(log).toEqual([expect.objectContaining({ seq: 1, kind: 'created', actorId: h.admin.id })]);
    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: agent.token })).body).toEqual(ticket);
  });

  it('uses the api channel for API-token callers', async () => {
    const token = (await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'company backend', scopes: ['tickets:write'] } })).body.token;
    const ticket = await createTicket({}, token);
    expect(ticket.channel).toBe('api');
  });

  it('merges phone-channel customers by phone number but keeps others separate', async () => {
    const first = await createTicket({ channel: 'phone', customer: { phone: '010-1234-5678' } });
    const second = await createTicket({ channel: 'phone', customer: { phone: '010-1234-5678' } });
    expect(second.customer.id).toBe(first.customer.id);
    const third = await createTicket({ channel: 'email', customer: { email: 'a@example.com', phone: '010-1234-5678' } });
    expect(third.customer.id).not.toBe(first.customer.id);
  });
});

describe('take', () => {
  it('assigns the ticket to the agent in their only group', async () => {
    const ticket = await createTicket();
    const taken = await act(ticket.id, 'take', agent.token);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'in_progress', assigneeId: agent.id, groupId: service.groupIds[0] });
    const log = await events(ticket.id);
    expect(log[1]).toMatchObject({ seq: 2, kind: 'take', actorId: agent.id, changes: { status: ['unassigned', 'in_progress'] } });
  });

  it('asks an agent in several groups to choose one, and changes nothing', async () => {
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'take', twoGroupAgent.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ticket.group_required');
    expect(refused.body.error.details.groupIds).toEqual(service.groupIds);
    expect((await events(ticket.id)).length).toBe(1);
    const taken = await act(ticket.id, 'take', twoGroupAgent.token, { groupId: service.groupIds[1] });
    expect(taken.body).toMatchObject({ status: 'in_progress', groupId: service.groupIds[1] });
  });

  it('refuses taking a ticket that is already assigned, without touching workflow history', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    const before = await acceptedUpdates(ticket.id);
    const refused = await act(ticket.id, 'take', otherAgent.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'ticket.not_assignable', details: { status: 'in_progress' } });
    expect(await acceptedUpdates(ticket.id)).toBe(before);
    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: agent.token })).body.assigneeId).toBe(agent.id);
  });

  it('refuses taking into a group the agent does not belong to', async () => {
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'take', agent.token, { groupId: service.groupIds[1] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.not_group_member');
  });

  it('lets only one of several agents racing for a ticket take it', async () => {
    for (let round = 0; round < 5; round++) {
      const ticket = await createTicket();
      const results = await Promise.all([
        act(ticket.id, 'take', agent.token),
        act(ticket.id, 'take', otherAgent.token),
        act(ticket.id, 'take', twoGroupAgent.token, { groupId: service.groupIds[0] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect((await events(ticket.id)).map((e) => e.kind)).toEqual(['created', 'take']);
    }
  });
});

describe('forward', () => {
  it('needs the ticket-forward permission', async () => {
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'forward', agent.token, { groupId: service.groupIds[0], agentId: otherAgent.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.forward_forbidden');
  });

  it('assigns to an agent of the group, or queues the ticket for the group', async () => {
    const ticket = await createTicket();
    const toAgent = await act(ticket.id, 'forward', forwarder.token, { groupId: service.groupIds[0], agentId: otherAgent.id });
    expect(toAgent.body).toMatchObject({ status: 'in_progress', assigneeId: otherAgent.id, groupId: service.groupIds[0] });
    const toGroup = await act(ticket.id, 'forward', h.admin.token, { groupId: service.groupIds[1] });
    expect(toGroup.body).toMatchObject({ status: 'unassigned', assigneeId: null, groupId: service.groupIds[1] });
  });

  it('refuses an agent who is not in the target group', async () => {
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'forward', h.admin.token, { groupId: service.groupIds[1], agentId: agent.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'request.invalid_reference', details: { field: 'agentId' } });
    expect((await events(ticket.id)).length).toBe(1);
  });
});

describe('hold, resolve, comment, complete', () => {
  it('walks a ticket through its whole life with the right events and messages', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    const held = await act(ticket.id, 'hold', agent.token, { body: '확인 후 다시 안내드리겠습니다.' });
    expect(held.body.status).toBe('on_hold');
    const commented = await act(ticket.id, 'comments', otherAgent.token, { body: '결제팀 확인 필요', internal: true });
    expect(commented.body.status).toBe('on_hold');
    const resolved = await act(ticket.id, 'resolve', agent.token, { body: '환불이 완료되었습니다.' });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.resolvedAt).not.toBeNull();
    const completed = await act(ticket.id, 'complete', h.admin.token);
    expect(completed.body.status).toBe('closed');
    expect(completed.body.closedAt).not.toBeNull();

    const log = await events(ticket.id);
    expect(log.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'created'],
      [2, 'take'],
      [3, 'hold'],
      [4, 'comment'],
      [5, 'resolve'],
      [6, 'complete'],
    ]);
    expect(log[4].changes.status).toEqual(['on_hold', 'resolved']);
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agent.token })).body;
    expect(messages.map((m: { kind: string; authorId: string }) => [m.kind, m.authorId])).toEqual([
      ['interim', agent.id],
      ['internal_note', otherAgent.id],
      ['reply', agent.id],
    ]);

    const afterClose = await act(ticket.id, 'comments', agent.token, { body: 'late' });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.error.code).toBe('ticket.closed');
    await expect(h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id)).result()).resolves.toMatchObject({ status: 'closed' });
  });

  it('emails replies and interim answers to the customer once, and keeps comments and notes internal', async () => {
    const ticket = await createTicket({ subject: '주문 취소' });
    await act(ticket.id, 'take', agent.token);
    await act(ticket.id, 'hold', agent.token, { body: '확인 후 안내드리겠습니다.' });
    await act(ticket.id, 'comments', agent.token, { body: '내부 메모', internal: true });
    await act(ticket.id, 'comments', agent.token, { body: '팀 코멘트' });
    await act(ticket.id, 'resolve', agent.token, { body: '주문이 취소되었습니다.' });
    await settledSideEffects(h, ticket.id);

    const mails = smtp.messages.filter((m) => m.messageId.includes(`${ticket.id}.reply.`));
    expect(mails.map((m) => [m.to, m.body.trim()])).toEqual([
      [['customer@example.com'], '확인 후 안내드리겠습니다.'],
      [['customer@example.com'], '주문이 취소되었습니다.'],
    ]);
    expect(mails[0].subject).toBe(`[${service.name}] Re: 주문 취소 (${ticket.id})`);
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agent.token })).body;
    expect(messages.map((m: { kind: string; emailStatus: string | null }) => [m.kind, m.emailStatus])).toEqual([
      ['interim', 'sent'],
      ['internal_note', null],
      ['comment', null],
      ['reply', 'sent'],
    ]);
  });

  it('refuses holding or resolving an unassigned ticket', async () => {
    const ticket = await createTicket();
    for (const action of ['hold', 'resolve']) {
      const refused = await act(ticket.id, action, h.admin.token, { body: 'x' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('ticket.not_assigned');
    }
  });

  it('lets only the assignee or an admin hold or resolve', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    const refused = await act(ticket.id, 'resolve', otherAgent.token, { body: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.not_assignee');
    expect((await act(ticket.id, 'resolve', h.admin.token, { body: 'done' })).body.status).toBe('resolved');
  });

  it('lets only admins complete, and only resolved tickets', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    const notResolved = await act(ticket.id, 'complete', h.admin.token);
    expect(notResolved.status).toBe(409);
    expect(notResolved.body.error.code).toBe('ticket.invalid_transition');
    await act(ticket.id, 'resolve', agent.token, { body: 'done' });
    const byAgent = await act(ticket.id, 'complete', agent.token);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('ticket.admin_only');
  });

  it('refuses holding a resolved ticket', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    await act(ticket.id, 'resolve', agent.token, { body: 'done' });
    const refused = await act(ticket.id, 'hold', agent.token, { body: 'again' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ticket.invalid_transition');
  });
});

describe('internal resolve and the spam box', () => {
  it('moves spam to the spam box, where admins restore or delete it', async () => {
    const ticket = await createTicket();
    const spam = await act(ticket.id, 'internal-resolve', agent.token, { reason: 'spam' });
    expect(spam.body.status).toBe('spam');
    const spamBox = await h.request('GET', '/tickets?list=spam', { token: h.admin.token });
    expect(spamBox.body.items.map((t: { id: string }) => t.id)).toContain(ticket.id);
    const all = await h.request('GET', '/tickets?list=all&limit=100', { token: h.admin.token });
    expect(all.body.items.map((t: { id: string }) => t.id)).not.toContain(ticket.id);

    const byAgent = await act(ticket.id, 'restore', agent.token);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('ticket.admin_only');
    expect((await act(ticket.id, 'restore', h.admin.token)).body.status).toBe('unassigned');

    await act(ticket.id, 'internal-resolve', agent.token, { reason: 'spam' });
    expect((await h.request('DELETE', `/tickets/${ticket.id}`, { token: agent.token })).status).toBe(403);
    expect((await h.request('DELETE', `/tickets/${ticket.id}`, { token: h.admin.token })).status).toBe(204);
    const gone = await h.request('GET', `/tickets/${ticket.id}`, { token: h.admin.token });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ticket.not_found');
  });

  it('resolves test or phone-solved tickets without a customer reply', async () => {
    const ticket = await createTicket();
    await act(ticket.id, 'take', agent.token);
    const resolved = await act(ticket.id, 'internal-resolve', agent.token, { reason: 'phone', note: '전화로 해결' });
    expect(resolved.body.status).toBe('resolved');
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agent.token })).body;
    expect(messages).toEqual([expect.objectContaining({ kind: 'internal_note', body: '[phone] 전화로 해결' })]);
  });

  it('refuses deleting a ticket that is not spam', async () => {
    const ticket = await createTicket();
    const refused = await h.request('DELETE', `/tickets/${ticket.id}`, { token: h.admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ticket.invalid_transition');
  });
});

describe('roles', () => {
  it('keeps organisation admins out of ticket work', async () => {
    const orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [] });
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'take', orgAdmin.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.forbidden');
  });

  it('keeps agents out of services they have no group in', async () => {
    const elsewhere = await h.createService('Elsewhere', ['Other']);
    const stranger = await h.createAgent({ groupIds: [elsewhere.groupIds[0]] });
    const ticket = await createTicket();
    const refused = await act(ticket.id, 'take', stranger.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.not_in_service');
  });
});

describe('task lists', () => {
  it('shows each agent their own work, newest first, a page at a time', async () => {
    const worker = await h.createAgent({ groupIds: [service.groupIds[1]] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ticket = await createTicket({ subject: `page ${i}` });
      await act(ticket.id, 'take', worker.token);
      ids.unshift(ticket.id);
    }
    await act(ids[0], 'hold', worker.token, { body: 'wait' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/tickets?list=mine_in_progress&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await h.request('GET', query, { token: worker.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids.slice(1));

    const onHold = await h.request('GET', '/tickets?list=mine_on_hold', { token: worker.token });
    expect(onHold.body.items.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
    const myGroups = await h.request('GET', '/tickets?list=my_groups&limit=100', { token: worker.token });
    expect(myGroups.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(ids));
    const unassigned = await h.request('GET', '/tickets?list=unassigned&limit=100', { token: worker.token });
    expect(unassigned.body.items.every((t: { status: string }) => t.status === 'unassigned')).toBe(true);
  });
});

describe('dashboard', () => {
  it('counts every task list and the ALL and MY counters', async () => {
    const elsewhere = await h.createService('Dashboard', ['대시보드']);
    const worker = await h.createAgent({ groupIds: elsewhere.groupIds });
    const create = async () =>
      (
        await h.request('POST', '/tickets', {
          token: h.admin.token,
          body: { serviceId: elsewhere.id, subject: 'count me', content: '...', customer: { email: 'd@example.com' } },
        })
      ).body.id as string;
    const [held, resolved, working, spam] = [await create(), await create(), await create(), await create()];
    await create();
    for (const id of [held, resolved, working]) await act(id, 'take', worker.token);
    await act(held, 'hold', worker.token, { body: 'wait' });
    await act(resolved, 'resolve', worker.token, { body: 'done' });
    await act(spam, 'internal-resolve', worker.token, { reason: 'spam' });

    const response = await h.request('GET', `/dashboard?serviceId=${elsewhere.id}&timezone=Asia/Seoul`, { token: worker.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      lists: {
        mine_in_progress: 1,
        mine_on_hold: 1,
        mine_resolved: 1,
        mine_closed: 0,
        all: 4,
        unassigned: 1,
        my_groups: 3,
        transferred: 0,
        spam: 1,
      },
      all: { receivedToday: 4, resolvedToday: 1, inProgress: 1, onHold: 1, unassigned: 1, processingRate: 0.25 },
      mine: { resolvedToday: 1, inProgress: 1, onHold: 1, transferring: 0, guidanceRequests: 0, callbacksDue: 0 },
    });
    const badZone = await h.request('GET', '/dashboard?timezone=Mars/Olympus', { token: worker.token });
    expect(badZone.status).toBe(400);
  });
});

describe('bad input changes nothing', () => {
  async function counts() {
    const [row] = await h.sql`select (select count(*) from tickets)::int as tickets, (select count(*) from ticket_events)::int as events`;
    return row;
  }

  it('answers 4xx with a stable code for every kind of bad request', async () => {
    const ticket = await createTicket();
    const before = await counts();
    const cases: [string, Promise<{ status: number; body: any }>, number, string][] = [
      ['no token', h.request('GET', '/tickets'), 401, 'auth.required'],
      ['bad token', h.request('GET', '/tickets', { token: 'cfs_nope' }), 401, 'auth.invalid_token'],
      [
        'malformed JSON',
        h.request('POST', '/tickets', { token: h.admin.token, rawBody: '{"subject": ', headers: { 'content-type': 'application/json' } }),
        400,
        'request.malformed',
      ],
      ['wrong types', h.request('POST', '/tickets', { token: h.admin.token, body: { serviceId: 7, subject: [] } }), 400, 'request.invalid'],
      [
        'no customer contact',
        h.request('POST', '/tickets', { token: h.admin.token, body: { serviceId: service.id, subject: 's', content: 'c', customer: {} } }),
        400,
        'request.invalid',
      ],
      [
        'unknown service',
        h.request('POST', '/tickets', {
          token: h.admin.token,
          body: { serviceId: 'S0', subject: 's', content: 'c', customer: { email: 'x@example.com' } },
        }),
        422,
        'request.invalid_reference',
      ],
      [
        'oversized body',
        h.request('POST', '/tickets', {
          token: h.admin.token,
          body: { serviceId: service.id, subject: 's', content: 'x'.repeat(100_000), customer: { email: 'x@example.com' } },
        }),
        413,
        'request.too_large',
      ],
      ['unknown ticket', act('T0000000000000none', 'take', agent.token), 404, 'ticket.not_found'],
      ['unknown list', h.request('GET', '/tickets?list=everything', { token: agent.token }), 400, 'request.invalid'],
      ['bad cursor', h.request('GET', '/tickets?cursor=zzz', { token: agent.token }), 400, 'request.invalid_cursor'],
      ['unknown reason', act(ticket.id, 'internal-resolve', agent.token, { reason: 'boredom' }), 400, 'request.invalid'],
      ['empty reply', act(ticket.id, 'comments', agent.token, { body: '   ' }), 400, 'request.invalid'],
      ['unknown route', h.request('GET', '/nowhere', { token: agent.token }), 404, 'route.not_found'],
      ['wrong password', h.request('POST', '/auth/login', { body: { email: 'admin@contactflow.test', password: 'nope' } }), 401, 'auth.invalid_credentials'],
    ];
    for (const [name, pending, status, code] of cases) {
      const response = await pending;
      expect({ name, status: response.status, code: response.body?.error?.code }).toEqual({ name, status, code });
      expect(typeof response.body.error.message).toBe('string');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('a worker restart', () => {
  it('finishes every command in flight exactly once', async () => {
    const tickets = await Promise.all(Array.from({ length: 8 }, () => createTicket()));
    await h.stopWorker();
    const pending = tickets.map((ticket) => act(ticket.id, 'take', agent.token));
    await h.startWorker();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.status)).toEqual(tickets.map(() => 200));

    const pendingHolds = tickets.map((ticket) => act(ticket.id, 'hold', agent.token, { body: 'hold on' }));
    await h.stopWorker();
    await h.startWorker();
    expect((await Promise.all(pendingHolds)).map((r) => r.status)).toEqual(tickets.map(() => 200));

    for (const ticket of tickets) {
      expect((await events(ticket.id)).map((e) => e.kind)).toEqual(['created', 'take', 'hold']);
    }
    const [{ count }] = await h.sql`select count(*)::int as count from ticket_messages where ticket_id in ${h.sql(tickets.map((t) => t.id))}`;
    expect(count).toBe(tickets.length);
  });
});

describe('login', () => {
  it('refuses further attempts after ten wrong passwords for an email', async () => {
    const target = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const login = (password: string) => h.request('POST', '/auth/login', { body: { email: target.email, password } });
    for (let i = 0; i < 10; i++) expect((await login('wrong-password')).status).toBe(401);
    const locked = await login('agent-password-1');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('auth.too_many_attempts');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are unaffected.
    expect((await h.request('POST', '/auth/login', { body: { email: 'admin@contactflow.test', password: 'admin-password-1' } })).status).toBe(200);
  });
});

describe('an unavailable database', () => {
  it('answers 503 with a retryable code instead of a 500', async () => {
    const { default: postgres } = await import('postgres');
    const { createApp } = await import('../../api/app');
    const { createLogger } = await import('../../infra/logger');
    const deadSql = postgres('postgres://nobody@127.0.0.1:1/none', { max: 1, connect_timeout: 2 });
    const app = createApp({ sql: deadSql, temporal: h.temporal, taskQueue: h.taskQueue, config: h.config, log: createLogger('silent') });
    const health = await app.request('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'unavailable', temporal: 'ok' });
    const tickets = await app.request('/tickets', { headers: { authorization: `Bearer ${h.admin.token}` } });
    expect(tickets.status).toBe(503);
    expect(tickets.headers.get('retry-after')).toBe('5');
    expect(((await tickets.json()) as { error: { code: string } }).error.code).toBe('database.unavailable');
    await deadSql.end();
  });
});

describe('Idempotency-Key', () => {
  const body = () => ({ serviceId: service.id, subject: '중복 접수', content: '같은 요청', customer: { email: 'retry@example.com' } });
  const post = (key: string, payload: unknown = body()) =>
    h.request('POST', '/tickets', { token: h.admin.token, body: payload, headers: { 'idempotency-key': key } });

  it('returns the same ticket for a retried creation, even when the retries race', async () => {
    const key = `key-${Date.now()}`;
    const responses = await Promise.all([post(key), post(key), post(key)]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    const later = await post(key);
    expect(later.body.id).toBe(id);
    const [{ count }] = await h.sql`select count(*)::int as count from tickets where subject = '중복 접수'`;
    expect(count).toBe(1);
    expect((await events(id)).map((e) => e.kind)).toEqual(['created']);
  });

  it('still answers after the ticket was closed and its workflow finished', async () => {
    const key = `closed-${Date.now()}`;
    const first = await post(key);
    await act(first.body.id, 'take', agent.token);
    await act(first.body.id, 'resolve', agent.token, { body: 'done' });
    await act(first.body.id, 'complete', h.admin.token);
    const again = await post(key);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'closed' });
  });

  it('refuses a key reused for a different request', async () => {
    const key = `reuse-${Date.now()}`;
    await post(key);
    const refused = await post(key, { ...body(), subject: '다른 요청' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('idempotency.key_reused');
  });
});
