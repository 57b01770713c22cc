/**
 * Replay tracking for single-use signed URLs: a token is claimed before its workflow is told, and the claim is
 * released when the workflow refuses, so only a use that changed something spends the token.
 */
import type { Db } from './db';

/** Claims the token; false when it has already been used. */
export async function claimHookToken(sql: Db, use: { tokenId: string; workflowId: string; action: string }): Promise<boolean> {
  const rows = await sql`
    insert into hook_token_uses (token_id, workflow_id, action) values (${use.tokenId}, ${use.workflowId}, ${use.action})
    on conflict do nothing returning 1`;
  return rows.length === 1;
}

export async function releaseHookToken(sql: Db, tokenId: string): Promise<void> {
  await sql`delete from hook_token_uses where token_id = ${tokenId}`;
}
