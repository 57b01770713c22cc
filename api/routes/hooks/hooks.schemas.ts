/**
 * Signed callback URLs: the actions a token may grant, each with the JSON body it accepts, and the minting request.
 */
import { z } from '@hono/zod-openapi';
import { CallbackOutcome } from '../../../domain/callback-schemas';

/** Each action a signed URL may take, by the kind of workflow it addresses, with the body it accepts. */
export const HOOK_ACTIONS = {
  ticket: {
    comment: z.strictObject({ body: z.string().trim().min(1).max(100_000), internal: z.boolean().default(false) }),
  },
  callback: {
    answer: z.strictObject({ outcome: CallbackOutcome, note: z.string().trim().max(2000).optional() }),
  },
} as const;

export type HookWorkflowKind = keyof typeof HOOK_ACTIONS;

/** The workflow kind an id names (`ticket-…`, `callback-…`), or null. */
export function hookWorkflowKind(workflowId: string): HookWorkflowKind | null {
  const prefix = workflowId.slice(0, workflowId.indexOf('-'));
  return prefix in HOOK_ACTIONS ? (prefix as HookWorkflowKind) : null;
}

export const HookParams = z.object({ token: z.string().min(1).max(2000).openapi({ param: { name: 'token', in: 'path' } }) });

export const HookAccepted = z
  .object({ workflowId: z.string(), action: z.string(), accepted: z.literal(true) })
  .openapi('HookAccepted');

export const MintHookBody = z
  .strictObject({
    workflowId: z.string().regex(/^(ticket|callback)-[A-Za-z0-9]{1,64}$/, 'a ticket-… or callback-… workflow id'),
    action: z.string().min(1).max(64).openapi({ description: 'ticket: `comment`; callback: `answer`.' }),
    expiresInSeconds: z.number().int().min(1).max(30 * 86_400).default(7 * 86_400),
    singleUse: z.boolean().default(true),
  })
  .openapi('MintHookUrl');

export const MintedHook = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() }).openapi('HookUrl');
