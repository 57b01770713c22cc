/**
 * A loopback HTTP server standing in for callback URLs and Dooray! Messenger hooks: it records every
 * request, and can be told to fail the next N requests with a status to exercise retries.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** The body exactly as received, for signature checks. */
  raw: string;
  /** The status answered. */
  status: number;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Requests answered 2xx. */
  accepted(): ReceivedRequest[];
  failNext(count: number, status: number): void;
  /** Resolves once `count` requests have been answered 2xx. */
  waitForAccepted(count: number): Promise<ReceivedRequest[]>;
  /** Resolves once `count` requests have arrived, whatever they were answered. */
  waitForRequests(count: number): Promise<ReceivedRequest[]>;
  stop(): Promise<void>;
}

/** Listens on `port` when given (e.g. a port a callback URL already names), else on any free port. */
export async function startHttpReceiver(port = 0): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const failures: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const requestWaiters: { count: number; resolve: () => void }[] = [];
  const accepted = () => requests.filter((request) => request.status < 300);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Recorded as text: the test decides whether that is wrong.
      }
      const status = failures.shift() ?? 200;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, raw: text, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      const count = accepted().length;
      for (const waiter of waiters.filter((w) => count >= w.count)) waiter.resolve();
      for (const waiter of requestWaiters.filter((w) => requests.length >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    requests,
    accepted,
    failNext: (count, status) => failures.push(...Array.from({ length: count }, () => status)),
    waitForAccepted: (count) =>
      accepted().length >= count
        ? Promise.resolve(accepted())
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(accepted()) })),
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve(requests)
        : new Promise((resolve) => requestWaiters.push({ count, resolve: () => resolve(requests) })),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
