/**
 * The dashboard reads counters a trigger on `tickets` maintains (migration 034) instead of counting the tickets. This
 * drives tickets through the API (create, take, hold, resolve, complete, spam, restore, delete, forward to another
 * group, bulk jobs), writes some directly as an import would (tickets created up to two days ago, a transferred
 * one), and after each stage compares every dashboard figure, for an agent and an admin, per service and across
 * services, in time zones a whole, a half and three quarters of an hour apart, with the figures the test computes
 * from the tickets themselves; before and after the counters' delta rows are folded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TICKET_LISTS, TRANSFERRED_STATUSES, type TicketListName, type TicketStatus } from '../../domain/ticket';
import { compactTicketCounts } from '../../store/ticket-counts';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

interface TicketRow {
  service_id: string;
  group_id: string | null;
  assignee_id: string | null;
  status: TicketStatus;
  created_at: Date;
  resolved_at: Date | null;
}

interface Viewer {
  id: string;
  token: string;
  serviceIds: string[];
  groupIds: string[];
}

const ZONES = ['Asia/Seoul', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];

function listHolds(list: TicketListName, t: TicketRow, viewer: Viewer): boolean {
  const mine = t.assignee_id === viewer.id;
  switch (list) {
    case 'mine_in_progress':
      return mine && t.status === 'in_progress';
    case 'mine_on_hold':
      return mine && t.status === 'on_hold';
    case 'mine_resolved':
      return mine && t.status === 'resolved';
    case 'mine_closed':
      return mine && t.status === 'closed';
    case 'all':
      return t.status !== 'spam';
    case 'unassigned':
      return t.status === 'unassigned';
    case 'my_groups':
      return t.status !== 'spam' && t.group_id !== null && viewer.groupIds.includes(t.group_id);
    case 'transferred':
      return TRANSFERRED_STATUSES.includes(t.status);
    case 'spam':
      return t.status === 'spam';
  }
}

/** The dashboard's figures counted from the tickets, by the definitions the dashboard documents. */
async function expectedDashboard(viewer: Viewer, serviceId: string | undefined, zone: string) {
  const [clock] = await h.sql<{ today: Date; day_start: Date }[]>`
    select date_trunc('day', now() at time zone ${zone}) at time zone ${zone} as today, now() - interval '24 hours' as day_start`;
  const tickets = await h.sql<TicketRow[]>`
    select service_id, group_id, assignee_id, status, created_at, resolved_at from tickets
    where deleted_at is null and service_id = any(${serviceId ? [serviceId] : viewer.serviceIds}::text[])`;
  const count = (holds: (t: TicketRow) => boolean) => tickets.filter(holds).length;
  const mine = (t: TicketRow) => t.assignee_id === viewer.id;
  const today = (at: Date | null) => at !== null && at >= clock.today;
  const lastDay = (t: TicketRow) => t.created_at >= clock.day_start;
  const received24h = count((t) => lastDay(t) && t.status !== 'spam');
  return {
    lists: Object.fromEntries(TICKET_LISTS.map((list) => [list, count((t) => listHolds(list, t, viewer))])),
    all: {
      receivedToday: count((t) => t.status !== 'spam' && today(t.created_at)),
      resolvedToday: count((t) => today(t.resolved_at)),
      inProgress: count((t) => t.status === 'in_progress'),
      onHold: count((t) => t.status === 'on_hold'),
      unassigned: count((t) => t.status === 'unassigned'),
      processingRate: received24h === 0 ? null : count((t) => lastDay(t) && (t.status === 'resolved' || t.status === 'closed')) / received24h,
    },
    mine: {
      resolvedToday: count((t) => mine(t) && today(t.resolved_at)),
      inProgress: count((t) => mine(t) && t.status === 'in_progress'),
      onHold: count((t) => mine(t) && t.status === 'on_hold'),
      transferring: count((t) => mine(t) && TRANSFERRED_STATUSES.includes(t.status)),
      callbacksDue: 0,
      guidanceRequests: 0,
    },
  };
}

async function expectDashboardsRight(viewers: Viewer[], stage: string): Promise<void> {
  for (const viewer of viewers) {
    for (const serviceId of [undefined, ...viewer.serviceIds]) {
      for (const zone of ZONES) {
        const query = `timezone=${encodeURIComponent(zone)}${serviceId ? `&serviceId=${serviceId}` : ''}`;
        const response = await h.request('GET', `/dashboard?${query}`, { token: viewer.token });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const expected = await expectedDashboard(viewer, serviceId, zone);
        const { processingRate, ...all } = response.body.all;
        const { processingRate: expectedRate, ...expectedAll } = expected.all;
        expect({ ...response.body, all }, `${stage}: ${viewer.id} ${query}`).toEqual({ ...expected, all: expectedAll });
        if (expectedRate === null) expect(processingRate, `${stage}: ${query}`).toBeNull();
        else expect(processingRate, `${stage}: ${query}`).toBeCloseTo(expectedRate, 12);
      }
    }
  }
}

async function expectRightBeforeAndAfterFolding(viewers: Viewer[], stage: string): Promise<void> {
  await expectDashboardsRight(viewers, `${stage}, delta rows`);
  await compactTicketCounts(h.sql);
  await expectDashboardsRight(viewers, `${stage}, folded`);
}

