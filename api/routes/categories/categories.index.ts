/** Intake and resolution types (접수유형 / 처리유형) of a service, as trees up to five levels deep. */
import { createRouter } from '../../router';
import * as handlers from './categories.handlers';
import * as routes from './categories.routes';

export const categoryRoutes = createRouter()
  .openapi(routes.categoryTree, handlers.categoryTree)
  .openapi(routes.createCategory, handlers.createCategory)
  .openapi(routes.updateCategory, handlers.updateCategory)
  .openapi(routes.deleteCategory, handlers.deleteCategory);
