/** Whether PostgreSQL answers, for the health check. */
import type { Db } from './db';

export async function pingDatabase(sql: Db): Promise<void> {
  await sql`select 1`;
}
