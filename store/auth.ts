/**
 * Who may call the API: agents' credentials for login, login sessions, and API clients (principals of their own,
 * each issued by an agent, its owner, with scopes), whose tokens are stored as hashes only.
 */
import type { ApiScope, Permission, Role } from '../domain/people';
import { writeAudit } from './audit';
import type { Db, Sql } from './db';

/** The calling agent as a token names them. */
export interface TokenAgent {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
}

const AGENT_COLUMNS = 'a.id, a.org_id as "orgId", a.email, a.name, a.role, a.permissions';

/** The active agent of an unexpired session, by the token's hash, and when the session expires. */
export async function findAgentBySession(sql: Db, tokenHash: string): Promise<{ agent: TokenAgent; expiresAt: Date } | null> {
  const [row] = await sql<(TokenAgent & { expiresAt: Date })[]>`
    select ${sql.unsafe(AGENT_COLUMNS)}, s.expires_at as "expiresAt" from sessions s join agents a on a.id = s.agent_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and a.active`;
  if (!row) return null;
  const { expiresAt, ...agent } = row;
  return { agent, expiresAt };
}

/** An API client as its owner and the organisation's admins see it; never its token. */
export interface ApiClientRow {
  id: string;
  name: string;
  ownerId: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const CLIENT_COLUMNS =
  't.id, t.name, t.agent_id as "ownerId", t.scopes, t.created_at as "createdAt", t.last_used_at as "lastUsedAt", t.revoked_at as "revokedAt"';

/** An API client as a request authenticates it. */
export interface TokenApiClient {
  id: string;
  name: string;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
}

/** The unrevoked API client of a token, by the token's hash, with its owner, who must be active. */
export async function findApiClientByToken(sql: Db, tokenHash: string): Promise<{ client: TokenApiClient; owner: TokenAgent } | null> {
  const [row] = await sql<(TokenAgent & { clientId: string; clientName: string; scopes: ApiScope[]; lastUsedAt: Date | null })[]>`
    select ${sql.unsafe(AGENT_COLUMNS)}, t.id as "clientId", t.name as "clientName", t.scopes, t.last_used_at as "lastUsedAt"
    from api_tokens t join agents a on a.id = t.agent_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null and a.active`;
  if (!row) return null;
  const { clientId, clientName, scopes, lastUsedAt, ...owner } = row;
  return { client: { id: clientId, name: clientName, scopes, lastUsedAt }, owner };
}

/** Records that the client was used, unless it was within the last minute. */
export async function markApiClientUsed(sql: Db, id: string): Promise<void> {
  await sql`
    update api_tokens set last_used_at = now()
    where id = ${id} and (last_used_at is null or last_used_at < now() - interval '1 minute')`;
}

export interface LoginAgent {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
  password_hash: string | null;
}

/** The active agent with this email (case-insensitive) and their password hash. */
export async function findLoginAgent(sql: Db, email: string): Promise<LoginAgent | null> {
  const [agent] = await sql<LoginAgent[]>`
    select id, email, name, role, permissions, password_hash from agents where lower(email) = lower(${email}) and active`;
  return agent ?? null;
}

export async function insertSession(sql: Db, session: { tokenHash: string; agentId: string; expiresAt: Date }): Promise<void> {
  await sql`insert into sessions (token_hash, agent_id, expires_at) values (${session.tokenHash}, ${session.agentId}, ${session.expiresAt})`;
}

export async function deleteSession(sql: Db, tokenHash: string): Promise<void> {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}

/** The agent's groups, in the order they joined them (reads the directory for `/auth/me`). */
export async function agentGroupIds(sql: Db, agentId: string): Promise<string[]> {
  const groups = await sql<{ group_id: string }[]>`select group_id from group_members where agent_id = ${agentId} order by added_seq`;
  return groups.map((g) => g.group_id);
}

/** Stores a new API client with its token's hash, and its audit entry. */
export async function insertApiClient(
  sql: Sql,
  client: { id: string; name: string; scopes: ApiScope[]; tokenHash: string; ownerId: string },
): Promise<ApiClientRow> {
  return sql.begin(async (tx) => {
    const [row] = await tx<ApiClientRow[]>`
      insert into api_tokens as t (id, name, token_hash, agent_id, scopes)
      values (${client.id}, ${client.name}, ${client.tokenHash}, ${client.ownerId}, ${client.scopes})
      returning ${tx.unsafe(CLIENT_COLUMNS)}`;
    await writeAudit(tx, { actorId: client.ownerId, action: 'api_client.created', target: client.id, details: { name: client.name, scopes: client.scopes } });
    return row;
  });
}

/** The organisation's API clients, or only those one agent owns; newest first, revoked ones included. */
export async function listApiClients(sql: Db, filter: { orgId: string; ownerId?: string }): Promise<ApiClientRow[]> {
  return sql<ApiClientRow[]>`
    select ${sql.unsafe(CLIENT_COLUMNS)} from api_tokens t join agents a on a.id = t.agent_id
    where a.org_id = ${filter.orgId} ${filter.ownerId ? sql`and t.agent_id = ${filter.ownerId}` : sql``}
    order by t.created_at desc, t.id desc`;
}

/**
 * Revokes an unrevoked API client of the organisation (only the owner's own when `ownerId` is given), with its audit
 * entry; false when there is none by that id.
 */
export async function revokeApiClient(sql: Sql, revoke: { id: string; orgId: string; ownerId?: string; actorId: string }): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ name: string; ownerId: string }[]>`
      update api_tokens t set revoked_at = now()
      from agents a
      where t.id = ${revoke.id} and a.id = t.agent_id and a.org_id = ${revoke.orgId} and t.revoked_at is null
        ${revoke.ownerId ? tx`and t.agent_id = ${revoke.ownerId}` : tx``}
      returning t.name, t.agent_id as "ownerId"`;
    if (!row) return false;
    await writeAudit(tx, { actorId: revoke.actorId, action: 'api_client.revoked', target: revoke.id, details: { name: row.name, ownerId: row.ownerId } });
    return true;
  });
}
