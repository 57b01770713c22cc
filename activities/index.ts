/**
 * Every side effect the workflows may cause, built by one factory so the worker injects real clients and
 * tests inject real-but-local ones.
 */
import type { Sql } from 'postgres';
import { ticketActivities } from './tickets';

export interface ActivityDeps {
  sql: Sql;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...ticketActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
