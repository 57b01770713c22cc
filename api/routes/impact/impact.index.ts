/** Impact preview (영향 미리보기): the draft triggers run against past tickets before they are published. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './impact.handlers';
import * as routes from './impact.routes';

export const impactRoutes: AppOpenAPI = createRouter().openapi(routes.previewImpact, handlers.previewImpact);
