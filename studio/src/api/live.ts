/**
 * Live ticket changes from `GET /events/stream` (api/routes/events), one connection per tab shared by every screen
 * that listens. It is read with fetch ({@link followEvents}) rather than EventSource so the bearer token travels in
 * the Authorization header, as on every other call, and never in a URL that logs and proxies keep.
 *
 * A lost connection is opened again after a growing pause; each (re)connection announces `resync`, because changes
 * made while it was away are not replayed and the lists must be read again. A tab that fell too far behind (a laptop
 * waking from sleep) is sent `reset` and dropped by the server: that too ends the connection, and the reconnection's
 * `ready` reloads the lists. The browser going offline drops the
 * connection at once (a half-open one would otherwise look live), and coming back online reconnects without waiting
 * out the pause.
 */
import { useEffect, useRef, useState } from 'react';
import { followEvents, readSession } from './client';

/** A change to one ticket, or the news that changes may have been missed. */
export type LiveEvent = { type: 'ticket'; ticketId: string; serviceId: string; kind: string } | { type: 'resync' };
export type LiveStatus = 'connecting' | 'live' | 'offline';

// A connection that lasted this long was healthy: the pauses before the next one start over.
const HEALTHY_MS = 60_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 20_000];
/** Longer than two of the server's 20 s keep-alives without a byte: the connection is taken as dead and reopened. */
const SILENCE_MS = 45_000;

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

function dispatch(name: string, data: unknown) {
  if (name === 'ready') {
    setStatus('live');
    emit({ type: 'resync' });
  } else if (name === 'resync') {
    emit({ type: 'resync' });
  } else if (name === 'ticket') {
    const change = data as { ticketId: string; serviceId: string; kind: string };
    emit({ type: 'ticket', ticketId: change.ticketId, serviceId: change.serviceId, kind: change.kind });
  }
}

/** Reads one connection until it ends or fails, or the browser goes offline. */
async function readStream(signal: AbortSignal): Promise<void> {
  if (!readSession()) return;
  const connection = new AbortController();
  const stop = () => connection.abort();
  signal.addEventListener('abort', stop);
  interrupt = stop;
  // The server writes at least a keep-alive every 20 s: a longer silence is a connection that died without closing.
  let silence = setTimeout(stop, SILENCE_MS);
  const onRead = () => {
    clearTimeout(silence);
    silence = setTimeout(stop, SILENCE_MS);
  };
  try {
    await followEvents('GET', '/events/stream', { signal: connection.signal, onRead }, dispatch);
  } catch {
    // A network failure, a refusal (a 401 also ends the session, as on any call) or an abort: the caller reconnects.
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
    attempt = Date.now() - started > HEALTHY_MS ? 1 : attempt + 1;
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
