/** Login is public; everything else about auth needs a bearer token. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './auth.handlers';
import * as routes from './auth.routes';

export const authPublicRoutes: AppOpenAPI = createRouter().openapi(routes.login, handlers.login);

export const authRoutes: AppOpenAPI = createRouter()
  .openapi(routes.logout, handlers.logout)
  .openapi(routes.me, handlers.me)
  .openapi(routes.createApiToken, handlers.createApiToken)
  .openapi(routes.listApiTokens, handlers.listApiTokens)
  .openapi(routes.revokeApiToken, handlers.revokeApiToken);
