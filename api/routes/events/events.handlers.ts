import { streamSSE } from 'hono/streaming';
import { mayReadServiceTickets, requireTicketReader } from '../../access';
import { bearerToken, findCaller } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import type { TicketChangeSubscriber } from '../../ticket-change-hub';
import type * as routes from './events.routes';

// Below the 30–60 s idle timeouts common in proxies and load balancers.
const HEARTBEAT_MS = 20_000;

export const stream: AppRouteHandler<typeof routes.stream> = (async (c) => {
  const { sql, log } = c.var.deps;
  const agent = c.var.agent;
  requireTicketReader(agent);
  const token = bearerToken(c.req.header('authorization'))!;
  c.header('x-accel-buffering', 'no');

  return streamSSE(c, async (stream) => {
    // Who reads is kept current by the heartbeat.
    let reader = agent;
    const subscriber: TicketChangeSubscriber = {
      reads: (audience) => mayReadServiceTickets(reader, audience),
      send: (event) => {
        const message = event.type === 'ticket' ? { event: 'ticket', data: JSON.stringify(event.notice) } : { event: 'resync', data: '{}' };
        stream.writeSSE(message).catch(() => stream.abort());
      },
    };
    const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
    let unsubscribe = () => {};
    const beat = async () => {
      // The database being away keeps the stream: the listener's reconnection sends `resync`.
      const caller = await findCaller(sql, token).catch(() => undefined);
      // Signed out, expired, revoked or deactivated since the stream opened.
      if (caller === null) return stream.abort();
      if (caller) reader = caller.agent;
      await stream.write(': keep-alive\n\n');
    };
    const heartbeat = setInterval(() => void beat().catch(() => stream.abort()), HEARTBEAT_MS);
    try {
      unsubscribe = await c.var.ticketChanges.subscribe(subscriber);
      await stream.writeSSE({ event: 'ready', data: '{}' });
      await closed;
    } catch (error) {
      log.warn({ err: error, reqId: c.var.requestId }, 'ticket event stream ended');
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}) as AppRouteHandler<typeof routes.stream>;
