import { createRoute, z } from '@hono/zod-openapi';
import { PERMISSIONS, ROLES } from '../../../domain/people';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';

export const Agent = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .openapi('Agent');

const Login = z.strictObject({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

const Session = z.object({ token: z.string(), expiresAt: z.string(), agent: Agent }).openapi('Session');

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Auth'],
  security: [],
  request: { body: { required: true, content: json(Login) } },
  responses: {
    200: { description: 'A session token', content: json(Session) },
    ...errorResponses(400, 401, 429),
  },
});

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Auth'],
  responses: { 204: { description: 'The session token is revoked' }, ...errorResponses(401) },
});

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Auth'],
  responses: {
    200: {
      description: 'The calling agent and their groups',
      content: json(Agent.extend({ groupIds: z.array(z.string()) })),
    },
    ...errorResponses(401),
  },
});

const ApiToken = z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }).openapi('ApiToken');

export const createApiToken = createRoute({
  method: 'post',
  path: '/auth/tokens',
  tags: ['Auth'],
  description: 'Creates a bearer token for an API client acting as the calling agent. The token is shown once.',
  request: { body: { required: true, content: json(z.strictObject({ name: z.string().trim().min(1).max(100) })) } },
  responses: {
    201: { description: 'The new token', content: json(ApiToken) },
    ...errorResponses(400, 401),
  },
});

export const revokeApiToken = createRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags: ['Auth'],
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 404) },
});
