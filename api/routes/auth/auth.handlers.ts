import { randomUUID } from 'node:crypto';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { verifyPassword } from '../../auth/password';
import { hashToken, newToken } from '../../auth/tokens';
import type * as routes from './auth.routes';

// A fixed hash to verify against when the email is unknown, so response time does not reveal which emails exist.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const { sql, config } = c.var.deps;
  const { email, password } = c.req.valid('json');
  c.var.loginThrottle.check(email);
  const [agent] = await sql`
    select id, email, name, role, permissions, password_hash from agents where lower(email) = lower(${email}) and active`;
  const valid = await verifyPassword(password, agent?.password_hash ?? DECOY_HASH);
  if (!agent || !valid) {
    c.var.loginThrottle.failed(email);
    throw new ApiError(401, 'auth.invalid_credentials', 'Wrong email or password.');
  }
  c.var.loginThrottle.succeeded(email);
  const token = newToken('session');
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
  await sql`insert into sessions (token_hash, agent_id, expires_at) values (${hashToken(token)}, ${agent.id}, ${expiresAt})`;
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
  await c.var.deps.sql`delete from sessions where token_hash = ${hashToken(token)}`;
  return c.body(null, 204);
};

export const me: AppRouteHandler<typeof routes.me> = async (c) => {
  const { id, email, name, role, permissions } = c.var.agent;
  const groups = await c.var.deps.sql<{ group_id: string }[]>`select group_id from group_members where agent_id = ${id} order by added_seq`;
  return c.json({ id, email, name, role, permissions, groupIds: groups.map((g) => g.group_id) }, 200);
};

export const createApiToken: AppRouteHandler<typeof routes.createApiToken> = async (c) => {
  const { name } = c.req.valid('json');
  const token = newToken('api');
  const id = `K${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const [row] = await c.var.deps.sql<{ created_at: Date }[]>`
    insert into api_tokens (id, name, token_hash, agent_id) values (${id}, ${name}, ${hashToken(token)}, ${c.var.agent.id})
    returning created_at`;
  return c.json({ id, name, token, createdAt: row.created_at.toISOString() }, 201);
};

export const revokeApiToken: AppRouteHandler<typeof routes.revokeApiToken> = async (c) => {
  const { id } = c.req.valid('param');
  const rows = await c.var.deps.sql`
    update api_tokens set revoked_at = now() where id = ${id} and agent_id = ${c.var.agent.id} and revoked_at is null returning id`;
  if (rows.length === 0) throw notFound('api_token', id);
  return c.body(null, 204);
};
