/**
 * SLA policies of a service. Targets are stored as milliseconds and shown as duration strings too.
 */
import { isDeepStrictEqual } from 'node:util';
import { formatDuration } from '../../rules/duration';
import type { TicketPriority } from '../../domain/ticket';
import type { SlaResult } from '../../rules/sla-policies';
import { writeAudit } from '../audit';
import type { Db, Sql, Tx } from '../db';
import type { Refused } from '../errors';
import { asJson } from '../json';
import { lockServiceTimeRules, withLockedTimeRule } from './lock';

export interface SlaPolicy {
  id: string;
  serviceId: string;
  title: string;
  enabled: boolean;
  position: number;
  priority: TicketPriority | null;
  intakeTypeId: string | null;
  /** In the largest unit that expresses it exactly. */
  firstResponse: string | null;
  firstResponseMs: number | null;
  resolution: string | null;
  resolutionMs: number | null;
  atRiskRatio: number;
  onAtRisk: SlaResult[];
  onBreach: SlaResult[];
}

/** An enabled SLA policy as the ticket workflow follows it: targets in business-time milliseconds. */
export type EnabledSlaPolicy = Pick<
  SlaPolicy,
  'id' | 'title' | 'priority' | 'intakeTypeId' | 'firstResponseMs' | 'resolutionMs' | 'atRiskRatio' | 'onAtRisk' | 'onBreach'
>;

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
export async function listSlaPolicies(sql: Db, serviceId: string): Promise<SlaPolicy[]> {
  const rows = await sql<PolicyRow[]>`
    select ${sql.unsafe(COLUMNS)} from sla_policies where service_id = ${serviceId} and deleted_at is null order by position, id`;
  return rows.map(toPolicy);
}

/** The service's enabled policies in position order: the first that matches a ticket applies. */
export async function listEnabledSlaPolicies(sql: Db, serviceId: string): Promise<EnabledSlaPolicy[]> {
  // bigint columns come back as strings unless cast; every duration is at most a year.
  const rows = await sql<EnabledSlaPolicy[]>`
    select id, title, priority, intake_type_id as "intakeTypeId", first_response_ms::float8 as "firstResponseMs",
      resolution_ms::float8 as "resolutionMs", at_risk_ratio as "atRiskRatio", on_at_risk as "onAtRisk",
      on_breach as "onBreach"
    from sla_policies where service_id = ${serviceId} and enabled and deleted_at is null order by position, id`;
  return [...rows];
}

/** A live policy of a service of the organisation. */
export async function findSlaPolicy(sql: Db, orgId: string, id: string): Promise<SlaPolicy | null> {
  const [row] = await sql<PolicyRow[]>`
    select ${sql.unsafe(COLUMNS)} from sla_policies
    where id = ${id} and deleted_at is null and service_id in (select id from services where org_id = ${orgId})`;
  return row ? toPolicy(row) : null;
}

