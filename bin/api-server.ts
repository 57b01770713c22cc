/**
 * The API's HTTP server with its own Temporal client, for `start.ts` and `api.ts`, and the order it stops in:
 * it stops accepting connections, gives the requests in flight a short grace, then cancels their pending
 * Temporal calls (they answer 503 `temporal.unavailable`), waits for every handler to finish, and only then
 * closes the Temporal connection. Closing it under a call still retrying would throw "Channel has been shut
 * down" from the retry's timer, uncaught.
 */
import { EventEmitter, once } from 'node:events';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Sql } from 'postgres';
import { createApp } from '../api/app';
import { StartupError, type Config } from '../infra/env';
import type { Logger } from '../infra/logger';
import { COMPACTION_INTERVAL_MS, compactTicketCounts } from '../store/ticket-counts';

// How long requests in flight may finish on their own once stopping has begun.
const GRACE_MS = 3_000;
// How long cancelled requests may take to answer: a call between two attempts starts one more, which fails
// fast, after at most one retry delay (5 s).
const CANCELLED_MS = 10_000;

export interface ApiServerOptions {
  config: Config;
  log: Logger;
  sql: Sql;
  temporalAddress: string;
}

export interface ApiServer {
  /** Stops serving in order; resolves once no request is in flight and the Temporal connection is closed. */
  stop(): Promise<void>;
}

export async function startApiServer({ config, log, sql, temporalAddress }: ApiServerOptions): Promise<ApiServer> {
  const stopping = new AbortController();
  // One per request in flight: the Temporal client adds a listener per call to the signal it is given and never
  // removes it, so a signal shared by every request would grow without end.
  const requests = new Set<AbortController>();
  const retry = defaultGrpcRetryOptions();
  const connection = await Connection.connect({
    address: temporalAddress,
    // The default retries, except that a call is not retried once the server is stopping.
    interceptors: [
      makeGrpcRetryInterceptor({
        delayFunction: retry.delayFunction,
        retryableDecider: (attempt, status) => !stopping.signal.aborted && retry.retryableDecider(attempt, status),
      }),
    ],
  });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({ sql, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, config, log });

  const settled = new EventEmitter();
  const server = serve({
    hostname: config.HOST,
    port: config.PORT,
    // Every Temporal call a request makes is cancelled when stopping needs it to be.
    fetch: async (request, env) => {
      const cancel = new AbortController();
      requests.add(cancel);
      try {
        return await connection.withAbortSignal(cancel.signal, async () => app.fetch(request, env));
      } finally {
        requests.delete(cancel);
        if (requests.size === 0) settled.emit('idle');
      }
    },
  });
  try {
    await listening(server, config.PORT);
  } catch (error) {
    await connection.close();
    throw error;
  }

  // The dashboard's counters are delta rows (migration 034); folding them keeps a dashboard load's read small.
  const compaction = setInterval(() => {
    void compactTicketCounts(sql).catch((error: unknown) => log.warn({ err: error }, 'folding the ticket counters failed; trying again later'));
  }, COMPACTION_INTERVAL_MS);
  compaction.unref();

  /** Resolves true once no request is in flight, or false after `ms`. */
  const idle = async (ms: number) => {
    if (requests.size === 0) return true;
    const signal = AbortSignal.timeout(ms);
    return once(settled, 'idle', { signal }).then(
      () => true,
      () => false,
    );
  };

  return {
    async stop() {
      clearInterval(compaction);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (!(await idle(GRACE_MS))) {
        log.info({ inFlight: requests.size }, 'cancelling the requests still in flight');
        stopping.abort();
        for (const cancel of requests) cancel.abort();
        if (!(await idle(CANCELLED_MS))) log.warn({ inFlight: requests.size }, 'requests still in flight after cancelling them');
      }
      // Answered requests leave keep-alive connections open; nothing more is read from them.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      // A call of a request that never finished may still be retrying: its channel goes with the process.
      if (requests.size === 0) await connection.close();
    },
  };
}

function listening(server: ServerType, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`Port ${port} is taken: set PORT to a free one.`) : error),
    );
  });
}
