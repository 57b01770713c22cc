/** Files on tickets and their messages. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './attachments.handlers';
import * as routes from './attachments.routes';

export const attachmentRoutes: AppOpenAPI = createRouter()
  .openapi(routes.uploadAttachments, handlers.uploadAttachments)
  .openapi(routes.listAttachments, handlers.listAttachments)
  .openapi(routes.downloadAttachment, handlers.downloadAttachment);