async function untilBulkJobFinished(jobId: string, token: string): Promise<void> {
  await h.temporal.workflow.getHandle(`bulk-job-${jobId}`).result();
  const job = await h.request('GET', `/bulk-jobs/${jobId}`, { token });
  expect(job.body.status, JSON.stringify(job.body)).toBe('finished');
}

it('shows the counts the tickets have, through every kind of change, before and after folding', async () => {
  const desk = await h.createService('상담 데스크', ['결제', '배송']);
  const other = await h.createService('다른 서비스', ['계정']);
  const workerAgent = await h.createAgent({ groupIds: [desk.groupIds[0], other.groupIds[0]], permissions: ['ticket', 'ticket_forward'], name: '상담원 A' });
  const colleague = await h.createAgent({ groupIds: [desk.groupIds[1]], name: '상담원 B' });
  const worker: Viewer = { ...workerAgent, serviceIds: [desk.id, other.id], groupIds: [desk.groupIds[0], other.groupIds[0]] };
  const admin: Viewer = { ...h.admin, serviceIds: [desk.id, other.id], groupIds: [] };
  const viewers = [worker, admin];

  const act = async (id: string, command: string, token: string, body: unknown = {}) => {
    const response = await h.request('POST', `/tickets/${id}/${command}`, { token, body });
    expect(response.status, `${command} ${JSON.stringify(response.body)}`).toBe(200);
  };
  const create = async (serviceId: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const response = await h.request('POST', '/tickets', {
        token: worker.token,
        body: { serviceId, subject: `문의 ${i}`, content: '내용', customer: { email: `c${i}@example.com` } },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      ids.push(response.body.id as string);
    }
    return ids;
  };

  const t = await create(desk.id, 12);
  const o = await create(other.id, 4);
  await expectRightBeforeAndAfterFolding(viewers, 'created');

  for (const id of [t[0], t[1], t[2], t[3], t[4], o[0], o[1]]) await act(id, 'take', worker.token, { groupId: id === o[0] || id === o[1] ? other.groupIds[0] : desk.groupIds[0] });
  await act(t[5], 'take', colleague.token);
  await act(t[1], 'hold', worker.token, { body: '확인 중입니다.' });
  await act(t[2], 'resolve', worker.token, { body: '처리되었습니다.' });
  await act(t[3], 'resolve', worker.token, { body: '처리되었습니다.' });
  await act(t[3], 'complete', admin.token);
  await act(o[0], 'resolve', worker.token, { body: '처리되었습니다.' });
  await act(t[6], 'internal-resolve', worker.token, { reason: 'spam' });
  await act(t[7], 'internal-resolve', worker.token, { reason: 'spam' });
  await act(t[7], 'restore', admin.token);
  await act(t[8], 'internal-resolve', worker.token, { reason: 'spam' });
  const deleted = await h.request('DELETE', `/tickets/${t[8]}`, { token: admin.token });
  expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
  // Moved to the other group, and from the worker to the colleague.
  await act(t[4], 'forward', worker.token, { groupId: desk.groupIds[1], agentId: colleague.id });
  await expectRightBeforeAndAfterFolding(viewers, 'worked');

  const bulk = async (ticketIds: string[], action: unknown) => {
    const started = await h.request('POST', '/bulk-jobs', { token: worker.token, body: { ticketIds, action } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await untilBulkJobFinished(started.body.id as string, worker.token);
  };
  await bulk([t[9], t[10]], { kind: 'forward', groupId: desk.groupIds[0], agentId: worker.id });
  await bulk([t[9], o[1]], { kind: 'hold', body: '일괄 보류' });
  await bulk([t[10], t[11]], { kind: 'spam' });
  await bulk([t[0], t[1], t[9]], { kind: 'resolve', body: '일괄 해결' });
  await expectRightBeforeAndAfterFolding(viewers, 'bulk jobs');

  // Written as an import or a migration would: around the start of the last 24 hours (some inside the partial
  // 15-minute slot it begins in), yesterday and two days ago, resolved at various times, one transferred.
  const minutes = [-2 * 24 * 60 - 5, -26 * 60, -24 * 60 - 1, -24 * 60 + 1.5, -24 * 60 + 6, -24 * 60 + 13, -24 * 60 + 25, -12 * 60, -30];
  await h.sql`
    insert into tickets (id, service_id, channel, status, priority, subject, content, group_id, assignee_id, last_seq, created_at, updated_at, resolved_at)
    select 'TIMPORT' || n, ${desk.id}, 'email',
      (array['resolved', 'closed', 'in_progress', 'spam', 'resolved', 'unassigned', 'resolved', 'closed', 'dooray_transferred'])[n],
      'normal', '가져온 문의', '내용', ${desk.groupIds[0]},
      case when n in (6) then null else ${worker.id} end,
      1, now() + (m || ' minutes')::interval, now(),
      case when n in (1, 2, 5, 7, 8) then now() + ((m / 2) || ' minutes')::interval end
    from unnest(${minutes}::float8[]) with ordinality as v (m, n)`;
  await expectRightBeforeAndAfterFolding(viewers, 'imported');

  // Any writer is counted: a ticket moved to the other service, a deletion and a transfer written directly.
  await h.sql`update tickets set service_id = ${other.id}, group_id = ${other.groupIds[0]} where id = 'TIMPORT3'`;
  await h.sql`update tickets set deleted_at = now() where id = 'TIMPORT8'`;
  await h.sql`update tickets set status = 'issue_transferred' where id = ${t[5]}`;
  await expectRightBeforeAndAfterFolding(viewers, 'written directly');
}, 240_000);
