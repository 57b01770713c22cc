/**
 * `npm start` as a user runs it: a real process group with its own embedded PostgreSQL and Temporal dev
 * server, driven over HTTP, stopped with Ctrl-C (SIGINT to the group) and started again on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, preparePlatform, type Platform } from '../support/platform';

let platform: Platform;

beforeAll(async () => {
  platform = await preparePlatform('start');
});

afterAll(() => platform.dispose());

describe('npm start', () => {
  it('serves the platform, stops on Ctrl-C and finds everything again on the next start', async () => {
    const { baseUrl, call } = platform;
    const banner = await platform.start();
    expect(banner).toContain(`API            ${baseUrl}`);
    expect(banner).toContain(`${baseUrl}/docs`);
    expect(banner).toContain(`${baseUrl}/studio/`);
    expect(banner).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);

    expect((await call('GET', '/health')).body).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
    const openapi = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/tickets', '/tickets/{id}/take', '/auth/login']));
    const docs = await call('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui-bundle.js');
    expect((await call('GET', '/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    const studio = await call('GET', '/studio/');
    expect(studio.status).toBe(200);
    expect(studio.text).toContain('<div id="root">');
    const temporalUi = banner.match(/Temporal UI\s+(http:\S+)/)![1];
    expect((await fetch(temporalUi)).status).toBe(200);

    const login = await call('POST', '/auth/login', undefined, DEMO_ADMIN);
    expect(login.status).toBe(200);
    const token = login.body.token;
    const me = (await call('GET', '/me', token)).body;
    const serviceId = (await call('GET', '/services', token)).body[0].id;
    expect(me.groupIds.length).toBe(1);

    const newTicket = { serviceId, subject: '배송 문의', content: '언제 도착하나요?', customer: { email: 'c@example.com' } };
    const closed = (await call('POST', '/tickets', token, newTicket)).body;
    for (const [action, body] of [['take', {}], ['resolve', { body: '내일 도착합니다.' }], ['complete', {}]] as const) {
      const response = await call('POST', `/tickets/${closed.id}/${action}`, token, body);
      expect(response.status, response.text).toBe(200);
    }
    const open = (await call('POST', '/tickets', token, newTicket)).body;
    expect((await call('POST', `/tickets/${open.id}/take`, token, {})).status).toBe(200);

    // npm re-raises the SIGINT it got; the platform itself exits 0 after stopping everything in order.
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }]).toContainEqual(await platform.stop());

    await platform.start();
    const again = await call('GET', `/tickets/${closed.id}`, token);
    expect(again.body).toMatchObject({ id: closed.id, status: 'closed' });
    const events = (await call('GET', `/tickets/${closed.id}/events`, token)).body;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'take', 'resolve', 'complete']);
    const resolved = await call('POST', `/tickets/${open.id}/resolve`, token, { body: '처리되었습니다.' });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.status).toBe('resolved');
  }, 240_000);
});
