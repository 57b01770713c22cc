/** Ticket routes: create, read, task lists, and every agent action as a workflow update. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './tickets.handlers';
import * as routes from './tickets.routes';

export const ticketRoutes: AppOpenAPI = createRouter()
  .openapi(routes.createTicket, handlers.createTicket)
  .openapi(routes.listTickets, handlers.listTickets)
  .openapi(routes.getTicket, handlers.getTicket)
  .openapi(routes.ticketEvents, handlers.ticketEvents)
  .openapi(routes.ticketMessages, handlers.ticketMessages)
  .openapi(routes.take, handlers.take)
  .openapi(routes.forward, handlers.forward)
  .openapi(routes.resolve, handlers.resolve)
  .openapi(routes.hold, handlers.hold)
  .openapi(routes.comment, handlers.comment)
  .openapi(routes.internalResolve, handlers.internalResolve)
  .openapi(routes.restore, handlers.restore)
  .openapi(routes.complete, handlers.complete)
  .openapi(routes.deleteTicket, handlers.deleteTicket)
  .openapi(routes.editTicket, handlers.editTicket);
