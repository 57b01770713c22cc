/**
 * Ctrl-C on `npm start` while requests are in flight: every request gets an answer (or, not yet accepted, a
 * closed connection), and the platform stops in order and exits cleanly, without an uncaught error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';

let dataDir: string;
let baseUrl: string;
let child: ChildProcess | null = null;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.data'), { recursive: true });
  dataDir = await mkdtemp(path.join(projectRoot, '.data', 'e2e-stop-'));
  // The embedded PostgreSQL runs as the unprivileged `postgres` user when the tests run as root.
  await chmod(dataDir, 0o755);
  const [port, pgPort, temporalPort, uiPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    LOG_LEVEL: 'info',
  };
  child = spawn('npm', ['start'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on('data', () => stdout.includes('Press Ctrl-C to stop.') && resolve());
    child!.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${stdout}${stderr}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) await stop(child);
  await rm(dataDir, { recursive: true, force: true });
});

/** Ctrl-C: SIGINT to the whole process group; resolves once every process holding the output has exited. */
function stop(running: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    running.once('close', (code, signal) => resolve({ code, signal }));
    process.kill(-running.pid!, 'SIGINT');
  });
}

async function call(method: string, route: string, token?: string, body?: unknown) {
  const response = await fetch(baseUrl + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

it('stops cleanly on Ctrl-C with ticket creations in flight', async () => {
  const { token } = (await call('POST', '/auth/login', undefined, { email: 'admin@contactflow.local', password: 'contactflow-admin' })).body;
  const serviceId = (await call('GET', '/services', token)).body[0].id;
  const ticket = { serviceId, subject: '중단 중 문의', content: '...', customer: { email: 'stop@example.com' } };

  // Lanes of creations, each sending the next as soon as the last is answered, until Ctrl-C.
  let interrupted = false;
  let inFlight = 0;
  const outcomes: (number | 'connection closed')[] = [];
  let created!: () => void;
  const enoughCreated = new Promise<void>((resolve) => (created = resolve));
  const lane = async () => {
    while (!interrupted) {
      inFlight++;
      try {
        const { status } = await call('POST', '/tickets', token, ticket);
        outcomes.push(status);
        if (outcomes.filter((outcome) => outcome === 201).length >= 5) created();
      } catch {
        // Sent after the server stopped accepting connections.
        outcomes.push('connection closed');
      } finally {
        inFlight--;
      }
    }
  };
  const lanes = Array.from({ length: 8 }, lane);
  await enoughCreated;

  const inFlightAtStop = inFlight;
  interrupted = true;
  const exit = await stop(child!);
  await Promise.all(lanes);

  expect(inFlightAtStop).toBeGreaterThan(0);
  // npm re-raises the SIGINT it got; the platform itself exits 0 after stopping everything in order.
  expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }]).toContainEqual(exit);
  expect(stdout).toContain('"msg":"stopped"');
  expect(stderr).not.toMatch(/Uncaught|uncaught|Unhandled|unhandled|Channel has been shut down|TypeError|triggerUncaughtException/);
  // Answered (created, or cancelled while stopping: 503, retry), or never accepted.
  expect(outcomes.filter((outcome) => ![201, 503, 'connection closed'].includes(outcome))).toEqual([]);
}, 240_000);
