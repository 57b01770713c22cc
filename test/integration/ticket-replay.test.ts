/**
 * Tickets opened before a change ran as one activity keep replaying: a history recorded by the code of before
 * (create → assigned by round robin, reply, hold with a trigger's tag, resolve: `openTicket`, `evaluateTriggers`,
 * `recordTicketChange` and `planTimeRules` per change) replays against today's workflow without a determinism
 * error, and a ticket opened today runs each change as the one activity. The same for time rules: a history that
 * fired them with `fireTimeRule`, `recordTicketChange`, `evaluateTriggers` and `planTimeRules` replays, and a ticket
 * opened today fires each through `fireTimeRuleChange`; and for an outside event (an issue ticket's answer), recorded
 * with `recordTicketChange`, `evaluateTriggers` and `planTimeRules` before and through `changeTicket` today.
 */
import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, it, vi } from 'vitest';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { openedUpdate, ticketWorkflow, ticketWorkflowId, timeRuleFiredUpdate } from '../../workflows/ticket';
import { startHarness, type Harness } from '../support/harness';
import { newTicket } from '../support/new-ticket';
import { defineTrigger, publish, settledSideEffects } from '../support/rules';

const FOUR_ACTIVITIES = new URL('../fixtures/ticket-history-four-activities.json', import.meta.url);
/** Opened, taken, then at risk (priority raised, a trigger's tag on it) and breached, fired by the activities of before. */
const TIME_RULE_ACTIVITIES = new URL('../fixtures/ticket-history-time-rule-activities.json', import.meta.url);
/** Taken, transferred to an issue service, then answered there (a trigger tags the answered ticket), recorded as before. */
const EVENT_ACTIVITIES = new URL('../fixtures/ticket-history-event-activities.json', import.meta.url);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const historyOf = async (workflowId: string) =>
  (await h.temporal.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } })).history!;

const replay = (history: temporal.api.history.v1.IHistory, workflowId: string) =>
  Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);

/** The activities the history scheduled, in order. */
const scheduled = (history: temporal.api.history.v1.IHistory) =>
  (history.events ?? []).flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);

/** The ids of the patches whose markers the history recorded. */
const patchMarkers = (history: temporal.api.history.v1.IHistory) =>
  (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    const id = marker.details?.['patch-data']?.payloads?.[0]?.data;
    return id ? [(JSON.parse(Buffer.from(id).toString()) as { id: string }).id] : [];
  });

/** How many search-attribute upserts set `TemporalChangeVersion`. */
const changeVersionUpserts = (history: temporal.api.history.v1.IHistory) =>
  (history.events ?? []).filter((event) => event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.TemporalChangeVersion)
    .length;

it('replays a ticket recorded with four activities per change', async () => {
  const history = temporal.api.history.v1.History.fromObject(JSON.parse(await readFile(FOUR_ACTIVITIES, 'utf8')));
  expect(scheduled(history).slice(0, 4)).toEqual(['openTicket', 'evaluateTriggers', 'recordTicketChange', 'planTimeRules']);
  await expect(replay(history, 'ticket-recorded')).resolves.toBeUndefined();
});

it('runs a new ticket with one activity per change, and replays it', async () => {
  const service = await h.createService();
  const groupId = service.groupIds[0];
  const agent = await h.createAgent({ groupIds: [groupId] });
  await defineTrigger(h, service.id, { title: 'rr', events: ['created'], results: [{ type: 'assign', groupId, strategy: 'roundRobin' }] });
  await defineTrigger(h, service.id, {
    title: 'held',
    events: ['updated'],
    all: [{ field: 'status', operator: 'changedTo', value: 'on_hold' }],
    results: [{ type: 'addTags', tags: ['held'] }],
  });
  await publish(h, service.id);
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '한 번에', content: '...', customer: { email: 'once@example.com' } },
  });
  expect(created.body.assigneeId).toBe(agent.id);
  const id = created.body.id;
  const held = await h.request('POST', `/tickets/${id}/hold`, { token: agent.token, body: { body: '잠시만요' } });
  expect(held.body).toMatchObject({ status: 'on_hold', tags: ['held'] });
  await settledSideEffects(h, id);

  const { history } = await h.temporal.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: ticketWorkflowId(id) },
  });
  expect(scheduled(history!)).toEqual(['createTicket', 'changeTicket', 'emailCustomerReply']);
  // Started with `oneActivityPerChange`: no patch marker, so no TemporalChangeVersion upsert either.
  expect(patchMarkers(history!)).toEqual([]);
  expect(changeVersionUpserts(history!)).toBe(0);
  await expect(replay(history!, ticketWorkflowId(id))).resolves.toBeUndefined();
});

