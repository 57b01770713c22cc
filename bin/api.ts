/**
 * The API as its own process (production: several behind a load balancer). Applies migrations and the
 * bootstrap admin idempotently, then serves until SIGTERM.
 */
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { bootstrap } from '../api/bootstrap';
import { connectDatabase, requireExternal, runMain } from '../infra/connect';
import { loadConfig } from '../infra/env';
import { createLogger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { createApp } from '../api/app';

runMain(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'api');
  const { databaseUrl, temporalAddress } = requireExternal(config);
  const sql = connectDatabase(databaseUrl);
  await migrate(sql, log);
  await bootstrap(sql, config);
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({ sql, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, config, log });
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () =>
    log.info({ url: config.PUBLIC_URL }, 'API listening'),
  );
  process.once('SIGTERM', () => server.close(() => void Promise.all([sql.end({ timeout: 5 }), connection.close()])));
});
