/**
 * The organisation directory: services, groups, agents, categories, customers and the audit log.
 * Mounted by `createApp()` behind bearer authentication.
 */
import type { AppOpenAPI } from '../context';
import { createRouter } from '../router';
import { agentRoutes } from './agents/agents.index';
import { auditRoutes } from './audit/audit.index';
import { categoryRoutes } from './categories/categories.index';
import { customerRoutes } from './customers/customers.index';
import { fieldRoutes } from './fields/fields.index';
import { groupRoutes } from './groups/groups.index';
import { serviceRoutes } from './services/services.index';
import { timeRuleRoutes } from './time-rules/time-rules.index';
import { triggerRoutes } from './triggers/triggers.index';

// Typed as a plain router: createApp() mounts it as a statement and keeps no route types, and merging the route
// types of every resource into the app's would only make the type checker slower.
export const directoryRoutes: AppOpenAPI = createRouter()
  .route('/', serviceRoutes)
  .route('/', groupRoutes)
  .route('/', agentRoutes)
  .route('/', categoryRoutes)
  .route('/', customerRoutes)
  .route('/', auditRoutes)
  .route('/', triggerRoutes)
  .route('/', timeRuleRoutes)
  .route('/', fieldRoutes);
