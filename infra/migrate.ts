/**
 * Schema migrations: `infra/migrations/NNN_name.sql`, applied in order, each in its own transaction, recorded in
 * `schema_migrations` with a checksum so an edited, already-applied file is caught instead of silently ignored.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sql, TransactionSql } from 'postgres';
import { projectRoot, StartupError } from './env';
import type { Logger } from './logger';

export const MIGRATIONS_DIR = path.join(projectRoot, 'infra', 'migrations');

const FILE_PATTERN = /^(\d+)_([A-Za-z0-9_-]+)\.sql$/;
// Every transaction below takes this lock first, so concurrent starts apply each file exactly once.
const LOCK_KEY = "hashtext('contactflow.schema_migrations')";

export interface Migration {
  version: string;
  name: string;
  file: string;
  text: string;
  checksum: string;
}

export interface MigrateOptions {
  /** Folder of `NNN_name.sql` files; defaults to {@link MIGRATIONS_DIR}. */
  directory?: string;
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

export class MigrationError extends StartupError {
  override readonly name = 'MigrationError';
}

/**
 * Applies every migration not yet recorded. Files run with the simple query protocol, so one file may hold many
 * statements, but not ones PostgreSQL forbids inside a transaction (e.g. `create index concurrently`).
 */
export async function migrate(sql: Sql, log?: Logger, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = await readMigrations(options.directory ?? MIGRATIONS_DIR);
  const result: MigrateResult = { applied: [], skipped: [] };

  const applied = await sql.begin(async (tx) => {
    await tx.unsafe(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await ensureMigrationsTable(tx);
    return tx<{ version: string; name: string; checksum: string }[]>`
      select version, name, checksum from schema_migrations`;
  });
  assertUnchanged(migrations, applied);
  const known = new Set(migrations.map((migration) => migration.version));
  for (const row of applied.filter((row) => !known.has(row.version))) {
    log?.warn({ version: row.version, name: row.name }, 'applied migration has no file in the migrations folder');
  }

  const appliedVersions = new Set(applied.map((row) => row.version));
  for (const migration of migrations) {
    if (appliedVersions.has(migration.version)) {
      result.skipped.push(migration.file);
      continue;
    }
    const started = Date.now();
    const ran = await sql.begin(async (tx) => {
      await tx.unsafe(`select pg_advisory_xact_lock(${LOCK_KEY})`);
      const [done] = await tx<{ checksum: string }[]>`
        select checksum from schema_migrations where version = ${migration.version}`;
      if (done) {
        assertUnchanged([migration], [{ ...migration, checksum: done.checksum }]);
        return false;
      }
      try {
        await tx.unsafe(migration.text);
      } catch (error) {
        throw new MigrationError(describeFailure(migration, error), { cause: error });
      }
      await tx`
        insert into schema_migrations (version, name, checksum)
        values (${migration.version}, ${migration.name}, ${migration.checksum})`;
      return true;
    });
    if (ran) {
      result.applied.push(migration.file);
      log?.info({ migration: migration.file, ms: Date.now() - started }, 'applied migration');
    } else {
      result.skipped.push(migration.file);
    }
  }

  if (result.applied.length === 0) log?.info({ migrations: migrations.length }, 'database schema is up to date');
  return result;
}

/** The migration files in `directory`, ordered by version; other files (a README) are ignored. */
export async function readMigrations(directory: string): Promise<Migration[]> {
  const files = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    // Line endings are normalised so a checkout with CRLF does not count as an edit.
    const text = (await readFile(path.join(directory, file), 'utf8')).replace(/\r\n/g, '\n');
    migrations.push({
      version: match[1],
      name: match[2],
      file,
      text,
      checksum: createHash('sha256').update(text).digest('hex'),
    });
  }
  migrations.sort((a, b) => Number(a.version) - Number(b.version) || a.version.localeCompare(b.version));

  const seen = new Map<number, string>();
  for (const migration of migrations) {
    const other = seen.get(Number(migration.version));
    if (other) throw new MigrationError(`Two migrations share version ${migration.version}: ${other} and ${migration.file}`);
    seen.set(Number(migration.version), migration.file);
  }
  return migrations;
}

async function ensureMigrationsTable(tx: TransactionSql): Promise<void> {
  // Checked first rather than `create table if not exists`, whose NOTICE would be printed on every start.
  const [{ exists }] = await tx<{ exists: boolean }[]>`select to_regclass('schema_migrations') is not null as exists`;
  if (exists) return;
  await tx`
    create table schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`;
}

function assertUnchanged(migrations: Migration[], applied: { version: string; checksum: string }[]): void {
  const recorded = new Map(applied.map((row) => [row.version, row.checksum]));
  const changed = migrations.filter((migration) => {
    const checksum = recorded.get(migration.version);
    return checksum !== undefined && checksum !== migration.checksum;
  });
  if (changed.length > 0) {
    throw new MigrationError(
      `Already-applied migrations were edited: ${changed.map((migration) => migration.file).join(', ')}. ` +
        'Applied migrations are immutable; revert the edit and add a new migration instead.',
    );
  }
}

function describeFailure(migration: Migration, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number((error as { position?: string }).position);
  if (!Number.isInteger(position) || position < 1) return `Migration ${migration.file} failed: ${message}`;
  const line = migration.text.slice(0, position - 1).split('\n').length;
  return `Migration ${migration.file} failed at line ${line}: ${message}`;
}
