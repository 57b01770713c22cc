/**
 * A reader of the API's live event stream (`GET /events/stream`) as a test sees it: the events read so far, and a
 * wait for the next one that matches.
 */
import { get, type IncomingMessage } from 'node:http';
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

async function connect(url: string, token: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(`${url}/events/stream`, { headers: { authorization: `Bearer ${token}` }, signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return response;
}

function parseBlock(block: string): StreamEvent | null {
  const event = /^event: (.*)$/m.exec(block)?.[1];
  const data = /^data: (.*)$/m.exec(block)?.[1];
  return event && data !== undefined ? { event, data: JSON.parse(data) as Record<string, unknown> } : null;
}

/** The events of a complete stream's text. */
function parseEvents(text: string): StreamEvent[] {
  return text
    .split('\n\n')
    .map(parseBlock)
    .filter((event): event is StreamEvent => event !== null);
}

/** Reads the response's events one at a time: the next event, or null once the stream has ended. */
function readEvents(response: Response): () => Promise<StreamEvent | null> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async function next() {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) return event;
      }
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return null;
      buffer += value;
    }
  };
}

/**
 * A reader that stops reading once the stream is `ready`, as a suspended laptop does: its socket is no longer read,
 * so what the server sends piles up in the kernel's buffers and then in the server. `resume` reads what the server
 * still sends, to the end of the stream. (Node's http client, paused; fetch would keep reading into its own queue.)
 */
export async function openStalledEventStream(url: string, token: string): Promise<{ resume(): Promise<StreamEvent[]> }> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${url}/events/stream`, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject);
  });
  expect(response.statusCode).toBe(200);
  response.setEncoding('utf8');
  let text = '';
  const take = (chunk: string) => (text += chunk);
  response.on('data', take);
  await new Promise<void>((resolve) => {
    const ready = () => {
      if (!text.includes('event: ready')) return;
      response.pause();
      response.off('data', ready);
      resolve();
    };
    response.on('data', ready);
  });
  return {
    async resume() {
      await new Promise<void>((resolve, reject) => {
        response.on('end', resolve).on('error', reject);
        response.resume();
      });
      return parseEvents(text).filter((event) => event.event !== 'ready');
    },
  };
}

/** Opens the stream at `url` with `token` and waits for its `ready` event. */
export async function openEventStream(url: string, token: string): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await connect(url, token, abort.signal);
  const received: StreamEvent[] = [];
  const waiters: { test: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];
  const read = readEvents(response);
  void (async () => {
    for (;;) {
      const parsed = await read();
      if (!parsed) return;
      received.push(parsed);
      for (const waiter of waiters.filter((candidate) => candidate.test(parsed))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
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
