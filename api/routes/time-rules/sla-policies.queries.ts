/**
 * SLA policy reads and writes. Targets are stored as milliseconds; the API shows them as duration strings too.
 */
import type { ISql } from 'postgres';
import { formatDuration } from '../../../rules/duration';
import { asJson } from '../triggers/triggers.queries';
import type { SlaPolicy, SlaResult } from './sla-policies.schemas';

type PolicyRow = {
  id: string;
  service_id: string;
  title: string;
  enabled: boolean;
  position: number;
  priority: SlaPolicy['priority'];
  intake_type_id: string | null;
  first_response_ms: number | null;
  resolution_ms: number | null;
  at_risk_ratio: number;
  on_at_risk: SlaResult[];
  on_breach: SlaResult[];
};

// bigint columns come back as strings unless cast; targets are at most a year, far inside a double's exact range.
const COLUMNS = `id, service_id, title, enabled, position, priority, intake_type_id, first_response_ms::float8 as first_response_ms,
  resolution_ms::float8 as resolution_ms, at_risk_ratio, on_at_risk, on_breach`;

const toPolicy = (row: PolicyRow): SlaPolicy => ({
  id: row.id,
  serviceId: row.service_id,
  title: row.title,
  enabled: row.enabled,
  position: row.position,
  priority: row.priority,
  intakeTypeId: row.intake_type_id,
  firstResponse: row.first_response_ms === null ? null : formatDuration(row.first_response_ms),
  firstResponseMs: row.first_response_ms,
  resolution: row.resolution_ms === null ? null : formatDuration(row.resolution_ms),
  resolutionMs: row.resolution_ms,
  atRiskRatio: row.at_risk_ratio,
  onAtRisk: row.on_at_risk,
  onBreach: row.on_breach,
});

/** The service's live policies in the order they are matched. */
export async function listPolicies(sql: ISql, serviceId: string): Promise<SlaPolicy[]> {
  const rows = await sql<PolicyRow[]>`
    select ${sql.unsafe(COLUMNS)} from sla_policies where service_id = ${serviceId} and deleted_at is null order by position, id`;
  return rows.map(toPolicy);
}

/** A live policy of the caller's organisation. */
export async function findPolicy(sql: ISql, orgId: string, id: string): Promise<SlaPolicy | null> {
  const [row] = await sql<PolicyRow[]>`
    select ${sql.unsafe(COLUMNS)} from sla_policies
    where id = ${id} and deleted_at is null and service_id in (select id from services where org_id = ${orgId})`;
  return row ? toPolicy(row) : null;
}

/** The position after the service's last policy. */
export async function nextPosition(sql: ISql, serviceId: string): Promise<number> {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from sla_policies where service_id = ${serviceId} and deleted_at is null`;
  return row.next;
}

export async function insertPolicy(sql: ISql, policy: SlaPolicy): Promise<void> {
  await sql`
    insert into sla_policies (id, service_id, title, position, enabled, priority, intake_type_id, first_response_ms,
      resolution_ms, at_risk_ratio, on_at_risk, on_breach)
    values (${policy.id}, ${policy.serviceId}, ${policy.title}, ${policy.position}, ${policy.enabled}, ${policy.priority},
      ${policy.intakeTypeId}, ${policy.firstResponseMs}, ${policy.resolutionMs}, ${policy.atRiskRatio},
      ${sql.json(asJson(policy.onAtRisk))}, ${sql.json(asJson(policy.onBreach))})`;
}

export async function savePolicy(sql: ISql, policy: SlaPolicy): Promise<void> {
  await sql`
    update sla_policies set title = ${policy.title}, enabled = ${policy.enabled}, priority = ${policy.priority},
      intake_type_id = ${policy.intakeTypeId}, first_response_ms = ${policy.firstResponseMs},
      resolution_ms = ${policy.resolutionMs}, at_risk_ratio = ${policy.atRiskRatio}, on_at_risk = ${sql.json(asJson(policy.onAtRisk))},
      on_breach = ${sql.json(asJson(policy.onBreach))}, updated_at = now()
    where id = ${policy.id}`;
}

/** Gives each listed policy its index as position; returns whether any position changed. */
export async function setPositions(sql: ISql, policyIds: string[]): Promise<boolean> {
  const updated = await sql`
    update sla_policies p set position = o.position, updated_at = now()
    from (select id, (ordinality - 1)::int as position from unnest(${policyIds}::text[]) with ordinality as u(id, ordinality)) o
    where p.id = o.id and p.position <> o.position`;
  return updated.count > 0;
}

export async function softDeletePolicy(sql: ISql, id: string): Promise<void> {
  await sql`update sla_policies set deleted_at = now(), updated_at = now() where id = ${id}`;
}
