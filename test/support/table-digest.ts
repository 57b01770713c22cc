/**
 * Every table of a test database, digested: its row count and an md5 of its rows, so a test can assert that a
 * refused request changed nothing anywhere, whatever the request was.
 */
import type { Sql } from 'postgres';

export type TableDigest = Record<string, { rows: number; md5: string | null }>;

/** A function reading the digest of every table in one round trip (the table list is read once, on creation). */
export async function tableDigester(sql: Sql): Promise<() => Promise<TableDigest>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`;
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const query = tables
    .map(({ name }) => `select '${name.replaceAll("'", "''")}' as name, count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${quote(name)} t`)
    .join('\nunion all\n');
  return async () => {
    const rows = await sql.unsafe<{ name: string; rows: number; md5: string | null }[]>(query);
    return Object.fromEntries(rows.map(({ name, ...digest }) => [name, digest]));
  };
}

export async function digestTables(sql: Sql): Promise<TableDigest> {
  return (await tableDigester(sql))();
}
