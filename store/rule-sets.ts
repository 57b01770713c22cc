/**
 * Published rule-set versions: immutable, numbered snapshots of a service's triggers with the json-rules-engine
 * rules compiled from them, and which one is current. Versions are never updated or deleted (the database refuses
 * it); publishing and rolling back insert a new one.
 *
 * Evaluation loads a rule set through here too: a service's current version, any version by id, or the drafts
 * compiled on the fly for simulating unpublished changes. `rules/` validates the definitions again when it loads them.
 */
import type { RuleProperties } from 'json-rules-engine';
import { businessId } from '../domain/ids';
import { compileTrigger, type Trigger } from '../rules/index';
import { DRAFT_VERSION_ID } from '../rules/runner';
import { writeAudit } from './audit';
import type { Db, Sql, Tx } from './db';
import { asJson } from './json';
import { listDraftTriggers, lockServiceTriggers, replaceDraftTriggers } from './triggers';

/** A version as the version list shows it, without its triggers and rules. */
export interface RuleSetVersionSummary {
  id: string;
  serviceId: string;
  /** 1, 2, 3… per service. */
  number: number;
  publishedBy: string | null;
  publishedAt: string;
  note: string | null;
  /** The number of the version this one republished. */
  rolledBackFrom: number | null;
  triggerCount: number;
  /** Whether this is the version the service evaluates. */
  current: boolean;
}

/** A version with the triggers as published, in the order they run, and the rules compiled from them. */
export interface RuleSetVersion extends RuleSetVersionSummary {
  triggers: Trigger[];
  definitions: Record<string, unknown>[];
}

/** A published rule-set version as evaluation loads it. */
export interface PublishedRuleSet {
  versionId: string;
  /** 1, 2, 3… per service. */
  number: number;
  serviceId: string;
  /** In evaluation (position) order. */
  definitions: RuleProperties[];
}

