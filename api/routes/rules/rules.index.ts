/** The rule catalogue, simulation and per-ticket traces of the trigger engine. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './rules.handlers';
import * as routes from './rules.routes';

export const ruleRoutes: AppOpenAPI = createRouter()
  .openapi(routes.ruleCatalogue, handlers.ruleCatalogue)
  .openapi(routes.simulate, handlers.simulate)
  .openapi(routes.ticketTrace, handlers.ticketTrace);
