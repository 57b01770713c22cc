/** Callback request routes (콜백): intake, lists, commands as workflow updates, assignment, processing status, phone presence. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import { definitionBodyHook } from '../../validation';
import * as handlers from './callbacks.handlers';
import * as routes from './callbacks.routes';

export const callbackRoutes: AppOpenAPI = createRouter()
  // A body that breaks the intake schema (a malformed phone number, a bad time) is a bad request record: 422.
  .openapi(routes.createCallback, handlers.createCallback, definitionBodyHook('callback.invalid', 'callback request'))
  .openapi(routes.listCallbacks, handlers.listCallbacks)
  .openapi(routes.callbackStats, handlers.callbackStats)
  .openapi(routes.exportCallbackStats, handlers.exportCallbackStats)
  .openapi(routes.assign, handlers.assign)
  .openapi(routes.cancelAssignment, handlers.cancelAssignment)
  .openapi(routes.getCallback, handlers.getCallback)
  .openapi(routes.callbackEvents, handlers.callbackEvents)
  .openapi(routes.connect, handlers.connect)
  .openapi(routes.complete, handlers.complete)
  .openapi(routes.registerHistory, handlers.registerHistory)
  .openapi(routes.listPresence, handlers.listPresence)
  .openapi(routes.setPresence, handlers.setPresence);
