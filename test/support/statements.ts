/**
 * The statements a postgres.js pool sends, recorded only while a bench or a test counts them.
 *
 * postgres.js's `debug` option, when given at creation, also makes every query record where it was made (a
 * `new Error()` per query): measured here at about 80 µs a statement under tsx, a cost a bench would charge to the
 * side it observes and not to the bare side. The connections read `options.debug` for each statement they send,
 * while the pool's own flag is taken at creation; so a pool created without it and switched on only around what is
 * counted pays nothing while it is timed.
 */
import type { Sql } from '../../store/db';

export interface Statement {
  text: string;
  params: unknown[];
}

/** Calls `record` with every statement `sql` sends until the returned function is called. */
export function recordStatements(sql: Sql, record: (statement: Statement) => void): () => void {
  const options = sql.options as { debug: unknown };
  options.debug = (_connection: number, text: string, params: unknown[]) => record({ text, params });
  return () => {
    options.debug = false;
  };
}

/** The statements `sql` sent while `work` ran. */
export async function statementsOf<T>(sql: Sql, work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const statements: Statement[] = [];
  const stop = recordStatements(sql, (statement) => statements.push(statement));
  try {
    return { result: await work(), statements };
  } finally {
    stop();
  }
}
