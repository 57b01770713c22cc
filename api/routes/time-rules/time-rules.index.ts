/**
 * Time rules (시간 규칙): a service's business hours, its SLA policies and its automations. Admins write; every
 * agent of the organisation may read. The ticket workflow reads the enabled ones through
 * `store/time-rules/config.ts`.
 */
import { createRouter } from '../../router';
import { definitionBodyHook } from '../../validation';
import * as automationHandlers from './automations.handlers';
import * as automationRoutes from './automations.routes';
import * as hoursHandlers from './business-hours.handlers';
import * as hoursRoutes from './business-hours.routes';
import * as policyHandlers from './sla-policies.handlers';
import * as policyRoutes from './sla-policies.routes';

const hoursBodyHook = definitionBodyHook('business_hours.invalid', 'business hours');
const policyBodyHook = definitionBodyHook('sla.invalid', 'SLA policy');
const automationBodyHook = definitionBodyHook('automation.invalid', 'automation');

export const timeRuleRoutes = createRouter()
  .openapi(hoursRoutes.getBusinessHours, hoursHandlers.getBusinessHours)
  .openapi(hoursRoutes.replaceBusinessHours, hoursHandlers.replaceBusinessHours, hoursBodyHook)
  .openapi(hoursRoutes.deleteBusinessHours, hoursHandlers.deleteBusinessHours)
  .openapi(policyRoutes.listSlaPolicies, policyHandlers.listSlaPolicies)
  .openapi(policyRoutes.createSlaPolicy, policyHandlers.createSlaPolicy, policyBodyHook)
  .openapi(policyRoutes.reorderSlaPolicies, policyHandlers.reorderSlaPolicies)
  .openapi(policyRoutes.getSlaPolicy, policyHandlers.getSlaPolicy)
  .openapi(policyRoutes.replaceSlaPolicy, policyHandlers.replaceSlaPolicy, policyBodyHook)
  .openapi(policyRoutes.deleteSlaPolicy, policyHandlers.deleteSlaPolicy)
  .openapi(policyRoutes.ticketSla, policyHandlers.ticketSla)
  .openapi(automationRoutes.listAutomations, automationHandlers.listAutomations)
  .openapi(automationRoutes.createAutomation, automationHandlers.createAutomation, automationBodyHook)
  .openapi(automationRoutes.replaceAutomation, automationHandlers.replaceAutomation, automationBodyHook)
  .openapi(automationRoutes.deleteAutomation, automationHandlers.deleteAutomation);
