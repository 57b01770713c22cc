/**
 * Issue transfers (이슈 이관) through the HTTP API on real Temporal and PostgreSQL: the linked ticket in the issue
 * service (channel issue_transfer, its own triggers), the answer coming back when it is resolved, held or internally
 * resolved, customer-guidance requests (고객 안내) counted on the MY dashboard, and bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { createCategory, defineTrigger, publish } from '../support/rules';

let h: Harness;
let consultation: { id: string; groupIds: string[] };
let issue: { id: string; groupId: string };
let agent: { id: string; token: string };
let specialist: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  consultation = await h.createService();
  const created = await h.request('POST', '/services', { token: h.admin.token, body: { name: '결제 이슈', kind: 'issue' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const group = await h.request('POST', `/services/${created.body.id}/groups`, { token: h.admin.token, body: { name: '결제개발' } });
  issue = { id: created.body.id, groupId: group.body.id };
  agent = await h.createAgent({ groupIds: [consultation.groupIds[0]], name: '상담원' });
  specialist = await h.createAgent({ groupIds: [issue.groupId], name: '개발자' });
  // The issue service's own trigger: transferred tickets go to the specialist, urgent.
  await defineTrigger(h, issue.id, {
    title: '이관 티켓 배정',
    events: ['created'],
    all: [{ field: 'channel', operator: 'equals', value: 'issue_transfer' }],
    results: [{ type: 'assign', groupId: issue.groupId, strategy: 'agent', agentId: specialist.id }, { type: 'setPriority', priority: 'urgent' }],
  });
  await publish(h, issue.id);
});

afterAll(async () => {
  await h?.stop();
});

async function workingTicket() {
  const created = await h.request('POST', '/tickets', {
    token: agent.token,
    body: { serviceId: consultation.id, subject: '환불이 안 돼요', content: '지난주 환불 요청', customer: { name: '김고객', email: 'k@example.com' } },
  });
  const taken = await h.request('POST', `/tickets/${created.body.id}/take`, { token: agent.token, body: {} });
  expect(taken.status).toBe(200);
  return taken.body as { id: string };
}

const ticketOf = async (id: string, token = h.admin.token) => h.request('GET', `/tickets/${id}`, { token });
const eventsOf = async (id: string) => (await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token })).body as { kind: string; changes: any }[];
const until = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 30_000, interval: 100 });

describe('an issue transfer', () => {
  it('creates a linked ticket in the issue service that runs its own triggers, and brings its answer back', async () => {
    const ticket = await workingTicket();
    const intakeTypeId = await createCategory(h, issue.id, '환불 오류');
    const response = await h.request('POST', `/tickets/${ticket.id}/issue-transfers`, {
      token: agent.token,
      body: { serviceId: issue.id, intakeTypeId, subject: '[이관] 환불 실패', content: 'PG사 로그 확인 부탁드립니다.', fields: { 주문번호: 'ORD-1' } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ status: 'transferred', issueServiceName: '결제 이슈', fields: { 주문번호: 'ORD-1' } });
    expect((await ticketOf(ticket.id)).body.status).toBe('issue_transferred');

    const issueTicketId = response.body.issueTicketId;
    await until(async () => expect((await ticketOf(issueTicketId)).body).toMatchObject({ assigneeId: specialist.id, priority: 'urgent' }));
    const linked = (await ticketOf(issueTicketId, specialist.token)).body;
    expect(linked).toMatchObject({ serviceId: issue.id, channel: 'issue_transfer', intakeTypeId, status: 'in_progress', subject: '[이관] 환불 실패' });
    expect(linked.content).toBe('PG사 로그 확인 부탁드립니다.\n\n주문번호: ORD-1');
    expect(linked.customer).toMatchObject({ name: '김고객', email: 'k@example.com' });
    expect((await h.request('GET', `/tickets/${issueTicketId}/transfers`, { token: specialist.token })).body.issueOrigin).toMatchObject({
      sourceTicketId: ticket.id,
    });

    // The issue side asks the consultation side to guide the customer: on the MY dashboard of the ticket's assignee.
    const guidance = await h.request('POST', `/tickets/${issueTicketId}/guidance-requests`, {
      token: specialist.token,
      body: { body: '고객에게 카드사 확인을 안내해 주세요.' },
    });
    expect(guidance.status, JSON.stringify(guidance.body)).toBe(201);
    expect((await h.request('GET', '/dashboard', { token: agent.token })).body.mine.guidanceRequests).toBe(1);
    await until(async () => expect((await eventsOf(ticket.id)).at(-1)?.kind).toBe('guidance_requested'));
    const done = await h.request('POST', `/guidance-requests/${guidance.body.id}/done`, { token: agent.token });
    expect(done.status).toBe(200);
    expect((await h.request('POST', `/guidance-requests/${guidance.body.id}/done`, { token: agent.token })).body.error.code).toBe('guidance_request.done');
    expect((await h.request('GET', '/dashboard', { token: agent.token })).body.mine.guidanceRequests).toBe(0);

    const resolved = await h.request('POST', `/tickets/${issueTicketId}/resolve`, { token: specialist.token, body: { body: 'PG사 장애로 재처리했습니다.' } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await until(async () => expect((await ticketOf(ticket.id)).body.status).toBe('issue_answered'));
    const answer = (await eventsOf(ticket.id)).find((event) => event.kind === 'issue_answered')!;
    expect(answer.changes.issueAnswer[1]).toMatchObject({ issueTicketId, status: 'resolved' });
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agent.token })).body;
    expect(messages.at(-1)).toMatchObject({ kind: 'internal_note', body: `[${issueTicketId} · resolved]\nPG사 장애로 재처리했습니다.` });
    expect((await h.request('GET', `/tickets/${ticket.id}/transfers`, { token: agent.token })).body.issue[0]).toMatchObject({
      status: 'answered',
      answerStatus: 'resolved',
    });

    // Answered, the agent works the ticket again and can resolve it.
    const final = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '재처리되었습니다.' } });
    expect(final.status).toBe(200);
  });

  it('answers on hold and on internal resolution too', async () => {
    for (const [action, body, status] of [
      ['hold', { body: '확인 중입니다.' }, 'on_hold'],
      ['internal-resolve', { reason: 'phone' }, 'resolved'],
    ] as const) {
      const ticket = await workingTicket();
      const response = await h.request('POST', `/tickets/${ticket.id}/issue-transfers`, {
        token: agent.token,
        body: { serviceId: issue.id, subject: '확인 요청', content: '내용' },
      });
      const issueTicketId = response.body.issueTicketId;
      await until(async () => expect((await ticketOf(issueTicketId)).body.assigneeId).toBe(specialist.id));
      expect((await h.request('POST', `/tickets/${issueTicketId}/${action}`, { token: specialist.token, body })).status).toBe(200);
      await until(async () => expect((await ticketOf(ticket.id)).body.status).toBe('issue_answered'));
      expect((await eventsOf(ticket.id)).find((event) => event.kind === 'issue_answered')!.changes.issueAnswer[1].status).toBe(status);
    }
  });
});

describe('bad input', () => {
  it('refuses a consultation service, an unknown service, a foreign intake type, a second transfer and a closed ticket, changing nothing', async () => {
    const ticket = await workingTicket();
    const before = (await eventsOf(ticket.id)).length;
    const count = async () => (await h.sql`select count(*)::int as n from issue_transfers`)[0].n;
    const transfers = await count();
    const send = (body: Record<string, unknown>) =>
      h.request('POST', `/tickets/${ticket.id}/issue-transfers`, { token: agent.token, body: { subject: 's', content: 'c', ...body } });

    const toConsultation = await send({ serviceId: consultation.id });
    expect(toConsultation.status).toBe(422);
    expect(toConsultation.body.error.code).toBe('transfer.not_issue_service');
    expect((await send({ serviceId: 'Snope' })).body.error).toMatchObject({ code: 'request.invalid_reference', details: { field: 'serviceId' } });
    const foreignIntake = await createCategory(h, consultation.id, '상담 유형');
    expect((await send({ serviceId: issue.id, intakeTypeId: foreignIntake })).body.error.code).toBe('request.invalid_reference');
    expect((await send({ serviceId: issue.id, subject: '' })).status).toBe(400);
    expect((await h.request('POST', `/tickets/${ticket.id}/guidance-requests`, { token: agent.token, body: { body: 'x' } })).body.error.code).toBe(
      'transfer.not_issue_ticket',
    );
    expect((await eventsOf(ticket.id)).length).toBe(before);
    expect(await count()).toBe(transfers);

    expect((await send({ serviceId: issue.id })).status).toBe(201);
    const again = await send({ serviceId: issue.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ticket.invalid_transition');
    expect(await count()).toBe(transfers + 1);

    const closedTicket = await workingTicket();
    await h.request('POST', `/tickets/${closedTicket.id}/resolve`, { token: agent.token, body: { body: '끝' } });
    await h.request('POST', `/tickets/${closedTicket.id}/complete`, { token: h.admin.token, body: {} });
    const closed = await h.request('POST', `/tickets/${closedTicket.id}/issue-transfers`, {
      token: agent.token,
      body: { serviceId: issue.id, subject: 's', content: 'c' },
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('ticket.closed');
    expect(await count()).toBe(transfers + 1);
  });
});
