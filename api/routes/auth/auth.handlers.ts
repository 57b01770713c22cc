import { randomUUID } from 'node:crypto';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { verifyPassword } from '../../auth/password';
import { hashToken, newToken } from '../../auth/tokens';
import { agentGroupIds, deleteSession, findLoginAgent, insertApiToken, insertSession, revokeOwnApiToken } from '../../../store/auth';
import type * as routes from './auth.routes';

// A fixed hash to verify against when the email is unknown, so response time does not reveal which emails exist.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const { sql, config } = c.var.deps;
  const { email, password } = c.req.valid('json');
  c.var.loginThrottle.check(email);
  const agent = await findLoginAgent(sql, email);
  const valid = await verifyPassword(password, agent?.password_hash ?? DECOY_HASH);
  if (!agent || !valid) {
    c.var.loginThrottle.failed(email);
    throw new ApiError(401, 'auth.invalid_credentials', 'Wrong email or password.');
  }
  c.var.loginThrottle.succeeded(email);
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
  await deleteSession(c.var.deps.sql, hashToken(token));
  return c.body(null, 204);
};

export const me: AppRouteHandler<typeof routes.me> = async (c) => {
  const { id, email, name, role, permissions } = c.var.agent;
  return c.json({ id, email, name, role, permissions, groupIds: await agentGroupIds(c.var.deps.sql, id) }, 200);
};

export const createApiToken: AppRouteHandler<typeof routes.createApiToken> = async (c) => {
  const { name } = c.req.valid('json');
  const token = newToken('api');
  const id = `K${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const createdAt = await insertApiToken(c.var.deps.sql, { id, name, tokenHash: hashToken(token), agentId: c.var.agent.id });
  return c.json({ id, name, token, createdAt: createdAt.toISOString() }, 201);
};

export const revokeApiToken: AppRouteHandler<typeof routes.revokeApiToken> = async (c) => {
  const { id } = c.req.valid('param');
  if (!(await revokeOwnApiToken(c.var.deps.sql, c.var.agent.id, id))) throw notFound('api_token', id);
  return c.body(null, 204);
};
