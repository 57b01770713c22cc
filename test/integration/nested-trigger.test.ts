/**
 * A trigger with nested condition groups end to end: saved through the API (which answers it nested, and refuses a
 * bad row deep inside with a path to it), published, and run by the ticket workflow on real Temporal and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { publish } from '../support/rules';
import { expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

/** all[ priority is high, any[ channel is email, not[ tags contain vip ] ] ] */
const nested = {
  all: [
    { field: 'priority', operator: 'equals', value: 'high' },
    { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
  ],
  any: [],
};

async function createTicket(serviceId: string, body: Record<string, unknown>) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject: '문의', content: '내용', customer: { name: '홍길동', email: 'customer@example.com' }, ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; tags: string[] };
}

describe('a trigger with nested condition groups', () => {
  it('is saved and answered nested, and fires on the tickets its groups admit only', async () => {
    const service = await h.createService(undefined, ['결제']);
    const created = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: { title: '급한 비VIP 또는 이메일', events: ['created'], conditions: nested, results: [{ type: 'addTags', tags: ['nested-fired'] }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await h.request('GET', `/triggers/${created.body.id}`, { token: h.admin.token });
    expect(read.body.conditions).toEqual(nested);
    await publish(h, service.id);

    const fires = [
      { priority: 'high', tags: [] },
      { priority: 'high', tags: ['vip'], channel: 'email' },
    ];
    const stays = [
      { priority: 'high', tags: ['vip'] },
      { priority: 'normal', tags: [] },
    ];
    for (const body of fires) expect((await createTicket(service.id, body)).tags, JSON.stringify(body)).toContain('nested-fired');
    for (const body of stays) expect((await createTicket(service.id, body)).tags, JSON.stringify(body)).not.toContain('nested-fired');

    // The recorded trace explains the miss: the row under not held, so the not group did not, nor did the any group.
    const vip = await createTicket(service.id, { priority: 'high', tags: ['vip'] });
    const traces = (await h.request('GET', `/tickets/${vip.id}/trace`, { token: h.admin.token })).body;
    expectTraceAnswer(traces);
    const [outcome] = traces[0].trace.passes[0].triggers;
    expect(outcome.fired).toBe(false);
    expect(outcome.groups).toEqual([
      { path: ['all', 1], kind: 'any', held: false },
      { path: ['all', 1, 'any', 1], kind: 'not', held: false },
    ]);
    expect(outcome.conditions.at(-1)).toMatchObject({ path: ['all', 1, 'any', 1, 'not'], field: 'tags', held: true });
  });

  it('refuses a bad row deep inside a group with the path to it', async () => {
    const service = await h.createService(undefined, ['결제']);
    const bad = { ...nested, all: [nested.all[0], { any: [{ not: { field: 'priority', operator: 'contains', value: 'u' } }] }] };
    const response = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: { title: '잘못된 묶음', events: ['created'], conditions: bad, results: [{ type: 'addTags', tags: ['x'] }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('trigger.invalid');
    expect(response.body.error.details.issues).toEqual([
      expect.objectContaining({ path: ['conditions', 'all', 1, 'any', 0, 'not', 'operator'], code: 'condition.operator_not_allowed' }),
    ]);
  });

  it('answers thousands of nested groups with 422 at the first group too deep, not by exhausting the stack', async () => {
    const service = await h.createService(undefined, ['결제']);
    // Written as text: JSON.stringify itself would exhaust the stack on such an object.
    const depth = 7_000; // as deep as the 64 KiB body limit of the tests lets through
    const entry = `${'{"not":'.repeat(depth)}{"field":"priority","operator":"equals","value":"high"}${'}'.repeat(depth)}`;
    const response = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      headers: { 'content-type': 'application/json' },
      rawBody: `{"title":"깊은 묶음","events":["created"],"conditions":{"all":[${entry}],"any":[]},"results":[{"type":"addTags","tags":["x"]}]}`,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details.issues).toEqual([
      expect.objectContaining({ path: ['conditions', 'all', 0, 'not', 'not', 'not', 'not', 'not'], code: 'condition.too_deep' }),
    ]);
  });
});
