/** Ticket search (티켓 검색) and each agent's default search conditions (조건 설정). */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './search.handlers';
import * as routes from './search.routes';
import { searchBodyHook } from './search.validation';

export const searchRoutes: AppOpenAPI = createRouter()
  .openapi(routes.searchTickets, handlers.searchTickets, searchBodyHook)
  .openapi(routes.getSearchDefaults, handlers.getSearchDefaults)
  .openapi(routes.putSearchDefaults, handlers.putSearchDefaults, searchBodyHook);
