/**
 * The admin audit trail (권한 변경 로그). Rows are written inside the transaction of the change they describe,
 * so a refused or failed request leaves no row behind and every committed change has one.
 */
import type { JSONValue } from 'postgres';
import type { Db, Tx } from './db';

export interface AuditEntry {
  actorId: string;
  /** `<resource>.<verb>`, e.g. `agent.created`, `agent.permissions_changed`. */
  action: string;
  /** The id of the changed record. */
  target: string;
  details: Record<string, JSONValue | undefined>;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx`
    insert into audit_log (actor_id, action, target, details)
    values (${entry.actorId}, ${entry.action}, ${entry.target}, ${tx.json(entry.details)})`;
}

export interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * One page of the organisation's entries, newest first, older than `before` (an entry id) when given, and whether
 * more follow: entries by its agents, and the actor-less bootstrap entry that names it.
 */
export async function listAuditPage(sql: Db, orgId: string, page: { limit: number; before?: string }): Promise<{ items: AuditRow[]; more: boolean }> {
  const rows = await sql<AuditRow[]>`
    select l.id::text, l.actor_id, a.name as actor_name, l.action, l.target, l.details, l.at
    from audit_log l left join agents a on a.id = l.actor_id
    where (a.org_id = ${orgId} or (l.actor_id is null and l.target = ${orgId}))
      ${page.before ? sql`and l.id < ${page.before}::bigint` : sql``}
    order by l.id desc
    limit ${page.limit + 1}`;
  return { items: rows.slice(0, page.limit), more: rows.length > page.limit };
}
