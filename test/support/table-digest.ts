/**
 * Every table of a test database, digested: its row count and an md5 of its rows, so a test can assert that a
 * refused request changed nothing anywhere, whatever the request was.
 */
import type { Sql } from 'postgres';

export type TableDigest = Record<string, { rows: number; md5: string | null }>;

export async function digestTables(sql: Sql): Promise<TableDigest> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`;
  const digest: TableDigest = {};
  for (const { name } of tables) {
    const [row] = await sql<{ rows: number; md5: string | null }[]>`
      select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${sql(name)} t`;
    digest[name] = row;
  }
  return digest;
}
