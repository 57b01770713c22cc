/**
 * `npm start` as a user runs it: a real process group with its own embedded PostgreSQL and Temporal dev
 * server, driven over HTTP, stopped with Ctrl-C (SIGINT to the group) and started again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';

let dataDir: string;
let env: NodeJS.ProcessEnv;
let baseUrl: string;
let running: ChildProcess | null = null;

beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.data'), { recursive: true });
  dataDir = await mkdtemp(path.join(projectRoot, '.data', 'e2e-start-'));
  // The embedded PostgreSQL runs as the unprivileged `postgres` user when the tests run as root.
  await chmod(dataDir, 0o755);
  const [port, pgPort, temporalPort, uiPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  baseUrl = `http://127.0.0.1:${port}`;
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  if (running) await stop(running);
  await rm(dataDir, { recursive: true, force: true });
});

/** Resolves with the printed banner once the platform says it is running; rejects if it exits first. */
function start(): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn('npm', ['start'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve({ child, banner: output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
  });
}

/**
 * Ctrl-C: SIGINT to the whole process group, as a terminal does. Resolves on 'close', when every process
 * holding the output pipe (npm, tsx, the platform) has exited, with how npm itself ended.
 */
function stop(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      running = null;
      resolve({ code, signal });
    });
    process.kill(-child.pid!, 'SIGINT');
  });
}

async function call(method: string, route: string, token?: string, body?: unknown) {
  const response = await fetch(baseUrl + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

describe('npm start', () => {
  it('serves the platform, stops on Ctrl-C and finds everything again on the next start', async () => {
    const first = await start();
    expect(first.banner).toContain(`API            ${baseUrl}`);
    expect(first.banner).toContain(`${baseUrl}/docs`);
    expect(first.banner).toContain(`${baseUrl}/studio/`);
    expect(first.banner).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);

    expect((await call('GET', '/health')).json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
    const openapi = (await call('GET', '/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/tickets', '/tickets/{id}/take', '/auth/login']));
    const docs = await call('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui-bundle.js');
    expect((await call('GET', '/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    const studio = await call('GET', '/studio/');
    expect(studio.status).toBe(200);
    expect(studio.text).toContain('<div id="root">');
    const temporalUi = first.banner.match(/Temporal UI\s+(http:\S+)/)![1];
    expect((await fetch(temporalUi)).status).toBe(200);

    const login = await call('POST', '/auth/login', undefined, { email: 'admin@contactflow.local', password: 'contactflow-admin' });
    expect(login.status).toBe(200);
    const token = login.json().token;
    const me = (await call('GET', '/me', token)).json();
    const serviceId = (await call('GET', '/services', token)).json()[0].id;
    expect(me.groupIds.length).toBe(1);

    const newTicket = { serviceId, subject: '배송 문의', content: '언제 도착하나요?', customer: { email: 'c@example.com' } };
    const closed = (await call('POST', '/tickets', token, newTicket)).json();
    for (const [action, body] of [['take', {}], ['resolve', { body: '내일 도착합니다.' }], ['complete', {}]] as const) {
      const response = await call('POST', `/tickets/${closed.id}/${action}`, token, body);
      expect(response.status, response.text).toBe(200);
    }
    const open = (await call('POST', '/tickets', token, newTicket)).json();
    expect((await call('POST', `/tickets/${open.id}/take`, token, {})).status).toBe(200);

    // npm re-raises the SIGINT it got; the platform itself exits 0 after stopping everything in order.
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }]).toContainEqual(await stop(first.child));

    await start();
    const again = await call('GET', `/tickets/${closed.id}`, token);
    expect(again.json()).toMatchObject({ id: closed.id, status: 'closed' });
    const events = (await call('GET', `/tickets/${closed.id}/events`, token)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'take', 'resolve', 'complete']);
    const resolved = await call('POST', `/tickets/${open.id}/resolve`, token, { body: '처리되었습니다.' });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json().status).toBe('resolved');
  }, 240_000);
});
