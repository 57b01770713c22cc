/**
 * SLA targets and automations as durable timers in the ticket workflow, with short injected durations
 * ("2s") instead of hours so the real timers fire within the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimersQuery, ticketWorkflowId, timeRuleFiredUpdate } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;
let smtp: SmtpPeer;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

async function setup() {
  const service = await h.createService(undefined, ['결제', '회원정보']);
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  const backup = await h.createAgent({ groupIds: [service.groupIds[1]], name: '예시02' });
  return { service, agent, backup };
}

async function createTicket(serviceId: string, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject: '결제 오류', content: '내용', customer: { name: '홍길동', email: 'customer@example.com' }, ...overrides },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function post(path: string, body: unknown) {
  const response = await h.request('POST', path, { token: h.admin.token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const handle = (ticketId: string) => h.temporal.workflow.getHandle(ticketWorkflowId(ticketId));
const untilFired = (ticketId: string, prefix: string) => handle(ticketId).executeUpdate(timeRuleFiredUpdate, { args: [prefix] });
const timers = (ticketId: string) => handle(ticketId).query(ticketTimersQuery);
const ticket = async (id: string) => (await h.request('GET', `/tickets/${id}`, { token: h.admin.token })).body;
const events = async (id: string) => (await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token })).body;

describe('SLA policies', () => {
  it('raises priority when a target is at risk, and reassigns and notifies when it is breached', async () => {
    const { service, agent, backup } = await setup();
    await post(`/services/${service.id}/sla-policies`, {
      title: '긴급 대응',
      resolution: '3s',
      atRiskRatio: 0.5,
      onAtRisk: [{ type: 'setPriority', priority: 'urgent' }],
      onBreach: [
        { type: 'assign', groupId: service.groupIds[1], strategy: 'agent', agentId: backup.id },
        { type: 'notifyEmail', to: 'assignee', messages: { ko: { subject: 'SLA 위반: #{ticket.id}', body: '#{ticket.subject} 해결 기한이 지났습니다.' } } },
      ],
    });
    const created = await createTicket(service.id, { priority: 'high' });
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });
    expect((await timers(created.id)).map((t) => t.key)).toEqual(['resolution:at_risk', 'resolution:breached']);

    await untilFired(created.id, 'resolution:at_risk');
    expect((await ticket(created.id)).priority).toBe('urgent');
    await untilFired(created.id, 'resolution:breached');
    await settledSideEffects(h, created.id);
    expect(await ticket(created.id)).toMatchObject({ assigneeId: backup.id, groupId: service.groupIds[1] });

    const mail = smtp.messages.find((m) => m.subject === `SLA 위반: ${created.id}`)!;
    expect(mail.to).toEqual([backup.email]);
    expect((await events(created.id)).map((e: { kind: string }) => e.kind)).toEqual(['created', 'take', 'time_rule', 'time_rule']);
    expect(await timers(created.id)).toEqual([]);

    const traces = (await h.request('GET', `/tickets/${created.id}/trace`, { token: h.admin.token })).body;
    expectTraceAnswer(traces);
    expect(traces.filter((t: { event: string }) => t.event === 'time_rule').map((t: { trace: { timeRule: { key: string } } }) => t.trace.timeRule.key)).toEqual([
      'resolution:at_risk',
      'resolution:breached',
    ]);
  });

  it('follows only the first matching policy by priority and intake type', async () => {
    const { service } = await setup();
    await post(`/services/${service.id}/sla-policies`, { title: 'urgent', priority: 'urgent', firstResponse: '1h', onAtRisk: [], onBreach: [] });
    await post(`/services/${service.id}/sla-policies`, { title: 'default', firstResponse: '4h', resolution: '1d', onAtRisk: [], onBreach: [] });
    const urgent = await createTicket(service.id, { priority: 'urgent' });
    const normal = await createTicket(service.id);
    expect((await timers(urgent.id)).map((t) => t.key)).toEqual(['first_response:at_risk', 'first_response:breached']);
    expect((await timers(normal.id)).map((t) => t.key)).toEqual([
      'first_response:at_risk',
      'first_response:breached',
      'resolution:at_risk',
      'resolution:breached',
    ]);
    const [firstResponseAtRisk] = await timers(urgent.id);
    expect(Date.parse(firstResponseAtRisk.at) - Date.parse(urgent.createdAt)).toBeGreaterThan(0.79 * 3_600_000);
  });

  it('pauses the clock while the ticket is on hold and resumes it with the time that was left', async () => {
    const { service, agent } = await setup();
    await post(`/services/${service.id}/sla-policies`, { title: 'resolve in an hour', resolution: '1h', onAtRisk: [], onBreach: [] });
    const created = await createTicket(service.id);
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });
    const before = (await timers(created.id)).find((t) => t.key === 'resolution:breached')!;

    await h.request('POST', `/tickets/${created.id}/hold`, { token: agent.token, body: { body: '확인 중입니다' } });
    expect(await timers(created.id)).toEqual([]);
    await h.request('POST', `/tickets/${created.id}/forward`, { token: h.admin.token, body: { groupId: service.groupIds[0], agentId: agent.id } });
    const after = (await timers(created.id)).find((t) => t.key === 'resolution:breached')!;

    const log = await events(created.id);
    const heldAt = Date.parse(log.find((e: { kind: string }) => e.kind === 'hold').at);
    const resumedAt = Date.parse(log.find((e: { kind: string }) => e.kind === 'forward').at);
    expect(Date.parse(after.at) - Date.parse(before.at)).toBe(resumedAt - heldAt);
  });

  it('stops the first-response clock at the first answer to the customer', async () => {
    const { service, agent } = await setup();
    await post(`/services/${service.id}/sla-policies`, { title: 'answer fast', firstResponse: '30m', onAtRisk: [], onBreach: [] });
    const created = await createTicket(service.id);
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });
    expect((await timers(created.id)).length).toBe(2);
    await h.request('POST', `/tickets/${created.id}/hold`, { token: agent.token, body: { body: '곧 답변드리겠습니다' } });
    await h.request('POST', `/tickets/${created.id}/forward`, { token: h.admin.token, body: { groupId: service.groupIds[0], agentId: agent.id } });
    expect(await timers(created.id)).toEqual([]);
  });
});

describe('SLA clocks on the ticket', () => {
  const sla = async (id: string) => {
    const response = await h.request('GET', `/tickets/${id}/sla`, { token: h.admin.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('runs from creation, stops the first-response clock at the first answer, pauses on hold and is met at resolution', async () => {
    const { service, agent } = await setup();
    await post(`/services/${service.id}/sla-policies`, { title: '30분 응답, 1시간 해결', firstResponse: '30m', resolution: '1h', onAtRisk: [], onBreach: [] });
    const created = await createTicket(service.id);
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });

    // Without business hours the clock runs around the clock: due exactly the goal after creation.
    const running = await sla(created.id);
    expect(running.policy.title).toBe('30분 응답, 1시간 해결');
    const createdAt = Date.parse(created.createdAt);
    expect(running.targets.map((target: { target: string; state: string; dueAt: string }) => [target.target, target.state, Date.parse(target.dueAt) - createdAt])).toEqual([
      ['first_response', 'running', 30 * 60_000],
      ['resolution', 'running', 60 * 60_000],
    ]);

    await h.request('POST', `/tickets/${created.id}/hold`, { token: agent.token, body: { body: '확인 중입니다' } });
    const answeredAt = (await h.request('GET', `/tickets/${created.id}/messages`, { token: h.admin.token })).body.find((message: { kind: string }) => message.kind === 'interim').at;
    const held = await sla(created.id);
    expect(held.targets).toMatchObject([
      { target: 'first_response', state: 'met', metAt: new Date(answeredAt).toISOString(), dueAt: null },
      { target: 'resolution', state: 'paused', metAt: null, dueAt: null },
    ]);

    await h.request('POST', `/tickets/${created.id}/resolve`, { token: agent.token, body: { body: '처리되었습니다' } });
    expect((await sla(created.id)).targets.map((target: { state: string }) => target.state)).toEqual(['met', 'met']);
  });

  it('answers no policy for a ticket none matches, and 404 for an unknown ticket', async () => {
    const { service } = await setup();
    const created = await createTicket(service.id);
    expect(await sla(created.id)).toEqual({ policy: null, targets: [] });
    expect((await h.request('GET', '/tickets/T_NO_SUCH/sla', { token: h.admin.token })).status).toBe(404);
  });
});

describe('automations', () => {
  it('completes a ticket that stayed resolved for the configured time', async () => {
    const { service, agent } = await setup();
    await post(`/services/${service.id}/automations`, { kind: 'complete_resolved', after: '1s' });
    const created = await createTicket(service.id);
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });
    await h.request('POST', `/tickets/${created.id}/resolve`, { token: agent.token, body: { body: '해결되었습니다' } });
    await expect(handle(created.id).result()).resolves.toMatchObject({ status: 'closed' });
    expect((await events(created.id)).map((e: { kind: string }) => e.kind)).toEqual(['created', 'take', 'resolve', 'time_rule']);
  });

  it('reminds the assignee once per stay on hold', async () => {
    const { service, agent } = await setup();
    await post(`/services/${service.id}/automations`, { kind: 'remind_on_hold', after: '1s' });
    const created = await createTicket(service.id, { subject: '배송 지연' });
    await h.request('POST', `/tickets/${created.id}/take`, { token: agent.token, body: {} });
    await h.request('POST', `/tickets/${created.id}/hold`, { token: agent.token, body: { body: '확인 중' } });
    await untilFired(created.id, 'automation:');
    await settledSideEffects(h, created.id);
    const reminders = smtp.messages.filter((m) => m.subject === '[보류 알림] 배송 지연');
    expect(reminders.map((m) => m.to)).toEqual([[agent.email]]);
    expect((await ticket(created.id)).status).toBe('on_hold');
    expect(await timers(created.id)).toEqual([]);
  });
});
