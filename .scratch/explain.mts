import { loadConfig } from '../infra/env';
import { openTicketCorpus } from '../test/bench/support/ticket-corpus';
const corpus = await openTicketCorpus(undefined, { config: loadConfig() });
const sql = corpus.sql;
for (const q of process.argv.slice(2)) {
  const rows = await sql.unsafe(`explain (analyze, buffers) ${q}`);
  console.log(rows.map((r: any) => r['QUERY PLAN']).join('\n'));
}
await corpus.close();
