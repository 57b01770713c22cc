import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { verifyPassword } from '../../auth/password';
import { actorIdOf, requireRole } from '../../auth/agent';
import { hashToken, newToken } from '../../auth/tokens';
import { API_SCOPES, type Role } from '../../../domain/people';
import { businessId } from '../../../domain/ids';
import {
  agentGroupIds,
  deleteSession,
  findLoginAgent,
  insertApiClient,
  insertSession,
  listApiClients,
  revokeApiClient,
  type ApiClientRow,
} from '../../../store/auth';
import type * as routes from './auth.routes';

// A fixed hash to verify against when the email is unknown, so response time does not reveal which emails exist.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const { sql, config } = c.get('deps');
  const { email, password } = c.req.valid('json');
  c.get('loginThrottle').check(email);
  const agent = await findLoginAgent(sql, email);
  const valid = await verifyPassword(password, agent?.password_hash ?? DECOY_HASH);
  if (!agent || !valid) {
    c.get('loginThrottle').failed(email);
    throw new ApiError(401, 'auth.invalid_credentials', 'Wrong email or password.');
  }
  c.get('loginThrottle').succeeded(email);
  const token = newToken('session');
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
  await insertSession(sql, { tokenHash: hashToken(token), agentId: agent.id, expiresAt });
  return c.json(
    {
      token,
      expiresAt: expiresAt.toISOString(),
      agent: { id: agent.id, email: agent.email, name: agent.name, role: agent.role, permissions: agent.permissions },
    },
    200,
  );
};

export const logout: AppRouteHandler<typeof routes.logout> = async (c) => {
  const token = c.req.header('authorization')!.replace(/^Bearer\s+/i, '');
  await deleteSession(c.get('deps').sql, hashToken(token));
  return c.body(null, 204);
};

export const me: AppRouteHandler<typeof routes.me> = async (c) => {
  const { id, email, name, role, permissions, apiClient } = c.get('agent');
  return c.json({ id, email, name, role, permissions, groupIds: await agentGroupIds(c.get('deps').sql, id), apiClient }, 200);
};

const apiClientView = (client: ApiClientRow) => ({
  id: client.id,
  name: client.name,
  ownerId: client.ownerId,
  scopes: client.scopes,
  createdAt: client.createdAt.toISOString(),
  lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
  revokedAt: client.revokedAt?.toISOString() ?? null,
});

/** Admins see and revoke the organisation's API clients; agents their own. */
const seesAllClients = (role: Role) => role === 'admin' || role === 'org_admin';

export const createApiToken: AppRouteHandler<typeof routes.createApiToken> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin', 'agent');
  const { name, scopes } = c.req.valid('json');
  const token = newToken('api');
  const client = await insertApiClient(c.get('deps').sql, {
    id: businessId('K'),
    name,
    scopes: API_SCOPES.filter((scope) => scopes.includes(scope)),
    tokenHash: hashToken(token),
    ownerId: agent.id,
  });
  return c.json({ ...apiClientView(client), token }, 201);
};

export const listApiTokens: AppRouteHandler<typeof routes.listApiTokens> = async (c) => {
  const { orgId, id, role } = c.get('agent');
  const clients = await listApiClients(c.get('deps').sql, { orgId, ownerId: seesAllClients(role) ? undefined : id });
  return c.json(clients.map(apiClientView), 200);
};

export const revokeApiToken: AppRouteHandler<typeof routes.revokeApiToken> = async (c) => {
  const { id } = c.req.valid('param');
  const agent = c.get('agent');
  const revoked = await revokeApiClient(c.get('deps').sql, {
    id,
    orgId: agent.orgId,
    ownerId: seesAllClients(agent.role) ? undefined : agent.id,
    actorId: actorIdOf(agent),
  });
  if (!revoked) throw notFound('api_token', id);
  return c.body(null, 204);
};
