/**
 * `npm run bench:search`: ten typical ticket searches (and a few harder ones) against the 1,000,000-ticket corpus
 * (test/bench/support/ticket-corpus.ts, generated on first use), each through the whole API in-process (bearer
 * session, validation, access check, page and capped count) and, interleaved in the same run, the very SQL the
 * API sent, run bare through postgres.js. Prints one JSON line per search: p50/p99 of both, their ratio
 * (bare / API: 1 means no overhead), the total, and the query plans with whether any scans `tickets` sequentially.
 *
 * Options: `-- --rounds 150` (samples per side per typical search; the harder ones take at most 10), `-- --tickets N`
 * (another corpus size).
 */
import { loadavg } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { hashToken, newToken } from '../../api/auth/tokens';
import { connectDatabase } from '../../infra/connect';
import { loadConfig } from '../../infra/env';
import { createLogger } from '../../infra/logger';
import { insertSession } from '../../store/auth';
import { statementsOf } from '../support/statements';
import { DEFAULT_CORPUS, openTicketCorpus, type CorpusFacts } from './support/ticket-corpus';

interface Search {
  name: string;
  /** Counted among the ten typical searches the goal is about. */
  typical: boolean;
  body: Record<string, unknown>;
}

function searches(facts: CorpusFacts): Search[] {
  const week = 7 * 24 * 3600 * 1000;
  const newest = Date.parse(facts.newest);
  const typical = (name: string, body: Record<string, unknown>): Search => ({ name, typical: true, body });
  const harder = (name: string, body: Record<string, unknown>): Search => ({ name, typical: false, body });
  return [
    typical('one condition: status unassigned', { conditions: { status: ['unassigned'] } }),
    typical('one condition: priority urgent', { conditions: { priority: ['urgent'] } }),
    typical('one condition: busiest assignee', { conditions: { assigneeId: [facts.agentIds[0]] } }),
    typical('one condition: ticket id', { conditions: { ticketId: 'T0000000000000none' } }),
    typical('three combined: service, group, open statuses, high priority', {
      serviceId: facts.serviceIds[0],
      conditions: { groupId: [facts.groupIds[0]], status: ['in_progress', 'on_hold'], priority: ['high', 'urgent'] },
    }),
    typical('three combined: channel, priority, intake subtree', {
      conditions: { channel: ['email'], priority: ['high'], intakeTypeId: [facts.intakeRootIds[0]] },
    }),
    typical('Korean substring: subject "환불 요청"', { conditions: { subject: '환불 요청' } }),
    typical('Korean substring: content "포장이 훼손"', { conditions: { content: '포장이 훼손' } }),
    typical('customer phone', { conditions: { customerPhone: facts.samplePhone } }),
    typical('date range (one week) with status resolved', {
      conditions: { createdFrom: new Date(newest - 2 * week).toISOString(), createdTo: new Date(newest - week).toISOString(), status: ['resolved'] },
    }),
    harder('customer email', { conditions: { customerEmail: facts.sampleEmail } }),
    harder('Korean two characters, common: text "환불"', { conditions: { text: '환불' } }),
    harder('Korean two characters, rare: subject "세금"', { conditions: { subject: '세금' } }),
    harder('Korean one character: subject "탈"', { conditions: { subject: '탈' } }),
    harder('task list unassigned sorted by priority', { list: 'unassigned', sort: 'priority' }),
    harder('all tickets sorted by update, oldest first', { sort: 'updated', direction: 'asc' }),
  ];
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (ms: number) => Math.round(ms * 100) / 100;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function planSummary(node: PlanNode, out: string[] = []): string[] {
  const target = node['Index Name'] ?? node['Relation Name'];
  out.push(target ? `${node['Node Type']} ${target}` : node['Node Type']);
  for (const child of node.Plans ?? []) planSummary(child, out);
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  const rounds = option('rounds', 150);
  const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const };
  const corpus = await openTicketCorpus({ ...DEFAULT_CORPUS, tickets: option('tickets', DEFAULT_CORPUS.tickets) }, { config });

  const sql = connectDatabase(corpus.url, { max: 4 });
  const bare = connectDatabase(corpus.url, { max: 4 });
  const token = newToken('session');
  await insertSession(sql, { tokenHash: hashToken(token), agentId: corpus.facts.adminId, expiresAt: new Date(Date.now() + 3600_000) });
  // Search never reaches Temporal; the lazy connection is never opened.
  const temporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${config.TEMPORAL_DEV_PORT}` }) });
  const app = createApp({ sql, temporal, taskQueue: 'bench', config, log: createLogger('silent') });

  const search = async (body: Record<string, unknown>) => {
    const response = await app.request('/tickets/search', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`search answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { items: unknown[]; total: { count: number; capped: boolean } };
  };

  process.stdout.write(
    `${JSON.stringify({ bench: 'search', corpus: corpus.facts.tickets, rounds, load: loadavg().map((l) => Math.round(l * 100) / 100) })}\n`,
  );
  for (const { name, typical, body } of searches(corpus.facts)) {
    const sent = await statementsOf(sql, () => search({ limit: 25, ...body }));
    const result = sent.result;
    const statements = sent.statements.filter((query) => /from tickets t/.test(query.text));

    const plans: Record<string, string[]> = {};
    let seqScanOnTickets = false;
    for (const [index, statement] of statements.entries()) {
      const [row] = await bare.unsafe(`explain (format json) ${statement.text}`, statement.params as never[]);
      const plan = (row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
      const summary = planSummary(plan);
      if (summary.includes('Seq Scan tickets')) seqScanOnTickets = true;
      plans[/count\(\*\)/.test(statement.text) ? 'count' : index === 0 ? 'page' : `statement${index}`] = summary;
    }
    const runBare = () => Promise.all(statements.map((statement) => bare.unsafe(statement.text, statement.params as never[], { prepare: true })));

    for (let i = 0; i < 5; i++) {
      await search(body);
      await runBare();
    }
    const apiMs: number[] = [];
    const bareMs: number[] = [];
    // The harder searches take seconds on a loaded machine; fewer samples keep the run to minutes.
    const samples = typical ? rounds : Math.min(rounds, 10);
    for (let i = 0; i < samples; i++) {
      // Interleaved, so both sides see the same load on a shared machine.
      let started = performance.now();
      await search({ limit: 25, ...body });
      apiMs.push(performance.now() - started);
      started = performance.now();
      await runBare();
      bareMs.push(performance.now() - started);
    }
    const [p50, p99, bareP50, bareP99] = [percentile(apiMs, 50), percentile(apiMs, 99), percentile(bareMs, 50), percentile(bareMs, 99)];
    process.stdout.write(
      `${JSON.stringify({
        bench: 'search',
        name,
        typical,
        samples,
        p50_ms: round(p50),
        p99_ms: round(p99),
        bare_p50_ms: round(bareP50),
        bare_p99_ms: round(bareP99),
        ratio_p50: round(bareP50 / p50),
        ratio_p99: round(bareP99 / p99),
        goal_met: !typical || p99 <= 50,
        total: result.total.capped ? `${result.total.count.toLocaleString('en')}+` : result.total.count,
        page: result.items.length,
        seq_scan_on_tickets: seqScanOnTickets,
        plan: plans,
        load: Math.round(loadavg()[0] * 100) / 100,
      })}\n`,
    );
  }
  await sql.end();
  await bare.end();
  await corpus.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
