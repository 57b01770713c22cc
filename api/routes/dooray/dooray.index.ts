/** Dooray! settings (admins; agents read organisations and projects for the transfer dialog) and the project webhook. */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './dooray.handlers';
import * as routes from './dooray.routes';

export const doorayRoutes: AppOpenAPI = createRouter()
  .openapi(routes.listOrganizations, handlers.listOrganizations)
  .openapi(routes.createOrganization, handlers.createOrganization)
  .openapi(routes.updateOrganization, handlers.updateOrganization)
  .openapi(routes.listProjects, handlers.listProjects)
  .openapi(routes.createProject, handlers.createProject)
  .openapi(routes.listMembers, handlers.listMembers)
  .openapi(routes.setMember, handlers.setMember)
  .openapi(routes.lookupMembers, handlers.lookupMembers);

/** Called by Dooray, not by a signed-in agent: mounted before the bearer check. */
export const doorayHookRoutes: AppOpenAPI = createRouter().openapi(routes.doorayHook, handlers.doorayHook);
