/**
 * A service's time-rule configuration as the ticket workflow's activities read it (business hours, the enabled
 * SLA policies in matching order, the enabled automations). Admin changes to it take the lock in `./lock`.
 */
import type { BusinessHours } from '../../rules/business-hours';
import type { AutomationRule } from '../../rules/time-rules';
import type { Db } from '../db';
import { listEnabledAutomations } from './automations';
import { loadBusinessHours } from './business-hours';
import { listEnabledSlaPolicies, type EnabledSlaPolicy } from './sla-policies';

export interface TimeRuleConfig {
  /** null: around the clock. */
  businessHours: BusinessHours | null;
  /** Enabled policies in position order: the first that matches a ticket applies. */
  policies: EnabledSlaPolicy[];
  /** Enabled automations, in calendar time. */
  automations: AutomationRule[];
}

/**
 * The service's business hours, enabled SLA policies (in position order) and enabled automations; business hours
 * the caller has read already are taken as given.
 */
export async function loadTimeRuleConfig(sql: Db, serviceId: string, knownHours?: BusinessHours | null): Promise<TimeRuleConfig> {
  const [businessHours, policies, automations] = await Promise.all([
    knownHours === undefined ? loadBusinessHours(sql, serviceId) : knownHours,
    listEnabledSlaPolicies(sql, serviceId),
    listEnabledAutomations(sql, serviceId),
  ]);
  return { businessHours, policies, automations };
}
