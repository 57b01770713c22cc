/**
 * Triggers end to end: published through the API, run by the ticket workflow on real Temporal and
 * PostgreSQL, with email to a real SMTP peer and callback URLs / Dooray hooks to loopback HTTP receivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { startHttpReceiver, type HttpReceiver } from '../support/http-receiver';
import { createCategory, defineTrigger, publish, settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { expectSimulationAnswer, expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;
let smtp: SmtpPeer;
let receiver: HttpReceiver;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  receiver = await startHttpReceiver();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
  await receiver?.stop();
});

/** A fresh service per test, so each test's triggers and rule-set versions are its own. */
async function setup() {
  const service = await h.createService(undefined, ['결제', '회원정보']);
  const agents = [];
  for (const name of ['예시01', '예시02', '예시03']) agents.push(await h.createAgent({ groupIds: [service.groupIds[0]], name }));
  return { service, agents, groupId: service.groupIds[0] };
}

async function createTicket(serviceId: string, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject: '문의', content: '내용', customer: { name: '홍길동', email: 'customer@example.com' }, ...overrides },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** The ticket's evaluations, each checked against the route's strict response schema. */
const trace = async (ticketId: string) => {
  const body = (await h.request('GET', `/tickets/${ticketId}/trace`, { token: h.admin.token })).body;
  expectTraceAnswer(body);
  return body;
};
const kinds = async (ticketId: string) =>
  (await h.request('GET', `/tickets/${ticketId}/events`, { token: h.admin.token })).body.map((e: { kind: string }) => e.kind);

describe('assignment', () => {
  it('runs the manual’s example: intake type = bank transfer → assign 예시01 in 결제', async () => {
    const { service, agents, groupId } = await setup();
    const payment = await createCategory(h, service.id, '결제');
    const bankTransfer = await createCategory(h, service.id, '계좌이체', payment);
    await defineTrigger(h, service.id, {
      title: '계좌이체 → 예시01',
      all: [{ field: 'intakeType', operator: 'equals', value: bankTransfer }],
      results: [{ type: 'assign', groupId, strategy: 'agent', agentId: agents[0].id }],
    });
    const version = await publish(h, service.id);

    const ticket = await createTicket(service.id, { intakeTypeId: bankTransfer });
    expect(ticket).toMatchObject({ status: 'in_progress', assigneeId: agents[0].id, groupId });
    expect(await kinds(ticket.id)).toEqual(['created', 'trigger']);

    const [evaluation] = await trace(ticket.id);
    expect(evaluation).toMatchObject({ event: 'created', versionId: version.id, versionNumber: 1, evaluator: 'fast' });
    const [firstPass] = evaluation.trace.passes;
    expect(firstPass.triggers[0]).toMatchObject({ title: '계좌이체 → 예시01', fired: true });
    expect(firstPass.triggers[0].conditions[0]).toMatchObject({ field: 'intakeType', operator: 'equals', actual: bankTransfer, held: true });
    expect(evaluation.trace.changes).toEqual({ status: ['unassigned', 'in_progress'], groupId: [null, groupId], assigneeId: [null, agents[0].id] });

    const other = await createTicket(service.id);
    expect(other.status).toBe('unassigned');
    expect((await trace(other.id))[0].trace.passes[0].triggers[0].conditions[0]).toMatchObject({ actual: null, held: false });
  });

  it('lets the last of several assignments win', async () => {
    const { service, agents, groupId } = await setup();
    for (const agent of [agents[0], agents[1]]) {
      await defineTrigger(h, service.id, { title: `to ${agent.id}`, results: [{ type: 'assign', groupId, strategy: 'agent', agentId: agent.id }] });
    }
    await publish(h, service.id);
    const ticket = await createTicket(service.id);
    expect(ticket.assigneeId).toBe(agents[1].id);
  });

  it('walks the group round robin in the order agents were added', async () => {
    const { service, agents, groupId } = await setup();
    await defineTrigger(h, service.id, { title: 'rr', events: ['created'], results: [{ type: 'assign', groupId, strategy: 'roundRobin' }] });
    await publish(h, service.id);
    const assignees = [];
    for (let i = 0; i < 6; i++) assignees.push((await createTicket(service.id)).assigneeId);
    const ids = agents.map((agent) => agent.id);
    expect(assignees).toEqual([...ids, ...ids]);
  });

  it('gives least-loaded assignments to the agent with the fewest open tickets', async () => {
    const { service, agents, groupId } = await setup();
    for (const agent of [agents[0], agents[0], agents[1]]) {
      const ticket = await createTicket(service.id);
      await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} });
    }
    await defineTrigger(h, service.id, { title: 'least', events: ['created'], results: [{ type: 'assign', groupId, strategy: 'leastLoaded' }] });
    await publish(h, service.id);
    expect((await createTicket(service.id)).assigneeId).toBe(agents[2].id);
    // 예시03 now has one like 예시02: the tie goes to the one assigned longest ago.
    expect((await createTicket(service.id)).assigneeId).toBe(agents[1].id);
  });
});

