/**
 * Minting signed callback URLs (api/routes/hooks, admins): the request and answer come from the route schemas, as
 * types only; the actions a URL may take are checked against the API's own table.
 */
import type { z } from 'zod';
import type { HOOK_ACTIONS, HookWorkflowKind, MintedHook } from '../../../api/routes/hooks/hooks.schemas';
import { api } from './client';

export type SignedUrl = z.infer<typeof MintedHook>;
export type { HookWorkflowKind };
export type HookAction = { [K in HookWorkflowKind]: keyof (typeof HOOK_ACTIONS)[K] }[HookWorkflowKind];

/** The actions the API lets a URL take on each kind of workflow. */
export const HOOK_ACTION_NAMES: { [K in HookWorkflowKind]: readonly (keyof (typeof HOOK_ACTIONS)[K])[] } = {
  ticket: ['comment'],
  callback: ['answer'],
};

/** The lifetimes offered, within the API's one second to thirty days. */
export const SIGNED_URL_LIFETIMES = [3_600, 86_400, 604_800, 2_592_000] as const;
export type SignedUrlLifetime = (typeof SIGNED_URL_LIFETIMES)[number];

/** Whether a signed URL can address workflows of this kind. */
export const takesSignedUrls = (kind: string): kind is HookWorkflowKind => kind in HOOK_ACTION_NAMES;

export const hooksApi = {
  mint: (body: { workflowId: string; action: HookAction; expiresInSeconds: SignedUrlLifetime; singleUse: boolean }) =>
    api.post<SignedUrl>('/hook-tokens', body),
};
