/**
 * The admin audit trail (권한 변경 로그). Rows are written inside the transaction of the change they describe,
 * so a refused or failed request leaves no row behind and every committed change has one.
 *
 * The actor of a row is the principal that made the request: an agent (`A…`) or an API client (`K…`).
 */
import type { JSONValue } from 'postgres';
import type { ActorRef } from '../domain/people';
import { actorColumns, actorJoins, actorRef, type ActorColumns } from './actors';
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
  actor: ActorRef | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * One page of the organisation's entries, newest first, older than `before` (an entry id) when given, and whether
 * more follow: entries by its agents and their API clients, and the actor-less bootstrap entry that names it.
 */
export async function listAuditPage(sql: Db, orgId: string, page: { limit: number; before?: string }): Promise<{ items: AuditRow[]; more: boolean }> {
  const rows = await sql<(Omit<AuditRow, 'actor'> & ActorColumns)[]>`
    select l.id::text, l.actor_id, l.action, l.target, l.details, l.at, ${actorColumns(sql)}
    from audit_log l ${actorJoins(sql, 'l.actor_id')}
      left join agents owner on owner.id = coalesce(actor_client.agent_id, actor_agent.id)
    where (owner.org_id = ${orgId} or (l.actor_id is null and l.target = ${orgId}))
      ${page.before ? sql`and l.id < ${page.before}::bigint` : sql``}
    order by l.id desc
    limit ${page.limit + 1}`;
  const items = rows.slice(0, page.limit).map(({ actor_agent_name, actor_client_id, actor_client_name, actor_client_owner, ...row }) => ({
    ...row,
    actor: actorRef(row.actor_id, { actor_agent_name, actor_client_id, actor_client_name, actor_client_owner }),
  }));
  return { items, more: rows.length > page.limit };
}
