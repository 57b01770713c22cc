/**
 * Exactly once, when the one change activity is retried after its transaction committed (the worker died before
 * Temporal heard back): the retry answers what the first attempt did (the same assignee, the same trigger changes
 * and side effects) and the read model keeps one row of each, without a second round-robin turn.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ticketChangeActivities } from '../../activities/ticket-changes';
import { businessId } from '../../domain/ids';
import { startHarness, type Harness } from '../support/harness';
import { newTicket } from '../support/new-ticket';
import { defineTrigger, publish } from '../support/rules';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.stop());

it('answers a retried create and a retried command from what the first attempt committed', async () => {
  const service = await h.createService();
  const groupId = service.groupIds[0];
  const first = await h.createAgent({ groupIds: [groupId] });
  const second = await h.createAgent({ groupIds: [groupId] });
  await defineTrigger(h, service.id, {
    title: 'rr',
    events: ['created'],
    results: [{ type: 'assign', groupId, strategy: 'roundRobin' }, { type: 'notifyEmail', to: 'assignee', messages: { ko: { subject: '배정', body: '배정' } } }],
  });
  await defineTrigger(h, service.id, {
    title: 'held',
    events: ['updated'],
    all: [{ field: 'status', operator: 'changedTo', value: 'on_hold' }],
    results: [{ type: 'addTags', tags: ['held'] }],
  });
  await publish(h, service.id);
  const activities = ticketChangeActivities({ sql: h.sql, keyring: null, evaluator: 'fast' });
  const now = new Date().toISOString();
  const ticket = newTicket(h, { serviceId: service.id, subject: '재시도', email: 'retry@example.com', at: now });

  const created = await activities.createTicket({ ticket, now });
  expect(created).toMatchObject({ evaluated: true, sideEffects: 1, changes: { assigneeId: [null, first.id] } });
  expect(await activities.createTicket({ ticket, now })).toEqual(created);

  const held = {
    state: { id: ticket.ticketId, seq: 3, status: 'on_hold' as const, priority: 'normal' as const, groupId, assigneeId: first.id },
    kind: 'hold',
    actorId: first.id,
    changes: { status: ['in_progress', 'on_hold'] as [unknown, unknown] },
    message: { kind: 'interim' as const, body: '잠시만요' },
    at: now,
  };
  const change = { change: { ...held, state: { ...held.state, resolutionTypeId: null, intakeTypeId: null, tags: [], deleted: false } }, evaluation: 2, now };
  const changed = await activities.changeTicket(change);
  expect(changed).toMatchObject({ evaluated: true, sideEffects: 0, changes: { tags: [[], ['held']] } });
  expect(await activities.changeTicket(change)).toEqual(changed);

  const events = await h.sql<{ seq: number; kind: string }[]>`select seq, kind from ticket_events where ticket_id = ${ticket.ticketId} order by seq`;
  expect(events.map((event) => [event.seq, event.kind])).toEqual([
    [1, 'created'],
    [2, 'trigger'],
    [3, 'hold'],
    [4, 'trigger'],
  ]);
  const [row] = await h.sql<{ assignee_id: string; tags: string[]; last_seq: number }[]>`
    select assignee_id, tags, last_seq from tickets where id = ${ticket.ticketId}`;
  expect(row).toEqual({ assignee_id: first.id, tags: ['held'], last_seq: 4 });
  const counts = await h.sql<{ messages: number; effects: number; decisions: number }[]>`
    select (select count(*)::int from ticket_messages where ticket_id = ${ticket.ticketId}) as messages,
      (select count(*)::int from trigger_side_effects where ticket_id = ${ticket.ticketId}) as effects,
      (select count(*)::int from assignment_decisions where key like ${`${ticket.ticketId}:%`}) as decisions`;
  expect(counts).toEqual([{ messages: 1, effects: 1, decisions: 1 }]);

  // The round-robin turn moved once: the next ticket goes to the other agent.
  const next = await activities.createTicket({ ticket: { ...ticket, ticketId: businessId('T'), customer: { ...ticket.customer, id: businessId('U', 12) } }, now });
  expect(next.changes).toMatchObject({ assigneeId: [null, second.id] });
});
