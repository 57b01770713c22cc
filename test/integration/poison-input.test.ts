/**
 * Data the database refuses for good (a NUL byte, a check violation) never wedges a ticket's workflow: a ticket
 * that cannot be stored is answered with a 422 naming it and its run ends failed, after one activity attempt and
 * with nothing stored; a command whose change cannot be stored is refused and the ticket goes on as it was.
 * The NUL cases start the workflow through Temporal directly, as the API's input gate refuses NUL before that.
 */
import { WithStartWorkflowOperation, WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessId } from '../../domain/ids';
import { commentUpdate, openedUpdate, ticketStateQuery, ticketWorkflow, ticketWorkflowId } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { newTicket } from '../support/new-ticket';

let h: Harness;
let service: { id: string; groupIds: string[] };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService();
  // Check violations stand for every refusal the API's validation cannot foresee.
  await h.sql`alter table tickets add constraint subject_not_refused check (subject <> 'refused by the database')`;
  await h.sql`alter table ticket_messages add constraint body_not_refused check (body <> 'refused by the database')`;
});

afterAll(() => h?.stop());

// Longer than an answer takes, far shorter than the retries a wedged workflow would make.
const PROMPTLY_MS = 15_000;

/** Runs a Temporal call that must answer promptly, abandoning it otherwise. */
const promptly = <T>(call: () => Promise<T>) => h.temporal.withAbortSignal(AbortSignal.timeout(PROMPTLY_MS), call);

const poisonTicket = (subject: string) => newTicket(h, { serviceId: service.id, subject, email: 'poison@example.com', content: 'content' });

/** How many attempts each activity of the run made, in the order they ended. */
async function activityAttempts(handle: WorkflowHandle): Promise<Record<string, number>[]> {
  const { events } = await handle.fetchHistory();
  const names = new Map<string, string>();
  const attempts: Record<string, number>[] = [];
  for (const event of events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) names.set(String(event.eventId), scheduled.activityType!.name!);
    const started = event.activityTaskStartedEventAttributes;
    if (started) attempts.push({ [names.get(String(started.scheduledEventId))!]: started.attempt! });
  }
  return attempts;
}

async function storedRows(ticketId: string) {
  const [counts] = await h.sql<{ tickets: number; events: number; messages: number }[]>`
    select (select count(*)::int from tickets where id = ${ticketId}) as tickets,
           (select count(*)::int from ticket_events where ticket_id = ${ticketId}) as events,
           (select count(*)::int from ticket_messages where ticket_id = ${ticketId}) as messages`;
  return counts;
}

describe('a ticket the database refuses', () => {
  it('fails its creation and its run at once, after one attempt, storing nothing', async () => {
    const ticket = poisonTicket('nul \u0000 byte');
    const workflowId = ticketWorkflowId(ticket.ticketId);
    const started = Date.now();
    const failed = await promptly(() =>
      h.temporal.workflow.executeUpdateWithStart(openedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
          workflowId,
          taskQueue: h.taskQueue,
          args: [{ ticketId: ticket.ticketId, create: ticket }],
          workflowIdConflictPolicy: 'FAIL',
        }),
      }),
    ).catch((error: unknown) => error);
    const answeredMs = Date.now() - started;

    expect(failed).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (failed as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause.type).toBe('ticket.unprocessable');
    expect(cause.message).toContain(ticket.ticketId);
    expect(cause.details?.[0]).toMatchObject({ ticketId: ticket.ticketId, workflowId, sqlstate: '22021' });

    const handle = h.temporal.workflow.getHandle(workflowId);
    const ended = await promptly(() => handle.result()).catch((error: unknown) => error);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect((ended as WorkflowFailedError).cause).toMatchObject({ type: 'ticket.unprocessable' });
    expect((await handle.describe()).status.name).toBe('FAILED');
    expect(await activityAttempts(handle)).toEqual([{ createTicket: 1 }]);
    expect(await storedRows(ticket.ticketId)).toEqual({ tickets: 0, events: 0, messages: 0 });
    expect(answeredMs).toBeLessThan(PROMPTLY_MS);
  });

  it('answers the API caller with a 422 naming the ticket, and the same to a repeat of the request', async () => {
    const body = { serviceId: service.id, subject: 'refused by the database', content: '...', customer: { email: 'p@example.com' } };
    const headers = { 'idempotency-key': `poison-${businessId('K')}` };
    const created = await h.request('POST', '/tickets', { token: h.admin.token, body, headers });
    expect(created.status, JSON.stringify(created.body)).toBe(422);
    expect(created.body.error).toMatchObject({
      code: 'ticket.unprocessable',
      details: { sqlstate: '23514', constraint: 'subject_not_refused', table: 'tickets' },
    });
    const { ticketId, workflowId } = created.body.error.details;
    expect(created.body.error.message).toContain(ticketId);
    expect(workflowId).toBe(ticketWorkflowId(ticketId));

    const repeated = await h.request('POST', '/tickets', { token: h.admin.token, body, headers });
    expect(repeated.status).toBe(422);
    expect(repeated.body.error).toMatchObject({ code: 'ticket.unprocessable', details: { ticketId } });

    expect((await h.request('GET', `/tickets/${ticketId}`, { token: h.admin.token })).status).toBe(404);
    expect((await h.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('FAILED');
    expect(await storedRows(ticketId)).toEqual({ tickets: 0, events: 0, messages: 0 });
  });
});

describe('a command the database refuses', () => {
  const ticketBody = () => ({ serviceId: service.id, subject: 'poison command', content: '...', customer: { email: 'p@example.com' } });

  it('is refused with a 422 and leaves the ticket as it was, serving later commands', async () => {
    const ticket = (await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody() })).body;
    const before = await h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id)).query(ticketStateQuery);

    const refused = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: h.admin.token, body: { body: 'refused by the database' } });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'ticket.unprocessable',
      details: { ticketId: ticket.id, sqlstate: '23514', constraint: 'body_not_refused' },
    });
    expect(await h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id)).query(ticketStateQuery)).toEqual(before);

    const later = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: h.admin.token, body: { body: 'stored' } });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    const events = await h.request('GET', `/tickets/${ticket.id}/events`, { token: h.admin.token });
    expect(events.body.map((e: { kind: string; seq: number }) => [e.kind, e.seq])).toEqual([
      ['created', 1],
      ['comment', 2],
    ]);
  });

  it('fails the update at once on a NUL, after one attempt, and the ticket goes on', async () => {
    const ticket = (await h.request('POST', '/tickets', { token: h.admin.token, body: ticketBody() })).body;
    const handle = h.temporal.workflow.getHandle(ticketWorkflowId(ticket.id));
    const before = await handle.query(ticketStateQuery);
    const actor = { id: h.admin.id, role: 'admin' as const, permissions: ['ticket' as const], groupIds: [] };

    const failed = await promptly(() => handle.executeUpdate(commentUpdate, { args: [{ actor, body: 'nul \u0000 byte', internal: false }] })).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((failed as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ticket.unprocessable' });
    expect(((failed as WorkflowUpdateFailedError).cause as ApplicationFailure).details?.[0]).toMatchObject({ sqlstate: '22021' });
    expect((await activityAttempts(handle)).filter((attempt) => 'changeTicket' in attempt)).toEqual([{ changeTicket: 1 }]);
    expect(await handle.query(ticketStateQuery)).toEqual(before);

    const later = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: h.admin.token, body: { body: 'stored' } });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    const messages = await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token });
    expect(messages.body.map((m: { seq: number; body: string }) => [m.seq, m.body])).toEqual([[2, 'stored']]);
  });
});
