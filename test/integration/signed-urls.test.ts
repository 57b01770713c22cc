/**
 * Signed callback URLs (`/hooks/w/{token}`) and signed callback URL requests, through the HTTP API on real
 * PostgreSQL and Temporal: a receiver verifies the `X-Contactflow-Signature` of a trigger's request and answers on
 * its reply URL; forged, expired, replayed, badly bodied and finished-workflow uses are refused and change nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSigningKeyList, signHookToken, verifyPayloadSignature } from '../../infra/signing';
import { startHarness, type Harness } from '../support/harness';
import { startHttpReceiver, type HttpReceiver } from '../support/http-receiver';
import { defineTrigger, publish, settledSideEffects } from '../support/rules';

const CURRENT = randomBytes(32);
const PREVIOUS = randomBytes(32);
const KEYS = `k2:${CURRENT.toString('base64')},k1:${PREVIOUS.toString('base64')}`;
const keys = parseSigningKeyList(KEYS);

let h: Harness;
let receiver: HttpReceiver;
let service: { id: string; groupIds: string[] };
let routeCode: string;
let agent: { id: string; token: string };

beforeAll(async () => {
  receiver = await startHttpReceiver();
  h = await startHarness({ env: { CALLBACK_SIGNING_KEY: KEYS } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  routeCode = (await h.request('POST', '/ivr-routes', { token: h.admin.token, body: { serviceId: service.id, code: 'HOOK', name: '외부 연동' } })).body.code;
  await defineTrigger(h, service.id, {
    title: 'tell the back end',
    events: ['created'],
    results: [{ type: 'callbackUrl', url: `${receiver.url}/backend`, payloadTemplate: '{"ticket":"#{ticket.id}","subject":"#{ticket.subject}"}' }],
  });
  await publish(h, service.id);
});

afterAll(async () => {
  await h?.stop();
  await receiver?.stop();
});

async function createTicket() {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '배송 문의', content: '언제 오나요?', customer: { email: 'c@example.com' } },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

/** The trigger's request for a ticket, as the receiver got it. */
async function sentFor(ticketId: string) {
  await settledSideEffects(h, ticketId);
  const request = receiver.requests.find((r) => r.path === '/backend' && r.body?.ticket === ticketId);
  expect(request).toBeDefined();
  return request!;
}

const post = (url: string, body: unknown, raw?: string) =>
  h.request('POST', new URL(url).pathname, raw === undefined ? { body } : { rawBody: raw, headers: { 'content-type': 'application/json' } });
const messageCount = async (ticketId: string) => (await h.sql`select count(*)::int as n from ticket_messages where ticket_id = ${ticketId}`)[0].n as number;
const usedTokens = async () => (await h.sql`select count(*)::int as n from hook_token_uses`)[0].n as number;

describe('signed callback URL requests', () => {
  it('signs the request over timestamp and body, and the receiver verifies it; a changed body does not verify', async () => {
    const ticket = await createTicket();
    const request = await sentFor(ticket.id);
    const header = request.headers['x-contactflow-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(request.headers['x-contactflow-key-id']).toBe('k2');
    const now = Math.floor(Date.now() / 1000);
    expect(verifyPayloadSignature(CURRENT, header, request.raw, now)).toBe(true);
    expect(verifyPayloadSignature(CURRENT, header, request.raw.replace('배송', '반품'), now)).toBe(false);
    expect(verifyPayloadSignature(PREVIOUS, header, request.raw, now)).toBe(false);
    expect(verifyPayloadSignature(CURRENT, header, request.raw, now + 3600)).toBe(false);
    expect(request.body).toEqual({ ticket: ticket.id, subject: '배송 문의', replyUrl: expect.stringMatching(/\/hooks\/w\/k2\./) });
  });

  it('lets the receiver answer once on the reply URL: the comment lands on the ticket, a replay is refused', async () => {
    const ticket = await createTicket();
    const { replyUrl } = (await sentFor(ticket.id)).body;
    const answered = await post(replyUrl, { body: '주문 시스템: 내일 도착 예정' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toEqual({ workflowId: `ticket-${ticket.id}`, action: 'comment', accepted: true });
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token })).body;
    expect(messages).toEqual([expect.objectContaining({ kind: 'comment', body: '주문 시스템: 내일 도착 예정' })]);
    const replay = await post(replyUrl, { body: 'again' });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('hook.replayed');
    expect(await messageCount(ticket.id)).toBe(1);
  });
});

