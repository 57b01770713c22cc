/**
 * The authenticated caller and the checks routes make on it.
 */
import { createMiddleware } from 'hono/factory';
import type { Permission, Role } from '../../domain/people';
import type { Sql } from '../../store/db';
import { findAgentByApiToken, findAgentBySession } from '../../store/auth';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { hashToken, tokenKind } from './tokens';

export interface AuthenticatedAgent {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  permissions: Permission[];
  /** How the caller authenticated: API clients create tickets on the `api` channel. */
  via: 'session' | 'api';
}

async function findAgentByToken(sql: Sql, token: string): Promise<AuthenticatedAgent | null> {
  const kind = tokenKind(token);
  if (!kind) return null;
  const hash = hashToken(token);
  const agent = kind === 'session' ? await findAgentBySession(sql, hash) : await findAgentByApiToken(sql, hash);
  return agent ? { ...agent, via: kind } : null;
}

/** Requires `Authorization: Bearer <token>` naming an active agent. */
export const requireAgent = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError(401, 'auth.required', 'Send a bearer token: Authorization: Bearer <token>.');
  const agent = await findAgentByToken(c.var.deps.sql, match[1]);
  if (!agent) throw new ApiError(401, 'auth.invalid_token', 'The bearer token is unknown, expired or revoked.');
  c.set('agent', agent);
  await next();
});

export function requireRole(agent: AuthenticatedAgent, ...roles: Role[]): void {
  if (!roles.includes(agent.role)) {
    throw new ApiError(403, 'auth.forbidden', `This needs the role ${roles.join(' or ')}.`, { role: agent.role });
  }
}
