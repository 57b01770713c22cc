/** Services (상담 관리 / 이슈 관리) of the caller's organisation. */
import { createRouter } from '../../router';
import * as handlers from './services.handlers';
import * as routes from './services.routes';

export const serviceRoutes = createRouter()
  .openapi(routes.listServices, handlers.listServices)
  .openapi(routes.createService, handlers.createService)
  .openapi(routes.getService, handlers.getService);
