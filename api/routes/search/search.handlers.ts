import type { Sql } from '../../../store/db';
import { findSearchDefaults, saveSearchDefaults } from '../../../store/search-defaults';
import { countTickets, prepareSearch, searchTickets as searchTicketPage, type TicketSearchQuery } from '../../../store/ticket-search';
import { requireTicketListAccess, searchableServices, type Reader } from '../../access';
import { revealTicket } from '../../pii';
import type { AppRouteHandler } from '../../context';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';
import { SearchDefaults, type TicketSearchBody } from './search.schemas';
import type * as routes from './search.routes';
import { checkConditions } from './search.validation';

/** A checked search body as the store's query, after the caller's right to read its scope is checked. */
export async function searchQueryOf(sql: Sql, viewer: Reader, body: Omit<TicketSearchBody, 'limit' | 'count'> & { limit?: number }): Promise<TicketSearchQuery> {
  await requireTicketListAccess(sql, viewer, body.serviceId);
  const fields = await checkConditions(sql, viewer.orgId, body.serviceId, body.conditions);
  const { fields: _codes, ...conditions } = body.conditions;
  return {
    list: body.list,
    serviceId: body.serviceId,
    conditions,
    fields,
    sort: body.sort,
    direction: body.direction,
    limit: body.limit ?? 25,
    after: body.cursor ? decodeSearchCursor(body.cursor, body.sort, body.direction) : null,
  };
}

export const searchTickets: AppRouteHandler<typeof routes.searchTickets> = async (c) => {
  const { sql } = c.get('deps');
  const body = c.req.valid('json');
  const query = await searchQueryOf(sql, c.get('agent'), body);
  const prepared = await prepareSearch(sql, c.get('agent'), query, searchableServices({ sql, directory: c.get('directory') }, c.get('agent'), query.serviceId));
  const [page, total] = await Promise.all([
    searchTicketPage(sql, c.get('agent'), query, prepared),
    body.count ? countTickets(sql, c.get('agent'), query, { prepared }) : null,
  ]);
  return c.json(
    { items: page.items.map((ticket) => revealTicket(c.get('deps').config, ticket)), nextCursor: page.next ? encodeSearchCursor(query.sort, query.direction, page.next) : null, total },
    200,
  );
};

const NO_DEFAULTS: SearchDefaults = { conditions: {}, sort: 'created', direction: 'desc' };

export const getSearchDefaults: AppRouteHandler<typeof routes.getSearchDefaults> = async (c) => {
  const stored = await findSearchDefaults(c.get('deps').sql, c.get('agent').id);
  // Saved by an older version, a default that no longer parses opens the form empty rather than failing it.
  const parsed = stored ? SearchDefaults.safeParse(stored) : null;
  return c.json(parsed?.success ? parsed.data : NO_DEFAULTS, 200);
};

export const putSearchDefaults: AppRouteHandler<typeof routes.putSearchDefaults> = async (c) => {
  const defaults = c.req.valid('json');
  await checkConditions(c.get('deps').sql, c.get('agent').orgId, undefined, defaults.conditions);
  await saveSearchDefaults(c.get('deps').sql, c.get('agent').id, defaults);
  return c.json(defaults, 200);
};
