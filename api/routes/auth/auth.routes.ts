import { createRoute, z } from '@hono/zod-openapi';
import { API_SCOPE_DESCRIPTIONS, API_SCOPES, PERMISSIONS, ROLES } from '../../../domain/people';
import { ApiScope } from '../../../domain/schemas';
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
      description: 'The calling agent and their groups; for an API token, its owner and the API client itself',
      content: json(
        Agent.extend({
          groupIds: z.array(z.string()),
          apiClient: z.object({ id: z.string(), name: z.string(), scopes: z.array(ApiScope) }).nullable(),
        }),
      ),
    },
    ...errorResponses(401),
  },
});

const SCOPES_DESCRIPTION = `What the client may do, within its owner's role and permissions:\n${API_SCOPES.map((scope) => `- \`${scope}\`: ${API_SCOPE_DESCRIPTIONS[scope]}`).join('\n')}`;

export const ApiClient = z
  .object({
    id: z.string().openapi({ example: 'K1603851004648zfnA' }),
    name: z.string(),
    ownerId: z.string().openapi({ description: 'The agent who issued the token; the client never does more than they may.' }),
    scopes: z.array(ApiScope).openapi({ description: SCOPES_DESCRIPTION }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiClient');

const NewApiClient = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(ApiScope).min(1).max(API_SCOPES.length).openapi({ description: SCOPES_DESCRIPTION }),
  })
  .strict()
  .openapi('NewApiClient');

export const createApiToken = createRoute({
  method: 'post',
  path: '/auth/tokens',
  tags: ['Auth'],
  description:
    'Issues a bearer token for an API client, a principal of its own that the event and audit logs name. The token ' +
    'is shown once. Admins and agents may issue tokens; signed-in agents only (not API tokens).',
  request: { body: { required: true, content: json(NewApiClient) } },
  responses: {
    201: { description: 'The new API client and its token', content: json(ApiClient.extend({ token: z.string() }).openapi('ApiClientWithToken')) },
    ...errorResponses(400, 401, 403),
  },
});

export const listApiTokens = createRoute({
  method: 'get',
  path: '/auth/tokens',
  tags: ['Auth'],
  description: "The caller's API clients (for admins, the organisation's), newest first, revoked ones included; never their tokens.",
  responses: {
    200: { description: 'API clients', content: json(z.array(ApiClient)) },
    ...errorResponses(401, 403),
  },
});

export const revokeApiToken = createRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags: ['Auth'],
  description: 'Revokes an API client at once: its owner or an admin.',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
});
