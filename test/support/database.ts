/**
 * A database of its own for each test (file): a clone of the migrated template built by test/global-setup.ts.
 */
import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { inject } from 'vitest';

export interface TestDatabase {
  sql: Sql;
  url: string;
  name: string;
  /** Closes `sql` and drops the database. */
  drop(): Promise<void>;
}

const CLONE_BUDGET_MS = 30_000;

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDb');
  const name = `t_${randomBytes(6).toString('hex')}`;

  await cloneTemplate(adminUrl, template, name);

  const url = withDatabase(adminUrl, name);
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  let dropped: Promise<void> | undefined;
  return {
    sql,
    url,
    name,
    drop: () =>
      (dropped ??= (async () => {
        await sql.end({ timeout: 5 });
        await withAdmin(adminUrl, (admin) => admin`drop database if exists ${admin(name)} with (force)`);
      })()),
  };
}

async function cloneTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    const deadline = Date.now() + CLONE_BUDGET_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await admin`create database ${admin(name)} template ${admin(template)}`;
        return;
      } catch (error) {
        // 55006 object_in_use: "source database is being accessed by other users". Concurrent clones themselves
        // are fine (the template refuses connections), but a session that just closed may not have exited yet.
        if ((error as { code?: string }).code !== '55006' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(10 * attempt, 200) + Math.random() * 40));
      }
    }
  });
}

async function withAdmin<T>(adminUrl: string, work: (admin: Sql) => Promise<T>): Promise<T> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
