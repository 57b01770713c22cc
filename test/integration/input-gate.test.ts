/**
 * Text PostgreSQL cannot store is refused at the edge, whichever way it comes in; a 413 does not leave a kept-alive
 * socket to be dropped; every error body has the one shape, `details` included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { digestTables } from '../support/table-digest';

let h: Harness;
let api: ServedApi;
let service: { id: string; name: string; groupIds: string[] };

beforeAll(async () => {
  h = await startHarness();
  api = await serveApi(h);
  service = await h.createService();
});

afterAll(async () => {
  await api?.stop();
  await h?.stop();
});

/** Every workflow ever started on this file's task queue. */
async function workflowCount(): Promise<number> {
  const { count } = await h.temporal.workflow.count(`TaskQueue = '${h.taskQueue}'`);
  return count;
}

async function expectRefused(method: string, path: string, options: Parameters<ServedApi['request']>[2], status: number, code: string) {
  const before = await digestTables(h.sql);
  const response = await api.request(method, path, { token: h.admin.token, timeoutMs: 5_000, ...options });
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
  expect(response.body.error.details).toBeTypeOf('object');
  expect(await digestTables(h.sql)).toEqual(before);
  return response.body.error;
}

describe('the input gate', () => {
  it('refuses a NUL in a query parameter, naming it', async () => {
    const error = await expectRefused('GET', '/tickets?serviceId=%00', {}, 400, 'request.unstorable_text');
    expect(error.details).toEqual({ in: 'query', name: 'serviceId', reason: 'nul' });
  });

  it.each(['/tickets/%00', '/services/%00', '/customers/%00', '/tickets/T1%00/events'])('refuses a NUL in the path %s', async (path) => {
    const error = await expectRefused('GET', path, {}, 400, 'request.unstorable_text');
    expect(error.details).toMatchObject({ in: 'path', reason: 'nul' });
  });

  it('refuses a NUL in a service name and creates nothing', async () => {
    const error = await expectRefused('POST', '/services', { body: { name: 'nul \u0000 byte', kind: 'consultation' } }, 400, 'request.unstorable_text');
    expect(error.details).toEqual({ in: 'body', path: ['name'], reason: 'nul' });
  });

  it('answers a ticket with a NUL subject promptly with 400, and starts no workflow', async () => {
    const workflowsBefore = await workflowCount();
    const error = await expectRefused(
      'POST',
      '/tickets',
      {
        body: {
          serviceId: service.id,
          subject: 'nul \u0000 byte',
          content: 'hello',
          customer: { email: 'customer@example.com' },
        },
      },
      400,
      'request.unstorable_text',
    );
    expect(error.details).toEqual({ in: 'body', path: ['subject'], reason: 'nul' });
    expect(await workflowCount()).toBe(workflowsBefore);
  });

  it('refuses unpaired surrogates and NULs anywhere in a body, keys included', async () => {
    const ticket = (fields: string) =>
      `{"serviceId":"${service.id}","subject":"s","content":"c","customer":{"email":"customer@example.com"${fields}}}`;
    const lone = await expectRefused('POST', '/tickets', { rawBody: ticket(',"name":"\\ud800 lone"') }, 400, 'request.unstorable_text');
    expect(lone.details).toEqual({ in: 'body', path: ['customer', 'name'], reason: 'unpaired_surrogate' });
    const low = await expectRefused('POST', '/tickets', { rawBody: ticket(',"name":"low \\udc00"') }, 400, 'request.unstorable_text');
    expect(low.details).toMatchObject({ reason: 'unpaired_surrogate' });
    const key = await expectRefused('POST', '/tickets', { rawBody: ticket(',"na\\u0000me":"x"') }, 400, 'request.unstorable_text');
    expect(key.details).toEqual({ in: 'body', path: ['customer', 'na\u0000me'], reason: 'nul' });
    const inArray = await expectRefused('POST', '/tickets', { body: { serviceId: service.id, tags: ['ok', 'bad\u0000'] } }, 400, 'request.unstorable_text');
    expect(inArray.details).toEqual({ in: 'body', path: ['tags', 1], reason: 'nul' });
  });

  it('refuses percent-encodings that are not UTF-8 as malformed', async () => {
    await expectRefused('GET', '/tickets/%E0%A4%A', {}, 400, 'request.malformed');
    await expectRefused('GET', '/tickets?serviceId=%ZZ', {}, 400, 'request.malformed');
    // A surrogate encoded as UTF-8 bytes is not UTF-8.
    const surrogate = await expectRefused('GET', '/services/%ED%A0%80', {}, 400, 'request.malformed');
    expect(surrogate.details).toEqual({ in: 'path', segment: 1, value: '%ED%A0%80' });
  });

  it('passes storable text on, body intact for the route: paired surrogates, RTL marks, control characters', async () => {
    const name = `😀 \u202Eevil\u202C \t\u0001 ${service.id.slice(-4)}`;
    const created = await api.request('POST', '/services', { token: h.admin.token, body: { name, kind: 'consultation' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.name).toBe(name);
    const [stored] = await h.sql`select name from services where id = ${created.body.id}`;
    expect(stored.name).toBe(name);
    const found = await api.request('GET', `/services/${encodeURIComponent(created.body.id)}`, { token: h.admin.token });
    expect(found.body.name).toBe(name);
  });
});

describe('a body too large', () => {
  it('is answered 413 with the connection closed, and the next request of the same keep-alive client succeeds', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024), kind: 'consultation' });
    for (let round = 0; round < 3; round++) {
      const refused = await api.request('POST', '/services', { token: h.admin.token, rawBody: big });
      expect(refused.status).toBe(413);
      expect(refused.body.error).toMatchObject({ code: 'request.too_large', details: {} });
      const next = await api.request('GET', '/services', { token: h.admin.token });
      expect(next.status).toBe(200);
    }
  });
});

describe('the error shape', () => {
  it('always has details, an object, and a dotted code', async () => {
    const samples: [string, string, Parameters<ServedApi['request']>[2], number, string][] = [
      ['GET', '/me', {}, 401, 'auth.required'],
      ['GET', '/me', { token: 'not-a-token' }, 401, 'auth.invalid_token'],
      ['GET', '/no-such-route', { token: h.admin.token }, 404, 'route.not_found'],
      ['POST', '/services', { token: h.admin.token, rawBody: 'x'.repeat(h.config.MAX_BODY_BYTES + 1) }, 413, 'request.too_large'],
      ['POST', '/services', { token: h.admin.token, rawBody: 'name=x', headers: { 'content-type': 'text/plain' } }, 415, 'request.unsupported_media_type'],
      ['POST', '/services', { token: h.admin.token, rawBody: '{"name":' }, 400, 'request.malformed'],
      ['POST', '/auth/login', { body: { email: ADMIN.email, password: 'wrong-password' } }, 401, 'auth.invalid_credentials'],
    ];
    for (const [method, path, options, status, code] of samples) {
      const response = await api.request(method, path, options);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(response.body.error.details, `${method} ${path}`).toBeTypeOf('object');
      expect(response.body.error.details).not.toBeNull();
    }
  });
});
