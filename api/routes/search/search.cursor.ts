/**
 * The opaque `nextCursor` of a search or task list page: the sort it belongs to and where the next page starts
 * (the last ticket's sort keys and id), base64url-encoded JSON so clients treat it as a token.
 */
import type { SortDirection, TicketSort } from '../../../domain/search';
import type { SearchPageStart } from '../../../store/ticket-search';
import { ApiError } from '../../errors';

interface CursorBody {
  sort: TicketSort;
  direction: SortDirection;
  keys: string[];
  id: string;
}

export function encodeSearchCursor(sort: TicketSort, direction: SortDirection, start: SearchPageStart): string {
  const body: CursorBody = { sort, direction, keys: start.keys, id: start.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

// How PostgreSQL prints a timestamptz: `2026-01-31 09:00:00.123456+09`.
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

const invalidCursor = () => new ApiError(400, 'request.invalid_cursor', 'The cursor is not one this API returned for this sort.');

/** Where the page starts; a cursor of another sort or direction is refused rather than misread. */
export function decodeSearchCursor(cursor: string, sort: TicketSort, direction: SortDirection): SearchPageStart {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw invalidCursor();
  }
  const keysValid = Array.isArray(body.keys) && body.keys.length === (sort === 'priority' ? 2 : 1) && body.keys.every((key) => typeof key === 'string');
  if (body.sort !== sort || body.direction !== direction || typeof body.id !== 'string' || !keysValid) throw invalidCursor();
  if (body.keys!.some((key, index) => (sort === 'priority' && index === 0 ? !/^[1-4]$/.test(key) : !TIMESTAMP_TEXT.test(key)))) {
    throw invalidCursor();
  }
  return { keys: body.keys!, id: body.id };
}
