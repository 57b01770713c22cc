/**
 * Connections for the entry points in `bin/`. The production ones (`bin/api.ts`, `bin/worker.ts`) run against
 * an external PostgreSQL and Temporal cluster: both DATABASE_URL and TEMPORAL_ADDRESS are required there.
 */
import postgres from 'postgres';
import { StartupError, type Config } from './env';

export function requireExternal(config: Config): { databaseUrl: string; temporalAddress: string } {
  const missing = [!config.DATABASE_URL && 'DATABASE_URL', !config.TEMPORAL_ADDRESS && 'TEMPORAL_ADDRESS'].filter(Boolean);
  if (missing.length > 0) {
    throw new StartupError(
      `Set ${missing.join(' and ')}: separate API and worker processes connect to an existing PostgreSQL and Temporal. ` +
        'For everything on one machine, run `npm start`.',
    );
  }
  return { databaseUrl: config.DATABASE_URL!, temporalAddress: config.TEMPORAL_ADDRESS! };
}

export function connectDatabase(url: string, options: postgres.Options<{}> = {}) {
  const sql = postgres(url, { max: 20, onnotice: () => {}, ...options });
  // postgres.js fetches the array types on every new connection, in a promise nobody awaits: a connection opened
  // while PostgreSQL shuts down (a restart, Ctrl-C) rejects it unhandled, which ends the process. The types do
  // not change and are kept for the whole pool once fetched, so only connections opened before that fetch them.
  const { shared } = sql.options as typeof sql.options & { shared: { typeArrayMap: Record<number, number> } };
  const fetchTypes = sql.options.fetch_types;
  Object.defineProperty(sql.options, 'fetch_types', { get: () => fetchTypes && Object.keys(shared.typeArrayMap).length === 0 });
  return sql;
}

/** Runs `main`, printing a StartupError's message (no stack) and exiting 1 on failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(`${error instanceof StartupError ? error.message : (error?.stack ?? String(error))}\n`);
    process.exit(1);
  });
}
