/**
 * The live event stream (`GET /events/stream`) through the real API on a socket: a reader hears about the changes
 * to tickets of the services they may read, as they commit, and nothing about the others; the payload names the
 * ticket, its service and what happened, never what the ticket says.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_QUEUED_EVENTS } from '../../api/routes/events/events.handlers';
import { TICKET_CHANGES_CHANNEL } from '../../store/ticket-changes';
import { openEventStream, openStalledEventStream, ticketEvent as about } from '../support/event-stream';
import { serveApi, type ServedApi } from '../support/served-api';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let api: ServedApi;
let visible: { id: string; groupIds: string[] };
let hidden: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

/** A field of a kernel TCP setting such as `tcp_wmem` (min, default, max), in bytes. */
async function kernelSetting(name: string, field: number): Promise<number> {
  return Number((await readFile(`/proc/sys/net/ipv4/${name}`, 'utf8')).trim().split(/\s+/)[field]);
}

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

it('drops a reader who stopped reading once its events pile up, with a last reset, and keeps serving the others', async () => {
  const stalled = await openStalledEventStream(api.url, agent.token);
  const reading = await openEventStream(api.url, h.admin.token);
  const ticketId = await createTicket(visible.id, '읽지 않는 연결');
  await reading.next(about(ticketId, 'created'), 'created');

  // More changes than the kernel buffers for a socket nobody reads (its send buffer grows to tcp_wmem's maximum, the
  // receive buffer stays near tcp_rmem's default) plus the API's own limit, half as many again to be sure. They are
  // announced as the store announces them, each payload distinct (PostgreSQL folds identical notifications of one
  // transaction); each batch is heard by the reading stream before the next is sent, so every change reached both.
  const eventBytes = `event: ticket\ndata: ${JSON.stringify({ ticketId, serviceId: visible.id, kind: 'flood-100000' })}\n\n`.length;
  const buffered = (await kernelSetting('tcp_wmem', 2)) + (await kernelSetting('tcp_rmem', 1));
  const batchSize = 500;
  const batches = Math.ceil((1.5 * (buffered / eventBytes + MAX_QUEUED_EVENTS)) / batchSize);
  for (let batch = 0; batch < batches; batch += 1) {
    await h.sql`
      select pg_notify(${TICKET_CHANGES_CHANNEL}, json_build_object('ticketId', ${ticketId}::text, 'serviceId', ${visible.id}::text, 'kind', 'flood-' || n)::text)
      from generate_series(${batch * batchSize + 1}::int, ${(batch + 1) * batchSize}::int) as n`;
    await reading.next(about(ticketId, `flood-${(batch + 1) * batchSize}`), `flood batch ${batch + 1}`);
  }
  const flood = reading.received.filter((event) => String(event.data.kind).startsWith('flood-'));
  expect(flood).toHaveLength(batches * batchSize);

  const caughtUp = await stalled.resume();
  expect(caughtUp.at(-1)).toEqual({ event: 'reset', data: {} });
  const heard = caughtUp.slice(0, -1);
  expect(heard.length).toBeLessThan(batches * batchSize);
  // What it heard before the reset is the changes in order, from the first, with none skipped.
  expect(heard.map((event) => event.data.kind)).toEqual(['created', ...flood.slice(0, heard.length - 1).map((event) => event.data.kind)]);

  const later = await createTicket(visible.id, '계속 읽는 연결');
  await reading.next(about(later, 'created'), 'created after the flood');
  reading.close();
});
