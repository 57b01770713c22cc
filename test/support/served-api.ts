/**
 * The harness's API behind a real HTTP server on a loopback port, for tests that need what only a socket shows
 * (keep-alive, a request that never answers) and call it with Node's own `fetch`.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { createLogger } from '../../infra/logger';
import type { Harness, Response } from './harness';

export interface ServedApi {
  url: string;
  /** One request, refused with a failing test if it does not answer within `timeoutMs`. */
  request<T = any>(method: string, path: string, options?: ServedRequestOptions): Promise<Response<T>>;
  stop(): Promise<void>;
}

export interface ServedRequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, with `content-type: application/json` unless `headers` says otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function serveApi(h: Harness): Promise<ServedApi> {
  const app = createApp({ sql: h.sql, temporal: h.temporal, taskQueue: h.taskQueue, config: h.config, log: createLogger('silent') });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      Object.assign(headers, options.headers);
      const timeoutMs = options.timeoutMs ?? 10_000;
      let response: globalThis.Response;
      try {
        response = await fetch(`${url}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') throw new Error(`${method} ${path} did not answer within ${timeoutMs} ms`);
        throw error;
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: kept as text for the assertion to show.
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
