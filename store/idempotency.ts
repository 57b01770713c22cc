/**
 * API clients' idempotency keys: each (agent, key) is bound once to the ticket id its first request claimed,
 * with a hash of that request's body so a reuse for another body can be told apart.
 */
import type { Db } from './db';

/** Binds the key to the ticket id unless it is already bound; answers the id when this call bound it, else null. */
export async function bindIdempotencyKey(
  sql: Db,
  claim: { agentId: string; key: string; requestHash: string; ticketId: string },
): Promise<string | null> {
  const [claimed] = await sql<{ ticket_id: string }[]>`
    insert into idempotency_keys (agent_id, key, request_hash, ticket_id)
    values (${claim.agentId}, ${claim.key}, ${claim.requestHash}, ${claim.ticketId})
    on conflict do nothing returning ticket_id`;
  return claimed?.ticket_id ?? null;
}

export async function findIdempotencyKey(
  sql: Db,
  agentId: string,
  key: string,
): Promise<{ ticket_id: string; request_hash: string } | null> {
  const [existing] = await sql<{ ticket_id: string; request_hash: string }[]>`
    select ticket_id, request_hash from idempotency_keys where agent_id = ${agentId} and key = ${key}`;
  return existing ?? null;
}
