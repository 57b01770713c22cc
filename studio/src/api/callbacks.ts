/**
 * Typed calls to the callback routes (api/routes/callbacks, api/routes/ivr-routes): the list, assignment, call
 * actions, the processing status and its exports.
 */
import type { z } from 'zod';
import type { Callback, CallbackPage, CallbackStats, BatchOutcome, Presence } from '../../../api/routes/callbacks/callbacks.schemas';
import type { IvrRoute } from '../../../api/routes/ivr-routes/ivr-routes.schemas';
import type { CallbackOutcome, CallbackStatus } from '../../../domain/callback';
import { api, ApiError, readSession } from './client';

export type { Callback, CallbackStats, IvrRoute, CallbackOutcome, CallbackStatus };
export type CallbackPageResult = z.infer<typeof CallbackPage>;
export type BatchResult = z.infer<typeof BatchOutcome>;
export type AgentPresence = z.infer<typeof Presence>;
export type StatsGroup = 'day' | 'month' | 'agent' | 'route';

export interface CallbackFilters {
  from?: string;
  to?: string;
  routeId?: string;
  status?: CallbackStatus;
  phone?: string;
  assigneeId?: string;
  assignerId?: string;
}

const path = (id: string, suffix: string) => `/callbacks/${encodeURIComponent(id)}/${suffix}`;
const timezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const callbacksApi = {
  list: (filters: CallbackFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<CallbackPageResult>('/callbacks', { query: { ...filters, timezone: timezone(), limit: 50, cursor }, signal }),
  /** The request a ticket was registered from, if any (and if the reader may see it). */
  forTicket: async (ticketId: string) => (await api.get<CallbackPageResult>('/callbacks', { query: { ticketId, limit: 1 }, quiet: true })).items[0] ?? null,
  routes: () => api.get<IvrRoute[]>('/ivr-routes', { quiet: true }),
  presence: () => api.get<AgentPresence[]>('/phone-presence', { quiet: true }),
  assign: (callbackIds: string[], agentIds: string[], mode: 'even' | 'manual', loggedInOnly: boolean) =>
    api.post<BatchResult>('/callbacks/assign', { callbackIds, agentIds, mode, loggedInOnly }),
  cancel: (callbackIds: string[]) => api.post<BatchResult>('/callbacks/cancel-assignment', { callbackIds }),
  connect: (id: string, outcome: CallbackOutcome, note?: string) => api.post<Callback>(path(id, 'connect'), note ? { outcome, note } : { outcome }),
  complete: (id: string) => api.post<Callback>(path(id, 'complete'), {}),
  registerHistory: (id: string, subject: string, content: string) => api.post<Callback>(path(id, 'register-history'), { subject, content }),
  stats: (from: string, to: string, groupBy: StatsGroup, signal?: AbortSignal) =>
    api.get<CallbackStats>('/callbacks/stats', { query: { from, to, groupBy, timezone: timezone() }, signal }),
  /** Downloads the processing status as a file through the shared table export. */
  async download(from: string, to: string, groupBy: StatsGroup, format: 'csv' | 'xlsx'): Promise<void> {
    const url = new URL('/callbacks/stats/export', window.location.origin);
    for (const [key, value] of Object.entries({ from, to, groupBy, format, timezone: timezone() })) url.searchParams.set(key, value);
    const session = readSession();
    const response = await fetch(url, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
    if (!response.ok) throw new ApiError(response.status, `http.${response.status}`, response.statusText);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `callback-status.${format}`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  },
};
