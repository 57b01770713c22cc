/**
 * Exactly once, when the one change activity is retried after its transaction committed (the worker died before
 * Temporal heard back): the retry answers what the first attempt did (the same assignee, the same trigger changes
 * and side effects) and the read model keeps one row of each, without a second round-robin turn. The same for a
 * time rule's firing, which also records the `updated` cycle its change runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ticketChangeActivities } from '../../activities/ticket-changes';
import { businessId } from '../../domain/ids';
import { openingState } from '../../domain/ticket-state';
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

it('answers a retried time-rule firing from what the first attempt committed, and a rule not yet due with the plan', async () => {
  const service = await h.createService();
  await defineTrigger(h, service.id, {
    title: 'urgent',
    events: ['updated'],
    all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }],
    results: [{ type: 'addTags', tags: ['급함'] }, { type: 'notifyEmail', to: 'assignee', messages: { ko: { subject: '급함', body: '급함' } } }],
  });
  await publish(h, service.id);
  const policy = await h.request('POST', `/services/${service.id}/sla-policies`, {
    token: h.admin.token,
    body: { title: '한 시간', resolution: '1h', atRiskRatio: 0.5, onAtRisk: [{ type: 'setPriority', priority: 'urgent' }], onBreach: [] },
  });
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  const activities = ticketChangeActivities({ sql: h.sql, keyring: null, evaluator: 'fast' });
  // Opened 40 minutes ago: the at-risk target (30 minutes) is due, the breach (an hour) is not.
  const openedAt = new Date(Date.now() - 40 * 60_000);
  const now = new Date().toISOString();
  const ticket = newTicket(h, { serviceId: service.id, subject: '시간 규칙 재시도', email: 'timer-retry@example.com', at: openedAt.toISOString() });
  await activities.createTicket({ ticket, now });
  const state = openingState(ticket);

  const notDue = await activities.fireTimeRuleChange({ state, key: 'resolution:breached', evaluation: 2, now });
  expect(notDue).toEqual({
    fired: false,
    rule: { changes: {}, sideEffects: 0 },
    evaluated: false,
    changes: {},
    sideEffects: 0,
    timers: expect.any(Array),
  });
  expect(notDue.timers.map((timer) => timer.key)).toEqual(['resolution:at_risk', 'resolution:breached']);

  const firing = { state, key: 'resolution:at_risk', evaluation: 2, now };
  const fired = await activities.fireTimeRuleChange(firing);
  expect(fired).toMatchObject({
    fired: true,
    rule: { changes: { priority: ['normal', 'urgent'] }, sideEffects: 0 },
    evaluated: true,
    changes: { tags: [[], ['급함']] },
    sideEffects: 1,
  });
  expect(fired.timers.map((timer) => timer.key)).toEqual(['resolution:breached']);
  expect(await activities.fireTimeRuleChange(firing)).toEqual(fired);

  const events = await h.sql<{ seq: number; kind: string }[]>`select seq, kind from ticket_events where ticket_id = ${ticket.ticketId} order by seq`;
  expect(events.map((event) => [event.seq, event.kind])).toEqual([
    [1, 'created'],
    [2, 'time_rule'],
    [3, 'trigger'],
  ]);
  const [row] = await h.sql<{ priority: string; tags: string[]; last_seq: number }[]>`
    select priority, tags, last_seq from tickets where id = ${ticket.ticketId}`;
  expect(row).toEqual({ priority: 'urgent', tags: ['급함'], last_seq: 3 });
  const evaluations = await h.sql<{ evaluation: number; event: string }[]>`
    select evaluation, event from trigger_evaluations where ticket_id = ${ticket.ticketId} order by evaluation`;
  expect(evaluations.map((evaluation) => [evaluation.evaluation, evaluation.event])).toEqual([
    [1, 'created'],
    [2, 'time_rule'],
    [3, 'updated'],
  ]);
  const [counts] = await h.sql<{ effects: number; firings: number }[]>`
    select (select count(*)::int from trigger_side_effects where ticket_id = ${ticket.ticketId}) as effects,
      (select count(*)::int from time_rule_firings where ticket_id = ${ticket.ticketId}) as firings`;
  expect(counts).toEqual({ effects: 1, firings: 1 });
});