describe('the cycle', () => {
  it('runs passes until nothing changes, so a trigger sees what an earlier one changed', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'escalate',
      all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }],
      results: [{ type: 'addTags', tags: ['escalated'] }],
    });
    await defineTrigger(h, service.id, {
      title: 'urgent words',
      all: [{ field: 'subject', operator: 'contains', value: '긴급' }],
      results: [{ type: 'setPriority', priority: 'urgent' }],
    });
    await publish(h, service.id);

    // On created there is no previous ticket, so "changed to" never holds: a created urgent ticket is not "escalated".
    const created = await createTicket(service.id, { subject: '긴급 결제 오류' });
    expect(created).toMatchObject({ priority: 'urgent', tags: [] });

    const ticket = await createTicket(service.id, { subject: '결제 오류' });
    const agent = await h.createAgent({ groupIds: service.groupIds });
    await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: { groupId: service.groupIds[0] } });
    await h.request('PUT', `/triggers/${(await h.request('GET', `/services/${service.id}/triggers`, { token: h.admin.token })).body.triggers[1].id}`, {
      token: h.admin.token,
      body: {
        title: 'urgent words',
        enabled: true,
        events: ['created', 'updated'],
        conditions: { all: [{ field: 'status', operator: 'equals', value: 'on_hold' }], any: [] },
        results: [{ type: 'setPriority', priority: 'urgent' }],
      },
    });
    await publish(h, service.id);
    const held = await h.request('POST', `/tickets/${ticket.id}/hold`, { token: agent.token, body: { body: '확인 중' } });
    expect(held.body).toMatchObject({ status: 'on_hold', priority: 'urgent', tags: ['escalated'] });
    const evaluations = await trace(ticket.id);
    const last = evaluations[evaluations.length - 1].trace;
    expect(last.passes.map((p: { triggers: { title: string; fired: boolean }[] }) => p.triggers.filter((t) => t.fired).map((t) => t.title))).toEqual([
      ['urgent words'],
      ['escalate'],
      [],
    ]);
    expect(last.capped).toBe(false);
  });

  it('tells "status is on hold" from "status became on hold"', async () => {
    const { service, agents } = await setup();
    await defineTrigger(h, service.id, { title: 'is', events: ['updated'], all: [{ field: 'status', operator: 'equals', value: 'on_hold' }], results: [{ type: 'addTags', tags: ['is-held'] }] });
    await defineTrigger(h, service.id, { title: 'became', events: ['updated'], all: [{ field: 'status', operator: 'changedTo', value: 'on_hold' }], results: [{ type: 'addTags', tags: ['became-held'] }] });
    await publish(h, service.id);
    const ticket = await createTicket(service.id);
    await h.request('POST', `/tickets/${ticket.id}/take`, { token: agents[0].token, body: {} });
    await h.request('POST', `/tickets/${ticket.id}/hold`, { token: agents[0].token, body: { body: 'wait' } });
    await h.request('POST', `/tickets/${ticket.id}/comments`, { token: agents[0].token, body: { body: 'note' } });
    const evaluations = await trace(ticket.id);
    const fired = (n: number) => evaluations[n].trace.passes[0].triggers.filter((t: { fired: boolean }) => t.fired).map((t: { title: string }) => t.title);
    expect(evaluations.map((e: { event: string }) => e.event)).toEqual(['created', 'updated', 'updated', 'updated']);
    expect(fired(2)).toEqual(['is', 'became']);
    expect(fired(3)).toEqual(['is']);
  });

  it('knows whether the ticket arrived within business hours', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'after hours',
      events: ['created'],
      all: [{ field: 'withinBusinessHours', operator: 'equals', value: false }],
      results: [{ type: 'addTags', tags: ['after-hours'] }],
    });
    await publish(h, service.id);
    expect((await createTicket(service.id)).tags).toEqual([]);
    // A schedule with no windows is closed all the time.
    const closed = await h.request('PUT', `/services/${service.id}/business-hours`, {
      token: h.admin.token,
      body: { timezone: 'Asia/Seoul', weekly: [], holidays: [] },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await createTicket(service.id)).tags).toEqual(['after-hours']);
  });

  it('stops after ten passes and says so in the trace', async () => {
    const { service } = await setup();
    for (let i = 0; i < 12; i++) {
      await defineTrigger(h, service.id, {
        title: `chain ${i}`,
        events: ['created'],
        all: [{ field: 'tags', operator: 'contains', value: `t${i}` }],
        results: [{ type: 'addTags', tags: [`t${i + 1}`] }],
      });
    }
    await publish(h, service.id);
    const ticket = await createTicket(service.id, { tags: ['t0'] });
    expect(ticket.tags).toEqual(Array.from({ length: 11 }, (_, i) => `t${i}`));
    const [evaluation] = await trace(ticket.id);
    expect(evaluation.trace.passes).toHaveLength(10);
    expect(evaluation.trace.capped).toBe(true);
  });

  it('runs no triggers on closed tickets', async () => {
    const { service, agents } = await setup();
    await defineTrigger(h, service.id, { title: 'any update', events: ['updated'], results: [{ type: 'addTags', tags: ['touched'] }] });
    await publish(h, service.id);
    const ticket = await createTicket(service.id);
    await h.request('POST', `/tickets/${ticket.id}/take`, { token: agents[0].token, body: {} });
    await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agents[0].token, body: { body: 'done' } });
    const before = (await trace(ticket.id)).length;
    const closed = await h.request('POST', `/tickets/${ticket.id}/complete`, { token: h.admin.token, body: {} });
    expect(closed.body.status).toBe('closed');
    expect((await trace(ticket.id)).length).toBe(before);
  });
});

