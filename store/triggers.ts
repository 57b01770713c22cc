/**
 * Draft triggers (트리거) of a service, as admins edit them. `definition` holds the whole Trigger model; the title,
 * enabled and position columns are written from it in the same statement, so the two never disagree. Rows are never
 * hard-deleted, so a published trigger's row still exists.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Trigger } from '../rules/index';
import { writeAudit } from './audit';
import type { Db, Sql, Tx } from './db';
import { refused, type Refused } from './errors';
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
async function nextTriggerPosition(sql: Db, serviceId: string): Promise<number> {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from triggers where service_id = ${serviceId} and deleted_at is null`;
  return row.next;
}

async function insertTrigger(sql: Db, serviceId: string, trigger: Trigger, createdBy: string): Promise<void> {
  await sql`
    insert into triggers (id, service_id, title, enabled, position, definition, created_by)
    values (${trigger.id}, ${serviceId}, ${trigger.title}, ${trigger.enabled}, ${trigger.position}, ${sql.json(asJson(trigger))},
      ${createdBy})`;
}

async function saveTrigger(sql: Db, trigger: Trigger): Promise<void> {
  await sql`
    update triggers set title = ${trigger.title}, enabled = ${trigger.enabled}, position = ${trigger.position},
      definition = ${sql.json(asJson(trigger))}, updated_at = now()
    where id = ${trigger.id}`;
}

/** Gives each listed trigger its index as position; returns whether any position changed. */
async function setTriggerPositions(sql: Db, triggerIds: string[]): Promise<boolean> {
  const updated = await sql`
    update triggers t
    set position = o.position, definition = jsonb_set(t.definition, '{position}', to_jsonb(o.position)), updated_at = now()
    from (select id, (ordinality - 1)::int as position from unnest(${triggerIds}::text[]) with ordinality as u(id, ordinality)) o
    where t.id = o.id and t.position <> o.position`;
  return updated.count > 0;
}

async function softDeleteTrigger(sql: Db, id: string): Promise<void> {
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

/** A live trigger and the service it belongs to. */
export interface ServiceTrigger {
  serviceId: string;
  trigger: Trigger;
}

/** Creates a trigger after the service's last one, under its trigger lock, with its audit row. */
export async function createTrigger(sql: Sql, serviceId: string, draft: Trigger, actorId: string): Promise<Trigger> {
  return sql.begin(async (tx) => {
    await lockServiceTriggers(tx, serviceId);
    const created: Trigger = { ...draft, position: await nextTriggerPosition(tx, serviceId) };
    await insertTrigger(tx, serviceId, created, actorId);
    await writeAudit(tx, {
      actorId,
      action: 'trigger.created',
      target: created.id,
      details: { serviceId, after: asJson(created) },
    });
    return created;
  });
}

/** Runs `change` on a live trigger of the organisation, under its service's trigger lock; refused when there is none. */
async function withLockedTrigger<T>(
  sql: Sql,
  orgId: string,
  id: string,
  change: (tx: Tx, current: ServiceTrigger) => Promise<T>,
): Promise<{ ok: true; value: T } | Refused<'not_found'>> {
  const found = await findTrigger(sql, orgId, id);
  if (!found) return refused('not_found');
  return sql.begin(async (tx): Promise<{ ok: true; value: T } | Refused<'not_found'>> => {
    await lockServiceTriggers(tx, found.serviceId);
    // Read again under the lock: the trigger may have been deleted or changed in between.
    const current = await findTrigger(tx, orgId, id, true);
    if (!current) return refused('not_found');
    return { ok: true, value: await change(tx, current) };
  }) as Promise<{ ok: true; value: T } | Refused<'not_found'>>;
}

/**
 * Replaces a live trigger of the organisation with what `revise` makes of it (reading through `db`, inside the
 * transaction), under its service's trigger lock, with an audit row when it changed; answers the trigger as it now
 * is. `revise` refuses by throwing, which rolls the transaction back.
 */
export async function replaceTrigger(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  revise: (current: ServiceTrigger, db: Db) => Promise<Trigger>,
): Promise<{ ok: true; value: Trigger } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTrigger(sql, orgId, id, async (tx, current) => {
    const { serviceId, trigger: before } = current;
    const after = await revise(current, tx);
    if (isDeepStrictEqual(after, before)) return before;
    await saveTrigger(tx, after);
    await writeAudit(tx, {
      actorId,
      action: 'trigger.replaced',
      target: id,
      details: { serviceId, before: asJson(before), after: asJson(after) },
    });
    return after;
  });
}

/**
 * Changes the title or enabled flag of a live trigger of the organisation to what `revise` makes of it, under its
 * service's trigger lock, with an audit row naming the changed fields; `revise` refuses by throwing.
 */
export async function updateTrigger(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  revise: (before: Trigger) => Trigger,
): Promise<{ ok: true; value: Trigger } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTrigger(sql, orgId, id, async (tx, { serviceId, trigger: before }) => {
    const after = revise(before);
    const changed = (['title', 'enabled'] as const).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return before;
    await saveTrigger(tx, after);
    await writeAudit(tx, {
      actorId,
      action: 'trigger.updated',
      target: id,
      details: {
        serviceId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return after;
  });
}

/** Deletes a live, disabled trigger of the organisation under its service's trigger lock, with its audit row. */
export async function deleteTrigger(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
): Promise<{ ok: true } | Refused<'not_found' | 'enabled'>> {
  const { orgId, id, actorId } = target;
  const deleted = await withLockedTrigger(sql, orgId, id, async (tx, { serviceId, trigger }) => {
    if (trigger.enabled) return refused('enabled');
    await softDeleteTrigger(tx, id);
    await writeAudit(tx, { actorId, action: 'trigger.deleted', target: id, details: { serviceId, title: trigger.title } });
    return { ok: true as const };
  });
  return deleted.ok ? deleted.value : deleted;
}

/**
 * Gives the service's triggers the order of `triggerIds` under its trigger lock, with an audit row when a position
 * changed. `requireComplete` sees the current ids first and refuses an order that does not list each exactly once
 * by throwing, which rolls the transaction back.
 */
export async function reorderTriggers(
  sql: Sql,
  serviceId: string,
  triggerIds: string[],
  actorId: string,
  requireComplete: (currentIds: string[]) => void,
): Promise<void> {
  await sql.begin(async (tx) => {
    await lockServiceTriggers(tx, serviceId);
    const current = (await listDraftTriggers(tx, serviceId)).map((trigger) => trigger.id);
    requireComplete(current);
    if (await setTriggerPositions(tx, triggerIds)) {
      await writeAudit(tx, {
        actorId,
        action: 'trigger.reordered',
        target: serviceId,
        details: { before: current, after: triggerIds },
      });
    }
  });
}
