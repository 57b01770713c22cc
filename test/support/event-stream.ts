/**
 * A reader of the API's live event stream (`GET /events/stream`) as a test sees it: the events read so far, and a
 * wait for the next one that matches.
 */
import { expect } from 'vitest';

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

export interface EventStreamClient {
  received: StreamEvent[];
  /** The first event, read or still to come, that `test` accepts; fails after 20 s naming `what`. */
  next(test: (event: StreamEvent) => boolean, what: string): Promise<StreamEvent>;
  close(): void;
}

/** Opens the stream at `url` with `token` and waits for its `ready` event. */
export async function openEventStream(url: string, token: string): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(`${url}/events/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const received: StreamEvent[] = [];
  const waiters: { test: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        const parsed = { event, data: JSON.parse(data) as Record<string, unknown> };
        received.push(parsed);
        for (const waiter of waiters.filter((candidate) => candidate.test(parsed))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(parsed);
        }
      }
    }
  })();
  const next = (test: (event: StreamEvent) => boolean, what: string) =>
    new Promise<StreamEvent>((resolve, reject) => {
      const seen = received.find(test);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no ${what} event within 20 s; received ${JSON.stringify(received)}`)), 20_000);
      waiters.push({
        test,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  await next((event) => event.event === 'ready', 'ready');
  return { received, next, close: () => abort.abort() };
}

/** Accepts the `ticket` event of `ticketId` whose kind is `kind`. */
export const ticketEvent = (ticketId: string, kind: string) => (event: StreamEvent) =>
  event.event === 'ticket' && event.data.ticketId === ticketId && event.data.kind === kind;
