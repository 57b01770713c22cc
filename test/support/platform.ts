/**
 * `npm start` as a user runs it, for end-to-end tests: a real process group with its own embedded PostgreSQL,
 * Temporal dev server and ports, started and stopped (Ctrl-C) as often as a test needs, on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../infra/env';
import { findFreePort } from '../../infra/free-port';

export const DEMO_ADMIN = { email: 'admin@contactflow.local', password: 'contactflow-admin' };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Answer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: any;
}

export interface Platform {
  baseUrl: string;
  /** Everything the platform printed so far, by stream. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the banner once the platform says it is running; rejects if it exits first. */
  start: () => Promise<string>;
  /** Ctrl-C to the whole process group, as a terminal sends it; resolves once every process has exited. */
  stop: () => Promise<Exit>;
  call: (method: string, route: string, token?: string, body?: unknown) => Promise<Answer>;
  /** Stops the platform if it still runs and removes its data. */
  dispose: () => Promise<void>;
}

export async function preparePlatform(name: string, logLevel = 'warn'): Promise<Platform> {
  await mkdir(path.join(projectRoot, '.data'), { recursive: true });
  const dataDir = await mkdtemp(path.join(projectRoot, '.data', `e2e-${name}-`));
  // The embedded PostgreSQL runs as the unprivileged `postgres` user when the tests run as root.
  await chmod(dataDir, 0o755);
  const [port, pgPort, temporalPort, uiPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(pgPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    LOG_LEVEL: logLevel,
  };
  let child: ChildProcess | null = null;
  let stdout = '';
  let stderr = '';

  const start = () => {
    const running = spawn('npm', ['start'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = running;
    const printedBefore = stdout.length;
    return new Promise<string>((resolve, reject) => {
      running.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Press Ctrl-C to stop.', printedBefore)) resolve(stdout.slice(printedBefore));
      });
      running.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      running.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${stdout}${stderr}`)));
    });
  };

  // 'close' rather than 'exit': it fires when every process holding the output pipe (npm, tsx, the platform) is gone.
  const stop = () =>
    new Promise<Exit>((resolve) => {
      const running = child!;
      running.once('close', (code, signal) => {
        child = null;
        resolve({ code, signal });
      });
      process.kill(-running.pid!, 'SIGINT');
    });

  const call = async (method: string, route: string, token?: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(baseUrl + route, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, text, body: parsed(text) };
  };

  const dispose = async () => {
    if (child) await stop();
    await rm(dataDir, { recursive: true, force: true });
  };

  return { baseUrl, stdout: () => stdout, stderr: () => stderr, start, stop, call, dispose };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
