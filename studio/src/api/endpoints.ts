/**
 * Typed calls to the ticket and auth routes (api/routes/auth, api/routes/tickets).
 */
import { api } from './client';
import type {
  Dashboard,
  InternalResolveReason,
  Me,
  NewTicket,
  Session,
  Ticket,
  TicketEvent,
  TicketEvaluation,
  TicketSla,
  TicketList,
  TicketMessage,
  TicketPage,
} from './types';

const ticketPath = (id: string, suffix = '') => `/tickets/${encodeURIComponent(id)}${suffix}`;

export const authApi = {
  login: (email: string, password: string) => api.post<Session>('/auth/login', { email, password }),
  logout: () => api.post<void>('/auth/logout', undefined, { quiet: true }),
  me: () => api.get<Me>('/me'),
};

export const dashboardApi = {
  /** Exact task-list counts and today's counters, "today" being the browser's. */
  get: (options: { quiet?: boolean } = {}) =>
    api.get<Dashboard>('/dashboard', { query: { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }, quiet: options.quiet }),
};

/** Server-side search, filters and order of a task list (GET /tickets); empty values are left out. */
export interface TicketListFilters {
  q?: string;
  priority?: string;
  channel?: string;
  sort?: 'created' | 'updated' | 'priority';
}

function listFilterQuery(filters: TicketListFilters = {}): Record<string, string | undefined> {
  const q = filters.q?.trim();
  return { q: q || undefined, priority: filters.priority || undefined, channel: filters.channel || undefined, sort: filters.sort };
}

export const ticketsApi = {
  list: (
    list: TicketList,
    options: { limit?: number; cursor?: string; quiet?: boolean; signal?: AbortSignal; filters?: TicketListFilters } = {},
  ) =>
    api.get<TicketPage>('/tickets', {
      query: { list, limit: options.limit ?? 25, cursor: options.cursor, ...listFilterQuery(options.filters) },
      quiet: options.quiet,
      signal: options.signal,
    }),
  get: (id: string) => api.get<Ticket>(ticketPath(id)),
  events: (id: string) => api.get<TicketEvent[]>(ticketPath(id, '/events')),
  trace: (id: string) => api.get<TicketEvaluation[]>(ticketPath(id, '/trace'), { quiet: true }),
  sla: (id: string) => api.get<TicketSla>(ticketPath(id, '/sla'), { quiet: true }),
  messages: (id: string) => api.get<TicketMessage[]>(ticketPath(id, '/messages')),
  create: (ticket: NewTicket) => api.post<Ticket>('/tickets', ticket),
  take: (id: string, groupId?: string) => api.post<Ticket>(ticketPath(id, '/take'), groupId ? { groupId } : {}),
  forward: (id: string, groupId: string, agentId?: string) =>
    api.post<Ticket>(ticketPath(id, '/forward'), agentId ? { groupId, agentId } : { groupId }),
  resolve: (id: string, body: string, attachmentIds: string[] = []) =>
    api.post<Ticket>(ticketPath(id, '/resolve'), attachmentIds.length ? { body, attachmentIds } : { body }),
  hold: (id: string, body: string, attachmentIds: string[] = []) =>
    api.post<Ticket>(ticketPath(id, '/hold'), attachmentIds.length ? { body, attachmentIds } : { body }),
  comment: (id: string, body: string, internal: boolean, attachmentIds: string[] = []) =>
    api.post<Ticket>(ticketPath(id, '/comments'), attachmentIds.length ? { body, internal, attachmentIds } : { body, internal }),
  internalResolve: (id: string, reason: InternalResolveReason, note?: string) =>
    api.post<Ticket>(ticketPath(id, '/internal-resolve'), note ? { reason, note } : { reason }),
  restore: (id: string) => api.post<Ticket>(ticketPath(id, '/restore'), {}),
  complete: (id: string) => api.post<Ticket>(ticketPath(id, '/complete'), {}),
  remove: (id: string) => api.delete<void>(ticketPath(id)),
};
