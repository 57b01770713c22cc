/**
 * A service's time-rule configuration as the ticket workflow's activities read it (business hours, the enabled
 * SLA policies in matching order, the enabled automations), and the lock every admin change to it takes.
 */
import type { BusinessHours } from '../../rules/business-hours';
import type { AutomationRule } from '../../rules/time-rules';
import type { Db, Tx } from '../db';
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

/** The service's business hours, enabled SLA policies (in position order) and enabled automations. */
export async function loadTimeRuleConfig(sql: Db, serviceId: string): Promise<TimeRuleConfig> {
  const [businessHours, policies, automations] = await Promise.all([
    loadBusinessHours(sql, serviceId),
    listEnabledSlaPolicies(sql, serviceId),
    listEnabledAutomations(sql, serviceId),
  ]);
  return { businessHours, policies, automations };
}

/**
 * Serialises every write to one service's time-rule configuration (business hours, SLA policies and their
 * positions, automations), so audit rows record the state each change really replaced.
 */
export async function lockServiceTimeRules(tx: Tx, serviceId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext(${`time-rules:${serviceId}`}))`;
}