it('runs a ticket started as before, without the flag, with one activity per change behind the patch, and replays it', async () => {
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  const create = newTicket(h, { serviceId: service.id, subject: '예전 방식으로 시작', email: 'before@example.com' });
  const { ticketId } = create;
  // The arguments the API started tickets with before the flag existed.
  await h.temporal.workflow.executeUpdateWithStart(openedUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
      workflowId: ticketWorkflowId(ticketId),
      taskQueue: h.taskQueue,
      args: [{ ticketId, create }],
      workflowIdConflictPolicy: 'FAIL',
    }),
  });
  const taken = await h.request('POST', `/tickets/${ticketId}/take`, { token: agent.token, body: {} });
  expect(taken.status, JSON.stringify(taken.body)).toBe(200);

  const { history } = await h.temporal.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: ticketWorkflowId(ticketId) },
  });
  expect(scheduled(history!)).toEqual(['createTicket', 'changeTicket']);
  expect(patchMarkers(history!)).toEqual(['one-activity-per-change']);
  expect(changeVersionUpserts(history!)).toBe(1);
  await expect(replay(history!, ticketWorkflowId(ticketId))).resolves.toBeUndefined();
});

it('replays a ticket whose time rules fired with the activities of before', async () => {
  const history = temporal.api.history.v1.History.fromObject(JSON.parse(await readFile(TIME_RULE_ACTIVITIES, 'utf8')));
  expect(scheduled(history)).toEqual([
    'createTicket',
    'changeTicket',
    'fireTimeRule',
    'recordTicketChange',
    'evaluateTriggers',
    'recordTicketChange',
    'planTimeRules',
    'fireTimeRule',
    'planTimeRules',
  ]);
  await expect(replay(history, 'ticket-recorded')).resolves.toBeUndefined();
});

/** A service whose tickets fall at risk after a second (priority raised to urgent, which a trigger tags) and breach after two. */
async function timedService() {
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  await defineTrigger(h, service.id, {
    title: 'urgent',
    events: ['updated'],
    all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }],
    results: [{ type: 'addTags', tags: ['급함'] }],
  });
  await publish(h, service.id);
  const policy = await h.request('POST', `/services/${service.id}/sla-policies`, {
    token: h.admin.token,
    body: { title: '2초', resolution: '2s', atRiskRatio: 0.5, onAtRisk: [{ type: 'setPriority', priority: 'urgent' }], onBreach: [] },
  });
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  return { service, agent };
}

/** Waits for the ticket's at-risk and breach firings, then checks what the firings left on it. */
async function untilBothFired(ticketId: string) {
  const handle = h.temporal.workflow.getHandle(ticketWorkflowId(ticketId));
  await handle.executeUpdate(timeRuleFiredUpdate, { args: ['resolution:at_risk'] });
  await handle.executeUpdate(timeRuleFiredUpdate, { args: ['resolution:breached'] });
  const ticket = await h.request('GET', `/tickets/${ticketId}`, { token: h.admin.token });
  expect(ticket.body).toMatchObject({ priority: 'urgent', tags: ['급함'] });
  const events = await h.request('GET', `/tickets/${ticketId}/events`, { token: h.admin.token });
  expect(events.body.map((event: { kind: string }) => event.kind)).toEqual(['created', 'take', 'time_rule', 'trigger']);
}

it("fires a new ticket's time rules with one activity each, and replays it", async () => {
  const { service, agent } = await timedService();
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '시간 규칙', content: '...', customer: { email: 'timer@example.com' } },
  });
  await h.request('POST', `/tickets/${created.body.id}/take`, { token: agent.token, body: {} });
  await untilBothFired(created.body.id);

  const history = await historyOf(ticketWorkflowId(created.body.id));
  expect(scheduled(history)).toEqual(['createTicket', 'changeTicket', 'fireTimeRuleChange', 'fireTimeRuleChange']);
  expect(patchMarkers(history)).toEqual([]);
  await expect(replay(history, ticketWorkflowId(created.body.id))).resolves.toBeUndefined();
});