/** A service's drafts, compiled now; what the next publish would snapshot. */
export interface DraftRuleSet {
  versionId: typeof DRAFT_VERSION_ID;
  number: null;
  serviceId: string;
  definitions: RuleProperties[];
}

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
export async function listRuleSetVersions(
  sql: Db,
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

/** A version of a service of the organisation. */
export async function findRuleSetVersion(sql: Db, orgId: string, id: string): Promise<RuleSetVersion | null> {
  const [row] = await sql<VersionRow[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)}, v.triggers, v.definitions
    from rule_set_versions v
      join services s on s.id = v.service_id
      left join rule_set_current c on c.version_id = v.id
    where v.id = ${id} and s.org_id = ${orgId}`;
  return row ? toVersion(row) : null;
}

interface NewRuleSetVersion {
  serviceId: string;
  triggers: Trigger[];
  definitions: unknown[];
  publishedBy: string;
  note: string | null;
  rolledBackFrom: number | null;
}

/**
 * Inserts the service's next version and makes it current. The caller holds the service's trigger lock
 * (`lockServiceTriggers`), so `max + 1` is unique; the (service_id, number) constraint is the backstop.
 */
async function insertCurrentVersion(tx: Tx, version: NewRuleSetVersion): Promise<RuleSetVersion> {
  const id = businessId('V');
  const [{ number }] = await tx<{ number: number }[]>`
    select coalesce(max(number) + 1, 1)::int as number from rule_set_versions where service_id = ${version.serviceId}`;
  await tx`
    insert into rule_set_versions (id, service_id, number, triggers, definitions, published_by, note, rolled_back_from)
    values (${id}, ${version.serviceId}, ${number}, ${tx.json(asJson(version.triggers))}, ${tx.json(asJson(version.definitions))},
      ${version.publishedBy}, ${version.note}, ${version.rolledBackFrom})`;
  await tx`
    insert into rule_set_current (service_id, version_id) values (${version.serviceId}, ${id})
    on conflict (service_id) do update set version_id = excluded.version_id`;
  const [row] = await tx<VersionRow[]>`
    select ${tx.unsafe(SUMMARY_COLUMNS)}, v.triggers, v.definitions
    from rule_set_versions v left join rule_set_current c on c.version_id = v.id
    where v.id = ${id}`;
  return toVersion(row);
}

/**
 * Publishes the service's drafts as its next version, compiled by `compile`, under its trigger lock, with the audit
 * row. `compile` refuses a draft by throwing, which rolls the transaction back.
 */
export async function publishRuleSet(
  sql: Sql,
  serviceId: string,
  publication: { actorId: string; note: string | null },
  compile: (trigger: Trigger) => RuleProperties,
): Promise<RuleSetVersion> {
  const { actorId, note } = publication;
  return sql.begin(async (tx) => {
    await lockServiceTriggers(tx, serviceId);
    const triggers = await listDraftTriggers(tx, serviceId);
    const published = await insertCurrentVersion(tx, {
      serviceId,
      triggers,
      definitions: triggers.map(compile),
      publishedBy: actorId,
      note,
      rolledBackFrom: null,
    });
    await writeAudit(tx, {
      actorId,
      action: 'rules.published',
      target: published.id,
      details: { serviceId, number: published.number, triggerIds: triggers.map((trigger) => trigger.id), note },
    });
    return published;
  });
}

/**
 * Publishes an old version again as the service's next version and makes its triggers the drafts, under the
 * service's trigger lock, with the audit row.
 */
export async function rollbackRuleSet(
  sql: Sql,
  old: RuleSetVersion,
  publication: { actorId: string; note: string | null },
): Promise<RuleSetVersion> {
  const { actorId, note } = publication;
  return sql.begin(async (tx) => {
    await lockServiceTriggers(tx, old.serviceId);
    // The stored rules are copied, not recompiled: the new version runs exactly what the old one ran.
    const republished = await insertCurrentVersion(tx, {
      serviceId: old.serviceId,
      triggers: old.triggers,
      definitions: old.definitions,
      publishedBy: actorId,
      note,
      rolledBackFrom: old.number,
    });
    // Rollback replaces the drafts wholesale, enabled triggers included, so the studio shows what runs.
    await replaceDraftTriggers(tx, old.serviceId, old.triggers, actorId);
    await writeAudit(tx, {
      actorId,
      action: 'rules.rolled_back',
      target: republished.id,
      details: {
        serviceId: old.serviceId,
        number: republished.number,
        rolledBackFrom: old.number,
        rolledBackFromVersionId: old.id,
        note,
      },
    });
    return republished;
  });
}

type RuleSetRow = { id: string; number: number; service_id: string; definitions: RuleProperties[] };

const toRuleSet = (row: RuleSetRow): PublishedRuleSet => ({
  versionId: row.id,
  number: row.number,
  serviceId: row.service_id,
  definitions: row.definitions,
});

/** The version the service evaluates, or null when it has never published (no automation). */
export async function loadPublishedRuleSet(sql: Db, serviceId: string): Promise<PublishedRuleSet | null> {
  const [row] = await sql<RuleSetRow[]>`
    select v.id, v.number, v.service_id, v.definitions
    from rule_set_current c join rule_set_versions v on v.id = c.version_id
    where c.service_id = ${serviceId}`;
  return row ? toRuleSet(row) : null;
}

/** A version by id, current or not (versions are immutable, so the answer never changes). */
export async function loadRuleSetVersion(sql: Db, versionId: string): Promise<PublishedRuleSet | null> {
  const [row] = await sql<RuleSetRow[]>`
    select id, number, service_id, definitions from rule_set_versions where id = ${versionId}`;
  return row ? toRuleSet(row) : null;
}

/**
 * The service's drafts (deleted ones excluded, disabled ones included as publishing does), compiled now. Throws
 * `InvalidTriggerError` for a draft that no longer compiles.
 */
export async function loadDraftRuleSet(sql: Db, serviceId: string): Promise<DraftRuleSet> {
  const triggers = await listDraftTriggers(sql, serviceId);
  return {
    versionId: DRAFT_VERSION_ID,
    number: null,
    serviceId,
    definitions: triggers.map((trigger) => compileTrigger(trigger)),
  };
}
