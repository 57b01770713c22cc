/**
 * Live ticket changes from `GET /events/stream` (api/routes/events), one connection per tab shared by every screen
 * that listens. It is read with fetch rather than EventSource so the bearer token travels in the Authorization
 * header, as on every other call, and never in a URL that logs and proxies keep.
 *
 * A lost connection is opened again after a growing pause; each (re)connection announces `resync`, because changes
 * made while it was away are not replayed and the lists must be read again. The browser going offline drops the
 * connection at once (a half-open one would otherwise look live until its silence gave it away), and coming back
 * online reconnects without waiting out the pause.
 */
import { useEffect, useRef, useState } from 'react';
import { readSession } from './client';

/** A change to one ticket, or the news that changes may have been missed. */
export type LiveEvent = { type: 'ticket'; ticketId: string; serviceId: string; kind: string } | { type: 'resync' };
export type LiveStatus = 'connecting' | 'live' | 'offline';

// The server sends a comment every 20 s: a connection silent for longer than this is dead, whatever TCP says.
const SILENCE_MS = 45_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 20_000];

const eventListeners = new Set<(event: LiveEvent) => void>();
const statusListeners = new Set<(status: LiveStatus) => void>();
let status: LiveStatus = 'connecting';
let running: AbortController | null = null;
/** Ends the connection being read, and the pause before the next one. */
let interrupt: (() => void) | null = null;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener(next);
}

function emit(event: LiveEvent) {
  for (const listener of eventListeners) listener(event);
}

function dispatch(block: string) {
  const name = /^event: (.*)$/m.exec(block)?.[1];
  const data = /^data: (.*)$/m.exec(block)?.[1];
  if (name === 'ready') {
    setStatus('live');
    emit({ type: 'resync' });
  } else if (name === 'resync') {
    emit({ type: 'resync' });
  } else if (name === 'ticket' && data) {
    const change = JSON.parse(data) as { ticketId: string; serviceId: string; kind: string };
    emit({ type: 'ticket', ticketId: change.ticketId, serviceId: change.serviceId, kind: change.kind });
  }
}

/** Reads one connection until it ends, fails or falls silent. */
async function readStream(signal: AbortSignal): Promise<void> {
  const session = readSession();
  if (!session) return;
  const connection = new AbortController();
  const stop = () => connection.abort();
  signal.addEventListener('abort', stop);
  interrupt = stop;
  let silence = setTimeout(stop, SILENCE_MS);
  try {
    const response = await fetch('/events/stream', {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${session.token}` },
      signal: connection.signal,
    });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      clearTimeout(silence);
      silence = setTimeout(stop, SILENCE_MS);
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // Network failure, abort or silence: the caller reconnects.
  } finally {
    clearTimeout(silence);
    signal.removeEventListener('abort', stop);
  }
}

async function run(signal: AbortSignal) {
  let attempt = 0;
  const onNetworkChange = () => interrupt?.();
  window.addEventListener('offline', onNetworkChange);
  window.addEventListener('online', onNetworkChange);
  signal.addEventListener('abort', () => {
    window.removeEventListener('offline', onNetworkChange);
    window.removeEventListener('online', onNetworkChange);
  });
  while (!signal.aborted) {
    if (!navigator.onLine) {
      setStatus('offline');
      await new Promise<void>((resolve) => {
        interrupt = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      continue;
    }
    setStatus(attempt === 0 ? 'connecting' : 'offline');
    const started = Date.now();
    await readStream(signal);
    if (signal.aborted) return;
    setStatus('offline');
    // A connection that lasted a while starts the pauses over.
    attempt = Date.now() - started > SILENCE_MS ? 1 : attempt + 1;
    const pause = RETRY_MS[Math.min(attempt - 1, RETRY_MS.length - 1)];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pause);
      interrupt = () => (clearTimeout(timer), resolve());
      signal.addEventListener('abort', interrupt, { once: true });
    });
  }
}

function retain(): () => void {
  if (!running) {
    running = new AbortController();
    void run(running.signal);
  }
  return () => {
    if (eventListeners.size > 0 || statusListeners.size > 0) return;
    running?.abort();
    running = null;
    status = 'connecting';
  };
}

/** Calls `onEvent` for every live event while mounted; the latest `onEvent` is used, so it need not be stable. */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    const listener = (event: LiveEvent) => latest.current(event);
    eventListeners.add(listener);
    const release = retain();
    return () => {
      eventListeners.delete(listener);
      release();
    };
  }, []);
}

/** Whether live changes are arriving. */
export function useLiveStatus(): LiveStatus {
  const [current, setCurrent] = useState(status);
  useEffect(() => {
    statusListeners.add(setCurrent);
    const release = retain();
    setCurrent(status);
    return () => {
      statusListeners.delete(setCurrent);
      release();
    };
  }, []);
  return current;
}
