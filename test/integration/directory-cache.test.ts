/**
 * The API keeps sessions and read scopes in memory (api/directory-cache.ts): a repeated task list or search reads
 * neither again, and a change anywhere, by this API or another process writing to the same database, is obeyed:
 * at once for this API's own changes, as soon as the change's notification arrives for any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStatements, type Statement } from '../support/statements';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let other: { id: string; groupIds: string[] };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('Cached service', ['첫 그룹']);
  other = await h.createService('Other service', ['둘째 그룹']);
  for (const serviceId of [service.id, other.id]) {
    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId, subject: `${serviceId} 문의`, content: '...', customer: { name: '김고객', email: 'kim@example.com' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
});

afterAll(async () => {
  await h?.stop();
});

/** The statements the API sent while `work` ran. */
async function sentBy(work: () => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const stop = recordStatements(h.sql, (statement) => sent.push(statement));
  try {
    await work();
  } finally {
    stop();
  }
  return sent;
}

const readsSession = (statements: Statement[]) => statements.some((s) => /from sessions/.test(s.text));
const readsScope = (statements: Statement[]) => statements.some((s) => /select t\.service_id as id from/.test(s.text));

/** The services of the tickets in the agent's list of every ticket. */
async function servicesListed(token: string): Promise<string[]> {
  const listed = await h.request<{ items: { serviceId: string }[] }>('GET', '/tickets?list=all&limit=100', { token });
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return [...new Set(listed.body.items.map((ticket) => ticket.serviceId))].sort();
}

describe('the directory cache', () => {
  it('reads the session and the scope once: a repeated task list and search send only their own statements', async () => {
    const agent = await h.createAgent({ groupIds: service.groupIds });
    const first = await sentBy(() => h.request('GET', '/tickets?list=all', { token: agent.token }));
    expect(readsSession(first) && readsScope(first)).toBe(true);

    const list = await sentBy(() => h.request('GET', '/tickets?list=all', { token: agent.token }));
    const search = await sentBy(() => h.request('POST', '/tickets/search', { token: agent.token, body: { conditions: { subject: '문의' }, count: true } }));
    expect(readsSession(list) || readsScope(list) || readsSession(search) || readsScope(search)).toBe(false);
    expect(list.map((s) => s.text)).toEqual([expect.stringMatching(/from tickets t/)]);
  });

  it('refuses a session signed out through this API on its very next request', async () => {
    const agent = await h.createAgent({ groupIds: service.groupIds });
    expect((await h.request('GET', '/me', { token: agent.token })).status).toBe(200);
    expect((await h.request('POST', '/auth/logout', { token: agent.token })).status).toBe(204);
    const after = await h.request('GET', '/me', { token: agent.token });
    expect([after.status, after.body.error?.code]).toEqual([401, 'auth.invalid_token']);
  });

  it('refuses a session another process deleted, and an agent another process deactivated, once the change commits', async () => {
    const signedOut = await h.createAgent({ groupIds: service.groupIds });
    const deactivated = await h.createAgent({ groupIds: service.groupIds });
    for (const agent of [signedOut, deactivated]) expect((await h.request('GET', '/me', { token: agent.token })).status).toBe(200);

    await h.sql`delete from sessions where agent_id = ${signedOut.id}`;
    await h.sql`update agents set active = false where id = ${deactivated.id}`;
    for (const agent of [signedOut, deactivated]) {
      await expect.poll(async () => (await h.request('GET', '/tickets?list=all', { token: agent.token })).status).toBe(401);
    }
  });

  it('follows membership changed by this API at once, and by another process once it commits', async () => {
    const agent = await h.createAgent({ groupIds: service.groupIds });
    expect(await servicesListed(agent.token)).toEqual([service.id]);

    const added = await h.request('PUT', `/groups/${other.groupIds[0]}/members`, { token: h.admin.token, body: { agentIds: [agent.id] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(await servicesListed(agent.token)).toEqual([service.id, other.id].sort());

    await h.sql`delete from group_members where agent_id = ${agent.id} and group_id = ${service.groupIds[0]}`;
    await expect.poll(() => servicesListed(agent.token)).toEqual([other.id]);
    const refused = await h.request('GET', `/tickets?list=all&serviceId=${service.id}`, { token: agent.token });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'ticket.not_in_service']);
  });

  it('shows an admin a service created by another process, once it commits', async () => {
    expect(await servicesListed(h.admin.token)).toEqual(expect.arrayContaining([service.id, other.id]));
    const added = await h.createService('Added elsewhere', ['셋째 그룹']);
    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: added.id, subject: '새 서비스 문의', content: '...', customer: { name: '박고객', email: 'park@example.com' } },
    });
    expect(created.status).toBe(201);
    await expect.poll(() => servicesListed(h.admin.token)).toContain(added.id);
  });
});
