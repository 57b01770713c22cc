/** Bulk processing (일괄 처리) of selected tickets. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './bulk-jobs.handlers';
import * as routes from './bulk-jobs.routes';

export const bulkJobRoutes: AppOpenAPI = createRouter()
  .openapi(routes.createBulkJob, handlers.createBulkJob)
  .openapi(routes.getBulkJob, handlers.getBulkJob)
  .openapi(routes.bulkJobEvents, handlers.bulkJobEvents);
