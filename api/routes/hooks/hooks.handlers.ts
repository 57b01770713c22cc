/**
 * Signed callback URLs (`/hooks/w/{token}`). The checks run in an order that changes nothing until the last one:
 * the signature (401 `hook.invalid_token`), the expiry (410 `hook.expired`), the body against the action's schema
 * (422 `hook.invalid_body`), then a single-use token is claimed (409 `hook.replayed`) and the workflow told; a
 * workflow that has finished (409 `hook.workflow_finished`) or refuses releases the claim, so the token stays
 * unspent.
 */
import type { z } from '@hono/zod-openapi';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { issuesFromZod } from '../../../rules/index';
import { claimHookToken, releaseHookToken } from '../../../store/hook-tokens';
import { findCallbackInOrg } from '../../../store/callbacks';
import { findTicketInOrg } from '../../../store/tickets';
import { mintHookUrl, verifyHookToken, type HookClaims } from '../../../infra/signing';
import { commentUpdate } from '../../../workflows/ticket';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { describeIssues } from '../../validation';
import { callbackApiError, sendCallbackCommand } from '../callbacks/callbacks.commands';
import { HOOK_ACTIONS, hookWorkflowKind } from './hooks.schemas';
import type * as routes from './hooks.routes';

const NO_KEY = 'Signed URLs need CALLBACK_SIGNING_KEY (npm start generates one under DATA_DIR).';

/** Codes that mean the workflow can take nothing more. */
const FINISHED_CODES = new Set(['ticket.closed', 'callback.finished']);

async function tellWorkflow(temporal: Client, claims: HookClaims, body: Record<string, unknown>): Promise<void> {
  const actorId = `hook:${claims.jti}`;
  if (hookWorkflowKind(claims.wid) === 'ticket') {
    await temporal.workflow
      .getHandle(claims.wid)
      .executeUpdate(commentUpdate, {
        args: [{ actor: { kind: 'api_client', id: actorId, role: 'admin', permissions: [], groupIds: [] }, body: body.body as string, internal: body.internal as boolean }],
      });
    return;
  }
  await sendCallbackCommand(temporal, claims.wid.slice('callback-'.length), { kind: 'hook', id: actorId, role: 'agent', permissions: [] }, {
    kind: 'answer',
    outcome: body.outcome as 'answered',
    ...(body.note ? { note: body.note as string } : {}),
  });
}

/** The API error of a workflow that refused, whatever its kind. */
function refusal(error: unknown): ApiError {
  if (error instanceof WorkflowNotFoundError) return new ApiError(409, 'hook.workflow_finished', 'The workflow this URL names has finished.');
  const cause = (error as { cause?: { type?: string; message?: string } }).cause;
  const code = error instanceof ApiError ? error.code : cause?.type;
  if (code && FINISHED_CODES.has(code)) return new ApiError(409, 'hook.workflow_finished', 'The workflow this URL names has finished.', { code });
  if (error instanceof ApiError) return new ApiError(409, 'hook.refused', error.message, { code: error.code });
  if (cause?.type) return new ApiError(409, 'hook.refused', cause.message ?? 'The workflow refused the action.', { code: cause.type });
  return callbackApiError(error);
}

export const receiveHook: AppRouteHandler<typeof routes.receiveHook> = async (c) => {
  const { sql, temporal, config } = c.get('deps');
  const keys = config.CALLBACK_SIGNING_KEY;
  // Without a key nothing was ever signed here, so no token can be valid.
  if (!keys) throw new ApiError(401, 'hook.invalid_token', `The URL is not one Contactflow signed. ${NO_KEY}`, { reason: 'no_signing_key' });
  const claims = verifyHookToken(keys, c.req.valid('param').token);
  const kind = claims && hookWorkflowKind(claims.wid);
  const schema = kind ? (HOOK_ACTIONS[kind] as Record<string, z.ZodType | undefined>)[claims.act] : undefined;
  if (!claims || !schema) throw new ApiError(401, 'hook.invalid_token', 'The URL is not one Contactflow signed.');
  if (claims.exp * 1000 <= Date.now()) throw new ApiError(410, 'hook.expired', 'The URL has expired.', { expiredAt: new Date(claims.exp * 1000).toISOString() });

  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(422, 'hook.invalid_body', 'The body must be JSON.', { issues: [] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new ApiError(422, 'hook.invalid_body', `Invalid body for ${claims.act}: ${describeIssues(issues)}`, { issues });
  }

  if (claims.once && !(await claimHookToken(sql, { tokenId: claims.jti, workflowId: claims.wid, action: claims.act }))) {
    throw new ApiError(409, 'hook.replayed', 'This single-use URL has already been used.');
  }
  try {
    await tellWorkflow(temporal, claims, parsed.data as Record<string, unknown>);
  } catch (error) {
    if (claims.once) await releaseHookToken(sql, claims.jti);
    throw refusal(error);
  }
  return c.json({ workflowId: claims.wid, action: claims.act, accepted: true as const }, 200);
};

export const mintHook: AppRouteHandler<typeof routes.mintHook> = async (c) => {
  const { sql, config } = c.get('deps');
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const keys = config.CALLBACK_SIGNING_KEY;
  if (!keys) throw new ApiError(409, 'hook.unconfigured', NO_KEY);
  const body = c.req.valid('json');
  const kind = hookWorkflowKind(body.workflowId)!;
  if (!(body.action in HOOK_ACTIONS[kind])) {
    throw new ApiError(422, 'request.invalid', `A ${kind} URL may take: ${Object.keys(HOOK_ACTIONS[kind]).join(', ')}.`, { action: body.action });
  }
  const id = body.workflowId.slice(kind.length + 1);
  const exists = kind === 'ticket' ? await findTicketInOrg(sql, agent.orgId, id) : await findCallbackInOrg(sql, agent.orgId, id);
  if (!exists) throw notFound(kind, id);
  const minted = mintHookUrl(keys, config.PUBLIC_URL, {
    workflowId: body.workflowId,
    action: body.action,
    ttlSeconds: body.expiresInSeconds,
    singleUse: body.singleUse,
  });
  return c.json(minted, 201);
};

