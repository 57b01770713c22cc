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
