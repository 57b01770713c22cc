/** The live event stream of ticket changes. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './events.handlers';
import * as routes from './events.routes';

export const eventRoutes: AppOpenAPI = createRouter().openapi(routes.stream, handlers.stream);
