/**
 * Taking a ticket (가져오기) makes the taker its assignee in one of their own groups, admins included: an assignee
 * always belongs to the ticket's group. Admins who are in no group of the service forward instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let memberAdmin: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('Take', ['결제', '회원정보']);
  memberAdmin = await h.createAgent({ role: 'admin', groupIds: [service.groupIds[0]], name: 'Member admin' });
});

afterAll(async () => {
  await h?.stop();
});

async function createTicket(body: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '가져오기', content: '...', customer: { email: 'take@example.com' }, ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

const take = (id: string, token: string, body: unknown = {}) => h.request('POST', `/tickets/${id}/take`, { token, body });

async function expectUnchanged(id: string) {
  const ticket = await h.request('GET', `/tickets/${id}`, { token: h.admin.token });
  expect(ticket.body).toMatchObject({ status: 'unassigned', assigneeId: null });
  const events = await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token });
  expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['created']);
}

describe('an admin taking a ticket', () => {
  it('is told they have no group in the service, not that they are in several', async () => {
    const ticket = await createTicket({ groupId: service.groupIds[0] });
    const refused = await take(ticket.id, h.admin.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.not_in_service');
    expect(refused.body.error.message).not.toMatch(/several groups/);
    expect(refused.body.error.message).toMatch(/no group in this service/);
    await expectUnchanged(ticket.id);
  });

  it('cannot name a group they are not a member of', async () => {
    const ticket = await createTicket();
    for (const token of [h.admin.token, memberAdmin.token]) {
      const refused = await take(ticket.id, token, { groupId: service.groupIds[1] });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'ticket.not_group_member', details: { groupId: service.groupIds[1] } });
    }
    await expectUnchanged(ticket.id);
  });

  it('takes into their own group, like an agent', async () => {
    const inOtherGroup = await createTicket({ groupId: service.groupIds[1] });
    const taken = await take(inOtherGroup.id, memberAdmin.token);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'in_progress', assigneeId: memberAdmin.id, groupId: service.groupIds[0] });

    const named = await createTicket();
    const takenNamed = await take(named.id, memberAdmin.token, { groupId: service.groupIds[0] });
    expect(takenNamed.body).toMatchObject({ status: 'in_progress', assigneeId: memberAdmin.id, groupId: service.groupIds[0] });
  });
});
