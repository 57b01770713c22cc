/**
 * One read rule for a ticket and everything it carries (events, messages, trace, customer) and for the task lists
 * and dashboard filtered by service: admins read their organisation, agents the services they have a group in,
 * organisation admins no ticket at all; another organisation's records answer like unknown ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password';
import { businessId } from '../../domain/ids';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let serviceA: { id: string; groupIds: string[] };
let serviceB: { id: string; groupIds: string[] };
let agentA: { id: string; token: string };
let agentB: { id: string; token: string };
let orgAdmin: { id: string; token: string };
let foreign: { serviceId: string; admin: { token: string }; agent: { token: string } };
let ticket: { id: string; customer: { id: string } };

const CUSTOMER_EMAIL = 'private.customer@example.com';

/** A second organisation with its own service, admin and agent, inserted as the first one's bootstrap would. */
async function createForeignOrganisation() {
  const orgId = businessId('O');
  const serviceId = businessId('S');
  const groupId = businessId('G');
  await h.sql`insert into organizations (id, name) values (${orgId}, 'Elsewhere')`;
  await h.sql`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, 'Elsewhere support', 'consultation')`;
  await h.sql`insert into groups (id, service_id, name) values (${groupId}, ${serviceId}, 'General')`;
  const passwordHash = await hashPassword('foreign-password-1');
  const person = async (role: 'admin' | 'agent') => {
    const id = businessId('A');
    const email = `${id.toLowerCase()}@elsewhere.test`;
    await h.sql`
      insert into agents (id, org_id, email, name, role, permissions, password_hash)
      values (${id}, ${orgId}, ${email}, ${role}, ${role}, ${['ticket', 'ticket_forward']}, ${passwordHash})`;
    await h.sql`insert into group_members (group_id, agent_id) values (${groupId}, ${id})`;
    return { id, token: await h.login(email, 'foreign-password-1') };
  };
  return { serviceId, admin: await person('admin'), agent: await person('agent') };
}

beforeAll(async () => {
  h = await startHarness();
  serviceA = await h.createService('Service A', ['A-team']);
  serviceB = await h.createService('Service B', ['B-team']);
  agentA = await h.createAgent({ groupIds: serviceA.groupIds, name: 'A agent' });
  agentB = await h.createAgent({ groupIds: serviceB.groupIds, name: 'B agent' });
  // Even with a group in the service: organisation admins manage settings and do no ticket work.
  orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: serviceB.groupIds, name: 'Org admin' });
  foreign = await createForeignOrganisation();
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: serviceB.id, subject: '개인정보 문의', content: '...', customer: { name: '김비밀', email: CUSTOMER_EMAIL } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ticket = created.body;
  await h.request('POST', `/tickets/${ticket.id}/comments`, { token: agentB.token, body: { body: '확인 중', internal: true } });
});

afterAll(async () => {
  await h?.stop();
});

/** Every route that reads the ticket or what it carries, with the record kind its refusals name. */
const reads = () => [
  { route: 'ticket', path: `/tickets/${ticket.id}`, kind: 'ticket' },
  { route: 'events', path: `/tickets/${ticket.id}/events`, kind: 'ticket' },
  { route: 'messages', path: `/tickets/${ticket.id}/messages`, kind: 'ticket' },
  { route: 'trace', path: `/tickets/${ticket.id}/trace`, kind: 'ticket' },
  { route: 'customer', path: `/customers/${ticket.customer.id}`, kind: 'customer' },
];

async function expectAnswer(path: string, token: string, status: number, code?: string) {
  const response = await h.request('GET', path, { token });
  expect({ path, status: response.status, code: response.body?.error?.code }).toEqual({ path, status, code });
  if (status >= 400) expect(JSON.stringify(response.body)).not.toContain(CUSTOMER_EMAIL);
  return response;
}

