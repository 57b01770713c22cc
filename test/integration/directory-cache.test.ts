/**
 * The API keeps sessions, read scopes and an agent's groups in memory (api/directory-cache.ts): a repeated task
 * list, search or ticket command reads none of them again, and a change anywhere, by this API or another process writing to the same database, is obeyed:
 * at once for this API's own changes, as soon as the change's notification arrives for any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsOf, type Statement } from '../support/statements';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let other: { id: string; groupIds: string[] };
let ticketId: string;

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
    if (serviceId === service.id) ticketId = created.body.id;
  }
});

afterAll(async () => {
  await h?.stop();
});

/** The statements the API sent while `work` ran. */
const sentBy = async (work: () => Promise<unknown>): Promise<Statement[]> => (await statementsOf(h.sql, work)).statements;

const readsSession = (statements: Statement[]) => statements.some((s) => /from sessions/.test(s.text));
const readsScope = (statements: Statement[]) => statements.some((s) => /select t\.service_id as id from/.test(s.text));
const readsGroups = (statements: Statement[]) => statements.filter((s) => /from group_members m join groups g/.test(s.text)).length;

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

  it('reads an agent’s groups in a service once: a ticket command shares the read with its access check, and the next reads none', async () => {
    const agent = await h.createAgent({ groupIds: service.groupIds });
    const read = await sentBy(() => h.request('GET', `/tickets/${ticketId}`, { token: agent.token }));
    expect(readsGroups(read)).toBe(1);

    const comment = async (body: string) => {
      const commented = await h.request('POST', `/tickets/${ticketId}/comments`, { token: agent.token, body: { body, internal: true } });
      expect(commented.status, JSON.stringify(commented.body)).toBe(200);
    };
    expect(readsGroups(await sentBy(() => comment('첫 메모')))).toBe(0);
    expect(readsGroups(await sentBy(() => h.request('GET', `/tickets/${ticketId}`, { token: agent.token })))).toBe(0);
    const notes = await h.request<{ body: string }[]>('GET', `/tickets/${ticketId}/messages`, { token: agent.token });
    expect(notes.body.map((message) => message.body)).toContain('첫 메모');
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
    expect((await h.request('GET', `/tickets/${ticketId}`, { token: agent.token })).status).toBe(200);

    const added = await h.request('PUT', `/groups/${other.groupIds[0]}/members`, { token: h.admin.token, body: { agentIds: [agent.id] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(await servicesListed(agent.token)).toEqual([service.id, other.id].sort());

    await h.sql`delete from group_members where agent_id = ${agent.id} and group_id = ${service.groupIds[0]}`;
    await expect.poll(() => servicesListed(agent.token)).toEqual([other.id]);
    const refused = await h.request('GET', `/tickets?list=all&serviceId=${service.id}`, { token: agent.token });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'ticket.not_in_service']);
    const ticket = await h.request('GET', `/tickets/${ticketId}`, { token: agent.token });
    expect([ticket.status, ticket.body.error?.code]).toEqual([403, 'ticket.not_in_service']);
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
