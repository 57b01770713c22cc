/**
 * Typed calls to ticket search (api/routes/search) and customers (api/routes/customers): keyset pages with capped
 * totals, a customer's record, its edits and manual merges.
 */
import type { z } from 'zod';
import type { TicketSearchPage } from '../../../api/routes/search/search.schemas';
import type { CustomerChanges, CustomerHistory, CustomerPage, CustomerRecord, MergeResult } from '../../../api/routes/customers/customers.schemas';
import type { TicketSearch } from '../search/query';
import { api } from './client';

export type TicketSearchResult = z.infer<typeof TicketSearchPage>;
export type CustomerPageResult = z.infer<typeof CustomerPage>;
export type CustomerRecord = z.infer<typeof CustomerRecord>;
export type CustomerDetail = CustomerHistory;
export type CustomerEdit = z.input<typeof CustomerChanges>;
export type CustomerMergeResult = z.infer<typeof MergeResult>;

/** The customer list's conditions, as GET /customers takes them. */
export interface CustomerQuery {
  serviceId?: string;
  customerId?: string;
  name?: string;
  userId?: string;
  email?: string;
  phone?: string;
  userKey?: string;
}

const customerPath = (id: string, suffix = '') => `/customers/${encodeURIComponent(id)}${suffix}`;

export const searchApi = {
  tickets: (search: TicketSearch, page: { limit: number; cursor?: string }, signal?: AbortSignal) =>
    api.post<TicketSearchResult>('/tickets/search', { ...search, limit: page.limit, ...(page.cursor ? { cursor: page.cursor, count: false } : {}) }, { signal }),
};

export const customersApi = {
  search: (query: CustomerQuery, page: { limit: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<CustomerPageResult>('/customers', { query: { ...query, limit: page.limit, cursor: page.cursor }, signal }),
  get: (id: string) => api.get<CustomerDetail>(customerPath(id)),
  update: (id: string, changes: CustomerEdit) => api.patch<CustomerRecord>(customerPath(id), changes),
  merge: (id: string, otherId: string) => api.post<CustomerMergeResult>(customerPath(id, '/merge'), { customerId: otherId }),
};
