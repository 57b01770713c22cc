/** The postgres.js handles every store function takes: the pool, or a transaction inside it. */
import type { Sql as PostgresSql, TransactionSql } from 'postgres';

export type Sql = PostgresSql;
export type Tx = TransactionSql;
/** Either the pool or a transaction: for reads and single statements that may run inside a caller's transaction. */
export type Db = Sql | Tx;

/**
 * `limit <rows>` written into the statement rather than passed as a parameter. postgres.js prepares every
 * statement, and after five runs PostgreSQL may switch to a generic plan, which must plan a parameter LIMIT without
 * knowing it: a search counted up to 10,001 then became a bitmap scan of every match (9 s instead of 0.1 s at a
 * million tickets). With the LIMIT in the text, the generic plan's cost shows what it would really cost and the
 * plan made for the actual values is kept. Searches take only a few distinct limits, so few statements are cached.
 */
export function limitOf(sql: Db, rows: number) {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`not a row limit: ${rows}`);
  return sql.unsafe(`limit ${rows}`);
}

/**
 * Runs `work` in one transaction, for activities that make several store calls commit together (or not at all);
 * store functions that take a `Tx` join it.
 */
export async function inTransaction<T>(sql: Sql, work: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin((tx) => work(tx))) as T;
}

/** Runs `work` in a savepoint of the transaction: if it throws, its writes are undone and the transaction goes on. */
export async function inSavepoint<T>(tx: Tx, work: (savepoint: Tx) => Promise<T>): Promise<T> {
  return (await tx.savepoint((savepoint) => work(savepoint))) as T;
}
