/**
 * The live event stream (`GET /events/stream`) through the real API on a socket: a reader hears about the changes
 * to tickets of the services they may read, as they commit, and nothing about the others; the payload names the
 * ticket, its service and what happened, never what the ticket says.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEventStream, ticketEvent as about } from '../support/event-stream';
import { serveApi, type ServedApi } from '../support/served-api';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let api: ServedApi;
let visible: { id: string; groupIds: string[] };
let hidden: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

async function createTicket(serviceId: string, subject: string): Promise<string> {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '비밀번호를 잊어버렸어요.', customer: { name: '김민지', email: 'minji@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  h = await startHarness();
  api = await serveApi(h);
  visible = await h.createService('Live visible');
  hidden = await h.createService('Live hidden');
  agent = await h.createAgent({ groupIds: [visible.groupIds[0]] });
});

afterAll(async () => {
  await api?.stop();
  await h?.stop();
});

it('refuses a stream without a bearer token, with an unknown one, to an organisation admin, or with a parameter', async () => {
  const anonymous = await api.request('GET', '/events/stream');
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.error.code).toBe('auth.required');
  const unknown = await api.request('GET', '/events/stream', { token: 'cfs_not-a-session' });
  expect(unknown.status).toBe(401);
  expect(unknown.body.error.code).toBe('auth.invalid_token');
  // Organisation admins read no tickets, so they hear of none.
  const orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [] });
  const refused = await api.request('GET', '/events/stream', { token: orgAdmin.token });
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('ticket.forbidden');
  const withParameter = await api.request('GET', '/events/stream?since=0', { token: agent.token });
  expect(withParameter.status).toBe(400);
  expect(withParameter.body.error.code).toBe('request.invalid');
});

it('tells an agent about tickets created and taken in their service, and nothing about a service they cannot see', async () => {
  const agentStream = await openEventStream(api.url, agent.token);
  const adminStream = await openEventStream(api.url, h.admin.token);

  const hiddenTicket = await createTicket(hidden.id, '다른 서비스의 문의');
  const visibleTicket = await createTicket(visible.id, '로그인이 안 됩니다');
  const created = await agentStream.next(about(visibleTicket, 'created'), 'created');
  expect(created.data).toEqual({ ticketId: visibleTicket, serviceId: visible.id, kind: 'created' });
  // Changes are delivered in the order they committed: the hidden ticket's came first, and was not sent to the agent.
  await adminStream.next(about(hiddenTicket, 'created'), 'the admin’s created');
  await adminStream.next(about(visibleTicket, 'created'), 'the admin’s created');
  expect(agentStream.received.filter((event) => event.data.ticketId === hiddenTicket)).toEqual([]);

  const taken = await h.request('POST', `/tickets/${visibleTicket}/take`, { token: agent.token, body: {} });
  expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  await agentStream.next(about(visibleTicket, 'take'), 'take');
  const allText = JSON.stringify(agentStream.received);
  expect(allText).not.toContain('minji');
  expect(allText).not.toContain('로그인');

  agentStream.close();
  adminStream.close();
});

it('streams to an API client with tickets:read, as its owner may read, and refuses one without it', async () => {
  const issue = async (scopes: string[]) => {
    const response = await h.request('POST', '/auth/tokens', { token: agent.token, body: { name: 'wallboard', scopes } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.token as string;
  };
  const withoutScope = await api.request('GET', '/events/stream', { token: await issue(['customers:read']) });
  expect(withoutScope.status).toBe(403);
  expect(withoutScope.body.error.code).toBe('auth.scope_missing');

  const client = await openEventStream(api.url, await issue(['tickets:read']));
  const hiddenTicket = await createTicket(hidden.id, '월보드에 안 보일 문의');
  const visibleTicket = await createTicket(visible.id, '월보드에 보일 문의');
  await client.next(about(visibleTicket, 'created'), 'created');
  expect(client.received.filter((event) => event.data.ticketId === hiddenTicket)).toEqual([]);
  client.close();
});