describe('a ticket and what it carries', () => {
  it('is read by the admins of the organisation and the agents of its service', async () => {
    for (const { path } of reads()) {
      await expectAnswer(path, agentB.token, 200);
      await expectAnswer(path, h.admin.token, 200);
    }
    const messages = await h.request('GET', `/tickets/${ticket.id}/messages`, { token: agentB.token });
    expect(messages.body).toHaveLength(1);
  });

  it('is refused with 403 to an agent of another service of the organisation', async () => {
    for (const { path, kind } of reads()) {
      await expectAnswer(path, agentA.token, 403, kind === 'ticket' ? 'ticket.not_in_service' : 'customer.forbidden');
    }
    const simulation = await h.request('POST', '/rules/simulate', { token: agentA.token, body: { serviceId: serviceB.id, ticketId: ticket.id } });
    expect(simulation.status).toBe(403);
    expect(simulation.body.error.code).toBe('ticket.not_in_service');
  });

  it('is refused with 403 to organisation admins, who do no ticket work', async () => {
    for (const { path, kind } of reads()) {
      await expectAnswer(path, orgAdmin.token, 403, kind === 'ticket' ? 'ticket.forbidden' : 'customer.forbidden');
    }
  });

  it('is unknown (404) to the agents and admins of another organisation', async () => {
    for (const token of [foreign.agent.token, foreign.admin.token]) {
      for (const { path, kind } of reads()) await expectAnswer(path, token, 404, `${kind}.not_found`);
    }
  });

  it('takes no command from another organisation, not even from its admins', async () => {
    const comment = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: foreign.admin.token, body: { body: 'hello' } });
    expect(comment.status).toBe(404);
    expect(comment.body.error.code).toBe('ticket.not_found');
    const messages = await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token });
    expect(messages.body).toHaveLength(1);
  });
});

describe('task lists and the dashboard filtered by service', () => {
  it('show the service to its agents and to the organisation’s admins', async () => {
    const list = await expectAnswer(`/tickets?serviceId=${serviceB.id}&limit=100`, agentB.token, 200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(ticket.id);
    const dashboard = await expectAnswer(`/dashboard?serviceId=${serviceB.id}`, h.admin.token, 200);
    expect(dashboard.body.lists.all).toBeGreaterThanOrEqual(1);
  });

  it('refuse an agent of another service with 403', async () => {
    await expectAnswer(`/tickets?serviceId=${serviceB.id}`, agentA.token, 403, 'ticket.not_in_service');
    await expectAnswer(`/dashboard?serviceId=${serviceB.id}`, agentA.token, 403, 'ticket.not_in_service');
  });

  it('answer 404 for another organisation’s service, as for an unknown one', async () => {
    for (const token of [foreign.agent.token, foreign.admin.token]) {
      await expectAnswer(`/tickets?serviceId=${serviceB.id}`, token, 404, 'service.not_found');
      await expectAnswer(`/dashboard?serviceId=${serviceB.id}`, token, 404, 'service.not_found');
    }
    await expectAnswer(`/tickets?serviceId=${foreign.serviceId}`, h.admin.token, 404, 'service.not_found');
    await expectAnswer('/dashboard?serviceId=nope', h.admin.token, 404, 'service.not_found');
    await expectAnswer('/tickets?serviceId=unknown', agentA.token, 404, 'service.not_found');
  });

  it('are refused to organisation admins', async () => {
    await expectAnswer('/tickets', orgAdmin.token, 403, 'ticket.forbidden');
    await expectAnswer('/dashboard', orgAdmin.token, 403, 'ticket.forbidden');
  });

  it('without a service, hold only the services the caller may read', async () => {
    const all = await expectAnswer('/tickets?limit=100', agentA.token, 200);
    expect(all.body.items.map((t: { id: string }) => t.id)).not.toContain(ticket.id);
    const elsewhere = await expectAnswer('/tickets?limit=100', foreign.admin.token, 200);
    expect(elsewhere.body.items.map((t: { id: string }) => t.id)).not.toContain(ticket.id);
  });
});
