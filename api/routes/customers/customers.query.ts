/**
 * The customer list's query as the store's search, and its opaque cursor (the last customer's creation time, as
 * PostgreSQL prints it, and id).
 */
import type { CustomerPageStart, CustomerSearchConditions } from '../../../store/customers';
import { ApiError } from '../../errors';
import type { CustomerSearchQuery } from './customers.schemas';

export function customerQueryOf(query: CustomerSearchQuery): { serviceId?: string; conditions: CustomerSearchConditions } {
  const { serviceId, limit: _limit, cursor: _cursor, ...conditions } = query;
  return { serviceId, conditions };
}

export const encodeCustomerCursor = (start: CustomerPageStart) => Buffer.from(JSON.stringify([start.at, start.id])).toString('base64url');

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export function decodeCustomerCursor(cursor: string): CustomerPageStart {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && TIMESTAMP_TEXT.test(at) && typeof id === 'string') return { at, id };
  } catch {
    // Falls through to the refusal.
  }
  throw new ApiError(400, 'request.invalid_cursor', 'The cursor is not one this API returned.');
}
