/**
 * `npm run bench:seed [-- --tickets 1000000 --customers 300000 --regenerate]`: generates the benchmark corpus
 * (test/bench/support/ticket-corpus.ts) into the `contactflow_bench` database, or confirms the existing one.
 */
import { main } from './support/ticket-corpus';

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
