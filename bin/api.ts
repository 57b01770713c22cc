/**
 * The API as its own process (production: several behind a load balancer). Applies migrations and the
 * bootstrap admin idempotently, then serves until SIGTERM (or SIGINT), when it stops accepting connections,
 * lets the requests in flight finish or cancels them (see `api-server.ts`), closes its connections and exits.
 */
import { bootstrap } from '../api/bootstrap';
import { connectDatabase, requireExternal, runMain } from '../infra/connect';
import { loadConfig } from '../infra/env';
import { createLogger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { startApiServer } from './api-server';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'api');
  const { databaseUrl, temporalAddress } = requireExternal(config);
  const sql = connectDatabase(databaseUrl);
  await migrate(sql, log);
  await bootstrap(sql, config);
  const api = await startApiServer({ config, log, sql, temporalAddress });
  log.info({ url: config.PUBLIC_URL }, 'API listening');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
  });
  log.info({ signal }, 'stopping');
  await api.stop();
  await sql.end({ timeout: 5 });
  log.info('stopped');
});
