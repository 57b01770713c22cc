/**
 * PII masking (개인정보 마스킹) over HTTP: a span of a message or of a text field value is masked through the ticket's
 * workflow (a workflow of its own once the ticket is closed) as a `masked` event that re-runs the triggers; the
 * original is sealed before anything reaches workflow history; unmasking needs pii_unmask and is audited; bad spans
 * are refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyList } from '../../infra/keyring';
import { closedTicketMaskWorkflowId } from '../../workflows/closed-ticket-mask';
import { maskUpdate, ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };
let unmasker: { id: string; token: string };
const RESIDENT_NO = '900101-1234567';
const NOTE = 'call Kim Minsu at home';
const NAME = 'Kim Minsu';

beforeAll(async () => {
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: generateKeyList('k1') } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  unmasker = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'pii_unmask'] });
  for (const field of [
    { scope: 'customer', code: 'note', control: 'text' },
    { scope: 'agent', code: 'memo', control: 'textarea' },
    { scope: 'customer', code: 'tier', control: 'dropdown', options: [{ code: 'gold', labels: { ko: '골드' } }] },
    { scope: 'customer', code: 'resident_no', control: 'text', encrypted: true },
  ]) {
    const created = await h.request('POST', `/services/${service.id}/fields`, { token: h.admin.token, body: { labels: { ko: field.code }, ...field } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  await defineTrigger(h, service.id, {
    title: 'sees every update',
    events: ['updated'],
    all: [{ field: 'subject', operator: 'contains', value: '본인' }],
    results: [{ type: 'addTags', tags: ['seen'] }],
  });
  await publish(h, service.id);
});

afterAll(async () => {
  await h?.stop();
});

/** A ticket with a comment holding a resident number and a customer note naming someone. */
async function ticketWithPii() {
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: {
      serviceId: service.id,
      subject: '본인 확인',
      content: '확인 부탁드립니다',
      customer: { email: 'c@example.com' },
      customerFields: { note: NOTE, tier: 'gold', resident_no: '800101-2000000' },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ticket = created.body;
  await h.request('POST', `/tickets/${ticket.id}/comments`, { token: agent.token, body: { body: `주민번호는 ${RESIDENT_NO} 입니다` } });
  const seq = (await messagesOf(ticket.id)).at(-1).seq as number;
  return { id: ticket.id as string, seq };
}

const messagesOf = async (ticketId: string) => (await h.request('GET', `/tickets/${ticketId}/messages`, { token: agent.token })).body;
const eventsOf = async (ticketId: string) => (await h.request('GET', `/tickets/${ticketId}/events`, { token: agent.token })).body;
const ticketOf = async (ticketId: string) => (await h.request('GET', `/tickets/${ticketId}`, { token: agent.token })).body;
const evaluationsOf = async (ticketId: string) => (await h.sql`select count(*)::int as n from trigger_evaluations where ticket_id = ${ticketId}`)[0].n as number;

const maskMessage = (ticketId: string, seq: number, span: object) =>
  h.request('POST', `/tickets/${ticketId}/messages/${seq}/masks`, { token: agent.token, body: span });
const maskField = (ticketId: string, scope: string, code: string, span: object) =>
  h.request('POST', `/tickets/${ticketId}/fields/${scope}/${code}/masks`, { token: agent.token, body: span });

/** What a workflow's history says, as text; events from `from` on. */
async function historyText(workflowId: string, from = 0): Promise<{ length: number; text: string }> {
  const events = (await h.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  return { length: events.length, text: JSON.stringify(events.slice(from)) };
}

function expectNoPlaintext(text: string, ...originals: string[]) {
  for (const original of originals) {
    expect(text).not.toContain(original);
    expect(text).not.toContain(Buffer.from(original).toString('base64'));
    expect(text).not.toContain(Buffer.from(JSON.stringify(original)).toString('base64'));
  }
}

/** Refuses each bad span with its code and leaves messages, fields, events and masks as they were. */
async function expectRefusalsChangeNothing(ticketId: string, seq: number) {
  const before = { messages: await messagesOf(ticketId), ticket: await ticketOf(ticketId), events: await eventsOf(ticketId) };
  const masksBefore = await h.sql`select id from pii_masks where ticket_id = ${ticketId}`;
  for (const [refused, status, code] of [
    [maskMessage(ticketId, seq, { start: 6, end: 99 }), 422, 'mask.out_of_range'],
    [maskMessage(ticketId, seq, { start: 5, end: 5 }), 400, 'request.invalid'],
    [maskMessage(ticketId, 999, { start: 0, end: 1 }), 404, 'message.not_found'],
    [maskMessage(ticketId, seq, { start: 10, end: 12 }), 409, 'mask.already_masked'],
    [maskField(ticketId, 'customer', 'note', { start: 0, end: 99 }), 422, 'mask.out_of_range'],
    [maskField(ticketId, 'customer', 'note', { start: 7, end: 10 }), 409, 'mask.already_masked'],
    [maskField(ticketId, 'customer', 'nope', { start: 0, end: 1 }), 404, 'field.not_found'],
    [maskField(ticketId, 'customer', 'tier', { start: 0, end: 1 }), 422, 'mask.not_text'],
    [maskField(ticketId, 'customer', 'resident_no', { start: 0, end: 1 }), 422, 'mask.not_text'],
    [maskField(ticketId, 'agent', 'memo', { start: 0, end: 1 }), 422, 'mask.out_of_range'],
  ] as const) {
    const response = await refused;
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.error.code).toBe(code);
  }
  expect({ messages: await messagesOf(ticketId), ticket: await ticketOf(ticketId), events: await eventsOf(ticketId) }).toEqual(before);
  expect(await h.sql`select id from pii_masks where ticket_id = ${ticketId}`).toEqual(masksBefore);
}

/** Masks the resident number in the comment and the name in the note, and checks what everyone then sees. */
async function maskBoth(ticketId: string, seq: number) {
  const message = await maskMessage(ticketId, seq, { start: 6, end: 20 });
  expect(message.status, JSON.stringify(message.body)).toBe(201);
  expect(message.body).toMatchObject({ target: { kind: 'message', seq }, start: 6, end: 20, maskedBy: agent.id });
  const field = await maskField(ticketId, 'customer', 'note', { start: 5, end: 14 });
  expect(field.status, JSON.stringify(field.body)).toBe(201);
  expect(field.body).toMatchObject({ target: { kind: 'field', scope: 'customer', code: 'note' }, start: 5, end: 14 });

  expect((await messagesOf(ticketId)).find((each: { seq: number }) => each.seq === seq).body).toBe(`주민번호는 ${'*'.repeat(14)} 입니다`);
  expect((await ticketOf(ticketId)).customerFields.note).toBe('call ********* at home');
  expect((await h.request('GET', `/tickets/${ticketId}/masks`, { token: agent.token })).body).toEqual([message.body, field.body]);
  const events = await eventsOf(ticketId);
  const masked = events.filter((event: { kind: string }) => event.kind === 'masked');
  expect(masked).toEqual([
    expect.objectContaining({ actorId: agent.id, changes: { masked: [null, { maskId: message.body.id, seq, start: 6, end: 20 }] } }),
    expect.objectContaining({ actorId: agent.id, changes: { masked: [null, { maskId: field.body.id, scope: 'customer', code: 'note', start: 5, end: 14 }] } }),
  ]);
  expect(masked[1].seq).toBe(masked[0].seq + 1);
  expectNoPlaintext(JSON.stringify(masked), RESIDENT_NO, NAME);
  const stored = await h.sql`select sealed_original from pii_masks where ticket_id = ${ticketId}`;
  expectNoPlaintext(JSON.stringify(stored), RESIDENT_NO, NAME);
  return { messageMask: message.body.id as string, fieldMask: field.body.id as string };
}

/** Only pii_unmask opens a mask, and each opening leaves an audit row naming the place, never the text. */
async function expectUnmaskAudited(ticketId: string, masks: { messageMask: string; fieldMask: string }) {
  const refused = await h.request('POST', `/tickets/${ticketId}/masks/${masks.messageMask}/unmask`, { token: agent.token });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'ticket.permission_required', details: { permission: 'pii_unmask' } });
  for (const [maskId, original] of [[masks.messageMask, RESIDENT_NO], [masks.fieldMask, NAME]]) {
    const unmasked = await h.request('POST', `/tickets/${ticketId}/masks/${maskId}/unmask`, { token: unmasker.token });
    expect(unmasked.body).toEqual({ id: maskId, original });
  }
  const audit = await h.auditRows(ticketId);
  expect(audit.map((entry) => [entry.action, entry.actor_id, entry.details.maskId])).toEqual([
    ['pii.masked', agent.id, masks.messageMask],
    ['pii.masked', agent.id, masks.fieldMask],
    ['pii.unmasked', unmasker.id, masks.messageMask],
    ['pii.unmasked', unmasker.id, masks.fieldMask],
  ]);
  expectNoPlaintext(JSON.stringify(audit), RESIDENT_NO, NAME);
}

