/** Transfer routes: Dooray! tasks and their conversation, issue transfers and customer-guidance requests. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './transfers.handlers';
import * as routes from './transfers.routes';

export const transferRoutes: AppOpenAPI = createRouter()
  .openapi(routes.ticketTransfers, handlers.ticketTransfers)
  .openapi(routes.transferToDooray, handlers.transferToDooray)
  .openapi(routes.doorayConversation, handlers.doorayConversation)
  .openapi(routes.commentOnDooray, handlers.commentOnDooray)
  .openapi(routes.transferToIssueService, handlers.transferToIssueService)
  .openapi(routes.requestGuidance, handlers.requestGuidance)
  .openapi(routes.completeGuidance, handlers.completeGuidance);