describe('side effects', () => {
  it('emails the customer once with substitution codes filled', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'acknowledge',
      events: ['created'],
      results: [
        {
          type: 'notifyEmail',
          to: 'customer',
          messages: {
            ko: { subject: '[#{service.name}] 문의 접수: #{ticket.subject}', body: '#{customer.name}님, 문의(#{ticket.id})가 접수되었습니다.' },
            en: { subject: 'Received: #{ticket.subject}', body: 'Hello #{customer.name}' },
          },
        },
      ],
    });
    await publish(h, service.id);
    const already = smtp.messages.length;
    const ticket = await createTicket(service.id, { subject: '환불 요청' });
    expect(await settledSideEffects(h, ticket.id)).toEqual([{ status: 'sent' }]);
    const mail = (await smtp.waitFor(already + 1)).filter((m) => m.messageId.includes(ticket.id));
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['customer@example.com']);
    expect(mail[0].subject).toMatch(/^\[Service [0-9a-f]{8}\] 문의 접수: 환불 요청$/);
    expect(mail[0].body).toContain(`홍길동님, 문의(${ticket.id})가 접수되었습니다.`);
  });

  it('calls a callback URL with the filled JSON payload, retrying a failing API without duplicates', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'tell the back end',
      events: ['created'],
      results: [{ type: 'callbackUrl', url: `${receiver.url}/hooks/tickets`, payloadTemplate: '{"ticket":"#{ticket.id}","subject":"#{ticket.subject}","customer":"#{customer.name}"}' }],
    });
    await publish(h, service.id);
    receiver.failNext(2, 503);
    const ticket = await createTicket(service.id, { subject: 'He said "hi"\n' });
    await settledSideEffects(h, ticket.id);
    const calls = receiver.requests.filter((r) => r.body?.ticket === ticket.id);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(calls[2].body).toEqual({ ticket: ticket.id, subject: 'He said "hi"', customer: '홍길동' });
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set([`${ticket.id}-1-0`]));
    const [evaluation] = await trace(ticket.id);
    expect(evaluation.sideEffects).toEqual([
      expect.objectContaining({ type: 'callbackUrl', status: 'sent', attempts: 3, detail: { httpStatus: 200 } }),
    ]);
  });

  it('gives up at once on a callback URL that rejects the request', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'rejected',
      events: ['created'],
      results: [{ type: 'callbackUrl', url: `${receiver.url}/rejects`, payloadTemplate: '{"ticket":"#{ticket.id}"}' }],
    });
    await publish(h, service.id);
    receiver.failNext(1, 400);
    const ticket = await createTicket(service.id);
    expect(await settledSideEffects(h, ticket.id)).toEqual([{ status: 'failed' }]);
    const [evaluation] = await trace(ticket.id);
    expect(evaluation.sideEffects[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('400') });
  });

  it('posts Dooray! Messenger notifications in the hook shape', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'dooray',
      events: ['created'],
      results: [{ type: 'doorayNotify', hookUrl: `${receiver.url}/services/dooray-hook`, template: '새 문의 #{ticket.id}: #{ticket.subject}' }],
    });
    await publish(h, service.id);
    const ticket = await createTicket(service.id, { subject: '로그인 불가' });
    await settledSideEffects(h, ticket.id);
    const [hook] = receiver.requests.filter((r) => r.path === '/services/dooray-hook' && r.body.text.includes(ticket.id));
    expect(hook.body).toMatchObject({ botName: 'Contactflow', text: `새 문의 ${ticket.id}: 로그인 불가` });
    expect(hook.body.attachments[0]).toMatchObject({ title: '로그인 불가', titleLink: expect.stringContaining(ticket.id) });
  });

  it('forwards by email and then completes the ticket', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'forward to partner',
      events: ['created'],
      all: [{ field: 'tags', operator: 'contains', value: 'partner' }],
      results: [{ type: 'forwardEmail', to: ['partner@example.com'], thenComplete: true }],
    });
    await publish(h, service.id);
    const ticket = await createTicket(service.id, { tags: ['partner'], subject: '제휴 문의' });
    await expect(h.temporal.workflow.getHandle(`ticket-${ticket.id}`).result()).resolves.toMatchObject({ status: 'closed' });
    const mail = smtp.messages.find((m) => m.messageId.includes(ticket.id))!;
    expect(mail.to).toEqual(['partner@example.com']);
    expect(mail.body).toContain(`/studio/#/tickets/${ticket.id}`);
    expect(await kinds(ticket.id)).toEqual(['created', 'trigger_complete']);
  });

  it('performs a side effect once even when the worker dies between attempts', async () => {
    const { service } = await setup();
    await defineTrigger(h, service.id, {
      title: 'crash',
      events: ['created'],
      results: [{ type: 'callbackUrl', url: `${receiver.url}/crash`, payloadTemplate: '{"ticket":"#{ticket.id}"}' }],
    });
    await publish(h, service.id);
    const seen = receiver.requests.length;
    receiver.failNext(1, 503);
    const ticket = await createTicket(service.id);
    await receiver.waitForRequests(seen + 1);
    await h.stopWorker();
    await h.startWorker();
    await settledSideEffects(h, ticket.id);
    const calls = receiver.requests.filter((r) => r.path === '/crash' && r.body.ticket === ticket.id);
    expect(calls.map((c) => c.status)).toEqual([503, 200]);
  });
});

