/**
 * The input gate: one middleware, mounted before every route, that refuses text PostgreSQL cannot store. A NUL
 * (U+0000) is refused by `text` and `jsonb` alike, and an unpaired UTF-16 surrogate is either rejected by `jsonb` or
 * silently replaced on its way to `text`; either would surface deep inside a handler or a workflow activity (as a
 * 500, or as an activity retried forever), so they are refused here, at the edge, with 400 `request.unstorable_text`
 * and where the text was found. Path segments, query parameters and JSON bodies (keys included) are all checked;
 * a percent-encoding that does not decode to UTF-8 is a malformed request.
 *
 * The body is read through Hono's body cache, so the route's own validator parses the same text again.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The media types Hono's JSON validator parses. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

export type UnstorableReason = 'nul' | 'unpaired_surrogate';

/** Why `text` cannot be stored, or `null` when it can. */
export function unstorableReason(text: string): UnstorableReason | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'nul' : 'unpaired_surrogate';
}

const REASONS: Record<UnstorableReason, string> = {
  nul: 'a NUL character (U+0000)',
  unpaired_surrogate: 'an unpaired UTF-16 surrogate',
};

const unstorable = (reason: UnstorableReason, where: string, details: Record<string, unknown>) =>
  new ApiError(400, 'request.unstorable_text', `${where} contains ${REASONS[reason]}, which cannot be stored.`, { ...details, reason });

function decode(raw: string, where: string, details: Record<string, unknown>): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, 'request.malformed', `${where} has a percent-encoding that is not UTF-8.`, details);
  }
}

/** Segments are numbered from 0 (the one after the leading slash) and named in `details` as sent, still encoded. */
function checkPath(pathname: string): void {
  const segments = pathname.split('/').slice(1);
  segments.forEach((raw, index) => {
    const details = { in: 'path', segment: index, value: raw };
    const where = `The path segment ${raw}`;
    const reason = unstorableReason(decode(raw, where, details));
    if (reason) throw unstorable(reason, where, details);
  });
}

function checkQuery(search: string): void {
  if (!search) return;
  for (const pair of search.slice(1).split('&')) {
    if (!pair) continue;
    const split = pair.indexOf('=');
    const rawName = split === -1 ? pair : pair.slice(0, split);
    const rawValue = split === -1 ? '' : pair.slice(split + 1);
    const details = { in: 'query', name: rawName };
    const where = `The query parameter ${rawName}`;
    const name = decode(rawName.replaceAll('+', ' '), where, details);
    const value = decode(rawValue.replaceAll('+', ' '), where, details);
    const reason = unstorableReason(name) ?? unstorableReason(value);
    if (reason) throw unstorable(reason, where, details);
  }
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path into `value` of its first string (or object key) that cannot be stored, with the reason. Walked with an
 * explicit stack and parent links: a body is bounded in bytes, not in depth.
 */
export function findUnstorable(value: unknown): { path: (string | number)[]; reason: UnstorableReason } | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) return { path: pathOf(visit), reason };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], key: index, parent: visit });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const reason = unstorableReason(key);
        if (reason) return { path: [...pathOf(visit), key], reason };
      }
      for (let index = entries.length - 1; index >= 0; index--) {
        stack.push({ value: entries[index][1], key: entries[index][0], parent: visit });
      }
    }
  }
  return null;
}

async function checkJsonBody(request: { header(name: string): string | undefined; text(): Promise<string> }): Promise<void> {
  const mediaType = (request.header('content-type') ?? '').split(';')[0].trim();
  if (!JSON_MEDIA_TYPE.test(mediaType)) return;
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON at all: the route refuses it as malformed, or ignores a body it does not take.
    return;
  }
  const found = findUnstorable(body);
  if (found) {
    const where = found.path.length > 0 ? `The body at ${found.path.join('.')}` : 'The body';
    throw unstorable(found.reason, where, { in: 'body', path: found.path });
  }
}

/** Refuses requests carrying text PostgreSQL cannot store; see the module comment. */
export const inputGate = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  checkPath(url.pathname);
  checkQuery(url.search);
  if (c.req.raw.body) await checkJsonBody(c.req);
  await next();
});
