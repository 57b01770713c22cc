/**
 * An agent's default search conditions (조건 설정): what their search form opens with.
 */
import type { JSONValue } from 'postgres';
import type { Db } from './db';

export interface StoredSearchDefaults {
  conditions: Record<string, unknown>;
  sort: string;
  direction: string;
}

export async function findSearchDefaults(sql: Db, agentId: string): Promise<StoredSearchDefaults | null> {
  const [row] = await sql<{ conditions: StoredSearchDefaults }[]>`select conditions from agent_search_defaults where agent_id = ${agentId}`;
  return row?.conditions ?? null;
}

export async function saveSearchDefaults(sql: Db, agentId: string, defaults: StoredSearchDefaults): Promise<void> {
  await sql`
    insert into agent_search_defaults (agent_id, conditions) values (${agentId}, ${sql.json(defaults as unknown as JSONValue)})
    on conflict (agent_id) do update set conditions = excluded.conditions, updated_at = now()`;
}
