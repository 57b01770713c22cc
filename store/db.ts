/** The postgres.js handles every store function takes: the pool, or a transaction inside it. */
import type { Sql as PostgresSql, TransactionSql } from 'postgres';

export type Sql = PostgresSql;
export type Tx = TransactionSql;
/** Either the pool or a transaction: for reads and single statements that may run inside a caller's transaction. */
export type Db = Sql | Tx;
