/** IVR route routes (IVR Route 관리): the codes callback requests arrive with. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './ivr-routes.handlers';
import * as routes from './ivr-routes.routes';

export const ivrRouteRoutes: AppOpenAPI = createRouter()
  .openapi(routes.listIvrRoutes, handlers.listIvrRoutes)
  .openapi(routes.createIvrRoute, handlers.createIvrRoute)
  .openapi(routes.updateIvrRoute, handlers.updateIvrRoute)
  .openapi(routes.deleteIvrRoute, handlers.deleteIvrRoute);