describe('versions', () => {
  it('pins each evaluation to the version published at the time, and rollback republishes', async () => {
    const { service, agents, groupId } = await setup();
    const triggerId = await defineTrigger(h, service.id, { title: 'assign', events: ['created'], results: [{ type: 'assign', groupId, strategy: 'agent', agentId: agents[0].id }] });
    const v1 = await publish(h, service.id);
    const first = await createTicket(service.id);

    const edited = await h.request('PUT', `/triggers/${triggerId}`, {
      token: h.admin.token,
      body: { title: 'assign', enabled: true, events: ['created'], conditions: { all: [{ field: 'subject', operator: 'isNotEmpty' }], any: [] }, results: [{ type: 'assign', groupId, strategy: 'agent', agentId: agents[1].id }] },
    });
    expect(edited.status).toBe(200);
    // A draft edit changes nothing until it is published.
    expect((await createTicket(service.id)).assigneeId).toBe(agents[0].id);
    await publish(h, service.id);
    const second = await createTicket(service.id);

    const rollback = await h.request('POST', `/rule-versions/${v1.id}/rollback`, { token: h.admin.token, body: {} });
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(201);
    const third = await createTicket(service.id);

    expect([first, second, third].map((t) => t.assigneeId)).toEqual([agents[0].id, agents[1].id, agents[0].id]);
    const numbers = await Promise.all([first, second, third].map(async (t) => (await trace(t.id))[0].versionNumber));
    expect(numbers).toEqual([1, 2, 3]);
  });
});

