/**
 * Field definitions (필드 관리) of a service: customer fields per intake type and agent fields. A field's code is
 * unique in its service for ever: deleting a field keeps its row (`deleted_at`), so `fields_service_code` refuses
 * the code again.
 */
import type { JSONValue } from 'postgres';
import type { FieldControl, FieldEditor, FieldScope } from '../domain/fields';
import { writeAudit } from './audit';
import type { Db, Sql } from './db';
import { refused, type Refused } from './errors';

/** Labels or details text per language, e.g. `{ en: 'Order number', ko: '주문번호' }`. */
export type Labels = Record<string, string>;

export interface FieldOption {
  code: string;
  labels: Labels;
}

export interface Field {
  id: string;
  serviceId: string;
  scope: FieldScope;
  code: string;
  control: FieldControl;
  labels: Labels;
  details: Labels;
  options: FieldOption[];
  /** Customer fields: the intake type they attach to (inherited by its descendants); null for every one. */
  intakeTypeId: string | null;
  /** Agent fields: who may fill them in. */
  editableBy: FieldEditor;
  required: boolean;
  /** PII: values sealed at rest, never searched, hidden from triggers; fixed once created. */
  encrypted: boolean;
  position: number;
  createdAt: string;
}

/** What an admin may change on a field; its scope, code and control type are fixed once created. */
export type FieldChanges = Partial<Pick<Field, 'labels' | 'details' | 'options' | 'intakeTypeId' | 'editableBy' | 'required' | 'position'>>;

type FieldRow = {
  id: string;
  service_id: string;
  scope: FieldScope;
  code: string;
  control: FieldControl;
  labels: Labels;
  details: Labels;
  options: FieldOption[];
  intake_type_id: string | null;
  editable_by: FieldEditor;
  required: boolean;
  encrypted: boolean;
  position: number;
  created_at: Date;
};

const toField = (row: FieldRow): Field => ({
  id: row.id,
  serviceId: row.service_id,
  scope: row.scope,
  code: row.code,
  control: row.control,
  labels: row.labels,
  details: row.details,
  options: row.options,
  intakeTypeId: row.intake_type_id,
  editableBy: row.editable_by,
  required: row.required,
  encrypted: row.encrypted,
  position: row.position,
  createdAt: row.created_at.toISOString(),
});

/** The service's live fields of a scope (or both), in order. */
export async function listFields(sql: Db, serviceId: string, scope?: FieldScope): Promise<Field[]> {
  const rows = await sql<FieldRow[]>`
    select * from fields
    where service_id = ${serviceId} and deleted_at is null ${scope ? sql`and scope = ${scope}` : sql``}
    order by scope, position, created_at, id`;
  return rows.map(toField);
}

/**
 * The fields a ticket of the intake type carries: every agent field, and the customer fields attached to no intake
 * type or to the intake type or one of its ancestors (`intakeTypePath`, root first).
 */
export async function fieldsForTicket(sql: Db, serviceId: string, intakeTypePath: string[]): Promise<Field[]> {
  const rows = await sql<FieldRow[]>`
    select * from fields
    where service_id = ${serviceId} and deleted_at is null
      and (scope = 'agent' or intake_type_id is null or intake_type_id = any(${intakeTypePath}))
    order by scope, position, created_at, id`;
  return rows.map(toField);
}

/**
 * The live fields with these codes in the organisation's services (or in the one service given), for a search on
 * field values: a code may name a field in several services, each searched under its own scope.
 */
export async function fieldsByCode(sql: Db, orgId: string, serviceId: string | undefined, codes: string[]): Promise<Field[]> {
  const rows = await sql<FieldRow[]>`
    select f.* from fields f join services s on s.id = f.service_id
    where s.org_id = ${orgId} and f.deleted_at is null and lower(f.code) = any(${codes.map((code) => code.toLowerCase())})
      ${serviceId ? sql`and f.service_id = ${serviceId}` : sql``}`;
  return rows.map(toField);
}

