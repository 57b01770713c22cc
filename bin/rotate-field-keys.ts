/**
 * `npm run fields:rotate -- --as admin@example.com [--batch 100]`: after a new key was put first in
 * FIELD_ENCRYPTION_KEY (the old ones kept after it), re-seals every encrypted field value under the newest key,
 * through each ticket's workflow, in batches. Needs DATABASE_URL and TEMPORAL_ADDRESS of the running system; the
 * admin named is who the ticket events record. Values are never printed.
 */
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { fieldKeyring } from '../api/pii';
import { rotateSealedFieldValues } from '../api/pii-rotation';
import { connectDatabase } from '../infra/connect';
import { loadConfig, StartupError } from '../infra/env';
import { createLogger } from '../infra/logger';
import { findLoginAgent } from '../store/auth';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { as: { type: 'string' }, batch: { type: 'string', default: '100' } } });
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'rotate-field-keys');
  const keyring = fieldKeyring(config);
  if (!keyring) throw new StartupError('FIELD_ENCRYPTION_KEY is not set: there is no key to rotate to.');
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS) throw new StartupError('Set DATABASE_URL and TEMPORAL_ADDRESS of the running system.');
  if (!values.as) throw new StartupError('Name the admin the changes are recorded as: --as admin@example.com');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new StartupError('--batch must be a positive whole number.');

  const sql = connectDatabase(config.DATABASE_URL, { max: 2 });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const admin = await findLoginAgent(sql, values.as);
    if (!admin || admin.role !== 'admin') throw new StartupError(`${values.as} is not an admin.`);
    const actor = { kind: 'agent' as const, id: admin.id, role: admin.role, permissions: admin.permissions, groupIds: [] };
    const report = await rotateSealedFieldValues({
      sql,
      temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      keyring,
      actor,
      batchSize,
      onBatch: (progress) => log.info(progress, 'batch re-sealed'),
    });
    log.info({ ...report, kid: keyring.currentKid }, 'every encrypted field value is sealed under the newest key');
  } finally {
    await connection.close();
    await sql.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
});