/** The position after the service's last policy. */
async function nextSlaPolicyPosition(sql: Db, serviceId: string): Promise<number> {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from sla_policies where service_id = ${serviceId} and deleted_at is null`;
  return row.next;
}

async function insertSlaPolicy(sql: Db, policy: SlaPolicy): Promise<void> {
  await sql`
    insert into sla_policies (id, service_id, title, position, enabled, priority, intake_type_id, first_response_ms,
      resolution_ms, at_risk_ratio, on_at_risk, on_breach)
    values (${policy.id}, ${policy.serviceId}, ${policy.title}, ${policy.position}, ${policy.enabled}, ${policy.priority},
      ${policy.intakeTypeId}, ${policy.firstResponseMs}, ${policy.resolutionMs}, ${policy.atRiskRatio},
      ${sql.json(asJson(policy.onAtRisk))}, ${sql.json(asJson(policy.onBreach))})`;
}

async function saveSlaPolicy(sql: Db, policy: SlaPolicy): Promise<void> {
  await sql`
    update sla_policies set title = ${policy.title}, enabled = ${policy.enabled}, priority = ${policy.priority},
      intake_type_id = ${policy.intakeTypeId}, first_response_ms = ${policy.firstResponseMs},
      resolution_ms = ${policy.resolutionMs}, at_risk_ratio = ${policy.atRiskRatio}, on_at_risk = ${sql.json(asJson(policy.onAtRisk))},
      on_breach = ${sql.json(asJson(policy.onBreach))}, updated_at = now()
    where id = ${policy.id}`;
}

/** Gives each listed policy its index as position; returns whether any position changed. */
async function setSlaPolicyPositions(sql: Db, policyIds: string[]): Promise<boolean> {
  const updated = await sql`
    update sla_policies p set position = o.position, updated_at = now()
    from (select id, (ordinality - 1)::int as position from unnest(${policyIds}::text[]) with ordinality as u(id, ordinality)) o
    where p.id = o.id and p.position <> o.position`;
  return updated.count > 0;
}

async function softDeleteSlaPolicy(sql: Db, id: string): Promise<void> {
  await sql`update sla_policies set deleted_at = now(), updated_at = now() where id = ${id}`;
}

/** Creates a policy after the service's last one, under its time-rule lock, with its audit row. */
export async function createSlaPolicy(sql: Sql, draft: Omit<SlaPolicy, 'position'>, actorId: string): Promise<SlaPolicy> {
  return sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, draft.serviceId);
    const created: SlaPolicy = { ...draft, position: await nextSlaPolicyPosition(tx, draft.serviceId) };
    await insertSlaPolicy(tx, created);
    await writeAudit(tx, {
      actorId,
      action: 'sla_policy.created',
      target: created.id,
      details: { serviceId: draft.serviceId, after: asJson(created) },
    });
    return created;
  });
}

/**
 * Replaces a live policy of the organisation with what `revise` makes of it (reading through `db`, inside the
 * transaction), under its service's time-rule lock, with an audit row when it changed; answers the policy as it now
 * is. `revise` refuses by throwing, which rolls the transaction back.
 */
export async function replaceSlaPolicy(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  revise: (before: SlaPolicy, db: Db) => Promise<SlaPolicy>,
): Promise<{ ok: true; value: SlaPolicy } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTimeRule(sql, findSlaPolicy, orgId, id, async (tx, before) => {
    const after = await revise(before, tx);
    if (isDeepStrictEqual(after, before)) return before;
    await saveSlaPolicy(tx, after);
    await writeAudit(tx, {
      actorId,
      action: 'sla_policy.replaced',
      target: id,
      details: { serviceId: before.serviceId, before: asJson(before), after: asJson(after) },
    });
    return after;
  });
}

/** Deletes a live policy of the organisation under its service's time-rule lock, with its audit row. */
export async function deleteSlaPolicy(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTimeRule(sql, findSlaPolicy, orgId, id, async (tx, policy) => {
    await softDeleteSlaPolicy(tx, id);
    await writeAudit(tx, {
      actorId,
      action: 'sla_policy.deleted',
      target: id,
      details: { serviceId: policy.serviceId, title: policy.title },
    });
  });
}

/**
 * Gives the service's policies the order of `policyIds` under its time-rule lock, with an audit row when a position
 * changed, and answers the policies in their new order. `requireComplete` sees the current ids first and refuses an
 * order that does not list each exactly once by throwing, which rolls the transaction back.
 */
export async function reorderSlaPolicies(
  sql: Sql,
  serviceId: string,
  policyIds: string[],
  actorId: string,
  requireComplete: (currentIds: string[]) => void,
): Promise<SlaPolicy[]> {
  return sql.begin(async (tx: Tx) => {
    await lockServiceTimeRules(tx, serviceId);
    const current = (await listSlaPolicies(tx, serviceId)).map((policy) => policy.id);
    requireComplete(current);
    if (await setSlaPolicyPositions(tx, policyIds)) {
      await writeAudit(tx, {
        actorId,
        action: 'sla_policy.reordered',
        target: serviceId,
        details: { before: current, after: policyIds },
      });
    }
    return listSlaPolicies(tx, serviceId);
  });
}