it('fires the time rules of a ticket started before the flag with one activity each behind the patch, and replays it', async () => {
  const { service, agent } = await timedService();
  const create = newTicket(h, { serviceId: service.id, subject: '예전 인자로 시작', email: 'timer-before@example.com' });
  const { ticketId } = create;
  // The arguments the API started tickets with before time rules fired as one activity.
  await h.temporal.workflow.executeUpdateWithStart(openedUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
      workflowId: ticketWorkflowId(ticketId),
      taskQueue: h.taskQueue,
      args: [{ ticketId, oneActivityPerChange: true, create }],
      workflowIdConflictPolicy: 'FAIL',
    }),
  });
  await h.request('POST', `/tickets/${ticketId}/take`, { token: agent.token, body: {} });
  await untilBothFired(ticketId);

  const history = await historyOf(ticketWorkflowId(ticketId));
  expect(scheduled(history)).toEqual(['createTicket', 'changeTicket', 'fireTimeRuleChange', 'fireTimeRuleChange']);
  expect(patchMarkers(history)).toEqual(['one-activity-per-firing']);
  await expect(replay(history, ticketWorkflowId(ticketId))).resolves.toBeUndefined();
});

it('replays a ticket whose outside event was recorded with the activities of before', async () => {
  const history = temporal.api.history.v1.History.fromObject(JSON.parse(await readFile(EVENT_ACTIVITIES, 'utf8')));
  expect(scheduled(history)).toEqual(['createTicket', 'changeTicket', 'changeTicket', 'recordTicketChange', 'evaluateTriggers', 'recordTicketChange', 'planTimeRules']);
  await expect(replay(history, 'ticket-recorded')).resolves.toBeUndefined();
});

it("records a new ticket's outside event with the one change activity, and replays it", async () => {
  const consultation = await h.createService();
  const created = await h.request('POST', '/services', { token: h.admin.token, body: { name: '결제 이슈', kind: 'issue' } });
  const group = await h.request('POST', `/services/${created.body.id}/groups`, { token: h.admin.token, body: { name: '결제개발' } });
  const agent = await h.createAgent({ groupIds: [consultation.groupIds[0]] });
  const specialist = await h.createAgent({ groupIds: [group.body.id] });
  await defineTrigger(h, consultation.id, {
    title: 'answered',
    events: ['updated'],
    all: [{ field: 'status', operator: 'changedTo', value: 'issue_answered' }],
    results: [{ type: 'addTags', tags: ['답변옴'] }],
  });
  await publish(h, consultation.id);
  const ticket = await h.request('POST', '/tickets', {
    token: agent.token,
    body: { serviceId: consultation.id, subject: '환불이 안 돼요', content: '지난주 환불 요청', customer: { email: 'refund@example.com' } },
  });
  const id = ticket.body.id;
  await h.request('POST', `/tickets/${id}/take`, { token: agent.token, body: {} });
  const transfer = await h.request('POST', `/tickets/${id}/issue-transfers`, {
    token: agent.token,
    body: { serviceId: created.body.id, subject: '확인 요청', content: '내용' },
  });
  expect(transfer.status, JSON.stringify(transfer.body)).toBe(201);
  const issueTicketId = transfer.body.issueTicketId;
  // The issue ticket's workflow is started by the transfer's and opens it a moment later.
  await vi.waitFor(async () => expect((await h.request('POST', `/tickets/${issueTicketId}/take`, { token: specialist.token, body: {} })).status).toBe(200), {
    timeout: 30_000,
    interval: 100,
  });
  expect((await h.request('POST', `/tickets/${issueTicketId}/resolve`, { token: specialist.token, body: { body: '처리했습니다.' } })).status).toBe(200);
  const answered = async () => (await h.request('GET', `/tickets/${id}`, { token: h.admin.token })).body;
  await vi.waitFor(async () => expect(await answered()).toMatchObject({ status: 'issue_answered', tags: ['답변옴'] }), { timeout: 30_000, interval: 100 });
  const events = await h.request('GET', `/tickets/${id}/events`, { token: h.admin.token });
  expect(events.body.map((event: { kind: string }) => event.kind)).toEqual(['created', 'take', 'transfer_issue', 'issue_answered', 'trigger']);

  const history = await historyOf(ticketWorkflowId(id));
  expect(scheduled(history)).toEqual(['createTicket', 'changeTicket', 'changeTicket', 'changeTicket']);
  expect(patchMarkers(history)).toEqual([]);
  await expect(replay(history, ticketWorkflowId(id))).resolves.toBeUndefined();
});
