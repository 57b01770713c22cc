/**
 * Draft triggers (트리거) of a service, as admins edit them. `definition` holds the whole Trigger model; the title,
 * enabled and position columns are written from it in the same statement, so the two never disagree. Rows are never
 * hard-deleted, so a published trigger's row still exists.
 */
import type { Trigger } from '../rules/index';
import type { Db, Tx } from './db';
import { asJson } from './json';

/** A service's drafts and how they stand against the published version. */
export interface TriggerList {
  /** Draft triggers in the order they run. */
  triggers: Trigger[];
  /** The version being evaluated, if any. */
  publishedVersion: { id: string; number: number; publishedAt: string } | null;
  /** Whether the drafts differ from the published version. */
  unpublishedChanges: boolean;
}

/**
 * Serialises every write to one service's triggers and rule-set versions: positions, version numbers and the
 * snapshot a publish takes cannot race. An advisory lock rather than a row lock on the service, so ticket
 * inserts (which key-share-lock the service row) never wait on an admin publishing.
 */
export async function lockServiceTriggers(tx: Tx, serviceId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext(${`triggers:${serviceId}`}))`;
}

/** The service's drafts (deleted ones excluded, disabled ones included) in the order they run. */
export async function listDraftTriggers(sql: Db, serviceId: string): Promise<Trigger[]> {
  const rows = await sql<{ definition: Trigger }[]>`
    select definition from triggers where service_id = ${serviceId} and deleted_at is null order by position, id`;
  return rows.map((row) => row.definition);
}

/** The drafts with the published version they would replace, compared as JSON values. */
export async function draftsWithStatus(sql: Db, serviceId: string): Promise<TriggerList> {
  const [row] = await sql<
    { triggers: Trigger[]; version_id: string | null; number: number | null; published_at: Date | null; changed: boolean }[]
  >`
    with drafts as (
      select coalesce(jsonb_agg(definition order by position, id), '[]'::jsonb) as triggers
      from triggers where service_id = ${serviceId} and deleted_at is null
    )
    select d.triggers, v.id as version_id, v.number, v.published_at,
      d.triggers is distinct from coalesce(v.triggers, '[]'::jsonb) as changed
    from drafts d
      left join rule_set_current c on c.service_id = ${serviceId}
      left join rule_set_versions v on v.id = c.version_id`;
  return {
    triggers: row.triggers,
    publishedVersion:
      row.version_id === null ? null : { id: row.version_id, number: row.number!, publishedAt: row.published_at!.toISOString() },
    unpublishedChanges: row.changed,
  };
}

/** A live (not deleted) trigger of a service of the organisation; `lock` row-locks it for a change. */
export async function findTrigger(
  sql: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<{ serviceId: string; trigger: Trigger } | null> {
  const [row] = await sql<{ service_id: string; definition: Trigger }[]>`
    select t.service_id, t.definition from triggers t join services s on s.id = t.service_id
    where t.id = ${id} and s.org_id = ${orgId} and t.deleted_at is null ${lock ? sql`for update of t` : sql``}`;
  return row ? { serviceId: row.service_id, trigger: row.definition } : null;
}

/** The position after the service's last trigger. */
export async function nextTriggerPosition(sql: Db, serviceId: string): Promise<number> {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from triggers where service_id = ${serviceId} and deleted_at is null`;
  return row.next;
}

export async function insertTrigger(sql: Db, serviceId: string, trigger: Trigger, createdBy: string): Promise<void> {
  await sql`
    insert into triggers (id, service_id, title, enabled, position, definition, created_by)
    values (${trigger.id}, ${serviceId}, ${trigger.title}, ${trigger.enabled}, ${trigger.position}, ${sql.json(asJson(trigger))},
      ${createdBy})`;
}

export async function saveTrigger(sql: Db, trigger: Trigger): Promise<void> {
  await sql`
    update triggers set title = ${trigger.title}, enabled = ${trigger.enabled}, position = ${trigger.position},
      definition = ${sql.json(asJson(trigger))}, updated_at = now()
    where id = ${trigger.id}`;
}

/** Gives each listed trigger its index as position; returns whether any position changed. */
export async function setTriggerPositions(sql: Db, triggerIds: string[]): Promise<boolean> {
  const updated = await sql`
    update triggers t
    set position = o.position, definition = jsonb_set(t.definition, '{position}', to_jsonb(o.position)), updated_at = now()
    from (select id, (ordinality - 1)::int as position from unnest(${triggerIds}::text[]) with ordinality as u(id, ordinality)) o
    where t.id = o.id and t.position <> o.position`;
  return updated.count > 0;
}

export async function softDeleteTrigger(sql: Db, id: string): Promise<void> {
  await sql`update triggers set deleted_at = now(), updated_at = now() where id = ${id}`;
}

/**
 * Makes the service's drafts exactly `triggers`: others are soft-deleted, these are restored or rewritten where
 * they differ.
 */
export async function replaceDraftTriggers(tx: Tx, serviceId: string, triggers: Trigger[], actorId: string): Promise<void> {
  const keep = triggers.map((trigger) => trigger.id);
  await tx`
    update triggers set deleted_at = now(), updated_at = now()
    where service_id = ${serviceId} and deleted_at is null and id <> all(${keep}::text[])`;
  for (const trigger of triggers) {
    await tx`
      insert into triggers (id, service_id, title, enabled, position, definition, created_by)
      values (${trigger.id}, ${serviceId}, ${trigger.title}, ${trigger.enabled}, ${trigger.position},
        ${tx.json(asJson(trigger))}, ${actorId})
      on conflict (id) do update
        set title = excluded.title, enabled = excluded.enabled, position = excluded.position,
          definition = excluded.definition, deleted_at = null, updated_at = now()
        where triggers.service_id = excluded.service_id
          and (triggers.definition is distinct from excluded.definition or triggers.deleted_at is not null)`;
  }
}
