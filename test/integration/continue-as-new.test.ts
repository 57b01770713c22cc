/**
 * Long-lived tickets: on a Temporal server that suggests continue-as-new after a few dozen history events,
 * a busy ticket keeps its state, its planned timers and its pending deliveries across runs.
 */
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../infra/logger';
import { registerSearchAttributes, startTestTemporal } from '../../infra/temporal';
import { ticketTimersQuery, ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let temporal: Awaited<ReturnType<typeof startTestTemporal>>;
let h: Harness;
let smtp: SmtpPeer;

beforeAll(async () => {
  temporal = await startTestTemporal(createLogger('silent'), undefined, { 'limit.historyCount.suggestContinueAsNew': 40 });
  const connection = await Connection.connect({ address: temporal.address });
  await registerSearchAttributes(connection, 'default');
  await connection.close();
  smtp = await startSmtpPeer();
  h = await startHarness({ temporalAddress: temporal.address, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
  await temporal?.stop();
});

it('keeps a busy ticket whole across continue-as-new', async () => {
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  const policy = await h.request('POST', `/services/${service.id}/sla-policies`, {
    token: h.admin.token,
    body: { title: 'a day', resolution: '1d', onAtRisk: [], onBreach: [] },
  });
  expect(policy.status).toBe(201);
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '긴 대화', content: '...', customer: { email: 'long@example.com' } },
  });
  const id = created.body.id;
  const handle = h.temporal.workflow.getHandle(ticketWorkflowId(id));
  const firstRun = (await handle.describe()).runId;

  await h.request('POST', `/tickets/${id}/take`, { token: agent.token, body: {} });
  for (let i = 0; i < 12; i++) {
    const response = await h.request('POST', `/tickets/${id}/hold`, { token: agent.token, body: { body: `안내 ${i}` } });
    expect(response.status).toBe(200);
  }
  await settledSideEffects(h, id);

  expect((await handle.describe()).runId).not.toBe(firstRun);
  const events = (await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token })).body;
  expect(events.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  const messages = (await h.request('GET', `/tickets/${id}/messages`, { token: h.admin.token })).body;
  expect(messages.map((m: { emailStatus: string }) => m.emailStatus)).toEqual(Array(12).fill('sent'));
  expect(smtp.messages.filter((m) => m.messageId.includes(`${id}.reply.`))).toHaveLength(12);

  // Still alive and still planning: resolving works and the resolution clock stops.
  await h.request('POST', `/tickets/${id}/forward`, { token: h.admin.token, body: { groupId: service.groupIds[0], agentId: agent.id } });
  expect((await handle.query(ticketTimersQuery)).map((t) => t.key)).toEqual(['resolution:at_risk', 'resolution:breached']);
  const resolved = await h.request('POST', `/tickets/${id}/resolve`, { token: agent.token, body: { body: '완료' } });
  expect(resolved.body.status).toBe('resolved');
  expect(await handle.query(ticketTimersQuery)).toEqual([]);
});
