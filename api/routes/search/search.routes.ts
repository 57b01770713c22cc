import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { SearchDefaults, TicketSearchBody, TicketSearchPage } from './search.schemas';

const tags = ['Search'];

export const searchTickets = createRoute({
  method: 'post',
  path: '/tickets/search',
  tags,
  summary: 'Search tickets (티켓 검색): combinable conditions, three sort orders, keyset pages, capped totals',
  request: { body: { required: true, content: json(TicketSearchBody) } },
  responses: { 200: { description: 'One page of matching tickets', content: json(TicketSearchPage) }, ...errorResponses(400, 401, 403, 404, 422) },
});

export const getSearchDefaults = createRoute({
  method: 'get',
  path: '/search-defaults',
  tags,
  summary: 'The caller’s default search conditions (조건 설정)',
  responses: { 200: { description: 'What the search form opens with', content: json(SearchDefaults) }, ...errorResponses(401) },
});

export const putSearchDefaults = createRoute({
  method: 'put',
  path: '/search-defaults',
  tags,
  summary: 'Save the caller’s default search conditions',
  request: { body: { required: true, content: json(SearchDefaults) } },
  responses: { 200: { description: 'The saved defaults', content: json(SearchDefaults) }, ...errorResponses(400, 401, 422) },
});

