/** Groups (그룹) of a service and their membership. */
import { createRouter } from '../../router';
import * as handlers from './groups.handlers';
import * as routes from './groups.routes';

export const groupRoutes = createRouter()
  .openapi(routes.listGroups, handlers.listGroups)
  .openapi(routes.createGroup, handlers.createGroup)
  .openapi(routes.replaceGroupMembers, handlers.replaceGroupMembers)
  .openapi(routes.updateGroup, handlers.updateGroup)
  .openapi(routes.deleteGroup, handlers.deleteGroup);
