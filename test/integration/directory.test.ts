import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { refusalCheck } from '../support/refusals';

let h: Harness;
let service: { id: string; groupIds: string[] };
let agent: { id: string; email: string; token: string };
let orgAdmin: { id: string; email: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('온라인 상담');
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '김상담' });
  orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [service.groupIds[1]], name: '조직관리자' });
});

afterAll(async () => {
  await h?.stop();
});

const TABLES = ['services', 'groups', 'group_members', 'agents', 'categories', 'audit_log'] as const;

/** Row counts of every directory table: a refused request must leave all of them as they were. */
async function counts(): Promise<Record<(typeof TABLES)[number], number>> {
  const [row] = await h.sql`
    select (select count(*) from services)::int as services, (select count(*) from groups)::int as groups,
      (select count(*) from group_members)::int as group_members, (select count(*) from agents)::int as agents,
      (select count(*) from categories)::int as categories, (select count(*) from audit_log)::int as audit_log`;
  return row as Record<(typeof TABLES)[number], number>;
}

const expectRefused = refusalCheck(() => h, counts);

let emailSeq = 0;
const uniqueEmail = () => `agent${++emailSeq}.${Date.now()}@contactflow.test`;

async function createAgent(body: Record<string, unknown>, token = h.admin.token) {
  const response = await h.request('POST', '/agents', {
    token,
    body: { email: uniqueEmail(), name: '이하나', password: 'long-enough-1', groupIds: [service.groupIds[0]], ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('services', () => {
  it('lists the organisation’s services and creates new ones with an audit row', async () => {
    const list = await h.request('GET', '/services', { token: agent.token });
    expect(list.status).toBe(200);
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['Customer support', '온라인 상담']);

    const created = await h.request('POST', '/services', { token: h.admin.token, body: { name: '기술 지원', kind: 'issue' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^S\d{13}/), name: '기술 지원', kind: 'issue' });
    expect((await h.request('GET', `/services/${created.body.id}`, { token: agent.token })).body).toEqual(created.body);
    expect(await h.auditRows(created.body.id)).toEqual([
      { actor_id: h.admin.id, action: 'service.created', details: { after: { name: '기술 지원', kind: 'issue' } } },
    ]);

    const byOrgAdmin = await h.request('POST', '/services', { token: orgAdmin.token, body: { name: 'VIP 상담', kind: 'consultation' } });
    expect(byOrgAdmin.status).toBe(201);
  });

  it('refuses agents, duplicate names, bad bodies and unknown ids without changing anything', async () => {
    await expectRefused('POST', '/services', { token: agent.token, body: { name: '새 서비스', kind: 'issue' } }, 403, 'auth.forbidden');
    await expectRefused('POST', '/services', { token: h.admin.token, body: { name: '온라인 상담', kind: 'issue' } }, 409, 'service.name_taken');
    await expectRefused('POST', '/services', { token: h.admin.token, body: { name: '새 서비스', kind: 'chat' } }, 400, 'request.invalid');
    await expectRefused('POST', '/services', { token: h.admin.token, body: { name: 42, kind: 'issue' } }, 400, 'request.invalid');
    await expectRefused(
      'POST',
      '/services',
      { token: h.admin.token, rawBody: '{"name": "새 서비스", ', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed',
    );
    await expectRefused('GET', '/services/S0000000000000nope', { token: agent.token }, 404, 'service.not_found');
    await expectRefused('GET', '/services', {}, 401, 'auth.required');
  });
});

describe('groups', () => {
  it('lists groups with members in the order they were added', async () => {
    const response = await h.request('GET', `/services/${service.id}/groups`, { token: agent.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      expect.objectContaining({ id: service.groupIds[0], name: '결제', memberIds: [agent.id] }),
      expect.objectContaining({ id: service.groupIds[1], name: '회원정보', memberIds: [orgAdmin.id] }),
    ]);
  });

  it('creates a group and replaces its membership, keeping the join order of members who stay', async () => {
    const created = await h.request('POST', `/services/${service.id}/groups`, { token: h.admin.token, body: { name: '환불' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ serviceId: service.id, name: '환불', memberIds: [] });
    const groupId = created.body.id as string;

    const first = await h.request('PUT', `/groups/${groupId}/members`, { token: h.admin.token, body: { agentIds: [agent.id, h.admin.id] } });
    expect(first.status).toBe(200);
    expect(first.body.memberIds).toEqual([agent.id, h.admin.id]);

    const second = await h.request('PUT', `/groups/${groupId}/members`, {
      token: orgAdmin.token,
      body: { agentIds: [orgAdmin.id, h.admin.id] },
    });
    expect(second.status).toBe(200);
    // The admin stays where they were; the organisation admin joins after them; the agent still has 결제.
    expect(second.body.memberIds).toEqual([h.admin.id, orgAdmin.id]);
    expect((await h.request('GET', `/agents/${agent.id}`, { token: agent.token })).body.groupIds).toEqual([service.groupIds[0]]);

    const audit = await h.auditRows(groupId);
    expect(audit.map((row) => row.action)).toEqual(['group.created', 'group.members_changed', 'group.members_changed']);
    expect(audit[2].details).toEqual({
      before: [agent.id, h.admin.id],
      after: [h.admin.id, orgAdmin.id],
      added: [orgAdmin.id],
      removed: [agent.id],
    });
  });

  it('refuses to leave an agent without any group', async () => {
    const error = await expectRefused(
      'PUT',
      `/groups/${service.groupIds[0]}/members`,
      { token: h.admin.token, body: { agentIds: [] } },
      409,
      'agent.group_required',
    );
    expect(error.details).toEqual({ agentIds: [agent.id] });
    const groups = await h.request('GET', `/services/${service.id}/groups`, { token: agent.token });
    expect(groups.body[0].memberIds).toEqual([agent.id]);
  });

  it('refuses agents, bad bodies and unknown ids without changing anything', async () => {
    const path = `/groups/${service.groupIds[0]}/members`;
    await expectRefused('POST', `/services/${service.id}/groups`, { token: agent.token, body: { name: '탈퇴' } }, 403, 'auth.forbidden');
    await expectRefused('PUT', path, { token: agent.token, body: { agentIds: [agent.id] } }, 403, 'auth.forbidden');
    await expectRefused('POST', `/services/${service.id}/groups`, { token: h.admin.token, body: { name: '결제' } }, 409, 'group.name_taken');
    await expectRefused('POST', `/services/${service.id}/groups`, { token: h.admin.token, body: { name: '' } }, 400, 'request.invalid');
    await expectRefused('POST', '/services/S0000000000000nope/groups', { token: h.admin.token, body: { name: '탈퇴' } }, 404, 'service.not_found');
    await expectRefused('GET', '/services/S0000000000000nope/groups', { token: h.admin.token }, 404, 'service.not_found');
    await expectRefused('PUT', path, { token: h.admin.token, body: { agentIds: 'everyone' } }, 400, 'request.invalid');
    await expectRefused('PUT', path, { token: h.admin.token, body: { agentIds: [agent.id, agent.id] } }, 400, 'request.invalid');
    await expectRefused(
      'PUT',
      path,
      { token: h.admin.token, rawBody: '{"agentIds": [', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed',
    );
    const error = await expectRefused(
      'PUT',
      path,
      { token: h.admin.token, body: { agentIds: [agent.id, 'A0000000000000nope'] } },
      422,
      'request.invalid_reference',
    );
    expect(error.details).toEqual({ field: 'agentIds', id: 'A0000000000000nope' });
    await expectRefused('PUT', '/groups/G0000000000000nope/members', { token: h.admin.token, body: { agentIds: [] } }, 404, 'group.not_found');
  });
});

describe('agents', () => {
  it('lists and reads agents with their groups', async () => {
    const list = await h.request('GET', '/agents', { token: agent.token });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { id: string }) => a.id).slice(0, 3)).toEqual([h.admin.id, agent.id, orgAdmin.id]);
    const one = await h.request('GET', `/agents/${agent.id}`, { token: agent.token });
    expect(one.body).toMatchObject({ id: agent.id, name: '김상담', role: 'agent', active: true, groupIds: [service.groupIds[0]] });
    expect(one.body).not.toHaveProperty('passwordHash');
    await expectRefused('GET', '/agents/A0000000000000nope', { token: agent.token }, 404, 'agent.not_found');
  });

  it('creates an agent who can log in, in the groups given, with an audit row', async () => {
    const email = uniqueEmail();
    const created = await createAgent({
      email,
      name: '박지원',
      role: 'agent',
      permissions: ['ticket_forward', 'ticket', 'ticket'],
      groupIds: [service.groupIds[1], service.groupIds[0]],
    });
    expect(created).toMatchObject({
      email,
      name: '박지원',
      role: 'agent',
      permissions: ['ticket', 'ticket_forward'],
      active: true,
      groupIds: [service.groupIds[1], service.groupIds[0]],
    });
    const token = await h.login(email.toUpperCase(), 'long-enough-1');
    expect((await h.request('GET', '/me', { token })).body).toMatchObject({ id: created.id, groupIds: [service.groupIds[1], service.groupIds[0]] });

    const audit = await h.auditRows(created.id);
    expect(audit).toEqual([
      {
        actor_id: h.admin.id,
        action: 'agent.created',
        details: {
          after: { email, name: '박지원', role: 'agent', permissions: ['ticket', 'ticket_forward'], groupIds: [service.groupIds[1], service.groupIds[0]] },
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('long-enough-1');
  });

  it('lets only an organisation admin create another organisation admin', async () => {
    await expectRefused(
      'POST',
      '/agents',
      { token: h.admin.token, body: { email: uniqueEmail(), name: '최고', role: 'org_admin', password: 'long-enough-1', groupIds: [service.groupIds[0]] } },
      403,
      'auth.forbidden',
    );
    const created = await createAgent({ role: 'org_admin' }, orgAdmin.token);
    expect(created.role).toBe('org_admin');
  });

  it('refuses duplicate emails, missing groups, bad bodies and agents without changing anything', async () => {
    const valid = { email: uniqueEmail(), name: '정민수', password: 'long-enough-1', groupIds: [service.groupIds[0]] };
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, email: agent.email.toUpperCase() } }, 409, 'agent.email_taken');
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, groupIds: [] } }, 400, 'request.invalid');
    const { groupIds: _omitted, ...withoutGroups } = valid;
    await expectRefused('POST', '/agents', { token: h.admin.token, body: withoutGroups }, 400, 'request.invalid');
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, password: 'short' } }, 400, 'request.invalid');
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, email: 'not an email' } }, 400, 'request.invalid');
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, permissions: ['root'] } }, 400, 'request.invalid');
    await expectRefused('POST', '/agents', { token: h.admin.token, body: { ...valid, role: 'owner' } }, 400, 'request.invalid');
    await expectRefused(
      'POST',
      '/agents',
      { token: h.admin.token, body: { ...valid, groupIds: [service.groupIds[0], 'G0000000000000nope'] } },
      422,
      'request.invalid_reference',
    );
    await expectRefused('POST', '/agents', { token: agent.token, body: valid }, 403, 'auth.forbidden');
    await expectRefused(
      'POST',
      '/agents',
      { token: h.admin.token, rawBody: 'email=x', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed',
    );
  });

  it('audits every change with before and after, and a deactivated agent loses access', async () => {
    const created = await createAgent({ permissions: ['ticket'] });
    const token = await h.login(created.email, 'long-enough-1');

    const changed = await h.request('PATCH', `/agents/${created.id}`, {
      token: h.admin.token,
      body: { name: '이하나 (팀장)', role: 'admin', permissions: ['ticket', 'callback_assign'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '이하나 (팀장)', role: 'admin', permissions: ['ticket', 'callback_assign'] });

    const deactivated = await h.request('PATCH', `/agents/${created.id}`, { token: h.admin.token, body: { active: false } });
    expect(deactivated.body.active).toBe(false);
    expect((await h.request('GET', '/me', { token })).status).toBe(401);

    const audit = await h.auditRows(created.id);
    expect(audit.map(({ action, details }) => ({ action, details }))).toEqual([
      expect.objectContaining({ action: 'agent.created' }),
      { action: 'agent.renamed', details: { before: '이하나', after: '이하나 (팀장)' } },
      { action: 'agent.role_changed', details: { before: 'agent', after: 'admin' } },
      { action: 'agent.permissions_changed', details: { before: ['ticket'], after: ['ticket', 'callback_assign'] } },
      { action: 'agent.deactivated', details: { before: true, after: false } },
    ]);
    expect(audit.every((row) => row.actor_id === h.admin.id)).toBe(true);

    // Repeating a change changes nothing and writes nothing.
    const before = await counts();
    expect((await h.request('PATCH', `/agents/${created.id}`, { token: h.admin.token, body: { active: false } })).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('refuses changes an admin may not make without changing anything', async () => {
    await expectRefused('PATCH', `/agents/${orgAdmin.id}`, { token: h.admin.token, body: { name: '변경' } }, 403, 'auth.forbidden');
    await expectRefused('PATCH', `/agents/${agent.id}`, { token: h.admin.token, body: { role: 'org_admin' } }, 403, 'auth.forbidden');
    await expectRefused('PATCH', `/agents/${agent.id}`, { token: agent.token, body: { permissions: ['ticket_forward'] } }, 403, 'auth.forbidden');
    await expectRefused('PATCH', `/agents/${h.admin.id}`, { token: h.admin.token, body: { role: 'agent' } }, 409, 'agent.self_change');
    await expectRefused('PATCH', `/agents/${h.admin.id}`, { token: h.admin.token, body: { active: false } }, 409, 'agent.self_change');
    await expectRefused('PATCH', `/agents/${agent.id}`, { token: h.admin.token, body: {} }, 400, 'request.invalid');
    await expectRefused('PATCH', `/agents/${agent.id}`, { token: h.admin.token, body: { active: 'no' } }, 400, 'request.invalid');
    await expectRefused('PATCH', '/agents/A0000000000000nope', { token: h.admin.token, body: { name: '누구' } }, 404, 'agent.not_found');
    expect((await h.request('GET', `/agents/${agent.id}`, { token: agent.token })).body).toMatchObject({ role: 'agent', permissions: ['ticket'] });
  });
});

describe('categories', () => {
  const tree = async (kind: string, serviceId = service.id) => {
    const response = await h.request('GET', `/services/${serviceId}/categories?kind=${kind}`, { token: agent.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const add = async (body: Record<string, unknown>, serviceId = service.id) => {
    const response = await h.request('POST', `/services/${serviceId}/categories`, { token: h.admin.token, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  it('builds trees ordered by position then name, keeping disabled categories', async () => {
    const payment = await add({ kind: 'intake', name: '결제' });
    const transfer = await add({ kind: 'intake', name: '계좌이체', parentId: payment.id });
    const card = await add({ kind: 'intake', name: '카드결제', parentId: payment.id, position: 0 });
    const refund = await add({ kind: 'intake', name: '환불', parentId: card.id });
    const member = await add({ kind: 'intake', name: '회원정보' });
    const other = await add({ kind: 'intake', name: '기타', position: 0 });
    await add({ kind: 'resolution', name: '안내 완료' });
    expect(payment).toMatchObject({ depth: 1, position: 0, parentId: null, enabled: true, kind: 'intake', serviceId: service.id });
    expect(transfer).toMatchObject({ depth: 2, position: 0 });
    expect(refund).toMatchObject({ depth: 3, parentId: card.id });
    expect(member.position).toBe(1);

    const disabled = await h.request('PATCH', `/categories/${transfer.id}`, { token: h.admin.token, body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);

    const intake = await tree('intake');
    const names = (nodes: { name: string; enabled: boolean; children: unknown[] }[]): unknown =>
      nodes.map((node) => [node.name, node.enabled, names(node.children as typeof nodes)]);
    // 기타 and 결제 share position 0, so the name decides; 계좌이체 and 카드결제 likewise.
    expect(names(intake)).toEqual([
      ['결제', true, [['계좌이체', false, []], ['카드결제', true, [['환불', true, []]]]]],
      ['기타', true, []],
      ['회원정보', true, []],
    ]);
    expect(intake[1].id).toBe(other.id);
    expect((await tree('resolution')).map((node: { name: string }) => node.name)).toEqual(['안내 완료']);

    const moved = await h.request('PATCH', `/categories/${member.id}`, { token: h.admin.token, body: { position: 0, name: '가입/탈퇴' } });
    expect(moved.body).toMatchObject({ name: '가입/탈퇴', position: 0 });
    expect((await tree('intake')).map((node: { name: string }) => node.name)).toEqual(['가입/탈퇴', '결제', '기타']);
    expect((await h.auditRows(member.id)).map((row) => row.details)).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ name: '회원정보' }) }),
      { before: { name: '회원정보', position: 1 }, after: { name: '가입/탈퇴', position: 0 } },
    ]);
  });

  it('allows five levels and refuses a sixth with category.too_deep', async () => {
    let parentId: string | undefined;
    for (let level = 1; level <= 5; level++) {
      const category = await add({ kind: 'resolution', name: `레벨 ${level}`, parentId });
      expect(category.depth).toBe(level);
      parentId = category.id;
    }
    const error = await expectRefused(
      'POST',
      `/services/${service.id}/categories`,
      { token: h.admin.token, body: { kind: 'resolution', name: '레벨 6', parentId } },
      422,
      'category.too_deep',
    );
    expect(error.details).toMatchObject({ maxDepth: 5 });
  });

  it('refuses parents of another kind or service, duplicates, bad bodies and non-admins without changing anything', async () => {
    const root = await add({ kind: 'intake', name: '배송' });
    const other = await h.createService();
    const foreign = await add({ kind: 'intake', name: '배송' }, other.id);
    const path = `/services/${service.id}/categories`;
    await expectRefused('POST', path, { token: h.admin.token, body: { kind: 'resolution', name: '하위', parentId: root.id } }, 422, 'request.invalid_reference');
    await expectRefused('POST', path, { token: h.admin.token, body: { kind: 'intake', name: '하위', parentId: foreign.id } }, 422, 'request.invalid_reference');
    await expectRefused('POST', path, { token: h.admin.token, body: { kind: 'intake', name: '배송' } }, 409, 'category.name_taken');
    await expectRefused('POST', path, { token: h.admin.token, body: { kind: 'type', name: '하위' } }, 400, 'request.invalid');
    await expectRefused('POST', path, { token: h.admin.token, body: { kind: 'intake', name: '하위', position: -1 } }, 400, 'request.invalid');
    await expectRefused('POST', path, { token: agent.token, body: { kind: 'intake', name: '하위' } }, 403, 'auth.forbidden');
    await expectRefused('POST', path, { token: orgAdmin.token, body: { kind: 'intake', name: '하위' } }, 403, 'auth.forbidden');
    await expectRefused(
      'POST',
      path,
      { token: h.admin.token, rawBody: '{"kind":"intake","name":', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed',
    );
    await expectRefused('PATCH', `/categories/${root.id}`, { token: agent.token, body: { enabled: false } }, 403, 'auth.forbidden');
    await expectRefused('PATCH', `/categories/${root.id}`, { token: h.admin.token, body: { enabled: 'off' } }, 400, 'request.invalid');
    await expectRefused('PATCH', `/categories/${root.id}`, { token: h.admin.token, body: {} }, 400, 'request.invalid');
    await expectRefused('PATCH', '/categories/C0000000000000nope', { token: h.admin.token, body: { enabled: false } }, 404, 'category.not_found');
    await expectRefused('GET', path, { token: agent.token }, 400, 'request.invalid');
    await expectRefused('GET', '/services/S0000000000000nope/categories?kind=intake', { token: agent.token }, 404, 'service.not_found');
  });
});

describe('customers', () => {
  it('shows a customer with their tickets newest first to agents of the service and admins', async () => {
    const create = async (subject: string) => {
      const response = await h.request('POST', '/tickets', {
        token: h.admin.token,
        body: { serviceId: service.id, channel: 'phone', subject, content: '전화 문의 내용', customer: { name: '홍길동', phone: '010-5555-1234' } },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };
    const first = await create('카드 결제 취소 문의');
    const second = await create('환불 진행 상황 문의');
    expect(second.customer.id).toBe(first.customer.id);

    const response = await h.request('GET', `/customers/${first.customer.id}`, { token: agent.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: first.customer.id, serviceId: service.id, name: '홍길동', phone: '010-5555-1234' });
    expect(response.body.tickets).toEqual([
      { id: second.id, subject: '환불 진행 상황 문의', status: 'unassigned', createdAt: second.createdAt },
      { id: first.id, subject: '카드 결제 취소 문의', status: 'unassigned', createdAt: first.createdAt },
    ]);
    expect((await h.request('GET', `/customers/${first.customer.id}`, { token: h.admin.token })).status).toBe(200);

    const other = await h.createService();
    const outsider = await h.createAgent({ groupIds: [other.groupIds[0]] });
    await expectRefused('GET', `/customers/${first.customer.id}`, { token: outsider.token }, 403, 'customer.forbidden');
    await expectRefused('GET', '/customers/U0000000000000nope', { token: h.admin.token }, 404, 'customer.not_found');
  });
});

describe('audit log', () => {
  it('pages through admin changes newest first', async () => {
    const all = await h.request('GET', '/audit?limit=200', { token: h.admin.token });
    expect(all.status).toBe(200);
    const ids = all.body.items.map((entry: { id: string }) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.body.items.at(-1)).toMatchObject({ action: 'bootstrap', actorId: null, target: h.orgId });
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ action: 'agent.permissions_changed', actorId: h.admin.id, actorName: 'Administrator' }),
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await h.request(
        'GET',
        `/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        { token: orgAdmin.token },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.items.map((entry) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((entry: { id: string }) => entry.id));
  });

  it('refuses agents and bad paging parameters', async () => {
    await expectRefused('GET', '/audit', { token: agent.token }, 403, 'auth.forbidden');
    await expectRefused('GET', '/audit?limit=0', { token: h.admin.token }, 400, 'request.invalid');
    await expectRefused('GET', '/audit?limit=ten', { token: h.admin.token }, 400, 'request.invalid');
    await expectRefused('GET', '/audit?cursor=abc', { token: h.admin.token }, 400, 'request.invalid');
  });
});

describe('OpenAPI document', () => {
  it('describes the directory routes, the recursive category tree included', async () => {
    const response = await h.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    for (const path of ['/services', '/services/{serviceId}/groups', '/groups/{id}/members', '/agents/{id}', '/services/{serviceId}/categories', '/categories/{id}', '/customers/{id}', '/audit']) {
      expect(response.body.paths).toHaveProperty([path]);
    }
    expect(response.body.components.schemas).toHaveProperty('CategoryNode');
  });
});