describe('simulate', () => {
  it('returns the trace a draft would produce and changes nothing', async () => {
    const { service, agents, groupId } = await setup();
    await defineTrigger(h, service.id, {
      title: 'vip',
      all: [{ field: 'subject', operator: 'contains', value: 'VIP' }],
      results: [
        { type: 'assign', groupId, strategy: 'roundRobin' },
        { type: 'setPriority', priority: 'high' },
        { type: 'notifyEmail', to: 'customer', messages: { ko: { subject: 's', body: 'b' } } },
        { type: 'callbackUrl', url: `${receiver.url}/simulated`, payloadTemplate: '{}' },
      ],
    });
    const stored = await createTicket(service.id, { subject: 'VIP 고객 문의' });
    const counts = async () =>
      (await h.sql`select (select count(*) from tickets)::int t, (select count(*) from ticket_events)::int e,
        (select count(*) from trigger_side_effects)::int s, (select count(*) from assignment_decisions)::int d,
        (select count(*) from round_robin_cursors)::int c, (select count(*) from trigger_evaluations)::int v`)[0];
    const before = await counts();
    const mailsBefore = smtp.messages.length;
    const requestsBefore = receiver.requests.length;

    const bySnapshot = await h.request('POST', '/rules/simulate', {
      token: agents[0].token,
      body: { serviceId: service.id, version: 'draft', ticket: { subject: 'VIP 환불' } },
    });
    expect(bySnapshot.status, JSON.stringify(bySnapshot.body)).toBe(200);
    expectSimulationAnswer(bySnapshot.body);
    expect(bySnapshot.body).toMatchObject({ version: { id: 'draft', number: null }, event: 'created', ticket: { assigneeId: agents[0].id, priority: 'high', status: 'in_progress' } });
    expect(bySnapshot.body.trace.sideEffects.map((e: { result: { type: string } }) => e.result.type)).toEqual(['notifyEmail', 'callbackUrl']);

    const byTicket = await h.request('POST', '/rules/simulate', { token: h.admin.token, body: { serviceId: service.id, ticketId: stored.id } });
    expectSimulationAnswer(byTicket.body);
    expect(byTicket.body.trace.passes[0].triggers[0]).toMatchObject({ fired: true });

    expect(await counts()).toEqual(before);
    expect(smtp.messages.length).toBe(mailsBefore);
    expect(receiver.requests.length).toBe(requestsBefore);
  });

  it('refuses unknown versions, missing previous snapshots and bad bodies', async () => {
    const { service } = await setup();
    const cases: [unknown, number, string][] = [
      [{ serviceId: service.id, version: 'V0', ticket: {} }, 404, 'rule_version.not_found'],
      [{ serviceId: service.id, version: 'published', ticket: {} }, 404, 'rule_version.not_found'],
      [{ serviceId: service.id, ticket: {}, event: 'updated' }, 422, 'simulation.previous_required'],
      [{ serviceId: service.id }, 400, 'request.invalid'],
      [{ serviceId: service.id, ticket: { priority: 'panic' } }, 400, 'request.invalid'],
      [{ serviceId: 'S0', ticket: {} }, 404, 'service.not_found'],
    ];
    for (const [body, status, code] of cases) {
      const response = await h.request('POST', '/rules/simulate', { token: h.admin.token, body });
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status, code });
    }
  });
});
