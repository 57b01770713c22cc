/**
 * Reply templates (답변 템플릿) of a service, searchable by title or code, optionally linked to a resolution type.
 */
import { writeAudit } from './audit';
import type { Db, Sql } from './db';
import { refused, type Refused } from './errors';

export interface ReplyTemplate {
  id: string;
  serviceId: string;
  code: string;
  title: string;
  body: string;
  resolutionTypeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ReplyTemplateChanges = Partial<Pick<ReplyTemplate, 'code' | 'title' | 'body' | 'resolutionTypeId'>>;

type Row = {
  id: string;
  service_id: string;
  code: string;
  title: string;
  body: string;
  resolution_type_id: string | null;
  created_at: Date;
  updated_at: Date;
};

const toTemplate = (row: Row): ReplyTemplate => ({
  id: row.id,
  serviceId: row.service_id,
  code: row.code,
  title: row.title,
  body: row.body,
  resolutionTypeId: row.resolution_type_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The service's templates, by title; `query` matches title or code (case-insensitive), `resolutionTypeId` the link. */
export async function listReplyTemplates(
  sql: Db,
  serviceId: string,
  filter: { query?: string; resolutionTypeId?: string },
): Promise<ReplyTemplate[]> {
  const like = filter.query ? `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sql<Row[]>`
    select * from reply_templates
    where service_id = ${serviceId} and deleted_at is null
      ${like ? sql`and (title ilike ${like} or code ilike ${like})` : sql``}
      ${filter.resolutionTypeId ? sql`and resolution_type_id = ${filter.resolutionTypeId}` : sql``}
    order by lower(title), id
    limit 200`;
  return rows.map(toTemplate);
}

/** A live template of a service of the organisation. */
export async function findReplyTemplate(sql: Db, orgId: string, id: string): Promise<ReplyTemplate | null> {
  const [row] = await sql<Row[]>`
    select r.* from reply_templates r join services s on s.id = r.service_id
    where r.id = ${id} and s.org_id = ${orgId} and r.deleted_at is null`;
  return row ? toTemplate(row) : null;
}

async function codeTaken(sql: Db, serviceId: string, code: string, exceptId: string | null): Promise<boolean> {
  const [row] = await sql`
    select 1 from reply_templates
    where service_id = ${serviceId} and lower(code) = lower(${code}) and deleted_at is null and id is distinct from ${exceptId}`;
  return row !== undefined;
}

export async function createReplyTemplate(
  sql: Sql,
  template: Omit<ReplyTemplate, 'createdAt' | 'updatedAt'>,
  actorId: string,
): Promise<{ ok: true; template: ReplyTemplate } | Refused<'code_taken'>> {
  return sql.begin(async (tx): Promise<{ ok: true; template: ReplyTemplate } | Refused<'code_taken'>> => {
    await tx`select pg_advisory_xact_lock(hashtext(${`reply_templates:${template.serviceId}`}))`;
    if (await codeTaken(tx, template.serviceId, template.code, null)) return refused('code_taken');
    const [row] = await tx<Row[]>`
      insert into reply_templates (id, service_id, code, title, body, resolution_type_id, created_by)
      values (${template.id}, ${template.serviceId}, ${template.code}, ${template.title}, ${template.body},
        ${template.resolutionTypeId}, ${actorId})
      returning *`;
    await writeAudit(tx, { actorId, action: 'reply_template.created', target: template.id, details: { after: { code: template.code, title: template.title } } });
    return { ok: true, template: toTemplate(row) };
  });
}

export async function updateReplyTemplate(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  changes: ReplyTemplateChanges,
): Promise<{ ok: true; template: ReplyTemplate } | Refused<'not_found' | 'code_taken'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true; template: ReplyTemplate } | Refused<'not_found' | 'code_taken'>> => {
    const before = await findReplyTemplate(tx, orgId, id);
    if (!before) return refused('not_found');
    await tx`select pg_advisory_xact_lock(hashtext(${`reply_templates:${before.serviceId}`}))`;
    const after = { ...before, ...changes };
    if (after.code !== before.code && (await codeTaken(tx, before.serviceId, after.code, id))) return refused('code_taken');
    const [row] = await tx<Row[]>`
      update reply_templates set code = ${after.code}, title = ${after.title}, body = ${after.body},
        resolution_type_id = ${after.resolutionTypeId}, updated_at = now()
      where id = ${id} returning *`;
    await writeAudit(tx, { actorId, action: 'reply_template.updated', target: id, details: { changed: Object.keys(changes) } });
    return { ok: true, template: toTemplate(row) };
  });
}

export async function deleteReplyTemplate(sql: Sql, target: { orgId: string; id: string; actorId: string }): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | Refused<'not_found'>> => {
    const template = await findReplyTemplate(tx, orgId, id);
    if (!template) return refused('not_found');
    await tx`update reply_templates set deleted_at = now() where id = ${id}`;
    await writeAudit(tx, { actorId, action: 'reply_template.deleted', target: id, details: { before: { code: template.code, title: template.title } } });
    return { ok: true };
  });
}
