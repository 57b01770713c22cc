/** Exports of ticket searches and the customer list: direct downloads and jobs with progress. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import { searchBodyHook } from '../search/search.validation';
import * as handlers from './exports.handlers';
import * as routes from './exports.routes';

export const exportRoutes: AppOpenAPI = createRouter()
  .openapi(routes.downloadTickets, handlers.downloadTickets, searchBodyHook)
  .openapi(routes.downloadCustomers, handlers.downloadCustomers)
  .openapi(routes.createExport, handlers.createExport, searchBodyHook)
  .openapi(routes.getExport, handlers.getExport)
  .openapi(routes.downloadExport, handlers.downloadExport);
