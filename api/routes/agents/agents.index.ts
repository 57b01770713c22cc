/** Agent accounts (상담원): roles, permissions, group membership; every admin change is audit-logged. */
import { createRouter } from '../../router';
import * as handlers from './agents.handlers';
import * as routes from './agents.routes';

export const agentRoutes = createRouter()
  .openapi(routes.listAgents, handlers.listAgents)
  .openapi(routes.getAgent, handlers.getAgent)
  .openapi(routes.createAgent, handlers.createAgent)
  .openapi(routes.updateAgent, handlers.updateAgent);
