/**
 * The API's one listener on the ticket-change channel (store/ticket-changes) and its fan-out to the event streams
 * of connected studios. The listener is a single dedicated PostgreSQL connection opened when the first stream
 * connects; postgres.js reconnects it (and listens again) after the database went away. Notifications sent while it
 * was away are lost, so every stream is then told to `resync`: read its lists again rather than trust them.
 *
 * Each notification is delivered only to the streams whose reader may read the ticket's service. Who
 * that is is read once per service for a few seconds, so a burst of changes (a bulk job) costs a query per service,
 * not per ticket; a membership change reaches the streams within that time.
 *
 * @module
 */
import type { Logger } from 'pino';
import type { Sql } from '../store/db';
import {
  parseTicketChangeNotice,
  serviceAudience,
  TICKET_CHANGES_CHANNEL,
  type ServiceAudience,
  type TicketChangeNotice,
} from '../store/ticket-changes';

const AUDIENCE_TTL_MS = 5_000;

/** A connected stream: whether its reader may read a service's tickets (api/access), and where its events go. */
export interface TicketChangeSubscriber {
  reads(audience: ServiceAudience): boolean;
  send(event: { type: 'ticket'; notice: TicketChangeNotice } | { type: 'resync' }): void;
}

export interface TicketChangeHub {
  /** Adds a stream; resolves once the listener is in place (so nothing committed after it is missed). */
  subscribe(subscriber: TicketChangeSubscriber): Promise<() => void>;
}

export function createTicketChangeHub({ sql, log }: { sql: Sql; log: Logger }): TicketChangeHub {
  const subscribers = new Set<TicketChangeSubscriber>();
  let listening: Promise<unknown> | null = null;
  let listens = 0;
  // Delivered one after another, in the order the changes committed.
  let delivered: Promise<void> = Promise.resolve();
  const audiences = new Map<string, { audience: ServiceAudience | null; readAt: number }>();

  async function audienceOf(serviceId: string): Promise<ServiceAudience | null> {
    const cached = audiences.get(serviceId);
    if (cached && Date.now() - cached.readAt < AUDIENCE_TTL_MS) return cached.audience;
    const audience = await serviceAudience(sql, serviceId);
    audiences.set(serviceId, { audience, readAt: Date.now() });
    return audience;
  }

  async function deliver(payload: string): Promise<void> {
    const notice = parseTicketChangeNotice(payload);
    if (!notice || subscribers.size === 0) return;
    const audience = await audienceOf(notice.serviceId);
    if (!audience) return;
    for (const subscriber of subscribers) {
      if (subscriber.reads(audience)) subscriber.send({ type: 'ticket', notice });
    }
  }

  function listen(): Promise<unknown> {
    return sql.listen(
      TICKET_CHANGES_CHANNEL,
      (payload) => {
        delivered = delivered.then(() => deliver(payload)).catch((error: unknown) => log.warn({ err: error }, 'ticket change not delivered'));
      },
      () => {
        listens += 1;
        if (listens === 1) return;
        log.info('ticket change listener reconnected');
        for (const subscriber of subscribers) subscriber.send({ type: 'resync' });
      },
    );
  }

  return {
    async subscribe(subscriber) {
      // A failed first listen (the database is down) is tried again by the next stream to connect.
      listening ??= listen().catch((error: unknown) => {
        listening = null;
        throw error;
      });
      await listening;
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  };
}
