/**
 * Once per `vitest run`: a throwaway PostgreSQL holding a migrated template database, an in-memory Temporal dev
 * server with our search attributes, and the workflow bundle built once for every test worker.
 * Test files reach them through `inject()` (see test/support/database.ts and test/support/harness.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { loadConfig, type Config } from '../infra/env';
import { createLogger, type Logger } from '../infra/logger';
import { migrate } from '../infra/migrate';
import { createTestPostgres } from '../infra/postgres';
import { registerSearchAttributes, startTestTemporal } from '../infra/temporal';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL (database `postgres`), for creating and dropping test databases. */
    pgAdminUrl: string;
    /** The migrated database every test database is cloned from. */
    templateDb: string;
    /** gRPC address of the test Temporal dev server (namespace `default`). */
    temporalAddress: string;
    /** Workflow code bundled from workflows/index.ts, for `Worker.create({ workflowBundle: { codePath } })`. */
    workflowBundlePath: string;
  }
}

const TEMPLATE_DB = 'contactflow_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  // Infra chatter would bury test output; failures still surface as thrown errors.
  const log = createLogger('warn', 'test-setup');
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => log.error({ err: error }, 'test teardown step failed'));
    }
  };

  try {
    // Started side by side; whatever did start is stopped again if anything failed.
    const settled = await Promise.allSettled([
      createTestPostgres(log, config),
      startTestTemporal(log, config),
      bundleWorkflows(config, log),
    ] as const);
    const [databaseResult, temporalResult, bundleResult] = settled;
    for (const result of [databaseResult, temporalResult]) {
      if (result.status === 'fulfilled') stops.push(result.value.stop);
    }
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const database = fulfilled(databaseResult);
    const temporal = fulfilled(temporalResult);
    const workflowBundlePath = fulfilled(bundleResult);

    await createTemplateDatabase(database.url, log);

    const connection = await Connection.connect({ address: temporal.address });
    try {
      await registerSearchAttributes(connection, 'default', log);
    } finally {
      await connection.close();
    }

    project.provide('pgAdminUrl', database.url);
    project.provide('templateDb', TEMPLATE_DB);
    project.provide('temporalAddress', temporal.address);
    project.provide('workflowBundlePath', workflowBundlePath);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

function fulfilled<T>(result: PromiseSettledResult<T>): T {
  return (result as PromiseFulfilledResult<T>).value;
}

async function createTemplateDatabase(adminUrl: string, log: Logger): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // A reused server (TEST_DATABASE_URL) keeps the previous run's template; rebuild it from today's migrations.
    const [previous] = await admin`select 1 from pg_database where datname = ${TEMPLATE_DB}`;
    if (previous) {
      await admin`alter database ${admin(TEMPLATE_DB)} with is_template false`;
      await admin`drop database ${admin(TEMPLATE_DB)} with (force)`;
    }
    await admin`create database ${admin(TEMPLATE_DB)}`;

    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const template = postgres(templateUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      await migrate(template, log);
    } finally {
      await template.end();
    }

    // PostgreSQL refuses to clone a database anyone is connected to; nobody has a reason to connect any more.
    await admin`alter database ${admin(TEMPLATE_DB)} with is_template true allow_connections false`;
  } finally {
    await admin.end();
  }
}

async function bundleWorkflows(config: Config, log: Logger): Promise<string> {
  const workflowsPath = path.join(config.PROJECT_ROOT, 'workflows', 'index.ts');
  const bundlePath = path.join(config.DATA_DIR, 'test-workflow-bundle.js');
  if (!existsSync(workflowsPath)) {
    log.warn({ workflowsPath }, 'no workflows to bundle; tests that start a worker will fail');
    return bundlePath;
  }
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  await mkdir(config.DATA_DIR, { recursive: true });
  // Written aside and renamed, so a concurrent run never loads a half-written bundle.
  const partial = `${bundlePath}.${process.pid}.partial`;
  await writeFile(partial, code);
  await rename(partial, bundlePath);
  return bundlePath;
}
