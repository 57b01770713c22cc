/** The operator console: stuck workflows and failed deliveries, why, and the actions that fix them. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './operations.handlers';
import * as routes from './operations.routes';

export const operationsRoutes: AppOpenAPI = createRouter()
  .openapi(routes.overview, handlers.overview)
  .openapi(routes.listWorkflows, handlers.listWorkflows)
  .openapi(routes.getWorkflow, handlers.getWorkflow)
  .openapi(routes.retryNow, handlers.retryNow)
  .openapi(routes.cancelWorkflow, handlers.cancelWorkflow)
  .openapi(routes.terminateWorkflow, handlers.terminateWorkflow)
  .openapi(routes.resetWorkflow, handlers.resetWorkflow)
  .openapi(routes.signalWorkflow, handlers.signalWorkflow)
  .openapi(routes.retryDelivery, handlers.retryDelivery)
  .openapi(routes.batch, handlers.batch);
