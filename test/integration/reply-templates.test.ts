/**
 * Reply templates (답변 템플릿): substitution codes checked when saved, search by title or code, a link to a
 * resolution type, and the template filled in for a ticket for the composer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { createCategory } from '../support/rules';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };
let refund: string;

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('템플릿 서비스');
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '김상담' });
  refund = await createCategory(h, service.id, '환불 완료', undefined, 'resolution');
  const field = await h.request('POST', `/services/${service.id}/fields`, {
    token: h.admin.token,
    body: { scope: 'customer', code: 'order_no', control: 'text', labels: { ko: '주문번호' } },
  });
  expect(field.status).toBe(201);
});

afterAll(async () => {
  await h?.stop();
});

const templates = (path = '') => h.request('GET', `/services/${service.id}/reply-templates${path}`, { token: agent.token });

describe('reply templates', () => {
  it('are saved with known codes only, searchable by title or code, and filled in for a ticket', async () => {
    const created = await h.request('POST', `/services/${service.id}/reply-templates`, {
      token: h.admin.token,
      body: {
        code: 'REFUND-1',
        title: '환불 안내',
        body: '#{customer.name}님, 주문 #{customerField.order_no} 환불(#{ticket.id}, #{ticket.subject})을 처리했습니다. 담당: #{agent.name}',
        resolutionTypeId: refund,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await h.request('POST', `/services/${service.id}/reply-templates`, {
      token: h.admin.token,
      body: { code: 'GREET', title: '인사', body: '안녕하세요 #{customer.name}님.' },
    });

    expect((await templates('?q=환불')).body.map((t: { code: string }) => t.code)).toEqual(['REFUND-1']);
    expect((await templates('?q=greet')).body.map((t: { code: string }) => t.code)).toEqual(['GREET']);
    expect((await templates(`?resolutionTypeId=${refund}`)).body.map((t: { code: string }) => t.code)).toEqual(['REFUND-1']);

    const ticket = (
      await h.request('POST', '/tickets', {
        token: h.admin.token,
        body: { serviceId: service.id, subject: '환불 요청', content: '...', customer: { name: '홍길동', email: 'c@example.com' }, customerFields: { order_no: 'A-77' } },
      })
    ).body;
    const rendered = await h.request('GET', `/tickets/${ticket.id}/reply-templates/${created.body.id}`, { token: agent.token });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toEqual({
      templateId: created.body.id,
      title: '환불 안내',
      body: `홍길동님, 주문 A-77 환불(${ticket.id}, 환불 요청)을 처리했습니다. 담당: 김상담`,
      resolutionTypeId: refund,
    });
  });

  it('refuses unknown codes, taken codes and non-admins, storing nothing', async () => {
    const [before] = await h.sql`select count(*)::int as n from reply_templates`;
    const post = (body: Record<string, unknown>, token = h.admin.token) =>
      h.request('POST', `/services/${service.id}/reply-templates`, { token, body });
    const unknown = await post({ code: 'BAD', title: '오타', body: '#{tikcet.id} #{customerField.nope} #{customer.name}' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'reply_template.unknown_code', details: { codes: ['tikcet.id', 'customerField.nope'] } });
    await post({ code: 'DUP', title: '하나', body: '본문' });
    const taken = await post({ code: 'dup', title: '둘', body: '본문' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('reply_template.code_taken');
    expect((await post({ code: 'AGENT', title: '상담원', body: '본문' }, agent.token)).status).toBe(403);
    const [after] = await h.sql`select count(*)::int as n from reply_templates`;
    expect(after.n).toBe(before.n + 1);
  });
});

describe('manual ticket creation (티켓 생성)', () => {
  it('assigns at once and takes its content from a template', async () => {
    const template = await h.request('POST', `/services/${service.id}/reply-templates`, {
      token: h.admin.token,
      body: { code: 'PHONE-NOTE', title: '전화 메모', body: '#{customer.name} 고객 전화 문의 (#{ticket.id}), 접수: #{agent.name} #{ticket.group}' },
    });
    const created = await h.request('POST', '/tickets', {
      token: agent.token,
      body: {
        serviceId: service.id,
        subject: '전화 문의',
        templateId: template.body.id,
        groupId: service.groupIds[0],
        assigneeId: agent.id,
        customer: { name: '이순신', email: 'lee@example.com' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      channel: 'created',
      status: 'in_progress',
      assigneeId: agent.id,
      groupId: service.groupIds[0],
      content: `이순신 고객 전화 문의 (${created.body.id}), 접수: 김상담 `,
    });
    const events = (await h.request('GET', `/tickets/${created.body.id}/events`, { token: agent.token })).body;
    expect(events[0]).toMatchObject({ kind: 'created', changes: { status: [null, 'in_progress'], assigneeId: [null, agent.id] } });
    // The assignee works it as their own.
    expect((await h.request('GET', '/tickets?list=mine_in_progress', { token: agent.token })).body.items.map((t: { id: string }) => t.id)).toContain(
      created.body.id,
    );
  });

  it('refuses assigning someone else without the forward permission, a stranger, or no content, creating nothing', async () => {
    const colleague = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const outsider = await h.createAgent({ groupIds: [service.groupIds[1]] });
    const [before] = await h.sql`select count(*)::int as n from tickets`;
    const base = { serviceId: service.id, subject: 's', content: 'c', groupId: service.groupIds[0], customer: { email: 'x@example.com' } };
    const cases: [Record<string, unknown>, string, number, string][] = [
      [{ ...base, assigneeId: colleague.id }, agent.token, 403, 'ticket.permission_required'],
      [{ ...base, assigneeId: outsider.id }, h.admin.token, 422, 'request.invalid_reference'],
      [{ ...base, groupId: undefined, assigneeId: agent.id }, h.admin.token, 400, 'request.invalid'],
      [{ ...base, content: undefined }, h.admin.token, 400, 'request.invalid'],
      [{ ...base, content: undefined, templateId: 'R0000000000000nope' }, h.admin.token, 422, 'request.invalid_reference'],
    ];
    for (const [body, token, status, code] of cases) {
      const refused = await h.request('POST', '/tickets', { token, body });
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(refused.body.error.code).toBe(code);
    }
    const [after] = await h.sql`select count(*)::int as n from tickets`;
    expect(after.n).toBe(before.n);
  });
});
