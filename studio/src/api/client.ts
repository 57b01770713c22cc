/**
 * The one way the studio talks to the API: JSON over fetch with the session's bearer token.
 *
 * Every failure becomes an {@link ApiError} carrying the API's `{ error: { code, message, details } }`, so
 * screens can show the server's own words. A 401 forgets the token and tells the app to sign in again.
 */

const TOKEN_KEY = 'contactflow.session';

export interface StoredSession {
  token: string;
  expiresAt: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(TOKEN_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
const activityListeners = new Set<(pending: number) => void>();
let pending = 0;

/** Called when the API answers 401: the token is gone and the user must sign in again. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Reports the number of requests in flight, for the global progress bar. */
export function onActivity(listener: (pending: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

function setPending(delta: number) {
  pending += delta;
  for (const listener of activityListeners) listener(pending);
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Background requests (directory look-ups) do not move the progress bar. */
  quiet?: boolean;
}

function toErrorBody(value: unknown): { code?: unknown; message?: unknown; details?: unknown } | null {
  if (value && typeof value === 'object' && 'error' in value) {
    const error = (value as { error: unknown }).error;
    if (error && typeof error === 'object') return error as { code?: unknown; message?: unknown; details?: unknown };
  }
  return null;
}

function headersFor(accept: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept };
  const session = readSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

/** The refusal as an {@link ApiError}; a 401 also ends the session. */
function refusal(response: Response, payload: unknown): ApiError {
  const error = toErrorBody(payload);
  const code = typeof error?.code === 'string' ? error.code : `http.${response.status}`;
  const message =
    typeof error?.message === 'string' && error.message ? error.message : `The server answered ${response.status} ${response.statusText}.`;
  if (response.status === 401) {
    clearSession();
    for (const listener of unauthorizedListeners) listener();
  }
  return new ApiError(response.status, code, message, error?.details);
}

async function send(method: string, url: URL | string, accept: string, options: RequestOptions): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      headers: headersFor(accept, options.body !== undefined),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
}

const parsed = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  if (!options.quiet) setPending(1);
  let response: Response;
  try {
    response = await send(method, url, 'application/json', options);
  } finally {
    if (!options.quiet) setPending(-1);
  }
  if (response.status === 204) return undefined as T;
  const payload = parsed(await response.text());
  if (!response.ok) throw refusal(response, payload);
  return payload as T;
}

/**
 * Follows a route that answers server-sent events (fetch rather than EventSource, which cannot send the bearer
 * token), calling `onEvent` with each event's name and JSON data until the server ends the stream, and `onRead`
 * whenever anything arrives. A refusal before the stream starts throws an {@link ApiError}, as {@link request} does.
 */
export async function followEvents(
  method: string,
  path: string,
  options: Pick<RequestOptions, 'body' | 'signal'> & { onRead?: () => void },
  onEvent: (event: string, data: unknown) => void,
): Promise<void> {
  const response = await send(method, path, 'text/event-stream', options);
  if (!response.ok || !response.body) throw refusal(response, parsed(await response.text()));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // Anything read, a keep-alive comment included, shows the connection is alive.
    options.onRead?.();
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (data) onEvent(event, JSON.parse(data));
    }
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

