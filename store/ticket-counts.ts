/**
 * The maintained ticket counters (migration 034): delta rows a trigger on `tickets` appends in the transaction that
 * changes a ticket, summed at read by the dashboard and by least-loaded assignment. Folding them is the one upkeep.
 *
 * @module
 */
import type { Sql } from './db';

/** How often the API folds the counters' delta rows: each fold costs about as much as the rows written since the last. */
export const COMPACTION_INTERVAL_MS = 30_000;

/** Folds each key's delta rows into one and drops the time slots no reader looks at; a no-op while another runs. */
export async function compactTicketCounts(sql: Sql): Promise<void> {
  await sql`select compact_ticket_counts()`;
}

/** Counts every ticket again: after a bulk load that bypassed the trigger (the benchmark corpus is copied with triggers off). */
export async function rebuildTicketCounts(sql: Sql): Promise<void> {
  await sql`select rebuild_ticket_counts()`;
}
