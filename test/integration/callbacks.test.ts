/**
 * Callback requests end to end through the HTTP API, on real PostgreSQL and Temporal: IVR routes, intake with
 * idempotency and refusals, the lifecycle (assign, connect, complete, cancel, register history), who may do what,
 * even and manual assignment with phone presence, concurrent assignment, durable reminders, processing status and
 * its exports, and the dashboard's "callbacks due".
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackWorkflowId } from '../../domain/callback';
import { callbackReminderQuery, callbackReminderSentUpdate } from '../../workflows/callback';
import { startHarness, type Harness } from '../support/harness';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let h: Harness;
let smtp: SmtpPeer;
let service: { id: string; name: string; groupIds: string[] };
let route: { id: string; code: string };
let agentA: { id: string; token: string };
let agentB: { id: string; token: string };
let assigner: { id: string; token: string };
let secondAdmin: { id: string; token: string };
let phoneSystem: string;

const FUTURE = () => new Date(Date.now() + 3_600_000).toISOString();
let codeSeq = 0;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
  service = await h.createService();
  agentA = await h.createAgent({ groupIds: [service.groupIds[0]], name: '상담원A', permissions: ['ticket', 'phone'] });
  agentB = await h.createAgent({ groupIds: [service.groupIds[0]], name: '상담원B', permissions: ['ticket', 'phone'] });
  assigner = await h.createAgent({ groupIds: [service.groupIds[1]], name: '할당자', permissions: ['ticket', 'phone', 'callback_assign'] });
  secondAdmin = await h.createAgent({ role: 'admin', groupIds: [service.groupIds[0]], name: '관리자2' });
  route = await createRoute({ code: 'PAY-CARD', name: '결제 > 신용카드' });
  const issued = await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'phone system', scopes: ['callbacks:write', 'callbacks:read'] } });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  phoneSystem = issued.body.token;
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

async function createRoute(overrides: Record<string, unknown> = {}, serviceId = service.id) {
  const response = await h.request('POST', '/ivr-routes', {
    token: h.admin.token,
    body: { serviceId, code: `R${++codeSeq}`, name: `경로 ${codeSeq}`, ...overrides },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; code: string };
}

async function intake(body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await h.request('POST', '/callbacks', { token: phoneSystem, headers, body: { routeCode: route.code, phone: '010-1234-5678', ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const act = (id: string, action: string, token: string, body: unknown = {}) => h.request('POST', `/callbacks/${id}/${action}`, { token, body });
const assign = (token: string, callbackIds: string[], agentIds: string[], mode = 'manual', loggedInOnly = false) =>
  h.request('POST', '/callbacks/assign', { token, body: { callbackIds, agentIds, mode, loggedInOnly } });
const callbackCount = async () => (await h.sql`select count(*)::int as n from callbacks`)[0].n as number;
const events = async (id: string) => (await h.request('GET', `/callbacks/${id}/events`, { token: h.admin.token })).body as { kind: string; actorId: string | null; changes: Record<string, [unknown, unknown]> }[];

describe('IVR routes', () => {
  it('lets admins add, change and delete routes, with codes unique in the organisation', async () => {
    const created = await createRoute({ code: 'IVR-1', name: '회원정보', unassignedAfter: '15m', dueAfter: '2h', escalateAfter: '1h' });
    expect(created).toMatchObject({ code: 'IVR-1', name: '회원정보', unassignedAfter: '15m', dueAfter: '2h', escalateAfter: '1h', intakeTypeId: null });
    const taken = await h.request('POST', '/ivr-routes', { token: h.admin.token, body: { serviceId: service.id, code: 'IVR-1', name: 'again' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ivr_route.code_taken');
    const byAgent = await h.request('POST', '/ivr-routes', { token: agentA.token, body: { serviceId: service.id, code: 'IVR-2', name: 'x' } });
    expect(byAgent.status).toBe(403);
    const badDuration = await h.request('POST', '/ivr-routes', { token: h.admin.token, body: { serviceId: service.id, code: 'IVR-3', name: 'x', dueAfter: 'soon' } });
    expect(badDuration.status).toBe(400);
    const changed = await h.request('PUT', `/ivr-routes/${created.id}`, { token: h.admin.token, body: { code: 'IVR-1B', name: '회원정보 변경' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'IVR-1B', unassignedAfter: '30m' });
    expect((await h.request('DELETE', `/ivr-routes/${created.id}`, { token: h.admin.token })).status).toBe(204);
    const list = await h.request('GET', `/ivr-routes?serviceId=${service.id}`, { token: agentA.token });
    expect(list.body.map((r: { code: string }) => r.code)).not.toContain('IVR-1B');
    expect((await h.auditRows(created.id)).map((row) => row.action)).toEqual(['ivr_route.created', 'ivr_route.updated', 'ivr_route.deleted']);
  });
});

describe('intake', () => {
  it('registers a request as a workflow with its search attributes and first event', async () => {
    const first = await intake({ customerRef: 'member-77', requestedAt: FUTURE() });
    expect(first).toMatchObject({ status: 'registered', phone: '01012345678', route: { code: route.code, name: '결제 > 신용카드' }, attempts: 0, assignee: null });
    expect(first.id).toMatch(/^C\d{13}[A-Za-z0-9]{4}$/);
    const description = await h.temporal.workflow.getHandle(callbackWorkflowId(first.id)).describe();
    expect(description.type).toBe('callbackWorkflow');
    expect(description.searchAttributes.CallbackStatus).toEqual(['registered']);
    expect((await events(first.id)).map((e) => e.kind)).toEqual(['registered']);

    // Operators find it as a callback with its route and phone number.
    const listed = await h.request('GET', `/operations/workflows/${callbackWorkflowId(first.id)}`, { token: h.admin.token });
    expect(listed.body).toMatchObject({
      kind: 'callback',
      status: 'running',
      businessObject: { kind: 'callback', id: first.id, title: '결제 > 신용카드 · 01012345678', status: 'registered' },
    });
  });

  it('returns the same request for a repeated key and body, and refuses the key for another body', async () => {
    const body = { routeCode: route.code, phone: '02-555-0101' };
    const one = await h.request('POST', '/callbacks', { token: phoneSystem, headers: { 'idempotency-key': 'k-2' }, body });
    const two = await h.request('POST', '/callbacks', { token: phoneSystem, headers: { 'idempotency-key': 'k-2' }, body });
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
    expect(two.body.id).toBe(one.body.id);
    expect(two.headers.get('idempotent-replayed')).toBe('true');
    const other = await h.request('POST', '/callbacks', { token: phoneSystem, headers: { 'idempotency-key': 'k-2' }, body: { ...body, phone: '02-555-0102' } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.key_reused');
    expect((await h.sql`select count(*)::int as n from callbacks where phone = '025550101'`)[0].n).toBe(1);
  });

  it('refuses unknown routes, malformed phone numbers and times in the past with 422, changing nothing', async () => {
    const before = await callbackCount();
    const cases = [
      [{ routeCode: 'NOPE', phone: '010-1234-5678' }, 'routeCode'],
      [{ routeCode: route.code, phone: 'call me maybe' }, 'phone'],
      [{ routeCode: route.code, phone: '12' }, 'phone'],
      [{ routeCode: route.code, phone: '010-1234-5678', requestedAt: new Date(Date.now() - 3_600_000).toISOString() }, 'requestedAt'],
      [{ routeCode: route.code, phone: '010-1234-5678', requestedAt: 'tomorrow' }, 'requestedAt'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await h.request('POST', '/callbacks', { token: phoneSystem, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.code).toBe('callback.invalid');
      expect(response.body.error.details.issues[0].path).toEqual([field]);
    }
    expect(await callbackCount()).toBe(before);
  });

  it('hands out no answer URL and refuses signed URLs while no signing key is configured', async () => {
    expect((await intake()).answerUrl).toBeNull();
    const response = await h.request('POST', '/hooks/w/k1.e30.AAAA', { body: { outcome: 'answered' } });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: 'hook.invalid_token', details: { reason: 'no_signing_key' } });
    const mint = await h.request('POST', '/hook-tokens', { token: h.admin.token, body: { workflowId: 'callback-C1', action: 'answer' } });
    expect(mint.status).toBe(409);
    expect(mint.body.error.code).toBe('hook.unconfigured');
  });

  it('needs the callbacks:write scope from an API client', async () => {
    const readOnly = (await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'reader', scopes: ['tickets:read'] } })).body.token;
    const response = await h.request('POST', '/callbacks', { token: readOnly, body: { routeCode: route.code, phone: '010-1234-5678' } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.scope_missing');
  });
});

describe('lifecycle and permissions', () => {
  it('assigns, records attempts, registers history as a phone ticket and completes; only the assignee acts', async () => {
    const existing = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, channel: 'phone', subject: '이전 문의', content: '지난주 통화', customer: { phone: '01099998888', name: '김고객' } },
    });
    const callback = await intake({ phone: '010-9999-8888' });
    const assigned = await assign(h.admin.token, [callback.id], [agentA.id]);
    expect(assigned.body).toEqual({ done: [{ callbackId: callback.id, agentId: agentA.id }], skipped: [] });

    for (const [token, who] of [[agentB.token, 'another agent'], [h.admin.token, 'an admin']] as const) {
      const refused = await act(callback.id, 'connect', token, { outcome: 'answered' });
      expect(refused.status, who).toBe(403);
      expect(refused.body.error.code).toBe(token === agentB.token ? 'callback.forbidden' : 'callback.not_assignee');
    }
    expect((await act(callback.id, 'complete', h.admin.token)).status).toBe(403);
    expect((await act(callback.id, 'register-history', agentB.token)).status).toBe(403);

    const first = await act(callback.id, 'connect', agentA.token, { outcome: 'no_answer' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'unprocessed', attempts: 1, assignee: { id: agentA.id, name: '상담원A' } });
    expect((await act(callback.id, 'connect', agentA.token, { outcome: 'answered', note: '통화 완료' })).body.attempts).toBe(2);
    expect((await act(callback.id, 'connect', agentA.token, { outcome: 'hung_up' })).status).toBe(400);

    const registered = await act(callback.id, 'register-history', agentA.token, { subject: '콜백 상담', content: '카드 결제 취소 요청' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const ticketId = registered.body.ticketId as string;
    const ticket = (await h.request('GET', `/tickets/${ticketId}`, { token: agentA.token })).body;
    expect(ticket).toMatchObject({ channel: 'phone', subject: '콜백 상담', creatorId: agentA.id, tags: ['callback'] });
    // The agent who made the call keeps the ticket.
    expect(ticket).toMatchObject({ status: 'in_progress', assigneeId: agentA.id });
    expect(ticket.customer.id).toBe(existing.body.customer.id);
    const linked = await h.request('GET', `/callbacks?ticketId=${ticketId}`, { token: h.admin.token });
    expect(linked.body.items.map((c: { id: string }) => c.id)).toEqual([callback.id]);
    expect((await act(callback.id, 'register-history', agentA.token, {})).body.error.code).toBe('callback.history_registered');

    const done = await act(callback.id, 'complete', agentA.token);
    expect(done.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await h.temporal.workflow.getHandle(callbackWorkflowId(callback.id)).describe()).status.name).toBe('COMPLETED');
    const after = await act(callback.id, 'connect', agentA.token, { outcome: 'answered' });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('callback.finished');
    expect((await events(callback.id)).map((e) => [e.kind, e.changes.outcome?.[1] ?? null])).toEqual([
      ['registered', null],
      ['assign', null],
      ['connect', 'no_answer'],
      ['connect', 'answered'],
      ['register_history', null],
      ['complete', null],
    ]);
  });

  it('cancels assignments of incomplete requests only, making them reassignable', async () => {
    const open = await intake();
    const finished = await intake();
    await assign(h.admin.token, [open.id, finished.id], [agentB.id]);
    await act(finished.id, 'complete', agentB.token);
    const cancelled = await h.request('POST', '/callbacks/cancel-assignment', { token: assigner.token, body: { callbackIds: [open.id, finished.id] } });
    expect(cancelled.body.done).toEqual([{ callbackId: open.id, agentId: null }]);
    expect(cancelled.body.skipped).toEqual([expect.objectContaining({ callbackId: finished.id, code: 'callback.finished' })]);
    expect((await h.request('GET', `/callbacks/${open.id}`, { token: h.admin.token })).body).toMatchObject({ status: 'cancelled', assignee: null });
    const again = await assign(assigner.token, [open.id], [agentA.id]);
    expect(again.body.done).toEqual([{ callbackId: open.id, agentId: agentA.id }]);
    const twice = await assign(assigner.token, [open.id], [agentB.id]);
    expect(twice.body.skipped).toEqual([expect.objectContaining({ callbackId: open.id, code: 'callback.not_assignable' })]);
  });

  it('shows agents only their own requests, and keeps assignment to admins and assigners', async () => {
    const mine = await intake();
    const theirs = await intake();
    await assign(h.admin.token, [mine.id], [agentB.id]);
    await assign(h.admin.token, [theirs.id], [agentA.id]);
    const list = await h.request('GET', '/callbacks?limit=200', { token: agentB.token });
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((c: { assignee: { id: string } | null }) => c.assignee?.id === agentB.id)).toBe(true);
    expect((await h.request('GET', `/callbacks/${theirs.id}`, { token: agentB.token })).status).toBe(403);
    expect((await h.request('GET', `/callbacks/${theirs.id}/events`, { token: agentB.token })).status).toBe(403);
    const refused = await assign(agentB.token, [mine.id], [agentB.id]);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('callback.assign_forbidden');
    expect((await h.request('POST', '/callbacks/cancel-assignment', { token: agentB.token, body: { callbackIds: [mine.id] } })).status).toBe(403);
    expect((await h.request('GET', `/callbacks/${mine.id}`, { token: h.admin.token })).body.assignee.id).toBe(agentB.id);
    const all = await h.request('GET', '/callbacks?limit=200', { token: assigner.token });
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const unknown = await assign(h.admin.token, ['C0000000000000nope'], [agentA.id]);
    expect(unknown.status).toBe(404);
    const notAgent = await assign(h.admin.token, [mine.id], ['A0000000000000nope']);
    expect(notAgent.status).toBe(422);
  });

  it('filters the admin list by period, route, status, phone, assigner and assignee', async () => {
    const other = await createRoute({ code: 'FILTER-R' });
    const a = await intake({ phone: '031-777-1234' });
    const b = await intake({ routeCode: other.code, phone: '031-777-9999' });
    await assign(assigner.token, [b.id], [agentA.id]);
    const query = async (q: string) => ((await h.request('GET', `/callbacks?${q}`, { token: h.admin.token })).body.items as { id: string }[]).map((c) => c.id);
    expect(await query('phone=777-1234')).toEqual([a.id]);
    expect(await query(`routeId=${other.id}`)).toEqual([b.id]);
    expect(await query(`assignerId=${assigner.id}&routeId=${other.id}`)).toEqual([b.id]);
    expect(await query(`assigneeId=${agentA.id}&routeId=${other.id}&status=unprocessed`)).toEqual([b.id]);
    expect(await query(`status=registered&phone=0317771234`)).toEqual([a.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await query(`from=${today}&to=${today}&phone=031777`)).toEqual([b.id, a.id]);
    expect(await query(`from=2020-12-01&to=2020-12-31&phone=031777`)).toEqual([]);
  });
});

describe('assignment', () => {
  it('spreads requests evenly, fewest open first, optionally only to agents logged in to the phone', async () => {
    const s = await h.createService();
    const r = await createRoute({ code: 'EVEN' }, s.id);
    const [p, q, x] = [
      await h.createAgent({ groupIds: [s.groupIds[0]], name: 'P' }),
      await h.createAgent({ groupIds: [s.groupIds[0]], name: 'Q' }),
      await h.createAgent({ groupIds: [s.groupIds[0]], name: 'X' }),
    ];
    const make = async () => (await intake({ routeCode: r.code })).id as string;
    const head = await make();
    await assign(h.admin.token, [head], [p.id]);
    const batch = [await make(), await make(), await make(), await make(), await make()];
    const even = await assign(h.admin.token, batch, [p.id, q.id], 'even');
    const counts = (ids: { agentId: string }[]) => ids.reduce<Record<string, number>>((all, d) => ({ ...all, [d.agentId]: (all[d.agentId] ?? 0) + 1 }), {});
    // P starts with one open request: Q gets the first, then they alternate.
    expect(even.body.done.map((d: { agentId: string }) => d.agentId)).toEqual([q.id, p.id, q.id, p.id, q.id]);
    expect(counts(even.body.done)).toEqual({ [q.id]: 3, [p.id]: 2 });

    const presence = await h.request('PUT', `/phone-presence/${x.id}`, { token: phoneSystem, body: { presence: 'logged_in' } });
    expect(presence.status).toBe(200);
    expect((await h.request('PUT', `/phone-presence/${q.id}`, { token: phoneSystem, body: { presence: 'logged_out' } })).status).toBe(200);
    expect((await h.request('PUT', `/phone-presence/${q.id}`, { token: p.token, body: { presence: 'logged_in' } })).status).toBe(403);
    expect((await h.request('PUT', `/phone-presence/${q.id}`, { token: phoneSystem, body: { presence: 'away' } })).status).toBe(400);
    const loggedIn = await assign(h.admin.token, [await make(), await make()], [p.id, q.id, x.id], 'even', true);
    expect(loggedIn.body.done.map((d: { agentId: string }) => d.agentId)).toEqual([x.id, x.id]);
    const nobody = await assign(h.admin.token, [await make()], [p.id, q.id], 'even', true);
    expect(nobody.body.skipped).toEqual([expect.objectContaining({ code: 'callback.no_eligible_agent' })]);
    const manyManual = await h.request('POST', '/callbacks/assign', { token: h.admin.token, body: { callbackIds: batch, agentIds: [p.id, q.id], mode: 'manual' } });
    expect(manyManual.status).toBe(400);
  });

  it('gives each request exactly one assignee when two admins assign the same requests at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await intake()).id);
    const [one, two] = await Promise.all([
      assign(h.admin.token, ids, [agentA.id], 'manual'),
      assign(secondAdmin.token, [...ids].reverse(), [agentB.id], 'manual'),
    ]);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    const winners = new Map<string, string>();
    for (const d of [...one.body.done, ...two.body.done]) {
      expect(winners.has(d.callbackId), `${d.callbackId} assigned twice`).toBe(false);
      winners.set(d.callbackId, d.agentId);
    }
    expect([...winners.keys()].sort()).toEqual([...ids].sort());
    expect(one.body.skipped.length + two.body.skipped.length).toBe(12);
    for (const skip of [...one.body.skipped, ...two.body.skipped]) expect(skip.code).toBe('callback.not_assignable');
    const rows = await h.sql<{ id: string; assignee_id: string }[]>`select id, assignee_id from callbacks where id = any(${ids})`;
    for (const row of rows) expect(row.assignee_id).toBe(winners.get(row.id));
    const assignEvents = await h.sql<{ n: number }[]>`select count(*)::int as n from callback_events where callback_id = any(${ids}) and kind = 'assign'`;
    expect(assignEvents[0].n).toBe(12);
  });
});

describe('reminders', () => {
  it('reminds the admins of an unassigned request, then the assignee at the deadline, then escalates', async () => {
    const quick = await createRoute({ code: 'QUICK', unassignedAfter: '2s', dueAfter: '2s', escalateAfter: '1s' });
    const callback = await intake({ routeCode: quick.code });
    const answeredAt = Date.now();
    const handle = h.temporal.workflow.getHandle(callbackWorkflowId(callback.id));
    const planned = await handle.query(callbackReminderQuery);
    expect(planned?.kind).toBe('unassigned');
    // The threshold after the request was stored: between its creation and the intake's answer, plus two seconds.
    expect(Date.parse(planned!.at)).toBeGreaterThanOrEqual(Date.parse(callback.createdAt) + 2000);
    expect(Date.parse(planned!.at)).toBeLessThanOrEqual(answeredAt + 2000);
    // A worker that stops and another that starts meanwhile: the timer is Temporal's, not the worker's.
    await h.stopWorker();
    await h.startWorker();
    await handle.executeUpdate(callbackReminderSentUpdate, { args: ['unassigned'] });
    await assign(h.admin.token, [callback.id], [agentA.id]);
    const assignAnsweredAt = Date.now();
    const assignedAt = Date.parse((await h.request('GET', `/callbacks/${callback.id}`, { token: h.admin.token })).body.assignedAt);
    const due = await handle.query(callbackReminderQuery);
    expect(due?.kind).toBe('overdue');
    expect(Date.parse(due!.at)).toBeGreaterThanOrEqual(assignedAt + 2000);
    expect(Date.parse(due!.at)).toBeLessThanOrEqual(assignAnsweredAt + 2000);
    await handle.executeUpdate(callbackReminderSentUpdate, { args: ['overdue'] });
    await handle.executeUpdate(callbackReminderSentUpdate, { args: ['escalated'] });
    const log = await events(callback.id);
    const reminders = log.filter((e) => e.kind.startsWith('reminder_'));
    expect(reminders.map((e) => e.kind)).toEqual(['reminder_unassigned', 'reminder_overdue', 'reminder_escalated']);
    const agentEmail = (await h.sql`select email from agents where id = ${agentA.id}`)[0].email;
    expect(reminders[1].changes.recipients[1]).toEqual([agentEmail]);
    expect(reminders[0].changes.recipients[1]).toContain('admin@contactflow.test');
    const mails = smtp.messages.filter((m) => m.subject.includes(callback.id));
    expect(mails.map((m) => m.to)).toEqual([reminders[0].changes.recipients[1], [agentEmail], reminders[2].changes.recipients[1]]);
    expect(await handle.query(callbackReminderQuery)).toBeNull();
  });

  it('counts thresholds in business hours: a request outside them is reminded after the next opening', async () => {
    const s = await h.createService();
    const now = new Date();
    // Open only on the day after tomorrow (UTC), 09:00–10:00: nothing counts before then.
    const day = (now.getUTCDay() + 2) % 7;
    const hours = await h.request('PUT', `/services/${s.id}/business-hours`, {
      token: h.admin.token,
      body: { timezone: 'UTC', weekly: [{ day, start: '09:00', end: '10:00' }], holidays: [] },
    });
    expect(hours.status, JSON.stringify(hours.body)).toBe(200);
    const r = await createRoute({ code: 'HOURS', unassignedAfter: '30m' }, s.id);
    const callback = await intake({ routeCode: r.code });
    const planned = await h.temporal.workflow.getHandle(callbackWorkflowId(callback.id)).query(callbackReminderQuery);
    const opening = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2, 9, 30));
    expect(planned).toEqual({ kind: 'unassigned', at: opening.toISOString() });
  });
});

describe('processing status', () => {
  it('counts assigned, completed, unprocessed, completion rate and attempts by day, agent and route, and exports them', async () => {
    const s = await h.createService();
    const r1 = await createRoute({ code: 'STAT-1', name: '통계 1' }, s.id);
    const r2 = await createRoute({ code: 'STAT-2', name: '통계 2' }, s.id);
    const u = await h.createAgent({ groupIds: [s.groupIds[0]], name: 'U' });
    const v = await h.createAgent({ groupIds: [s.groupIds[0]], name: 'V' });
    const plan = [
      { route: r1, agent: u, attempts: 2, complete: true },
      { route: r1, agent: u, attempts: 1, complete: false },
      { route: r1, agent: v, attempts: 0, complete: false },
      { route: r2, agent: v, attempts: 3, complete: true },
      { route: r2, agent: null, attempts: 0, complete: false },
    ];
    for (const step of plan) {
      const c = await intake({ routeCode: step.route.code });
      if (!step.agent) continue;
      await assign(h.admin.token, [c.id], [step.agent.id]);
      for (let i = 0; i < step.attempts; i++) await act(c.id, 'connect', step.agent.token, { outcome: 'busy' });
      if (step.complete) await act(c.id, 'complete', step.agent.token);
    }
    const expected = (steps: typeof plan) => {
      const assigned = steps.filter((p) => p.agent).length;
      const completed = steps.filter((p) => p.complete).length;
      return {
        received: steps.length,
        assigned,
        completed,
        unprocessed: assigned - completed,
        completionRate: assigned ? completed / assigned : null,
        attempts: steps.reduce((n, p) => n + p.attempts, 0),
      };
    };
    const today = new Date().toISOString().slice(0, 10);
    const stats = async (groupBy: string) =>
      (await h.request('GET', `/callbacks/stats?serviceId=${s.id}&from=${today}&to=${today}&groupBy=${groupBy}`, { token: h.admin.token })).body;
    const byDay = await stats('day');
    expect(byDay.rows).toEqual([{ key: today, label: today, ...expected(plan) }]);
    expect(byDay.total).toMatchObject(expected(plan));
    const byRoute = await stats('route');
    expect(byRoute.rows).toEqual([
      { key: r1.id, label: '통계 1', ...expected(plan.filter((p) => p.route === r1)) },
      { key: r2.id, label: '통계 2', ...expected(plan.filter((p) => p.route === r2)) },
    ].sort((a, b) => a.key.localeCompare(b.key)));
    const byAgent = await stats('agent');
    expect(byAgent.rows).toEqual(
      [
        { key: u.id, label: 'U', ...expected(plan.filter((p) => p.agent === u)) },
        { key: v.id, label: 'V', ...expected(plan.filter((p) => p.agent === v)) },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect((await stats('month')).rows[0]).toMatchObject({ key: today.slice(0, 7), ...expected(plan) });
    expect((await h.request('GET', `/callbacks/stats?from=${today}&to=${today}`, { token: agentA.token })).status).toBe(403);

    const csv = await h.request('GET', `/callbacks/stats/export?serviceId=${s.id}&from=${today}&to=${today}&groupBy=route&format=csv`, { token: h.admin.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Key,Label,Received,Assigned,Completed,Unprocessed,Completion rate,Attempts');
    expect(lines.at(-1)).toBe(`total,total,5,4,2,2,50,6`);
    expect(lines).toHaveLength(4);
  });

  it('exports XLSX through the shared table writer', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const app = await fetchBinary(`/callbacks/stats/export?from=${today}&to=${today}&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(app as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Callback status');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Key', 'Label', 'Received', 'Assigned', 'Completed', 'Unprocessed', 'Completion rate', 'Attempts']);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('total');
  });

  it('counts the caller’s open requests as "callbacks due" on the dashboard', async () => {
    const s = await h.createService();
    const r = await createRoute({ code: 'DUE' }, s.id);
    const w = await h.createAgent({ groupIds: [s.groupIds[0]] });
    const [c1, c2] = [await intake({ routeCode: r.code }), await intake({ routeCode: r.code })];
    await assign(h.admin.token, [c1.id, c2.id], [w.id]);
    await act(c2.id, 'complete', w.token);
    const dashboard = await h.request('GET', '/dashboard', { token: w.token });
    expect(dashboard.body.mine.callbacksDue).toBe(1);
  });
});

async function fetchBinary(path: string): Promise<Buffer> {
  const { createApp } = await import('../../api/app');
  const { createLogger } = await import('../../infra/logger');
  const app = createApp({ sql: h.sql, temporal: h.temporal, taskQueue: h.taskQueue, config: h.config, log: createLogger('silent') });
  const response = await app.request(path, { headers: { authorization: `Bearer ${h.admin.token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  return Buffer.from(await response.arrayBuffer());
}
