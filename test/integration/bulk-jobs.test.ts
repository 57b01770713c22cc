/**
 * Bulk processing (일괄 처리): a job of its own drives each selected ticket's workflow, each ticket exactly once even
 * when the worker is killed mid-job; progress is readable while it runs and streamed as server-sent events;
 * refusals are listed per ticket; bad selections are refused up front with nothing started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessId } from '../../domain/ids';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'ticket_forward'] });
});

afterAll(async () => {
  await h?.stop();
});

async function createTickets(count: number, serviceId = service.id): Promise<string[]> {
  const ids: string[] = [];
  // A few at a time: the machine is shared, and creation order does not matter here.
  for (let start = 0; start < count; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, async (_, index) => {
        const response = await h.request('POST', '/tickets', {
          token: h.admin.token,
          body: { serviceId, subject: `일괄 ${start + index}`, content: '내용', customer: { email: 'bulk@example.com' } },
        });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body.id as string;
      }),
    );
    ids.push(...batch);
  }
  return ids;
}

async function untilFinished(jobId: string, token = agent.token, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await h.request('GET', `/bulk-jobs/${jobId}`, { token })).body;
    if (job.status === 'finished') return job;
    if (Date.now() > deadline) throw new Error(`bulk job ${jobId} did not finish: ${JSON.stringify(job)}`);
    await h.temporal.workflow.getHandle(`bulk-job-${jobId}`).result().catch(() => undefined);
  }
}

async function counts() {
  const [row] = await h.sql`
    select (select count(*) from ticket_events)::int as events, (select count(*) from bulk_jobs)::int as jobs,
      (select count(*) from ticket_messages)::int as messages`;
  return row;
}

describe('a bulk job', () => {
  it('applies the action to every ticket, lists refusals with their codes, and streams its progress', async () => {
    const ids = await createTickets(6);
    // One closed-off ticket: already in the spam box, so a second spam is refused for it alone.
    await h.request('POST', `/tickets/${ids[5]}/internal-resolve`, { token: h.admin.token, body: { reason: 'spam' } });

    const started = await h.request('POST', '/bulk-jobs', { token: agent.token, body: { ticketIds: ids, action: { kind: 'priority', priority: 'urgent' } } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ total: 6, status: 'running' });
    const job = await untilFinished(started.body.id);
    expect(job).toMatchObject({ total: 6, done: 6, refused: 0, pending: 0 });
    const priorities = await h.sql`select priority from tickets where id = any(${ids})`;
    expect(priorities.every((row) => row.priority === 'urgent')).toBe(true);

    const spam = await h.request('POST', '/bulk-jobs', { token: agent.token, body: { ticketIds: ids, action: { kind: 'spam' } } });
    const spammed = await untilFinished(spam.body.id);
    expect(spammed).toMatchObject({ done: 5, refused: 1 });
    expect(spammed.refusals).toEqual([{ ticketId: ids[5], code: 'ticket.invalid_transition', message: expect.any(String) }]);

    // The event stream replays the finished job at once and closes.
    const stream = await h.request('GET', `/bulk-jobs/${spam.body.id}/events`, { token: agent.token });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.body).toContain('event: finished');
    expect(stream.body).toContain(`"refused":1`);

    // Operators find the job's workflow with its action and progress.
    const listed = await h.request('GET', `/operations/workflows/bulk-job-${spam.body.id}`, { token: h.admin.token });
    expect(listed.body).toMatchObject({
      kind: 'bulk_job',
      status: 'completed',
      businessObject: { kind: 'bulk_job', id: spam.body.id, title: 'spam · 6/6', status: 'finished' },
    });
  });

  it('streams progress events while it runs', async () => {
    const ids = await createTickets(40);
    const started = await h.request('POST', '/bulk-jobs', {
      token: agent.token,
      body: { ticketIds: ids, action: { kind: 'tags', add: ['일괄'], remove: [] } },
    });
    const stream = await h.request('GET', `/bulk-jobs/${started.body.id}/events`, { token: agent.token });
    const events = String(stream.body)
      .split('\n\n')
      .filter((block) => block.includes('data:'))
      .map((block) => ({ event: /event: (\w+)/.exec(block)![1], job: JSON.parse(/data: (.*)/.exec(block)![1]) }));
    expect(events.at(-1)).toMatchObject({ event: 'finished', job: { done: 40 } });
    const done = events.map((entry) => entry.job.done as number);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const tagged = await h.sql`select count(*)::int as n from tickets where id = any(${ids}) and '일괄' = any(tags)`;
    expect(tagged[0].n).toBe(40);
  });

  it('refuses a bulk reply up front when a selected ticket has no assignee', async () => {
    const [assigned, unassigned] = await createTickets(2);
    await h.request('POST', `/tickets/${assigned}/take`, { token: agent.token, body: {} });
    const before = await counts();
    const refused = await h.request('POST', '/bulk-jobs', {
      token: agent.token,
      body: { ticketIds: [assigned, unassigned], action: { kind: 'resolve', body: '일괄 답변입니다.' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'bulk.unassigned_tickets', details: { ticketIds: [unassigned] } });
    expect(await counts()).toEqual(before);
  });

  it('refuses tickets of another organisation, unknown ids and bad actions, starting nothing', async () => {
    const orgId = businessId('O');
    const serviceId = businessId('S');
    const foreign = businessId('T');
    await h.sql`insert into organizations (id, name) values (${orgId}, 'Elsewhere')`;
    await h.sql`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, 'Other', 'consultation')`;
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
      values (${foreign}, ${serviceId}, 'api', 'unassigned', 'normal', 's', 'c', 1, now(), now())`;
    const [own] = await createTickets(1);
    const before = await counts();
    const cases: [unknown, number, string][] = [
      [{ ticketIds: [own, foreign], action: { kind: 'comment', body: 'x' } }, 422, 'bulk.unknown_tickets'],
      [{ ticketIds: [own, 'T0000000000000nope'], action: { kind: 'priority', priority: 'high' } }, 422, 'bulk.unknown_tickets'],
      [{ ticketIds: [], action: { kind: 'priority', priority: 'high' } }, 400, 'request.invalid'],
      [{ ticketIds: [own, own], action: { kind: 'priority', priority: 'high' } }, 400, 'request.invalid'],
      [{ ticketIds: Array.from({ length: 1001 }, (_, i) => `T${i}`), action: { kind: 'spam' } }, 400, 'request.invalid'],
      [{ ticketIds: [own], action: { kind: 'explode' } }, 400, 'request.invalid'],
      [{ ticketIds: [own], action: { kind: 'forward', groupId: 'G0000000000000nope' } }, 422, 'request.invalid_reference'],
    ];
    for (const [body, status, code] of cases) {
      const refused = await h.request('POST', '/bulk-jobs', { token: agent.token, body });
      expect(refused.status, JSON.stringify(body).slice(0, 200)).toBe(status);
      expect(refused.body.error.code).toBe(code);
    }
    const unknown = await h.request('POST', '/bulk-jobs', { token: agent.token, body: cases[0][0] });
    expect(unknown.body.error.details.ticketIds).toEqual([foreign]);
    const withoutPermission = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: [] });
    const forbidden = await h.request('POST', '/bulk-jobs', { token: withoutPermission.token, body: { ticketIds: [own], action: { kind: 'spam' } } });
    expect(forbidden.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('shows a job only to the agent who started it and to admins', async () => {
    const [id] = await createTickets(1);
    const started = await h.request('POST', '/bulk-jobs', { token: agent.token, body: { ticketIds: [id], action: { kind: 'priority', priority: 'low' } } });
    await untilFinished(started.body.id);
    const other = await h.createAgent({ groupIds: [service.groupIds[0]] });
    expect((await h.request('GET', `/bulk-jobs/${started.body.id}`, { token: other.token })).status).toBe(404);
    expect((await h.request('GET', `/bulk-jobs/${started.body.id}`, { token: h.admin.token })).status).toBe(200);
  });
});

describe('a bulk job of 1,000 tickets', () => {
  it('survives its worker being killed mid-job, with every ticket commented exactly once', { timeout: 900_000 }, async () => {
    const ids = await createTickets(1000);
    // The job runs on a worker in its own process, which is killed (SIGKILL) while it works.
    await h.stopWorker();
    const stop = await h.addWorker();
    const started = await h.request('POST', '/bulk-jobs', {
      token: agent.token,
      body: { ticketIds: ids, action: { kind: 'comment', body: '일괄 메모 1000', internal: true } },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const jobId = started.body.id as string;

    let progress = started.body;
    while (progress.done < 150) progress = (await h.request('GET', `/bulk-jobs/${jobId}`, { token: agent.token })).body;
    await stop('SIGKILL');
    const atKill = (await h.request('GET', `/bulk-jobs/${jobId}`, { token: agent.token })).body;
    expect(atKill.status).toBe('running');
    expect(atKill.done).toBeLessThan(1000);

    await h.startWorker();
    const job = await untilFinished(jobId);
    expect(job).toMatchObject({ total: 1000, done: 1000, refused: 0, pending: 0 });

    const perTicket = await h.sql<{ ticket_id: string; notes: number; events: number }[]>`
      select t.id as ticket_id,
        (select count(*) from ticket_messages m where m.ticket_id = t.id and m.body = '일괄 메모 1000')::int as notes,
        (select count(*) from ticket_events e where e.ticket_id = t.id and e.kind = 'comment')::int as events
      from tickets t where t.id = any(${ids})`;
    expect(perTicket).toHaveLength(1000);
    expect(perTicket.filter((row) => row.notes !== 1 || row.events !== 1)).toEqual([]);
    console.log(`bulk kill test: ${atKill.done} of 1000 done when the worker was killed`);
  });
});
