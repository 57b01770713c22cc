/**
 * Who acted, from an id recorded beside what they did: an agent (`A…`) or an API client (`K…`, an `api_tokens`
 * id). Queries join both tables on the recorded id and select {@link ACTOR_COLUMNS}; {@link actorRef} reads them.
 */
import type { ActorRef } from '../domain/people';
import type { Db } from './db';

/** Joins the agent and the API client a recorded id may name, as `actor_agent` and `actor_client`. */
export const actorJoins = (sql: Db, column: string) =>
  sql`left join agents actor_agent on actor_agent.id = ${sql(column)} left join api_tokens actor_client on actor_client.id = ${sql(column)}`;

/** What a query selects after {@link actorJoins}, for {@link actorRef}. */
export const actorColumns = (sql: Db) =>
  sql.unsafe(
    'actor_agent.name as actor_agent_name, actor_client.id as actor_client_id, actor_client.name as actor_client_name, actor_client.agent_id as actor_client_owner',
  );

export interface ActorColumns {
  actor_agent_name: string | null;
  actor_client_id: string | null;
  actor_client_name: string | null;
  actor_client_owner: string | null;
}

/** The actor a recorded id names, or null when nobody acted (a trigger, a time rule, the system). */
export function actorRef(id: string | null, row: ActorColumns): ActorRef | null {
  if (id === null) return null;
  if (row.actor_client_id !== null) return { kind: 'api_client', id, name: row.actor_client_name, ownerId: row.actor_client_owner };
  return { kind: 'agent', id, name: row.actor_agent_name };
}
