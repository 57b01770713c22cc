/**
 * Fields (필드 관리) and editing a ticket: field definitions with never-reused codes, typed values checked on
 * create, edit and resolve, every edit recorded before → after and run through the triggers, and field values
 * seen by trigger conditions and substitution codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { createCategory, defineTrigger, publish, settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let h: Harness;
let smtp: SmtpPeer;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };
let delivery: string;
let returns: string;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  delivery = await createCategory(h, service.id, '배송');
  returns = await createCategory(h, service.id, '반품', delivery);
  const define = (body: Record<string, unknown>) => h.request('POST', `/services/${service.id}/fields`, { token: h.admin.token, body });
  for (const body of [
    { scope: 'customer', code: 'order_no', control: 'text', labels: { en: 'Order number', ko: '주문번호' }, required: true, intakeTypeId: delivery },
    { scope: 'customer', code: 'grade', control: 'dropdown', labels: { ko: '등급' }, options: [{ code: 'gold', labels: { ko: '골드' } }, { code: 'silver', labels: { ko: '실버' } }] },
    { scope: 'customer', code: 'visit_date', control: 'date', labels: { ko: '방문일' } },
    { scope: 'agent', code: 'refund_amount', control: 'number', labels: { ko: '환불금액' }, required: true },
    { scope: 'agent', code: 'audited', control: 'checkbox', labels: { ko: '감사 완료' }, editableBy: 'admin' },
  ]) {
    const response = await define(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

async function counts() {
  const [row] = await h.sql`
    select (select count(*) from tickets)::int as tickets, (select count(*) from ticket_events)::int as events,
      (select count(*) from fields)::int as fields`;
  return row;
}

const ticketBody = (overrides: Record<string, unknown> = {}) => ({
  serviceId: service.id,
  subject: '반품 문의',
  content: '반품하고 싶어요.',
  customer: { name: '홍길동', email: 'customer@example.com' },
  ...overrides,
});

async function createTicket(overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function events(id: string) {
  return (await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token })).body as { kind: string; changes: Record<string, unknown> }[];
}

describe('field definitions', () => {
  it('lists the system fields and the service fields in order', async () => {
    const list = await h.request('GET', `/services/${service.id}/fields?scope=customer`, { token: agent.token });
    expect(list.status).toBe(200);
    expect(list.body.systemFields).toEqual(['intakeType', 'email', 'subject', 'content', 'privacyConsent']);
    expect(list.body.fields.map((field: { code: string }) => field.code)).toEqual(['order_no', 'grade', 'visit_date']);
  });

  it('never reuses a code, even after the field is deleted', async () => {
    const created = await h.request('POST', `/services/${service.id}/fields`, {
      token: h.admin.token,
      body: { scope: 'agent', code: 'memo', control: 'textarea', labels: { ko: '메모' } },
    });
    expect(created.status).toBe(201);
    expect((await h.request('DELETE', `/fields/${created.body.id}`, { token: h.admin.token })).status).toBe(204);
    const before = await counts();
    for (const code of ['memo', 'MEMO', 'order_no']) {
      const reused = await h.request('POST', `/services/${service.id}/fields`, {
        token: h.admin.token,
        body: { scope: 'customer', code, control: 'text', labels: { ko: '다시' } },
      });
      expect(reused.status, code).toBe(409);
      expect(reused.body.error).toMatchObject({ code: 'field.code_taken', details: { code } });
    }
    expect(await counts()).toEqual(before);
    expect((await h.auditRows(created.body.id)).map((row) => row.action)).toEqual(['field.created', 'field.deleted']);
  });

  it('refuses bad definitions and non-admins, storing nothing', async () => {
    const before = await counts();
    const post = (body: Record<string, unknown>, token = h.admin.token) => h.request('POST', `/services/${service.id}/fields`, { token, body });
    expect((await post({ scope: 'customer', code: 'x1', control: 'dropdown', labels: { ko: '빈 목록' } })).body.error.code).toBe('field.invalid');
    expect((await post({ scope: 'customer', code: '1x', control: 'text', labels: { ko: '숫자' } })).status).toBe(400);
    expect((await post({ scope: 'customer', code: 'x2', control: 'colour', labels: { ko: '색' } })).status).toBe(400);
    expect((await post({ scope: 'agent', code: 'x3', control: 'text', labels: { ko: '유형' }, intakeTypeId: delivery })).body.error.code).toBe('field.invalid');
    expect((await post({ scope: 'agent', code: 'x4', control: 'text', labels: { ko: '상담원' } }, agent.token)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('field values on tickets', () => {
  it('requires the intake type’s required customer fields, inherited down the tree, and checks their types', async () => {
    const before = await counts();
    const missing = await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody({ intakeTypeId: returns }) });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'field.required', details: { missing: [{ scope: 'customer', code: 'order_no' }] } });
    for (const [customerFields, code] of [
      [{ order_no: 'A-1', nope: 'x' }, 'field.unknown'],
      [{ order_no: 42 }, 'field.invalid_value'],
      [{ order_no: 'A-1', grade: 'platinum' }, 'field.invalid_value'],
      [{ order_no: 'A-1', visit_date: '2026-02-30' }, 'field.invalid_value'],
    ] as const) {
      const refused = await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody({ intakeTypeId: returns, customerFields }) });
      expect(refused.status, JSON.stringify(customerFields)).toBe(422);
      expect(refused.body.error.code).toBe(code);
      expect(refused.body.error.details.code).toBeDefined();
    }
    expect(await counts()).toEqual(before);

    const ticket = await createTicket({ intakeTypeId: returns, customerFields: { order_no: 'A-1', grade: 'gold', visit_date: '2026-03-01' } });
    expect(ticket.customerFields).toEqual({ order_no: 'A-1', grade: 'gold', visit_date: '2026-03-01' });
    // Outside the intake type, order_no is not asked for.
    expect((await createTicket()).customerFields).toEqual({});
  });

  it('refuses resolving while a required agent field is empty', async () => {
    const ticket = await createTicket();
    await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} });
    const refused = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '처리했습니다.' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'field.required', details: { missing: [{ scope: 'agent', code: 'refund_amount' }] } });
    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: agent.token })).body.status).toBe('in_progress');

    expect((await h.request('PATCH', `/tickets/${ticket.id}`, { token: agent.token, body: { agentFields: { refund_amount: 15000 } } })).status).toBe(200);
    const resolved = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '처리했습니다.' } });
    expect(resolved.status).toBe(200);
  });

  it('keeps admin-only agent fields to admins', async () => {
    const ticket = await createTicket();
    const refused = await h.request('PATCH', `/tickets/${ticket.id}`, { token: agent.token, body: { agentFields: { audited: true } } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'field.admin_only', details: { code: 'audited' } });
    const allowed = await h.request('PATCH', `/tickets/${ticket.id}`, { token: h.admin.token, body: { agentFields: { audited: true } } });
    expect(allowed.body.agentFields).toEqual({ audited: true });
  });
});

describe('editing a ticket', () => {
  it('records each change before → after in one event', async () => {
    const ticket = await createTicket({ intakeTypeId: returns, customerFields: { order_no: 'A-1' } });
    const edited = await h.request('PATCH', `/tickets/${ticket.id}`, {
      token: agent.token,
      body: { priority: 'high', tags: ['vip'], important: true, subject: '반품 문의 (긴급)', customerFields: { order_no: 'A-2', grade: 'silver' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      priority: 'high',
      tags: ['vip'],
      important: true,
      subject: '반품 문의 (긴급)',
      customerFields: { order_no: 'A-2', grade: 'silver' },
    });
    const log = await events(ticket.id);
    expect(log.at(-1)).toMatchObject({
      kind: 'edit',
      changes: {
        priority: ['normal', 'high'],
        tags: [[], ['vip']],
        important: [false, true],
        subject: ['반품 문의', '반품 문의 (긴급)'],
        'customerFields.order_no': ['A-1', 'A-2'],
        'customerFields.grade': [null, 'silver'],
      },
    });
    // An edit that changes nothing leaves no event.
    const eventsBefore = log.length;
    expect((await h.request('PATCH', `/tickets/${ticket.id}`, { token: agent.token, body: { priority: 'high' } })).status).toBe(200);
    expect((await events(ticket.id)).length).toBe(eventsBefore);
  });

  it('refuses bad edits with nothing changed', async () => {
    const ticket = await createTicket({ intakeTypeId: returns, customerFields: { order_no: 'A-1' } });
    const before = await counts();
    for (const [body, status, code] of [
      [{ priority: 'critical' }, 400, 'request.invalid'],
      [{}, 400, 'request.invalid'],
      [{ customerFields: { order_no: null } }, 422, 'field.required'],
      [{ customerFields: { unknown_code: 'x' } }, 422, 'field.unknown'],
      [{ agentFields: { refund_amount: 'lots' } }, 422, 'field.invalid_value'],
      [{ intakeTypeId: 'C0000000000000nope' }, 422, 'request.invalid_reference'],
    ] as const) {
      const refused = await h.request('PATCH', `/tickets/${ticket.id}`, { token: agent.token, body });
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(refused.body.error.code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('runs the triggers: raising the priority to urgent fires "priority changed to urgent"', async () => {
    const own = await h.createService('Escalation', ['에스컬레이션']);
    await defineTrigger(h, own.id, {
      title: 'urgent goes to escalation',
      events: ['updated'],
      all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }],
      results: [{ type: 'forwardToGroup', groupId: own.groupIds[0] }, { type: 'addTags', tags: ['escalated'] }],
    });
    await publish(h, own.id);
    const ticket = (await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody({ serviceId: own.id }) })).body;
    const raised = await h.request('PATCH', `/tickets/${ticket.id}`, { token: h.admin.token, body: { priority: 'urgent' } });
    expect(raised.body).toMatchObject({ priority: 'urgent', groupId: own.groupIds[0], tags: ['escalated'] });
    expect((await events(ticket.id)).map((event) => event.kind)).toEqual(['created', 'edit', 'trigger']);
  });
});

describe('triggers see field values', () => {
  it('matches conditions on customer and agent fields and fills their substitution codes', async () => {
    const own = await h.createService('Fields in triggers', ['VIP']);
    for (const body of [
      { scope: 'customer', code: 'grade', control: 'dropdown', labels: { ko: '등급' }, options: [{ code: 'gold', labels: { ko: '골드' } }] },
      { scope: 'agent', code: 'team', control: 'text', labels: { ko: '팀' } },
    ]) {
      expect((await h.request('POST', `/services/${own.id}/fields`, { token: h.admin.token, body })).status).toBe(201);
    }
    await defineTrigger(h, own.id, {
      title: 'gold customers',
      events: ['created'],
      all: [{ field: 'customerField:grade', operator: 'equals', value: 'gold', valueType: 'string' }],
      results: [
        { type: 'addTags', tags: ['gold'] },
        {
          type: 'notifyEmail',
          to: 'customer',
          messages: { ko: { subject: '등급 #{customerField.grade}', body: '팀: [#{agentField.team}] 등급: #{customerField.grade}' } },
        },
      ],
    });
    await defineTrigger(h, own.id, {
      title: 'team set',
      events: ['updated'],
      all: [{ field: 'agentField:team', operator: 'equals', value: '결제팀', valueType: 'string' }],
      results: [{ type: 'addTags', tags: ['team-set'] }],
    });
    await publish(h, own.id);
    const already = smtp.messages.length;
    const gold = (await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody({ serviceId: own.id, customerFields: { grade: 'gold' } }) })).body;
    expect(gold.tags).toEqual(['gold']);
    await settledSideEffects(h, gold.id);
    const mail = (await smtp.waitFor(already + 1)).filter((m) => m.messageId.includes(gold.id));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('등급 gold');
    // A field without a value on the ticket renders empty, never as the literal code.
    expect(mail[0].body).toContain('팀: [] 등급: gold');

    const plain = (await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody({ serviceId: own.id }) })).body;
    expect(plain.tags).toEqual([]);
    const teamed = await h.request('PATCH', `/tickets/${plain.id}`, { token: h.admin.token, body: { agentFields: { team: '결제팀' } } });
    expect(teamed.body.tags).toEqual(['team-set']);
  });
});
