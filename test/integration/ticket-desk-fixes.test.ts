/**
 * What a new user found broken: spam counted in "my groups", disabled intake types refused to agents, permissions
 * stored but never checked, groups that could not be renamed or deleted and categories that could not be deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
});

afterAll(async () => {
  await h?.stop();
});

const ticketBody = (overrides: Record<string, unknown> = {}) => ({
  serviceId: service.id,
  subject: '배송 문의',
  content: '언제 도착하나요?',
  customer: { email: 'customer@example.com' },
  ...overrides,
});

async function createTicket(token = h.admin.token, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', { token, body: ticketBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

async function counts() {
  const [row] = await h.sql`
    select (select count(*) from tickets)::int as tickets, (select count(*) from ticket_events)::int as events,
      (select count(*) from groups)::int as groups, (select count(*) from categories)::int as categories`;
  return row;
}

describe('my groups', () => {
  it('leaves spam out, as all tickets does, so it never counts more than all', async () => {
    const own = await h.createService('Spam count', ['스팸']);
    const worker = await h.createAgent({ groupIds: own.groupIds });
    const create = async () =>
      (await h.request('POST', '/tickets', { token: worker.token, body: ticketBody({ serviceId: own.id }) })).body.id as string;
    const [kept, spam] = [await create(), await create()];
    for (const id of [kept, spam]) await h.request('POST', `/tickets/${id}/take`, { token: worker.token, body: {} });
    await h.request('POST', `/tickets/${spam}/internal-resolve`, { token: worker.token, body: { reason: 'spam' } });

    const dashboard = (await h.request('GET', `/dashboard?serviceId=${own.id}`, { token: worker.token })).body;
    expect(dashboard.lists).toMatchObject({ all: 1, my_groups: 1, spam: 1 });
    const list = (await h.request('GET', `/tickets?list=my_groups&serviceId=${own.id}`, { token: worker.token })).body;
    expect(list.items.map((ticket: { id: string }) => ticket.id)).toEqual([kept]);
  });
});

describe('a disabled intake type', () => {
  it('stays usable by agents and is refused only for tickets from the help centre', async () => {
    const hidden = await h.createIntakeType(service.id, '단종 상품', { enabled: false });
    const byAgent = await createTicket(agent.token, { intakeTypeId: hidden });
    expect(byAgent).toMatchObject({ intakeTypeId: hidden });

    const before = await counts();
    const fromHelpCentre = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: ticketBody({ intakeTypeId: hidden, channel: 'help_center_pc' }),
    });
    expect(fromHelpCentre.status).toBe(422);
    expect(fromHelpCentre.body.error).toMatchObject({ code: 'request.invalid_reference', details: { field: 'intakeTypeId', id: hidden } });
    expect(await counts()).toEqual(before);
  });
});

describe('permissions', () => {
  it('ticket: an agent without it can neither create nor work tickets', async () => {
    const without = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: [] });
    const before = await counts();
    const created = await h.request('POST', '/tickets', { token: without.token, body: ticketBody() });
    expect(created.status).toBe(403);
    expect(created.body.error).toMatchObject({ code: 'ticket.permission_required', details: { permission: 'ticket' } });
    expect(await counts()).toEqual(before);

    const ticket = await createTicket();
    const eventsBefore = (await counts()).events;
    for (const [action, body] of [
      ['take', {}],
      ['comments', { body: '메모' }],
      ['internal-resolve', { reason: 'test' }],
    ] as const) {
      const refused = await h.request('POST', `/tickets/${ticket.id}/${action}`, { token: without.token, body });
      expect(refused.status, action).toBe(403);
      expect(refused.body.error.code).toBe('ticket.permission_required');
    }
    const edited = await h.request('PATCH', `/tickets/${ticket.id}`, { token: without.token, body: { priority: 'urgent' } });
    expect(edited.status).toBe(403);
    expect(edited.body.error.code).toBe('ticket.permission_required');
    expect((await counts()).events).toBe(eventsBefore);
    // Reading stays open to members of the service.
    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: without.token })).status).toBe(200);
  });

  it('phone: registering a phone ticket needs it', async () => {
    const plain = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket'] });
    const phone = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'phone'] });
    const body = ticketBody({ channel: 'phone', customer: { phone: '010-1111-2222' } });
    const before = await counts();
    const refused = await h.request('POST', '/tickets', { token: plain.token, body });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'ticket.permission_required', details: { permission: 'phone' } });
    expect(await counts()).toEqual(before);
    expect((await h.request('POST', '/tickets', { token: phone.token, body })).status).toBe(201);
  });

  it('chat: registering a chat ticket needs it', async () => {
    const plain = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'phone'] });
    const chat = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'chat'] });
    const refused = await h.request('POST', '/tickets', { token: plain.token, body: ticketBody({ channel: 'chat' }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'ticket.permission_required', details: { permission: 'chat' } });
    expect((await h.request('POST', '/tickets', { token: chat.token, body: ticketBody({ channel: 'chat' }) })).status).toBe(201);
  });

  it('ticket_forward: forwarding needs it', async () => {
    const ticket = await createTicket();
    const refused = await h.request('POST', `/tickets/${ticket.id}/forward`, { token: agent.token, body: { groupId: service.groupIds[1] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ticket.forward_forbidden');
    const forwarder = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'ticket_forward'] });
    const forwarded = await h.request('POST', `/tickets/${ticket.id}/forward`, { token: forwarder.token, body: { groupId: service.groupIds[1] } });
    expect(forwarded.status).toBe(200);
  });
});

describe('groups', () => {
  it('can be renamed, with an audit row, and a taken name is refused', async () => {
    const own = await h.createService('Rename', ['상담1', '상담2']);
    const renamed = await h.request('PATCH', `/groups/${own.groupIds[0]}`, { token: h.admin.token, body: { name: '결제상담' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: own.groupIds[0], name: '결제상담' });
    expect(await h.auditRows(own.groupIds[0])).toEqual([
      expect.objectContaining({ action: 'group.renamed', details: { before: { name: '상담1' }, after: { name: '결제상담' } } }),
    ]);
    const taken = await h.request('PATCH', `/groups/${own.groupIds[1]}`, { token: h.admin.token, body: { name: '결제상담' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('group.name_taken');
    const byAgent = await h.request('PATCH', `/groups/${own.groupIds[1]}`, { token: agent.token, body: { name: 'x' } });
    expect(byAgent.status).toBe(403);
  });

  it('can be deleted once nothing names it, and not while tickets or sole members depend on it', async () => {
    const own = await h.createService('Delete', ['남길 그룹', '지울 그룹', '티켓 그룹']);
    const member = await h.createAgent({ groupIds: [own.groupIds[1]] });
    await createTicket(h.admin.token, { serviceId: own.id, groupId: own.groupIds[2] });

    const before = await counts();
    const inUse = await h.request('DELETE', `/groups/${own.groupIds[2]}`, { token: h.admin.token });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: 'group.in_use', details: { tickets: 1 } });
    const soleGroup = await h.request('DELETE', `/groups/${own.groupIds[1]}`, { token: h.admin.token });
    expect(soleGroup.status).toBe(409);
    expect(soleGroup.body.error).toMatchObject({ code: 'agent.group_required', details: { agentIds: [member.id] } });
    expect(await counts()).toEqual(before);

    await h.request('PUT', `/groups/${own.groupIds[0]}/members`, { token: h.admin.token, body: { agentIds: [member.id] } });
    const deleted = await h.request('DELETE', `/groups/${own.groupIds[1]}`, { token: h.admin.token });
    expect(deleted.status).toBe(204);
    const groups = (await h.request('GET', `/services/${own.id}/groups`, { token: h.admin.token })).body;
    expect(groups.map((group: { id: string }) => group.id)).toEqual([own.groupIds[0], own.groupIds[2]]);
    expect((await h.auditRows(own.groupIds[1])).at(-1)).toMatchObject({ action: 'group.deleted' });
    expect((await h.request('DELETE', `/groups/${own.groupIds[1]}`, { token: h.admin.token })).status).toBe(404);
  });
});

describe('categories', () => {
  it('can be deleted once nothing names them; one in use is refused and can be disabled instead', async () => {
    const parent = await h.createIntakeType(service.id, '지울 부모');
    const child = await h.createIntakeType(service.id, '지울 자식', { parentId: parent });
    const used = await h.createIntakeType(service.id, '사용 중');
    await createTicket(h.admin.token, { intakeTypeId: used });

    const before = await counts();
    const withChild = await h.request('DELETE', `/categories/${parent}`, { token: h.admin.token });
    expect(withChild.status).toBe(409);
    expect(withChild.body.error).toMatchObject({ code: 'category.in_use', details: { children: 1 } });
    const withTicket = await h.request('DELETE', `/categories/${used}`, { token: h.admin.token });
    expect(withTicket.body.error).toMatchObject({ code: 'category.in_use', details: { tickets: 1 } });
    expect((await h.request('DELETE', `/categories/${child}`, { token: agent.token })).status).toBe(403);
    expect(await counts()).toEqual(before);

    expect((await h.request('DELETE', `/categories/${child}`, { token: h.admin.token })).status).toBe(204);
    expect((await h.request('DELETE', `/categories/${parent}`, { token: h.admin.token })).status).toBe(204);
    expect((await counts()).categories).toBe(before.categories - 2);
    expect((await h.auditRows(parent)).at(-1)).toMatchObject({ action: 'category.deleted' });
  });
});
