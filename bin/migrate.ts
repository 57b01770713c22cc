/**
 * `npm run migrate`: applies pending migrations to the configured (or embedded) PostgreSQL and exits.
 */
import { connectDatabase } from '../infra/connect';
import { loadConfig, StartupError } from '../infra/env';
import { createLogger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { startPostgres } from '../infra/postgres';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'migrate');
  const database = await startPostgres(config, log);

  // An interrupted run still stops the embedded server instead of orphaning it.
  const onSignal = (signal: NodeJS.Signals) => {
    log.warn({ signal }, 'interrupted; stopping PostgreSQL');
    void database.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const sql = connectDatabase(database.url, { max: 1, onnotice: (notice) => log.debug({ notice }, 'postgres notice') });
    try {
      await migrate(sql, log);
    } finally {
      await sql.end();
    }
  } finally {
    await database.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().catch((error: unknown) => {
  // Startup errors explain themselves; anything else needs its stack.
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
});
