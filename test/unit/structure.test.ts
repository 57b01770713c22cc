/**
 * SQL lives in store/ only (docs/architecture.md): this holds the rule even where lint is not run. It reads every
 * source file outside store/ and test/ and names the file and line of anything postgres.js would run: a tagged
 * template on a sql or transaction handle, `sql(…)` fragments, or `.begin(` / `.unsafe(` on one. Creating the
 * database and applying migrations administer the server rather than read or write data, so infra/postgres.ts and
 * infra/migrate.ts are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Top-level folders not read: tests set up their own data, and store/ is where SQL belongs. */
const SKIPPED_TOP_FOLDERS = new Set(['test', 'store']);
/** Folders not read anywhere: dependencies and build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);
const EXEMPT_FILES = new Set(['infra/postgres.ts', 'infra/migrate.ts']);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** The ways postgres.js runs SQL, on a handle named `sql` or `tx` (also as a property, e.g. `c.var.deps.sql`). */
const SQL_FORMS = [
  // sql`…`, tx`…`, sql<Row[]>`…`
  /\b(?:sql|tx)\s*(?:<[^`;]*>)?\s*`/g,
  // sql.begin(…), tx.unsafe(…), also split over lines (`sql\n  .begin(`)
  /\b(?:sql|tx)\s*\.\s*(?:begin|unsafe)\s*\(/g,
  // sql(name), sql(rows, 'column'): identifier and value fragments
  /\b(?:sql|tx)\s*\(/g,
];

/** Where the text holds SQL: `line: source line` for each. */
function findSql(text: string): string[] {
  const lines = text.split('\n');
  const found = new Set<number>();
  for (const form of SQL_FORMS) {
    for (const match of text.matchAll(form)) found.add(text.slice(0, match.index).split('\n').length);
  }
  return [...found].sort((a, b) => a - b).map((line) => `${line}: ${lines[line - 1]!.trim()}`);
}

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || (folder === '' && SKIPPED_TOP_FOLDERS.has(entry.name))) continue;
      yield* sourceFiles(relative);
    } else if (SOURCE.test(entry.name) && !EXEMPT_FILES.has(relative)) {
      yield relative;
    }
  }
}

describe('SQL stays in store/', () => {
  it('sees every form of SQL postgres.js runs', () => {
    const sample = [
      'const rows = await sql`select 1`;',
      'const [row] = await tx<{ id: string }[]>`select id from agents`;',
      'await c.var.deps.sql.begin(async (tx) => {});',
      'await sql\n  .begin(async () => {});',
      'sql.unsafe(COLUMNS);',
      'sql(name);',
      'const sqlText = "select"; results(tx); void ctx`x`;',
    ].join('\n');
    expect(findSql(sample).map((hit) => Number(hit.split(':')[0]))).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('finds no SQL in any source file outside store/', () => {
    const files = [...sourceFiles('')];
    expect(files).toContain('api/app.ts');
    const offenders = files.flatMap((file) => findSql(readFileSync(path.join(root, file), 'utf8')).map((hit) => `${file}:${hit}`));
    expect(offenders).toEqual([]);
  });
});
