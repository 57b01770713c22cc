/**
 * API tokens are principals of their own (API clients): scopes per route family, revocation at once, the owner's
 * role as the ceiling, and the event and audit logs naming the client rather than its owner.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; email: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
});

afterAll(async () => {
  await h?.stop();
});

interface IssuedClient {
  id: string;
  name: string;
  ownerId: string;
  scopes: string[];
  token: string;
}

async function issue(scopes: string[], token = h.admin.token, name = 'company backend'): Promise<IssuedClient> {
  const response = await h.request('POST', '/auth/tokens', { token, body: { name, scopes } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function createTicket(token: string, overrides: Record<string, unknown> = {}) {
  return h.request('POST', '/tickets', {
    token,
    body: {
      serviceId: service.id,
      subject: '주문 연동 문의',
      content: '회원 주문 내역이 보이지 않습니다.',
      customer: { name: '홍길동', email: 'member@example.com' },
      ...overrides,
    },
  });
}

describe('issuing API clients', () => {
  it('shows the token once, and lists clients without it: agents their own, admins the organisation’s', async () => {
    const mine = await issue(['tickets:read'], agent.token, 'phone system');
    expect(mine).toMatchObject({ name: 'phone system', ownerId: agent.id, scopes: ['tickets:read'], revokedAt: null, lastUsedAt: null });
    expect(mine.id).toMatch(/^K\d{13}/);
    expect(mine.token).toMatch(/^cfa_/);
    const admins = await issue(['tickets:write', 'tickets:read', 'tickets:read']);
    expect(admins.scopes).toEqual(['tickets:read', 'tickets:write']);

    const agentList = await h.request('GET', '/auth/tokens', { token: agent.token });
    expect(agentList.status).toBe(200);
    expect(agentList.body.map((client: { id: string }) => client.id)).toEqual([mine.id]);
    const adminList = await h.request('GET', '/auth/tokens', { token: h.admin.token });
    expect(adminList.body.map((client: { id: string }) => client.id)).toEqual(expect.arrayContaining([mine.id, admins.id]));
    for (const list of [agentList, adminList]) {
      expect(JSON.stringify(list.body)).not.toContain(mine.token);
      expect(JSON.stringify(list.body)).not.toContain(admins.token);
      for (const client of list.body) expect(client).not.toHaveProperty('token');
    }
  });

  it('refuses unknown scopes and fields, and organisation admins as owners', async () => {
    const unknownScope = await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'x', scopes: ['tickets:delete'] } });
    expect(unknownScope.status).toBe(400);
    const noScopes = await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'x', scopes: [] } });
    expect(noScopes.status).toBe(400);
    const extra = await h.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'x', scopes: ['admin'], owner: agent.id } });
    expect(extra.status).toBe(400);
    const orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [] });
    const byOrgAdmin = await h.request('POST', '/auth/tokens', { token: orgAdmin.token, body: { name: 'x', scopes: ['admin'] } });
    expect(byOrgAdmin.status).toBe(403);
    expect(byOrgAdmin.body.error.code).toBe('auth.forbidden');
  });

  it('keeps token management for people: an API client can neither issue, list nor revoke clients', async () => {
    const client = await issue(['tickets:read', 'tickets:write', 'customers:read', 'directory:read', 'rules:simulate', 'admin']);
    for (const [method, path, body] of [
      ['POST', '/auth/tokens', { name: 'wider', scopes: ['admin'] }],
      ['GET', '/auth/tokens', undefined],
      ['DELETE', `/auth/tokens/${client.id}`, undefined],
    ] as const) {
      const response = await h.request(method, path, { token: client.token, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe('auth.session_required');
    }
    expect((await h.request('GET', '/tickets', { token: client.token })).status).toBe(200);
  });
});

describe('scopes', () => {
  it('answers 403 auth.scope_missing naming the scope, per route family', async () => {
    const ticket = (await createTicket(h.admin.token)).body;
    const readOnly = await issue(['tickets:read']);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/tickets', { serviceId: service.id, subject: 's', content: 'c', customer: { email: 'a@example.com' } }, 'tickets:write'],
      ['POST', `/tickets/${ticket.id}/comments`, { body: '확인 중입니다.' }, 'tickets:write'],
      ['GET', `/customers/${ticket.customer.id}`, undefined, 'customers:read'],
      ['GET', '/services', undefined, 'directory:read'],
      ['GET', `/services/${service.id}/groups`, undefined, 'directory:read'],
      ['GET', '/agents', undefined, 'directory:read'],
      ['POST', '/rules/simulate', { serviceId: service.id, ticketId: ticket.id }, 'rules:simulate'],
      ['POST', '/services', { name: 'API 서비스', kind: 'consultation' }, 'admin'],
      ['GET', `/services/${service.id}/triggers`, undefined, 'admin'],
      ['GET', '/audit', undefined, 'admin'],
    ];
    for (const [method, path, body, scope] of cases) {
      const response = await h.request(method, path, { token: readOnly.token, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'auth.scope_missing', details: { scope } });
    }
    for (const path of ['/tickets', `/tickets/${ticket.id}`, `/tickets/${ticket.id}/events`, `/tickets/${ticket.id}/messages`, '/dashboard']) {
      expect((await h.request('GET', path, { token: readOnly.token })).status, path).toBe(200);
    }
  });

  it('opens each family with its scope, within the owner’s role', async () => {
    const ticket = (await createTicket(h.admin.token)).body;
    const client = await issue(['customers:read', 'directory:read', 'rules:simulate']);
    expect((await h.request('GET', `/customers/${ticket.customer.id}`, { token: client.token })).status).toBe(200);
    expect((await h.request('GET', '/services', { token: client.token })).status).toBe(200);
    expect((await h.request('GET', `/services/${service.id}/categories?kind=intake`, { token: client.token })).status).toBe(200);
    const simulation = await h.request('POST', '/rules/simulate', { token: client.token, body: { serviceId: service.id, ticketId: ticket.id } });
    expect(simulation.status, JSON.stringify(simulation.body)).toBe(200);

    // An agent's client with the admin scope still cannot do what the agent cannot.
    const agentsAdminClient = await issue(['admin'], agent.token);
    const refused = await h.request('POST', '/services', { token: agentsAdminClient.token, body: { name: '권한 없음', kind: 'consultation' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');
  });

  it('shows the client itself on /me', async () => {
    const client = await issue(['tickets:read']);
    const me = await h.request('GET', '/me', { token: client.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: h.admin.id, apiClient: { id: client.id, name: 'company backend', scopes: ['tickets:read'] } });
  });
});

describe('acting as an API client', () => {
  it('records the client, not its owner, as the actor of the created event, on the api channel', async () => {
    const client = await issue(['tickets:read', 'tickets:write']);
    const created = await createTicket(client.token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ channel: 'api', creatorId: client.id });
    const events = await h.request('GET', `/tickets/${created.body.id}/events`, { token: h.admin.token });
    expect(events.body[0]).toMatchObject({
      seq: 1,
      kind: 'created',
      actorId: client.id,
      actor: { kind: 'api_client', id: client.id, name: 'company backend', ownerId: h.admin.id },
    });
  });

  it('lets a client comment (author and actor: the client) and refuses ticket work that needs a person', async () => {
    const client = await issue(['tickets:read', 'tickets:write'], agent.token, 'order system');
    const ticket = (await createTicket(client.token)).body;
    const comment = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: client.token, body: { body: '주문번호 1234 확인 요청', internal: true } });
    expect(comment.status, JSON.stringify(comment.body)).toBe(200);
    const messages = await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agent.token });
    expect(messages.body.at(-1)).toMatchObject({
      kind: 'internal_note',
      authorId: client.id,
      author: { kind: 'api_client', id: client.id, name: 'order system', ownerId: agent.id },
    });
    const events = await h.request('GET', `/tickets/${ticket.id}/events`, { token: agent.token });
    expect(events.body.at(-1)).toMatchObject({ kind: 'comment', actor: { kind: 'api_client', id: client.id } });

    for (const [path, command, body] of [
      ['take', 'take', {}],
      ['forward', 'forward', { groupId: service.groupIds[0] }],
      ['internal-resolve', 'internal_resolve', { reason: 'test' }],
    ] as const) {
      const refused = await h.request('POST', `/tickets/${ticket.id}/${path}`, { token: client.token, body });
      expect(refused.status, `${path}: ${JSON.stringify(refused.body)}`).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'ticket.api_client_forbidden', details: { command } });
    }
    // The person's own commands still show them.
    const taken = await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} });
    expect(taken.status).toBe(200);
    const after = await h.request('GET', `/tickets/${ticket.id}/events`, { token: agent.token });
    expect(after.body.at(-1)).toMatchObject({ kind: 'take', actorId: agent.id, actor: { kind: 'agent', id: agent.id, name: '예시01' } });
  });

  it('names the client in the audit log for the configuration it changes', async () => {
    const client = await issue(['admin'], h.admin.token, 'provisioning');
    const created = await h.request('POST', '/services', { token: client.token, body: { name: 'API 상담', kind: 'consultation' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const audit = await h.request('GET', '/audit', { token: h.admin.token });
    expect(audit.status).toBe(200);
    const entry = audit.body.items.find((item: { target: string }) => item.target === created.body.id);
    expect(entry).toMatchObject({
      action: 'service.created',
      actorId: client.id,
      actorName: 'provisioning',
      actor: { kind: 'api_client', id: client.id, name: 'provisioning', ownerId: h.admin.id },
    });
    const issued = audit.body.items.find((item: { target: string }) => item.target === client.id);
    expect(issued).toMatchObject({ action: 'api_client.created', actor: { kind: 'agent', id: h.admin.id, name: 'Administrator' } });
  });
});

describe('revocation and the owner', () => {
  it('takes effect at once; owners revoke their own, admins any, others get 404', async () => {
    const client = await issue(['tickets:read'], agent.token);
    expect((await h.request('GET', '/tickets', { token: client.token })).status).toBe(200);
    const other = await h.createAgent({ groupIds: [service.groupIds[0]] });
    expect((await h.request('DELETE', `/auth/tokens/${client.id}`, { token: other.token })).status).toBe(404);
    expect((await h.request('DELETE', `/auth/tokens/${client.id}`, { token: agent.token })).status).toBe(204);
    const after = await h.request('GET', '/tickets', { token: client.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('auth.invalid_token');
    const listed = (await h.request('GET', '/auth/tokens', { token: agent.token })).body.find((c: { id: string }) => c.id === client.id);
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.lastUsedAt).not.toBeNull();

    const second = await issue(['tickets:read'], agent.token);
    expect((await h.request('DELETE', `/auth/tokens/${second.id}`, { token: h.admin.token })).status).toBe(204);
    expect((await h.request('GET', '/tickets', { token: second.token })).status).toBe(401);
    const audit = await h.request('GET', '/audit', { token: h.admin.token });
    expect(audit.body.items.find((item: { target: string; action: string }) => item.target === second.id && item.action === 'api_client.revoked')).toMatchObject({
      actor: { kind: 'agent', id: h.admin.id },
    });
  });

  it('is limited by the owner’s later demotion and stopped by their deactivation', async () => {
    const owner = await h.createAgent({ role: 'admin', groupIds: [service.groupIds[0]] });
    const client = await issue(['admin', 'tickets:read'], owner.token);
    expect((await h.request('POST', '/services', { token: client.token, body: { name: '관리자 토큰', kind: 'consultation' } })).status).toBe(201);

    const demoted = await h.request('PATCH', `/agents/${owner.id}`, { token: h.admin.token, body: { role: 'agent' } });
    expect(demoted.status).toBe(200);
    const refused = await h.request('POST', '/services', { token: client.token, body: { name: '강등 후', kind: 'consultation' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');
    expect((await h.request('GET', '/tickets', { token: client.token })).status).toBe(200);

    expect((await h.request('PATCH', `/agents/${owner.id}`, { token: h.admin.token, body: { active: false } })).status).toBe(200);
    const stopped = await h.request('GET', '/tickets', { token: client.token });
    expect(stopped.status).toBe(401);
    expect(stopped.body.error.code).toBe('auth.invalid_token');
  });
});

describe('the token secret', () => {
  it('never appears in lists, logs, the audit log or the database', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    const app = createApp({ sql: h.sql, temporal: h.temporal, taskQueue: h.taskQueue, config: h.config, log });
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, text: await response.text() };
    };

    const issued = await call('POST', '/auth/tokens', h.admin.token, { name: 'secret keeper', scopes: ['tickets:read', 'tickets:write'] });
    expect(issued.status).toBe(201);
    const { id, token } = JSON.parse(issued.text) as { id: string; token: string };
    const ticket = await call('POST', '/tickets', token, { serviceId: service.id, subject: 's', content: 'c', customer: { email: 'k@example.com' } });
    expect(ticket.status).toBe(201);
    const ticketId = (JSON.parse(ticket.text) as { id: string }).id;
    const seen = [
      ticket.text,
      (await call('GET', '/auth/tokens', h.admin.token)).text,
      (await call('GET', '/audit?limit=200', h.admin.token)).text,
      (await call('GET', `/tickets/${ticketId}/events`, token)).text,
      (await call('GET', '/me', token)).text,
      (await call('POST', '/services', token, { name: 'refused', kind: 'consultation' })).text,
      (await call('POST', '/tickets', token, { serviceId: service.id })).text,
      (await call('DELETE', `/auth/tokens/${id}`, h.admin.token)).text,
      (await call('GET', '/tickets', token)).text,
    ];
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...seen, ...lines]) expect(text).not.toContain(token);
    const rows = await h.sql`select row_to_json(t)::text as row from api_tokens t union all select row_to_json(l)::text from audit_log l`;
    for (const { row } of rows) expect(row).not.toContain(token);
  });
});
