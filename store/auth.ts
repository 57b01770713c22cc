/**
 * Who may call the API: agents' credentials for login, login sessions and API-client tokens (stored as hashes
 * only), and the agent a bearer token names.
 */
import type { Permission, Role } from '../domain/people';
import type { Db } from './db';

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

/** The active agent of an unexpired session, by the token's hash. */
export async function findAgentBySession(sql: Db, tokenHash: string): Promise<TokenAgent | null> {
  const [agent] = await sql<TokenAgent[]>`
    select ${sql.unsafe(AGENT_COLUMNS)} from sessions s join agents a on a.id = s.agent_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and a.active`;
  return agent ?? null;
}

/** The active agent of an unrevoked API token, by the token's hash. */
export async function findAgentByApiToken(sql: Db, tokenHash: string): Promise<TokenAgent | null> {
  const [agent] = await sql<TokenAgent[]>`
    select ${sql.unsafe(AGENT_COLUMNS)} from api_tokens t join agents a on a.id = t.agent_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null and a.active`;
  return agent ?? null;
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

/** Stores a new API token's hash; answers when it was created. */
export async function insertApiToken(sql: Db, token: { id: string; name: string; tokenHash: string; agentId: string }): Promise<Date> {
  const [row] = await sql<{ created_at: Date }[]>`
    insert into api_tokens (id, name, token_hash, agent_id) values (${token.id}, ${token.name}, ${token.tokenHash}, ${token.agentId})
    returning created_at`;
  return row.created_at;
}

/** Revokes the agent's own unrevoked token; false when there is none by that id. */
export async function revokeOwnApiToken(sql: Db, agentId: string, id: string): Promise<boolean> {
  const rows = await sql`
    update api_tokens set revoked_at = now() where id = ${id} and agent_id = ${agentId} and revoked_at is null returning id`;
  return rows.length > 0;
}
