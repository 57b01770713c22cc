/**
 * The authenticated caller and the checks routes make on it. A session names an agent; an API token names an API
 * client, a principal of its own that acts with the intersection of its scopes and its owner's current role and
 * permissions (a revoked client, or a deactivated owner, stops it at once).
 */
import { createMiddleware } from 'hono/factory';
import type { Actor, ApiScope, Role } from '../../domain/people';
import type { Sql } from '../../store/db';
import { findApiClientByToken, findAgentBySession, markApiClientUsed, type TokenAgent, type TokenApiClient } from '../../store/auth';
import type { AppEnv } from '../context';
import type { DirectoryCache } from '../directory-cache';
import { ApiError } from '../errors';
import { scopeRequirement } from './scopes';
import { hashToken, tokenKind } from './tokens';

/** The API client a request came from: its id is what the event and audit logs record as the actor. */
export interface ApiClient {
  id: string;
  name: string;
  scopes: ApiScope[];
}

/**
 * The agent whose role and permissions a request is checked against: the signed-in agent, or the owner of the API
 * client that sent it (then `apiClient` names the client).
 */
export interface AuthenticatedAgent extends TokenAgent {
  /** How the caller authenticated: API clients create tickets on the `api` channel. */
  via: 'session' | 'api';
  apiClient: ApiClient | null;
  /**
   * The agent's groups per service as read so far (`callerGroupIds` in api/access): shared by the requests of a
   * cached session, so forgotten with it when the directory changes; a new map per request for an API token.
   */
  groupsByService: Map<string, Promise<string[]>>;
}

// `lastUsedAt` is kept to the minute, so a busy client does not write on every request.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The caller a bearer token names now, or null when it is unknown, expired or revoked. A session is kept in the
 * directory cache until it expires or the directory changes; an API client is read each time (its use is recorded).
 */
export async function findCaller(
  { sql, directory }: { sql: Sql; directory: DirectoryCache },
  token: string,
): Promise<{ agent: AuthenticatedAgent; client: TokenApiClient | null } | null> {
  const kind = tokenKind(token);
  if (!kind) return null;
  const hash = hashToken(token);
  if (kind === 'session') {
    const session = await directory.remember(
      `session:${hash}`,
      async () => {
        const found = await findAgentBySession(sql, hash);
        return found && { ...found, groupsByService: new Map<string, Promise<string[]>>() };
      },
      ({ expiresAt }) => expiresAt.getTime() > Date.now(),
    );
    if (!session) return null;
    return { agent: { ...session.agent, via: 'session', apiClient: null, groupsByService: session.groupsByService }, client: null };
  }
  const found = await findApiClientByToken(sql, hash);
  if (!found) return null;
  const { id, name, scopes } = found.client;
  return { agent: { ...found.owner, via: 'api', apiClient: { id, name, scopes }, groupsByService: new Map() }, client: found.client };
}

function requireScope(client: ApiClient, method: string, path: string): void {
  const need = scopeRequirement(method, path);
  if ('session' in need) {
    throw new ApiError(403, 'auth.session_required', 'This needs a signed-in agent; API tokens cannot call it.', {});
  }
  if ('scope' in need && !client.scopes.includes(need.scope)) {
    throw new ApiError(403, 'auth.scope_missing', `This API token lacks the scope ${need.scope}.`, { scope: need.scope, scopes: client.scopes });
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

/**
 * Requires `Authorization: Bearer <token>` naming an active agent or an unrevoked API client of an active owner,
 * and, for an API client, the scope of the route; its request then runs as the client (see `store/audit`).
 */
export const requireAgent = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new ApiError(401, 'auth.required', 'Send a bearer token: Authorization: Bearer <token>.');
  const { sql } = c.get('deps');
  const caller = await findCaller({ sql, directory: c.get('directory') }, token);
  if (!caller) throw new ApiError(401, 'auth.invalid_token', 'The bearer token is unknown, expired or revoked.');
  c.set('agent', caller.agent);
  if (!caller.client) return next();
  requireScope(caller.agent.apiClient!, c.req.method, c.req.path);
  const { lastUsedAt } = caller.client;
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_PRECISION_MS) await markApiClientUsed(sql, caller.client.id);
  await next();
});

export function requireRole(agent: AuthenticatedAgent, ...roles: Role[]): void {
  if (!roles.includes(agent.role)) {
    throw new ApiError(403, 'auth.forbidden', `This needs the role ${roles.join(' or ')}.`, { role: agent.role });
  }
}

/** The id recorded as who acted: the API client's when one sent the request, else the agent's. */
export const actorIdOf = (agent: AuthenticatedAgent): string => agent.apiClient?.id ?? agent.id;

/** The actor a ticket command is checked against; `groupIds` are the agent's (or owner's) groups in the ticket's service. */
export function ticketActor(agent: AuthenticatedAgent, groupIds: string[]): Actor {
  return { kind: agent.apiClient ? 'api_client' : 'agent', id: actorIdOf(agent), role: agent.role, permissions: agent.permissions, groupIds };
}
