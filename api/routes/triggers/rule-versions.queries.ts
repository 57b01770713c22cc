/**
 * Rule-set version reads and the one write: inserting a new version and making it current. Versions are never
 * updated or deleted (the database refuses it).
 */
import type { ISql } from 'postgres';
import { businessId } from '../../../infra/ids';
import type { RuleSetVersion, RuleSetVersionSummary } from './rule-versions.schemas';
import { asJson } from './triggers.queries';
import type { Trigger } from './triggers.schemas';

type SummaryRow = {
  id: string;
  service_id: string;
  number: number;
  published_by: string | null;
  published_at: Date;
  note: string | null;
  rolled_back_from: number | null;
  trigger_count: number;
  current: boolean;
};
type VersionRow = SummaryRow & { triggers: Trigger[]; definitions: Record<string, unknown>[] };

const SUMMARY_COLUMNS = `v.id, v.service_id, v.number, v.published_by, v.published_at, v.note, v.rolled_back_from,
  jsonb_array_length(v.triggers)::int as trigger_count, (c.version_id is not null) as current`;

const toSummary = (row: SummaryRow): RuleSetVersionSummary => ({
  id: row.id,
  serviceId: row.service_id,
  number: row.number,
  publishedBy: row.published_by,
  publishedAt: row.published_at.toISOString(),
  note: row.note,
  rolledBackFrom: row.rolled_back_from,
  triggerCount: row.trigger_count,
  current: row.current,
});

const toVersion = (row: VersionRow): RuleSetVersion => ({
  ...toSummary(row),
  triggers: row.triggers,
  definitions: row.definitions,
});

/** A service's versions, newest first, without their triggers and definitions. */
export async function listVersions(
  sql: ISql,
  serviceId: string,
  page: { limit: number; before?: number },
): Promise<RuleSetVersionSummary[]> {
  const rows = await sql<SummaryRow[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)}
    from rule_set_versions v left join rule_set_current c on c.version_id = v.id
    where v.service_id = ${serviceId} ${page.before === undefined ? sql`` : sql`and v.number < ${page.before}`}
    order by v.number desc
    limit ${page.limit}`;
  return rows.map(toSummary);
}

/** A version of a service of the caller's organisation. */
export async function findVersion(sql: ISql, orgId: string, id: string): Promise<RuleSetVersion | null> {
  const [row] = await sql<VersionRow[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)}, v.triggers, v.definitions
    from rule_set_versions v
      join services s on s.id = v.service_id
      left join rule_set_current c on c.version_id = v.id
    where v.id = ${id} and s.org_id = ${orgId}`;
  return row ? toVersion(row) : null;
}

export interface NewVersion {
  serviceId: string;
  triggers: Trigger[];
  definitions: unknown[];
  publishedBy: string;
  note: string | null;
  rolledBackFrom: number | null;
}

/**
 * Inserts the service's next version and makes it current. The caller holds the service's trigger lock, so
 * `max + 1` is unique; the (service_id, number) constraint is the backstop.
 */
export async function insertCurrentVersion(sql: ISql, version: NewVersion): Promise<RuleSetVersion> {
  const id = businessId('V');
  const [{ number }] = await sql<{ number: number }[]>`
    select coalesce(max(number) + 1, 1)::int as number from rule_set_versions where service_id = ${version.serviceId}`;
  await sql`
    insert into rule_set_versions (id, service_id, number, triggers, definitions, published_by, note, rolled_back_from)
    values (${id}, ${version.serviceId}, ${number}, ${sql.json(asJson(version.triggers))}, ${sql.json(asJson(version.definitions))},
      ${version.publishedBy}, ${version.note}, ${version.rolledBackFrom})`;
  await sql`
    insert into rule_set_current (service_id, version_id) values (${version.serviceId}, ${id})
    on conflict (service_id) do update set version_id = excluded.version_id`;
  const [row] = await sql<VersionRow[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)}, v.triggers, v.definitions
    from rule_set_versions v left join rule_set_current c on c.version_id = v.id
    where v.id = ${id}`;
  return toVersion(row);
}
