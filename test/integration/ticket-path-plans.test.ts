/**
 * No sequential scan of `tickets` or `ticket_events` on the ticket path (issue 15). The test drives the path as
 * users do (creates answered by a round-robin and by a least-loaded trigger, take, comment, hold and resolve, a
 * task-list page of 50 and the dashboard), captures every statement the API and the worker send, with its
 * parameters (test/support/statements.ts), and asks PostgreSQL for the plan of each one that reads or writes
 * those tables.
 *
 * The plans are taken with `enable_seqscan = off` on a small database rather than on a million rows: with a few
 * rows the planner rightly prefers a sequential scan, so its choice says nothing; with sequential scans priced out,
 * a `Seq Scan` that still appears means no index can serve the query at all, which is what goes wrong at a million
 * tickets. A million rows would take minutes to load here (`npm run bench:search` checks the search plans at that
 * size); this runs in seconds and fails on the query that lacks its index, whichever it is.
 *
 * The dashboard reads the counters a trigger maintains (migration 034), not the tickets: its statement touches
 * `tickets` only for the few created in the partial 15-minute slot that starts the last 24 hours and for the
 * viewer's tickets with open guidance requests, both through an index, and is checked like the rest.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sideEffectsSettledUpdate, ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';
import { recordStatements, type Statement } from '../support/statements';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const TABLES = /\b(tickets|ticket_events)\b/;

/**
 * The nodes that read a whole table: a sequential scan, or an index scan with no condition on the index (with
 * sequential scans priced out, the planner walks an unrelated index instead), unless a `Limit` above it stops it
 * early, as a page in index order does.
 */
function scans(node: PlanNode, out: string[] = [], limited = false): string[] {
  const relation = node['Relation Name'] ?? '';
  if (TABLES.test(relation)) {
    if (node['Node Type'] === 'Seq Scan') out.push(`Seq Scan on ${relation}`);
    if (/^Index (Only )?Scan$/.test(node['Node Type']) && !node['Index Cond'] && !limited) out.push(`full ${node['Node Type']} ${node['Index Name']} on ${relation}`);
  }
  // A bitmap over a whole index names its index only; its heap scan above names the table.
  if (node['Node Type'] === 'Bitmap Index Scan' && !node['Index Cond'] && /^(tickets|ticket_events)_/.test(node['Index Name'] ?? '')) {
    out.push(`full Bitmap Index Scan ${node['Index Name']}`);
  }
  for (const child of node.Plans ?? []) scans(child, out, limited || node['Node Type'] === 'Limit');
  return out;
}

/**
 * 10,000 tickets with 30,000 events in another service, spread over 50 agents, 10 groups, the statuses and a week,
 * then analysed: the planner's statistics then tell a selective index from an unrelated one.
 */
async function backgroundTickets(): Promise<void> {
  const service = await h.createService('배경', Array.from({ length: 10 }, (_, i) => `그룹 ${i}`));
  await h.sql`
    insert into agents (id, org_id, email, name, role, permissions, password_hash)
    select 'ABG' || n, ${h.orgId}, 'bg' || n || '@contactflow.test', '배경 ' || n, 'agent', '{ticket}', 'none'
    from generate_series(1, 50) n`;
  await h.sql`
    insert into tickets (id, service_id, channel, status, priority, subject, content, group_id, assignee_id, last_seq, created_at, updated_at)
    select 'TBG' || n, ${service.id}, 'email',
      (array['unassigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'closed', 'closed', 'closed'])[1 + n % 8],
      (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + n % 5],
      '배경 문의 ' || n, '내용', (${service.groupIds}::text[])[1 + n % 10],
      case when n % 8 = 0 then null else 'ABG' || (1 + n % 50) end,
      3, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
    from generate_series(1, 10000) n`;
  await h.sql`
    insert into ticket_events (ticket_id, seq, kind, actor_id, changes, at)
    select 'TBG' || n, s, 'updated', null, '{}'::jsonb, now() - (n || ' minutes')::interval
    from generate_series(1, 10000) n, generate_series(1, 3) s`;
  await h.sql`analyze tickets`;
  await h.sql`analyze ticket_events`;
}

