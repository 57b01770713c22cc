/**
 * A service's time-rule configuration as the ticket workflow's activities read it: business hours, the enabled
 * SLA policies in matching order and the enabled automations. Admins edit them through `api/routes/time-rules`.
 */
import type { ISql } from 'postgres';
import type { BusinessHours } from '../rules/business-hours';
import type { Result } from '../rules/index';

/** An enabled SLA policy: targets in business-time milliseconds and what runs when one is at risk or breached. */
export interface SlaPolicy {
  id: string;
  title: string;
  /** null matches any priority. */
  priority: string | null;
  /** null matches any intake type; otherwise the type and every type below it. */
  intakeTypeId: string | null;
  firstResponseMs: number | null;
  resolutionMs: number | null;
  /** Share of a target after which it is at risk, in (0, 1). */
  atRiskRatio: number;
  onAtRisk: Result[];
  onBreach: Result[];
}

/** An enabled automation, in calendar time. */
export interface Automation {
  id: string;
  kind: 'complete_resolved' | 'remind_on_hold';
  afterMs: number;
}

export interface TimeRuleConfig {
  /** null: around the clock. */
  businessHours: BusinessHours | null;
  /** Enabled policies in position order: the first that matches a ticket applies. */
  policies: SlaPolicy[];
  automations: Automation[];
}

/** The service's business hours, or null when it works around the clock. */
export async function loadBusinessHours(sql: ISql, serviceId: string): Promise<BusinessHours | null> {
  const [hours] = await sql<BusinessHours[]>`
    select timezone, weekly, to_jsonb(holidays) as holidays from business_hours where service_id = ${serviceId}`;
  return hours ?? null;
}

/** The service's business hours, enabled SLA policies (in position order) and enabled automations. */
export async function loadTimeRuleConfig(sql: ISql, serviceId: string): Promise<TimeRuleConfig> {
  // bigint columns come back as strings unless cast; every duration is at most a year.
  const [businessHours, policies, automations] = await Promise.all([
    loadBusinessHours(sql, serviceId),
    sql<SlaPolicy[]>`
      select id, title, priority, intake_type_id as "intakeTypeId", first_response_ms::float8 as "firstResponseMs",
        resolution_ms::float8 as "resolutionMs", at_risk_ratio as "atRiskRatio", on_at_risk as "onAtRisk",
        on_breach as "onBreach"
      from sla_policies where service_id = ${serviceId} and enabled and deleted_at is null order by position, id`,
    sql<Automation[]>`
      select id, kind, after_ms::float8 as "afterMs" from automations
      where service_id = ${serviceId} and enabled and deleted_at is null order by created_at, id`,
  ]);
  return { businessHours, policies: [...policies], automations: [...automations] };
}

/**
 * The policy a ticket follows: the first whose priority is null or the ticket's, and whose intake type is null or
 * on the ticket's intake-type path (the type and its ancestors, so a policy covers a whole subtree).
 */
export function matchPolicy(
  policies: readonly SlaPolicy[],
  ticket: { priority: string; intakeTypePath: readonly string[] },
): SlaPolicy | null {
  return (
    policies.find(
      (policy) =>
        (policy.priority === null || policy.priority === ticket.priority) &&
        (policy.intakeTypeId === null || ticket.intakeTypePath.includes(policy.intakeTypeId)),
    ) ?? null
  );
}
