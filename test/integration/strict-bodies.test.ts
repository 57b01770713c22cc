/**
 * Every request body is a closed shape: a field the API does not know is refused (400 `request.invalid`, naming the
 * field), never silently dropped, and the OpenAPI document says so (`additionalProperties: false`) for every object
 * of every request body, nested ones included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
});

afterAll(async () => {
  await h?.stop();
});

type Schema = Record<string, unknown>;

/**
 * The JSON paths of the object schemas under `schema` that accept unknown fields. A map (`additionalProperties` a
 * schema, no `properties`, as `z.record` gives) is open by design: its keys are data, not field names.
 */
function openObjects(schema: unknown, at: string, document: Schema, seen = new Set<unknown>()): string[] {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return [];
  seen.add(schema);
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace('#/', '').split('/').reduce<unknown>((value, key) => (value as Schema)?.[key], document);
    return openObjects(target, `${at}→${node.$ref.split('/').at(-1)}`, document, seen);
  }
  const open: string[] = [];
  const isObject = node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'));
  const isMap = typeof node.additionalProperties === 'object' && node.properties === undefined;
  if (isObject && !isMap && node.additionalProperties !== false) open.push(at);
  for (const [key, value] of Object.entries((node.properties as Schema | undefined) ?? {})) open.push(...openObjects(value, `${at}.${key}`, document, seen));
  for (const key of ['items', 'additionalProperties', 'not'] as const) open.push(...openObjects(node[key], `${at}[${key}]`, document, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    ((node[key] as unknown[] | undefined) ?? []).forEach((part, index) => open.push(...openObjects(part, `${at}[${key}${index}]`, document, seen)));
  }
  return open;
}

/**
 * Bodies another system writes, whose extra fields we must tolerate rather than refuse: Dooray!'s webhook payloads
 * differ between versions and carry far more than we read (its secret is checked instead).
 */
const FOREIGN_BODIES = ['POST /hooks/dooray/{projectId}/{secret}'];

describe('request bodies', () => {
  it('are closed objects in the OpenAPI document, nested objects included', async () => {
    const { body: document } = await h.request<Schema>('GET', '/openapi.json');
    const open: string[] = [];
    let bodies = 0;
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Schema>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (FOREIGN_BODIES.includes(`${method.toUpperCase()} ${path}`)) continue;
        const content = (operation.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content;
        for (const [type, { schema }] of Object.entries(content ?? {})) {
          bodies++;
          open.push(...openObjects(schema, `${method.toUpperCase()} ${path} ${type}`, document));
        }
      }
    }
    expect(bodies).toBeGreaterThan(20);
    expect(open).toEqual([]);
  });

  it('refuse an unknown field on ticket creation, naming it, and create nothing', async () => {
    const [before] = await h.sql`select count(*)::int as count from tickets`;
    const valid = { serviceId: service.id, subject: '긴급', content: '...', customer: { email: 'strict@example.com' } };
    const cases: [unknown, string][] = [
      [{ ...valid, prio: 'urgent' }, 'prio'],
      [{ ...valid, customer: { email: 'strict@example.com', vip: true } }, 'vip'],
    ];
    for (const [body, field] of cases) {
      const refused = await h.request('POST', '/tickets', { token: h.admin.token, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('request.invalid');
      expect(refused.body.error.message).toContain(field);
    }
    const [after] = await h.sql`select count(*)::int as count from tickets`;
    expect(after.count).toBe(before.count);
  });

  it('refuse an unknown field on a ticket command and on a directory route', async () => {
    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, subject: '명령', content: '...', customer: { email: 'strict@example.com' } },
    });
    const take = await h.request('POST', `/tickets/${created.body.id}/take`, { token: h.admin.token, body: { group: service.groupIds[0] } });
    expect(take.status).toBe(400);
    expect(take.body.error.message).toContain('group');
    const group = await h.request('POST', `/services/${service.id}/groups`, { token: h.admin.token, body: { name: '새 그룹', colour: 'red' } });
    expect(group.status).toBe(400);
    expect(group.body.error.message).toContain('colour');
  });
});