async function planOf(statement: Statement): Promise<PlanNode> {
  return h.sql.begin(async (tx) => {
    await tx`set local enable_seqscan = off`;
    const [row] = await tx.unsafe(`explain (format json) ${statement.text}`, statement.params as never[]);
    return (row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
  });
}

it('plans every ticket-path query on tickets and ticket_events with an index', async () => {
  const roundRobin = await h.createService('라운드 로빈', ['결제']);
  const leastLoaded = await h.createService('최소 업무', ['배송']);
  const agents = await Promise.all([0, 1, 2].map((i) => h.createAgent({ groupIds: [roundRobin.groupIds[0], leastLoaded.groupIds[0]], name: `상담원 ${i}` })));
  await defineTrigger(h, roundRobin.id, {
    title: 'round robin',
    events: ['created'],
    results: [{ type: 'assign', groupId: roundRobin.groupIds[0], strategy: 'roundRobin' }],
  });
  await publish(h, roundRobin.id);
  // Urgent tickets go to the least loaded agent; the others stay unassigned, to be taken and worked.
  await defineTrigger(h, leastLoaded.id, {
    title: 'least loaded',
    events: ['created', 'updated'],
    all: [{ field: 'priority', operator: 'equals', value: 'urgent' }],
    results: [{ type: 'assign', groupId: leastLoaded.groupIds[0], strategy: 'leastLoaded' }],
  });
  await publish(h, leastLoaded.id);
  await backgroundTickets();
  const agent = agents[0];
  const create = async (serviceId: string, priority: string) => {
    const response = await h.request('POST', '/tickets', {
      token: agent.token,
      body: { serviceId, subject: '배송 문의', content: '상품이 아직 도착하지 않았습니다.', priority, customer: { email: 'kim@example.com' } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; assigneeId: string | null };
  };

  // The harness's client serves both the API and the worker.
  const captured: Statement[] = [];
  const stopRecording = recordStatements(h.sql, (statement) => captured.push(statement));
  const assignedRoundRobin = await create(roundRobin.id, 'normal');
  const assignedLeastLoaded = await create(leastLoaded.id, 'urgent');
  const worked = await create(leastLoaded.id, 'normal');
  expect(assignedRoundRobin.assigneeId).not.toBeNull();
  expect(assignedLeastLoaded.assigneeId).not.toBeNull();
  expect(worked.assigneeId).toBeNull();
  for (const [command, body] of [
    ['take', {}],
    ['comments', { body: '확인 중입니다.' }],
    ['hold', { body: '택배사에 확인하고 있습니다.' }],
    ['resolve', { body: '배송이 완료되었습니다.' }],
  ] as const) {
    const response = await h.request('POST', `/tickets/${worked.id}/${command}`, { token: agent.token, body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
  // The hold's and the resolve's answers are mailed after their updates answer; their statements belong to the path too.
  await h.temporal.workflow.getHandle(ticketWorkflowId(worked.id)).executeUpdate(sideEffectsSettledUpdate);
  for (const list of ['mine_in_progress', 'unassigned', 'all']) {
    const page = await h.request('GET', `/tickets?list=${list}&serviceId=${leastLoaded.id}&limit=50`, { token: agent.token });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
  }
  const dashboard = await h.request('GET', '/dashboard', { token: agent.token });
  expect(dashboard.status, JSON.stringify(dashboard.body)).toBe(200);
  stopRecording();
  const statements = captured.filter((statement) => TABLES.test(statement.text));
  expect(statements.some((statement) => /ticket_counts/.test(statement.text))).toBe(true);

  const distinct = [...new Map(statements.map((statement) => [statement.text, statement])).values()];
  expect(distinct.length).toBeGreaterThan(10);
  const offenders: { query: string; scans: string[] }[] = [];
  for (const statement of distinct) {
    const plan = await planOf(statement);
    const found = scans(plan);
    if (found.length > 0) offenders.push({ query: statement.text.replace(/\s+/g, ' ').slice(0, 300), scans: found });
  }
  expect(offenders).toEqual([]);
}, 120_000);
