import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { HookAccepted, HookParams, MintHookBody, MintedHook } from './hooks.schemas';

const tags = ['Hooks'];

export const receiveHook = createRoute({
  method: 'post',
  path: '/hooks/w/{token}',
  tags,
  summary: 'An external system answers a workflow through a signed URL (no bearer token: the URL is the credential)',
  request: { params: HookParams },
  responses: {
    200: { description: 'The workflow took the action', content: json(HookAccepted) },
    ...errorResponses(401, 409, 410, 422),
  },
});

export const mintHook = createRoute({
  method: 'post',
  path: '/hook-tokens',
  tags,
  summary: 'Mint a signed URL for one action on one workflow (admins)',
  request: { body: { required: true, content: json(MintHookBody) } },
  responses: { 201: { description: 'The URL', content: json(MintedHook) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