describe('refusals', () => {
  it('answers 401 to a forged or altered token, changing nothing', async () => {
    const ticket = await createTicket();
    const { replyUrl } = (await sentFor(ticket.id)).body as { replyUrl: string };
    const token = new URL(replyUrl).pathname.split('/').pop()!;
    const [kid, claims, signature] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherKey = parseSigningKeyList(`k2:${randomBytes(32).toString('base64')}`);
    const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), once: false })).toString('base64url');
    const before = await usedTokens();
    for (const forged of [
      `${kid}.${claims}.${flipped}`,
      `${kid}.${widened}.${signature}`,
      signHookToken(otherKey, { wid: `ticket-${ticket.id}`, act: 'comment', exp: Math.floor(Date.now() / 1000) + 60, once: false }),
      `k9.${claims}.${signature}`,
      'not-a-token',
    ]) {
      const response = await h.request('POST', `/hooks/w/${forged}`, { body: { body: 'forged' } });
      expect(response.status, forged).toBe(401);
      expect(response.body.error.code).toBe('hook.invalid_token');
    }
    expect(await messageCount(ticket.id)).toBe(0);
    expect(await usedTokens()).toBe(before);
  });

  it('answers 410 to an expired token, and still accepts one signed with the previous key', async () => {
    const ticket = await createTicket();
    const expired = signHookToken(keys, { wid: `ticket-${ticket.id}`, act: 'comment', exp: Math.floor(Date.now() / 1000) - 1, once: true });
    const gone = await h.request('POST', `/hooks/w/${expired}`, { body: { body: 'late' } });
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('hook.expired');
    const rotated = signHookToken([keys[1]], { wid: `ticket-${ticket.id}`, act: 'comment', exp: Math.floor(Date.now() / 1000) + 60, once: true });
    expect((await h.request('POST', `/hooks/w/${rotated}`, { body: { body: 'old key' } })).status).toBe(200);
    expect(await messageCount(ticket.id)).toBe(1);
  });

  it('answers 422 to a body the action does not accept, without spending the token', async () => {
    const ticket = await createTicket();
    const { replyUrl } = (await sentFor(ticket.id)).body as { replyUrl: string };
    for (const [body, raw] of [[{ body: '' }], [{ body: 'x', extra: 1 }], [{ outcome: 'answered' }], [undefined, '{not json']] as const) {
      const response = await post(replyUrl, body, raw);
      expect(response.status, JSON.stringify(body ?? raw)).toBe(422);
      expect(response.body.error.code).toBe('hook.invalid_body');
    }
    expect(await messageCount(ticket.id)).toBe(0);
    expect((await post(replyUrl, { body: 'finally right', internal: true })).status).toBe(200);
    expect((await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token })).body[0]).toMatchObject({ kind: 'internal_note' });
  });

  it('answers 409 when the workflow has finished, and the token stays unspent', async () => {
    const callback = (await h.request('POST', '/callbacks', { token: h.admin.token, body: { routeCode, phone: '010-2222-3333' } })).body;
    const once = (await h.request('POST', '/hook-tokens', { token: h.admin.token, body: { workflowId: `callback-${callback.id}`, action: 'answer', singleUse: true } })).body;
    await h.request('POST', '/callbacks/assign', { token: h.admin.token, body: { callbackIds: [callback.id], agentIds: [agent.id], mode: 'manual' } });
    await h.request('POST', `/callbacks/${callback.id}/complete`, { token: agent.token, body: {} });
    const before = await usedTokens();
    for (const url of [callback.answerUrl, once.url]) {
      const response = await post(url, { outcome: 'answered' });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('hook.workflow_finished');
    }
    expect(await usedTokens()).toBe(before);
    expect((await h.request('GET', `/callbacks/${callback.id}`, { token: h.admin.token })).body).toMatchObject({ status: 'completed', attempts: 0 });
  });
});

describe('callback requests answered by an external system', () => {
  it('records each answer on the intake’s answer URL as a call attempt', async () => {
    const created = await h.request('POST', '/callbacks', { token: h.admin.token, body: { routeCode, phone: '010-4444-5555' } });
    const { id, answerUrl } = created.body;
    expect(answerUrl).toMatch(/\/hooks\/w\//);
    expect((await post(answerUrl, { outcome: 'no_answer' })).status).toBe(200);
    expect((await post(answerUrl, { outcome: 'answered', note: 'IVR 재연결' })).status).toBe(200);
    expect((await post(answerUrl, { outcome: 'maybe' })).status).toBe(422);
    const callback = (await h.request('GET', `/callbacks/${id}`, { token: h.admin.token })).body;
    expect(callback.attempts).toBe(2);
    const events = (await h.request('GET', `/callbacks/${id}/events`, { token: h.admin.token })).body as { kind: string; changes: { outcome?: [null, string] } }[];
    expect(events.filter((e) => e.kind === 'answer').map((e) => e.changes.outcome?.[1])).toEqual(['no_answer', 'answered']);
  });

  it('mints URLs for admins only, for workflows of their organisation and actions their kind takes', async () => {
    const ticket = await createTicket();
    const mint = (token: string, body: unknown) => h.request('POST', '/hook-tokens', { token, body });
    expect((await mint(agent.token, { workflowId: `ticket-${ticket.id}`, action: 'comment' })).status).toBe(403);
    expect((await mint(h.admin.token, { workflowId: 'ticket-T0000000000000none', action: 'comment' })).status).toBe(404);
    const wrongAction = await mint(h.admin.token, { workflowId: `ticket-${ticket.id}`, action: 'answer' });
    expect(wrongAction.status).toBe(422);
    const minted = await mint(h.admin.token, { workflowId: `ticket-${ticket.id}`, action: 'comment', expiresInSeconds: 60, singleUse: false });
    expect(minted.status).toBe(201);
    expect(Date.parse(minted.body.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await post(minted.body.url, { body: 'one' })).status).toBe(200);
    expect((await post(minted.body.url, { body: 'two' })).status).toBe(200);
    expect(await messageCount(ticket.id)).toBe(2);
  });
});
