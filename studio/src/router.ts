/**
 * A hash router: the studio is served as static files under /studio/, so routes live after `#` and
 * every URL survives a reload without server help.
 */
import { useEffect, useState } from 'react';
import { isAdminSection, SERVICE_SECTIONS, type AdminSection } from './admin/sections';
import type { TicketList } from './api/types';
import { isTicketList } from './vocabulary';

export type Route =
  | { name: 'login'; next?: string }
  | { name: 'inbox'; list: TicketList; ticketId?: string }
  | { name: 'rules'; serviceId?: string }
  | { name: 'callbacks'; tab: 'list' | 'status' }
  // Transfers: Dooray! settings (admins)
  | { name: 'dooray' }
  | { name: 'operations'; workflowId?: string }
  // Search and customers: `query` is the hash's `?…` part, which holds the conditions
  | { name: 'search'; query: string }
  | { name: 'customers'; customerId?: string; query: string }
  // Service settings: fields and reply templates (admins)
  | { name: 'fields'; serviceId?: string }
  | { name: 'templates'; serviceId?: string }
  // Settings (관리, admins): agents, groups, business hours, SLA policies, automations, IVR routes, API tokens, audit log
  | { name: 'admin'; section: AdminSection; serviceId?: string };

export const DEFAULT_LIST: TicketList = 'mine_in_progress';

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') return { name: 'login', next: new URLSearchParams(query).get('next') ?? undefined };
  if (parts[0] === 'rules') return { name: 'rules', serviceId: parts[1] };
  if (parts[0] === 'callbacks') return { name: 'callbacks', tab: parts[1] === 'status' ? 'status' : 'list' };
  if (parts[0] === 'dooray') return { name: 'dooray' };
  if (parts[0] === 'operations') return { name: 'operations', workflowId: parts[1] };
  if (parts[0] === 'search') return { name: 'search', query };
  if (parts[0] === 'customers') return { name: 'customers', customerId: parts[1], query };
  if (parts[0] === 'fields' || parts[0] === 'templates') return { name: parts[0], serviceId: parts[1] };
  if (parts[0] === 'admin') return { name: 'admin', section: isAdminSection(parts[1]) ? parts[1] : 'agents', serviceId: parts[2] };
  if (parts[0] === 'inbox' && parts[1] && isTicketList(parts[1])) return { name: 'inbox', list: parts[1], ticketId: parts[2] };
  // The link mails and messages carry (`#{ticket.url}`): the ticket, opened beside the list of all tickets.
  if (parts[0] === 'tickets' && parts[1]) return { name: 'inbox', list: 'all', ticketId: parts[1] };
  return { name: 'inbox', list: DEFAULT_LIST };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'login':
      return route.next ? `#/login?next=${encodeURIComponent(route.next)}` : '#/login';
    case 'rules':
      return route.serviceId ? `#/rules/${encodeURIComponent(route.serviceId)}` : '#/rules';
    case 'callbacks':
      return route.tab === 'status' ? '#/callbacks/status' : '#/callbacks';
    case 'dooray':
      return '#/dooray';
    case 'operations':
      return route.workflowId ? `#/operations/${encodeURIComponent(route.workflowId)}` : '#/operations';
    case 'search':
      return `#/search${route.query ? `?${route.query}` : ''}`;
    case 'customers':
      return `#/customers${route.customerId ? `/${encodeURIComponent(route.customerId)}` : ''}${route.query ? `?${route.query}` : ''}`;
    case 'fields':
    case 'templates':
      return route.serviceId ? `#/${route.name}/${encodeURIComponent(route.serviceId)}` : `#/${route.name}`;
    case 'admin':
      return `#/admin/${route.section}${route.serviceId && SERVICE_SECTIONS.includes(route.section) ? `/${encodeURIComponent(route.serviceId)}` : ''}`;
    case 'inbox':
      return `#/inbox/${route.list}${route.ticketId ? `/${encodeURIComponent(route.ticketId)}` : ''}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) window.location.replace(href);
  else window.location.hash = href.slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