describe('masking (개인정보 마스킹)', () => {
  it('masks spans of an open ticket through its workflow: an event, the triggers again, no plaintext in history', async () => {
    const { id, seq } = await ticketWithPii();
    const history = await historyText(ticketWorkflowId(id));
    const evaluations = await evaluationsOf(id);

    const masks = await maskBoth(id, seq);
    // Each mask is an update of the ticket's workflow that ran the triggers, and nothing it added to history holds
    // the originals.
    expect(await evaluationsOf(id)).toBe(evaluations + 2);
    const after = await historyText(ticketWorkflowId(id), history.length);
    expect(after.text).toContain('"mask"');
    expectNoPlaintext(after.text, RESIDENT_NO, NAME);
    const state = await h.temporal.workflow.getHandle(ticketWorkflowId(id)).query<{ customerFields: Record<string, string> }>('state');
    expect(state.customerFields.note).toBe('call ********* at home');

    const frozen = await historyText(ticketWorkflowId(id));
    await expectRefusalsChangeNothing(id, seq);
    // The workflow's own validator refuses a span it knows is masked, so a command that got past the API's check
    // (a race) never reaches history either.
    const actor = { kind: 'agent' as const, id: agent.id, role: 'agent' as const, permissions: ['ticket' as const], groupIds: [service.groupIds[0]] };
    const overlapping = h.temporal.workflow
      .getHandle(ticketWorkflowId(id))
      .executeUpdate(maskUpdate, { args: [{ actor, mask: { maskId: 'M-race', target: { kind: 'field', scope: 'customer', code: 'note' }, start: 0, end: 6 } }] });
    await expect(overlapping).rejects.toMatchObject({ cause: { type: 'mask.already_masked' } });
    expect((await historyText(ticketWorkflowId(id))).length).toBe(frozen.length);
    await expectUnmaskAudited(id, masks);
  });

  it('masks spans of a closed ticket through a workflow of its own', async () => {
    const { id, seq } = await ticketWithPii();
    await h.request('POST', `/tickets/${id}/take`, { token: agent.token, body: {} });
    expect((await h.request('POST', `/tickets/${id}/resolve`, { token: agent.token, body: { body: '처리했습니다' } })).status).toBe(200);
    expect((await h.request('POST', `/tickets/${id}/complete`, { token: h.admin.token, body: {} })).status).toBe(200);
    const lastSeq = (await eventsOf(id)).at(-1).seq as number;
    const evaluations = await evaluationsOf(id);

    const masks = await maskBoth(id, seq);
    expect((await eventsOf(id)).slice(-2).map((event: { seq: number }) => event.seq)).toEqual([lastSeq + 1, lastSeq + 2]);
    // A closed ticket runs no triggers.
    expect(await evaluationsOf(id)).toBe(evaluations);
    for (const maskId of [masks.messageMask, masks.fieldMask]) {
      const history = await historyText(closedTicketMaskWorkflowId(id, maskId));
      expect(history.text).toContain('closedTicketMaskWorkflow');
      expectNoPlaintext(history.text, RESIDENT_NO, NAME);
    }
    expect((await ticketOf(id)).status).toBe('closed');

    await expectRefusalsChangeNothing(id, seq);
    await expectUnmaskAudited(id, masks);
  });

  it('masks a span of the first inquiry (the content), on an open ticket and after it is closed', async () => {
    const PHONE = '010-1234-5678';
    const maskContent = (ticketId: string, span: object) => h.request('POST', `/tickets/${ticketId}/content/masks`, { token: agent.token, body: span });
    const opened = async () => {
      const created = await h.request('POST', '/tickets', {
        token: h.admin.token,
        body: { serviceId: service.id, subject: '본인 확인', content: `연락처는 ${PHONE} 입니다`, customer: { email: 'c@example.com' } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    const open = await opened();
    const closed = await opened();
    await h.request('POST', `/tickets/${closed}/take`, { token: agent.token, body: {} });
    expect((await h.request('POST', `/tickets/${closed}/resolve`, { token: agent.token, body: { body: '처리했습니다' } })).status).toBe(200);
    expect((await h.request('POST', `/tickets/${closed}/complete`, { token: h.admin.token, body: {} })).status).toBe(200);

    for (const id of [open, closed]) {
      const history = await historyText(ticketWorkflowId(id));
      const masked = await maskContent(id, { start: 5, end: 18 });
      expect(masked.status, JSON.stringify(masked.body)).toBe(201);
      expect(masked.body).toMatchObject({ target: { kind: 'content' }, start: 5, end: 18 });
      expect((await ticketOf(id)).content).toBe(`연락처는 ${'*'.repeat(13)} 입니다`);
      const event = (await eventsOf(id)).filter((each: { kind: string }) => each.kind === 'masked').at(-1);
      expect(event).toMatchObject({ kind: 'masked', changes: { masked: [null, { maskId: masked.body.id, part: 'content', start: 5, end: 18 }] } });
      // Nothing the mask added to any history holds the number (the ticket's creation did, as the customer wrote it).
      expectNoPlaintext((await historyText(ticketWorkflowId(id), history.length)).text, PHONE);
      if (id === closed) expectNoPlaintext((await historyText(closedTicketMaskWorkflowId(id, masked.body.id))).text, PHONE);

      const before = { ticket: await ticketOf(id), events: await eventsOf(id) };
      expect((await maskContent(id, { start: 10, end: 12 })).body.error.code).toBe('mask.already_masked');
      expect((await maskContent(id, { start: 0, end: 99 })).body.error.code).toBe('mask.out_of_range');
      expect({ ticket: await ticketOf(id), events: await eventsOf(id) }).toEqual(before);
      const unmasked = await h.request('POST', `/tickets/${id}/masks/${masked.body.id}/unmask`, { token: unmasker.token });
      expect(unmasked.body).toEqual({ id: masked.body.id, original: PHONE });
    }
  });

  it('gives a field a fresh start when an edit replaces its value', async () => {
    const { id } = await ticketWithPii();
    expect((await maskField(id, 'customer', 'note', { start: 5, end: 14 })).status).toBe(201);
    const edited = await h.request('PATCH', `/tickets/${id}`, { token: agent.token, body: { customerFields: { note: 'call Lee Jiwoo' } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await h.request('GET', `/tickets/${id}/masks`, { token: agent.token })).body).toEqual([]);
    const again = await maskField(id, 'customer', 'note', { start: 5, end: 14 });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await ticketOf(id)).customerFields.note).toBe('call *********');
  });
});
