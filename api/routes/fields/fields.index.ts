/** Customer and agent fields (필드 관리) of a service. */
import { createRouter } from '../../router';
import * as handlers from './fields.handlers';
import * as routes from './fields.routes';

export const fieldRoutes = createRouter()
  .openapi(routes.listFields, handlers.listFields)
  .openapi(routes.createField, handlers.createField)
  .openapi(routes.updateField, handlers.updateField)
  .openapi(routes.deleteField, handlers.deleteField);
