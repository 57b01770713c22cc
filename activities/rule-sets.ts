/**
 * Rule sets as evaluation loads them: a service's published (current) version, any version by id, or the drafts
 * compiled on the fly for simulating unpublished changes. Definitions are json-rules-engine rules as stored;
 * `rules/` validates them again when it loads them.
 */
import type { RuleProperties } from 'json-rules-engine';
import type { ISql } from 'postgres';
import { compileTrigger, type Trigger } from '../rules/index';

/** The version id of drafts compiled on the fly; no published version has it (those are `V…`). */
export const DRAFT_VERSION_ID = 'draft';

/** A published rule-set version. */
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

type VersionRow = { id: string; number: number; service_id: string; definitions: RuleProperties[] };

const toRuleSet = (row: VersionRow): PublishedRuleSet => ({
  versionId: row.id,
  number: row.number,
  serviceId: row.service_id,
  definitions: row.definitions,
});

/** The version the service evaluates, or null when it has never published (no automation). */
export async function loadPublishedRuleSet(sql: ISql, serviceId: string): Promise<PublishedRuleSet | null> {
  const [row] = await sql<VersionRow[]>`
    select v.id, v.number, v.service_id, v.definitions
    from rule_set_current c join rule_set_versions v on v.id = c.version_id
    where c.service_id = ${serviceId}`;
  return row ? toRuleSet(row) : null;
}

/** A version by id, current or not (versions are immutable, so the answer never changes). */
export async function loadRuleSetVersion(sql: ISql, versionId: string): Promise<PublishedRuleSet | null> {
  const [row] = await sql<VersionRow[]>`
    select id, number, service_id, definitions from rule_set_versions where id = ${versionId}`;
  return row ? toRuleSet(row) : null;
}

/**
 * The service's drafts (deleted ones excluded, disabled ones included as publishing does), compiled now. Throws
 * `InvalidTriggerError` for a draft that no longer compiles.
 */
export async function loadDraftRuleSet(sql: ISql, serviceId: string): Promise<DraftRuleSet> {
  const rows = await sql<{ definition: Trigger }[]>`
    select definition from triggers where service_id = ${serviceId} and deleted_at is null order by position, id`;
  return {
    versionId: DRAFT_VERSION_ID,
    number: null,
    serviceId,
    definitions: rows.map((row) => compileTrigger(row.definition)),
  };
}
