/**
 * Triggers (트리거): drafts that admins edit, and the immutable, numbered rule-set versions that publishing and
 * rolling back create. Admins write; every agent of the organisation may read.
 */
import { createRouter } from '../../router';
import * as versionHandlers from './rule-versions.handlers';
import * as versionRoutes from './rule-versions.routes';
import * as handlers from './triggers.handlers';
import * as routes from './triggers.routes';
import { triggerBodyHook } from './triggers.validation';

export const triggerRoutes = createRouter()
  .openapi(routes.listTriggers, handlers.listTriggers)
  .openapi(routes.createTrigger, handlers.createTrigger, triggerBodyHook)
  .openapi(routes.reorderTriggers, handlers.reorderTriggers)
  .openapi(routes.getTrigger, handlers.getTrigger)
  .openapi(routes.replaceTrigger, handlers.replaceTrigger, triggerBodyHook)
  .openapi(routes.updateTrigger, handlers.updateTrigger, triggerBodyHook)
  .openapi(routes.deleteTrigger, handlers.deleteTrigger)
  .openapi(versionRoutes.publishRuleSet, versionHandlers.publishRuleSet)
  .openapi(versionRoutes.listRuleSetVersions, versionHandlers.listRuleSetVersions)
  .openapi(versionRoutes.getRuleSetVersion, versionHandlers.getRuleSetVersion)
  .openapi(versionRoutes.rollbackRuleSet, versionHandlers.rollbackRuleSet);
