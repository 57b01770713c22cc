import { streamSSE } from 'hono/streaming';
import { mayReadServiceTickets, requireTicketReader } from '../../access';
import { bearerToken, findCaller } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import type { TicketChangeSubscriber } from '../../ticket-change-hub';
import type * as routes from './events.routes';

// Below the 30–60 s idle timeouts common in proxies and load balancers.
const HEARTBEAT_MS = 20_000;
/**
 * Events written but not yet taken by the socket. A reader that stops reading (a suspended laptop, a stalled proxy)
 * would otherwise make the API hold every later change for it; past this many it is sent `reset` and dropped, and
 * its reconnection reads the lists again. Far above what a reading client leaves waiting, even in a bulk job's burst.
 */
export const MAX_QUEUED_EVENTS = 1_000;

export const stream: AppRouteHandler<typeof routes.stream> = (async (c) => {
  const { sql, log } = c.get('deps');
  const agent = c.get('agent');
  requireTicketReader(agent);
  const token = bearerToken(c.req.header('authorization'))!;
  c.header('x-accel-buffering', 'no');

  return streamSSE(c, async (stream) => {
    // Who reads is kept current by the heartbeat.
    let reader = agent;
    let queued = 0;
    let dropped = false;
    let drop = () => {};
    const closed = new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      drop = resolve;
    });
    // Enqueued at once and in call order (writeSSE enqueues a tick later, when a dropped stream may have closed).
    const write = (event: string, data: string) => {
      queued += 1;
      void stream.write(`event: ${event}\ndata: ${data}\n\n`).finally(() => (queued -= 1));
    };
    const subscriber: TicketChangeSubscriber = {
      reads: (audience) => mayReadServiceTickets(reader, audience),
      send: (event) => {
        if (dropped) return;
        if (queued >= MAX_QUEUED_EVENTS) {
          // The last word, read once the reader catches up; the stream then ends and the studio reconnects.
          dropped = true;
          write('reset', '{}');
          drop();
          return;
        }
        if (event.type === 'ticket') write('ticket', JSON.stringify(event.notice));
        else write('resync', '{}');
      },
    };
    let unsubscribe = () => {};
    const beat = async () => {
      // The database being away keeps the stream: the listener's reconnection sends `resync`.
      const caller = await findCaller({ sql, directory: c.get('directory') }, token).catch(() => undefined);
      // Signed out, expired, revoked or deactivated since the stream opened.
      if (caller === null) return stream.abort();
      if (caller) reader = caller.agent;
      await stream.write(': keep-alive\n\n');
    };
    const heartbeat = setInterval(() => void beat().catch(() => stream.abort()), HEARTBEAT_MS);
    try {
      unsubscribe = await c.get('ticketChanges').subscribe(subscriber);
      await stream.writeSSE({ event: 'ready', data: '{}' });
      await closed;
    } catch (error) {
      log.warn({ err: error, reqId: c.get('requestId') }, 'ticket event stream ended');
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}) as AppRouteHandler<typeof routes.stream>;
