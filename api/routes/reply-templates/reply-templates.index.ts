/** Reply templates (답변 템플릿) and their filling for a ticket. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './reply-templates.handlers';
import * as routes from './reply-templates.routes';

export const replyTemplateRoutes: AppOpenAPI = createRouter()
  .openapi(routes.listReplyTemplates, handlers.listReplyTemplates)
  .openapi(routes.createReplyTemplate, handlers.createReplyTemplate)
  .openapi(routes.updateReplyTemplate, handlers.updateReplyTemplate)
  .openapi(routes.deleteReplyTemplate, handlers.deleteReplyTemplate)
  .openapi(routes.renderReplyTemplate, handlers.renderReplyTemplate);
