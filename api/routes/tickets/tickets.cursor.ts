/**
 * The opaque `nextCursor` of a task list page: where the next page starts (the creation time and id of the last
 * ticket shown), base64url-encoded so clients treat it as a token.
 */
import type { TicketPageStart, TicketView } from '../../../store/tickets';
import { ApiError } from '../../errors';

export function encodeCursor(last: TicketView): string {
  return Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): TicketPageStart {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || Number.isNaN(Date.parse(at))) throw new ApiError(400, 'request.invalid_cursor', 'The cursor is not one this API returned.');
  return { at, id };
}
