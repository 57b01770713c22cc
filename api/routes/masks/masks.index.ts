/** PII masking (개인정보 마스킹) of a ticket's messages, content and field values. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './masks.handlers';
import * as routes from './masks.routes';

export const maskRoutes: AppOpenAPI = createRouter()
  .openapi(routes.maskMessage, handlers.maskMessage)
  .openapi(routes.maskContent, handlers.maskContent)
  .openapi(routes.maskField, handlers.maskField)
  .openapi(routes.listMasks, handlers.listMasks)
  .openapi(routes.unmask, handlers.unmask);