/** A live field of a service of the organisation. */
export async function findField(sql: Db, orgId: string, id: string): Promise<Field | null> {
  const [row] = await sql<FieldRow[]>`
    select f.* from fields f join services s on s.id = f.service_id
    where f.id = ${id} and s.org_id = ${orgId} and f.deleted_at is null`;
  return row ? toField(row) : null;
}

/** Whether the code was ever used in the service, by a live or a deleted field. */
async function codeEverUsed(sql: Db, serviceId: string, code: string): Promise<boolean> {
  const [row] = await sql`select 1 from fields where service_id = ${serviceId} and lower(code) = lower(${code})`;
  return row !== undefined;
}

const json = (sql: Db, value: unknown) => sql.json(value as JSONValue);

/** Creates a field with its audit row; refused when the code was ever used in the service. */
export async function createField(sql: Sql, field: Omit<Field, 'createdAt'>, actorId: string): Promise<{ ok: true; field: Field } | Refused<'code_taken'>> {
  return sql.begin(async (tx): Promise<{ ok: true; field: Field } | Refused<'code_taken'>> => {
    await tx`select pg_advisory_xact_lock(hashtext(${`fields:${field.serviceId}`}))`;
    if (await codeEverUsed(tx, field.serviceId, field.code)) return refused('code_taken');
    const [row] = await tx<FieldRow[]>`
      insert into fields (id, service_id, scope, code, control, labels, details, options, intake_type_id, editable_by, required,
        encrypted, position)
      values (${field.id}, ${field.serviceId}, ${field.scope}, ${field.code}, ${field.control}, ${json(tx, field.labels)},
        ${json(tx, field.details)}, ${json(tx, field.options)}, ${field.intakeTypeId}, ${field.editableBy}, ${field.required},
        ${field.encrypted}, ${field.position})
      returning *`;
    const created = toField(row);
    const { id: _id, createdAt: _createdAt, ...after } = created;
    await writeAudit(tx, { actorId, action: 'field.created', target: created.id, details: { after: after as unknown as JSONValue } });
    return { ok: true, field: created };
  });
}

/** Applies the changes to a live field of the organisation with one audit row naming what changed. */
export async function updateField(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  changes: FieldChanges,
): Promise<{ ok: true; field: Field } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true; field: Field } | Refused<'not_found'>> => {
    const before = await findField(tx, orgId, id);
    if (!before) return refused('not_found');
    const after: Field = { ...before, ...changes };
    const changed = (Object.keys(changes) as (keyof FieldChanges)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    if (changed.length === 0) return { ok: true, field: before };
    await tx`
      update fields set labels = ${json(tx, after.labels)}, details = ${json(tx, after.details)}, options = ${json(tx, after.options)},
        intake_type_id = ${after.intakeTypeId}, editable_by = ${after.editableBy}, required = ${after.required}, position = ${after.position}
      where id = ${id}`;
    await writeAudit(tx, {
      actorId,
      action: 'field.updated',
      target: id,
      details: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])) as JSONValue,
        after: Object.fromEntries(changed.map((key) => [key, after[key]])) as JSONValue,
      },
    });
    return { ok: true, field: after };
  });
}

/** Deletes a live field of the organisation; its row stays, so its code is never used again. */
export async function deleteField(sql: Sql, target: { orgId: string; id: string; actorId: string }): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | Refused<'not_found'>> => {
    const field = await findField(tx, orgId, id);
    if (!field) return refused('not_found');
    await tx`update fields set deleted_at = now() where id = ${id}`;
    await writeAudit(tx, { actorId, action: 'field.deleted', target: id, details: { before: { code: field.code, scope: field.scope } } });
    return { ok: true };
  });
}

/** The live fields of these services, customer fields first, each scope in its order: the columns of an export. */
export async function fieldsOfServices(sql: Db, serviceIds: string[]): Promise<Field[]> {
  const rows = await sql<FieldRow[]>`
    select * from fields
    where service_id = any(${serviceIds}) and deleted_at is null
    order by scope = 'agent', position, created_at, id`;
  return rows.map(toField);
}
