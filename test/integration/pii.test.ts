/**
 * Personal data: encrypted (PII) field values sealed before the ticket workflow sees them and opened only for readers
 * of the ticket, hidden from triggers and from the event log (masking spans is in masking.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateSealedFieldValues } from '../../api/pii-rotation';
import { createKeyring, generateKeyList, parseKeyList } from '../../infra/keyring';
import { ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };
const RESIDENT_NO = '900101-1234567';
const FIRST_KEY = generateKeyList('k1');

beforeAll(async () => {
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: FIRST_KEY } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  const field = await h.request('POST', `/services/${service.id}/fields`, {
    token: h.admin.token,
    body: { scope: 'customer', code: 'resident_no', control: 'text', labels: { ko: '주민등록번호' }, encrypted: true },
  });
  expect(field.status, JSON.stringify(field.body)).toBe(201);
  expect(field.body.encrypted).toBe(true);
});

afterAll(async () => {
  await h?.stop();
});

async function createTicket(customerFields: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '본인 확인', content: '확인 부탁드립니다', customer: { email: 'c@example.com' }, customerFields },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('encrypted fields', () => {
  it('cannot be matched by a trigger condition: a clear 422 naming the row', async () => {
    const refused = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: {
        title: 'sees PII?',
        enabled: true,
        events: ['created'],
        conditions: { all: [{ field: 'customerField:resident_no', operator: 'isNotEmpty', valueType: 'string' }], any: [] },
        results: [{ type: 'addTags', tags: ['pii-seen'] }],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.issues).toEqual([expect.objectContaining({ code: 'field.encrypted', path: ['conditions', 'all', 0, 'field'] })]);
  });

  it('are sealed in the database and workflow history, opened for readers, hidden from triggers and the event log', async () => {
    await defineTrigger(h, service.id, {
      title: 'tags what it sees',
      events: ['created', 'updated'],
      all: [{ field: 'subject', operator: 'contains', value: '본인' }],
      results: [{ type: 'addTags', tags: ['seen'] }],
    });
    await publish(h, service.id);
    const ticket = await createTicket({ resident_no: RESIDENT_NO });
    expect(ticket.customerFields).toEqual({ resident_no: RESIDENT_NO });
    expect(ticket.tags).toEqual(['seen']);
    // What the trigger evaluation saw of the ticket holds no trace of the value.
    const traces = await h.sql`select row_to_json(e)::text as trace from trigger_evaluations e where e.ticket_id = ${ticket.id}`;
    expect(traces.length).toBeGreaterThan(0);
    for (const { trace } of traces) expect(trace).not.toContain('resident_no');

    const [row] = await h.sql`select customer_fields from tickets where id = ${ticket.id}`;
    expect(row.customer_fields.resident_no).toMatch(/^enc:v1:k1:/);
    const history = JSON.stringify(await h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id)).fetchHistory());
    expect(history).not.toContain(RESIDENT_NO);
    expect(Buffer.from(history).toString()).not.toContain(Buffer.from(RESIDENT_NO).toString('base64'));

    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: agent.token })).body.customerFields).toEqual({ resident_no: RESIDENT_NO });
    const outsider = await h.createAgent({ groupIds: [(await h.createService()).groupIds[0]] });
    expect((await h.request('GET', `/tickets/${ticket.id}`, { token: outsider.token })).status).toBe(403);

    const edited = await h.request('PATCH', `/tickets/${ticket.id}`, { token: agent.token, body: { customerFields: { resident_no: '800101-2000000' } } });
    expect(edited.body.customerFields).toEqual({ resident_no: '800101-2000000' });
    const events = (await h.request('GET', `/tickets/${ticket.id}/events`, { token: agent.token })).body;
    expect(events.at(-1)).toMatchObject({ kind: 'edit', changes: { 'customerFields.resident_no': ['[encrypted]', '[encrypted]'] } });
    expect(JSON.stringify(events)).not.toContain('800101');
  });

  it('refuses values that pose as sealed ones, and encrypting a dropdown', async () => {
    const posing = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, subject: 's', content: 'c', customer: { email: 'c@example.com' }, customerFields: { resident_no: 'enc:v1:k1:abc' } },
    });
    expect(posing.status).toBe(422);
    expect(posing.body.error).toMatchObject({ code: 'field.invalid_value', details: { code: 'resident_no' } });
    const dropdown = await h.request('POST', `/services/${service.id}/fields`, {
      token: h.admin.token,
      body: { scope: 'customer', code: 'tier', control: 'dropdown', labels: { ko: '등급' }, options: [{ code: 'a', labels: { ko: 'A' } }], encrypted: true },
    });
    expect(dropdown.body.error.code).toBe('field.invalid');
  });
});

describe('searching field values', () => {
  it('finds tickets by plain field values, refuses encrypted fields, and opens encrypted values in the results', async () => {
    for (const [code, control] of [['order_no', 'text'], ['tier', 'dropdown']] as const) {
      const options = control === 'dropdown' ? [{ code: 'gold', labels: { ko: '골드' } }, { code: 'silver', labels: { ko: '실버' } }] : [];
      const created = await h.request('POST', `/services/${service.id}/fields`, {
        token: h.admin.token,
        body: { scope: 'customer', code, control, labels: { ko: code }, options },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const gold = await createTicket({ order_no: 'ORD-2026-0042', tier: 'gold', resident_no: RESIDENT_NO });
    const silver = await createTicket({ order_no: 'ORD-2026-0099', tier: 'silver' });
    const search = async (fields: Record<string, string>) => {
      const response = await h.request('POST', '/tickets/search', { token: agent.token, body: { serviceId: service.id, conditions: { fields } } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items as { id: string; customerFields: Record<string, string> }[];
    };

    // Free text matches a substring in any case; a dropdown its option code exactly.
    expect((await search({ order_no: 'ord-2026' })).map((ticket) => ticket.id).sort()).toEqual([gold.id, silver.id].sort());
    expect((await search({ order_no: '0042' })).map((ticket) => ticket.id)).toEqual([gold.id]);
    expect((await search({ tier: 'silver' })).map((ticket) => ticket.id)).toEqual([silver.id]);
    expect(await search({ tier: 'silv' })).toEqual([]);
    const [found] = await search({ order_no: '0042', tier: 'gold' });
    expect(found.customerFields).toEqual({ order_no: 'ORD-2026-0042', tier: 'gold', resident_no: RESIDENT_NO });

    const refused = await h.request('POST', '/tickets/search', { token: agent.token, body: { serviceId: service.id, conditions: { fields: { resident_no: '900101' } } } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'search.encrypted_field', details: { fields: ['fields.resident_no'] } });
  });
});

describe('key rotation', () => {
  it('re-seals every value under the newest key through each ticket’s workflow, once', async () => {
    const tickets = [await createTicket({ resident_no: '700101-1000001' }), await createTicket({ resident_no: '700101-1000002' })];
    const rotated = createKeyring(parseKeyList(`${generateKeyList('k2')},${FIRST_KEY}`));
    const actor = { kind: 'agent' as const, id: h.admin.id, role: 'admin' as const, permissions: [], groupIds: [] };
    const report = await rotateSealedFieldValues({ sql: h.sql, temporal: h.temporal, keyring: rotated, actor, batchSize: 1 });
    expect(report.tickets).toBeGreaterThanOrEqual(2);

    for (const [index, ticket] of tickets.entries()) {
      const [row] = await h.sql`select customer_fields from tickets where id = ${ticket.id}`;
      const sealed = row.customer_fields.resident_no as string;
      expect(sealed).toMatch(/^enc:v1:k2:/);
      const plain = rotated.openText(sealed.slice('enc:v1:'.length), `ticket:${ticket.id}:customerField:resident_no`);
      expect(JSON.parse(plain)).toBe(`700101-100000${index + 1}`);
      const state = await h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id)).query<{ customerFields: Record<string, string> }>('state');
      expect(state.customerFields.resident_no).toBe(sealed);
      const events = (await h.request('GET', `/tickets/${ticket.id}/events`, { token: h.admin.token })).body;
      expect(events.at(-1)).toMatchObject({ kind: 'edit', actorId: h.admin.id, changes: { 'customerFields.resident_no': ['[encrypted]', '[encrypted]'] } });
    }
    // A second run finds nothing left under the old key.
    expect(await rotateSealedFieldValues({ sql: h.sql, temporal: h.temporal, keyring: rotated, actor, batchSize: 10 })).toEqual({ tickets: 0, values: 0 });
  });
});
