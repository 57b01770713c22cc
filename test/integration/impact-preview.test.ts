/**
 * Impact preview over the real API, worker, PostgreSQL and Temporal: tickets are created under a published trigger,
 * the drafts are changed, and the preview tells, per trigger, how many of the period's tickets each version fires on
 * and changes, with samples, as the test computes them from the tickets it made; it streams its progress, takes the
 * newest tickets of the period only, refuses bad periods and agents, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImpactSummary } from '../../api/routes/impact/impact.schemas';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

type Sent = { id: string; subject: string; channel: 'email' | 'chat'; recorded: boolean };

/** The stream's events, in order. */
async function preview(serviceId: string, body: Record<string, unknown>, token = h.admin.token) {
  const response = await h.request('POST', `/services/${serviceId}/triggers/impact`, { token, body });
  if (response.status !== 200) return { status: response.status, body: response.body, events: [] };
  const events = String(response.body)
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => ({ event: /event: (\w+)/.exec(block)![1], data: JSON.parse(/data: (.*)/.exec(block)![1]) }));
  return { status: response.status, body: null, events };
}

const hour = 3_600_000;

describe('impact preview', () => {
  it('counts what the drafts would fire and change next to the published version, and changes nothing', { timeout: 120_000 }, async () => {
    const service = await h.createService('영향 서비스', ['상담', '결제팀']);
    const billing = service.groupIds[1];
    const refunds = await defineTrigger(h, service.id, {
      title: '환불 → 결제팀',
      events: ['created'],
      all: [{ field: 'subject', operator: 'contains', value: '환불' }],
      results: [{ type: 'forwardToGroup', groupId: billing }],
    });
    await publish(h, service.id);

    const sent: Sent[] = [];
    for (const [subject, channel] of [
      ['환불 요청드립니다', 'email'],
      ['환불 문의', 'chat'],
      ['결제 오류가 납니다', 'email'],
      ['결제가 두 번 됐어요', 'chat'],
      ['환불 후 결제 취소', 'chat'],
      ['배송 문의', 'email'],
    ] as const) {
      const created = await h.request('POST', '/tickets', {
        token: h.admin.token,
        body: { serviceId: service.id, subject, content: '내용', channel, customer: { name: '홍길동', email: 'hong@example.com' } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      sent.push({ id: created.body.id, subject, channel, recorded: true });
    }
    // Tickets that came in before creations were recorded (an import): decided as they are now.
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
      values ('TIMPORT1', ${service.id}, 'email', 'resolved', 'normal', '결제 영수증', '본문', 1, now() - interval '2 hours', now()),
        ('TIMPORT2', ${service.id}, 'chat', 'unassigned', 'normal', '회원 탈퇴', '본문', 1, now() - interval '3 hours', now()),
        ('TOLD', ${service.id}, 'email', 'unassigned', 'normal', '결제 환불 옛날 문의', '본문', 1, now() - interval '40 days', now())`;
    sent.push({ id: 'TIMPORT1', subject: '결제 영수증', channel: 'email', recorded: false });
    sent.push({ id: 'TIMPORT2', subject: '회원 탈퇴', channel: 'chat', recorded: false });

    // The drafts: the refund trigger now looks for payments, and email gets a tag.
    const edited = await h.request('PUT', `/triggers/${refunds}`, {
      token: h.admin.token,
      body: {
        title: '환불 → 결제팀',
        enabled: true,
        events: ['created'],
        conditions: { all: [{ field: 'subject', operator: 'contains', value: '결제' }], any: [] },
        results: [{ type: 'forwardToGroup', groupId: billing }],
      },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const mail = await defineTrigger(h, service.id, {
      title: '메일 태그',
      events: ['created'],
      all: [{ field: 'channel', operator: 'equals', value: 'email' }],
      results: [{ type: 'addTags', tags: ['메일'] }],
    });

    const before = await h.sql`select id, status, group_id, tags, priority, updated_at from tickets where service_id = ${service.id} order by id`;
    const eventsBefore = await h.sql`select count(*)::int as n from ticket_events`;
    const from = new Date(Date.now() - 7 * 24 * hour).toISOString();
    const to = new Date(Date.now() + hour).toISOString();
    const { status, events } = await preview(service.id, { from, to });
    expect(status).toBe(200);

    const progress = events.filter((entry) => entry.event === 'progress').map((entry) => entry.data);
    expect(progress[0]).toEqual({ scanned: 0, total: sent.length });
    expect(progress.at(-1)).toEqual({ scanned: sent.length, total: sent.length });
    expect(events.at(-1)!.event).toBe('result');
    const result = ImpactSummary.parse(events.at(-1)!.data);

    // What the test expects, from the tickets it made.
    const payment = sent.filter((ticket) => ticket.subject.includes('결제'));
    const refund = sent.filter((ticket) => ticket.subject.includes('환불'));
    const email = sent.filter((ticket) => ticket.channel === 'email');
    const draftChanges = sent.filter((ticket) => payment.includes(ticket) || email.includes(ticket));
    const differing = sent.filter((ticket) => {
      const draftFires = [payment.includes(ticket), email.includes(ticket)];
      return draftFires[0] !== refund.includes(ticket) || draftFires[1];
    });
    expect(result).toMatchObject({
      draft: { triggers: 2 },
      published: { number: 1 },
      tickets: sent.length,
      recorded: sent.filter((ticket) => ticket.recorded).length,
      changedByDraft: draftChanges.length,
      changedByPublished: refund.length,
      differing: differing.length,
    });
    const [refundImpact, mailImpact] = result.triggers;
    expect(refundImpact).toMatchObject({
      triggerId: refunds,
      title: '환불 → 결제팀',
      draft: { fired: payment.length, results: [payment.length] },
      published: { fired: refund.length, results: [refund.length] },
    });
    expect(mailImpact).toMatchObject({ triggerId: mail, draft: { fired: email.length, results: [email.length] }, published: null });
    // Samples show the tickets the versions treat differently first, with what each version changed.
    const differingIds = new Set(differing.map((ticket) => ticket.id));
    expect(refundImpact.samples.length).toBe(5);
    const firstSample = refundImpact.samples[0];
    expect(differingIds.has(firstSample.ticketId)).toBe(true);
    const sampled = sent.find((ticket) => ticket.id === firstSample.ticketId)!;
    expect(firstSample.draft?.groupId?.[1] ?? null).toBe(payment.includes(sampled) ? billing : null);
    expect(firstSample.published?.groupId?.[1] ?? null).toBe(refund.includes(sampled) ? billing : null);

    // Nothing changed: not the tickets, not their events.
    expect(await h.sql`select id, status, group_id, tags, priority, updated_at from tickets where service_id = ${service.id} order by id`).toEqual(before);
    expect(await h.sql`select count(*)::int as n from ticket_events`).toEqual(eventsBefore);

    // The limit takes the newest tickets of the period; a period with none answers zeros.
    const newest = await preview(service.id, { from, to, limit: 2 });
    expect(ImpactSummary.parse(newest.events.at(-1)!.data).tickets).toBe(2);
    const empty = await preview(service.id, { from: new Date(Date.now() - 400 * 24 * hour).toISOString(), to: new Date(Date.now() - 300 * 24 * hour).toISOString() });
    expect(ImpactSummary.parse(empty.events.at(-1)!.data)).toMatchObject({ tickets: 0, changedByDraft: 0, differing: 0 });
  });

  it('refuses a reversed period, a limit over 100,000, malformed dates, agents and unknown services', async () => {
    const service = await h.createService('영향 거절', ['상담']);
    const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const from = new Date(Date.now() - hour).toISOString();
    const to = new Date().toISOString();

    const reversed = await preview(service.id, { from: to, to: from });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error).toMatchObject({ code: 'impact.invalid_range', details: { path: ['to'] } });
    expect((await preview(service.id, { from, to, limit: 100_001 })).status).toBe(400);
    expect((await preview(service.id, { from: 'yesterday', to })).status).toBe(400);
    expect((await preview(service.id, { from, to, extra: true })).status).toBe(400);
    expect((await preview(service.id, { from, to }, agent.token)).status).toBe(403);
    expect((await preview('S_NO_SUCH_SERVICE', { from, to })).status).toBe(404);
  });
});
