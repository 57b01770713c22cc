/** The dashboard: task-list counts and the counters of docs/domain.md#task-lists. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './dashboard.handlers';
import * as routes from './dashboard.routes';

export const dashboardRoutes: AppOpenAPI = createRouter().openapi(routes.dashboard, handlers.dashboard);
