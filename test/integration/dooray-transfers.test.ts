/**
 * Dooray! transfers through the HTTP API, against real Temporal and PostgreSQL and the fake Dooray (a real HTTP
 * server speaking Dooray's shapes): settings, the happy path both ways, webhooks duplicated, late, forged and for
 * unknown posts, Dooray down or rate-limiting, a dropped connection and a worker killed between Dooray's answer
 * and our write, each ending with exactly one task; bad input refused with nothing changed.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKeyList } from '../../infra/keyring';
import { projectRoot } from '../../infra/env';
import { doorayTransferWorkflowId } from '../../domain/transfer';
import { startFakeDooray, type FakeDooray } from '../fakes/dooray';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { defineTrigger, publish } from '../support/rules';
import { inject } from 'vitest';

const TOKEN = 'dooray-token-for-tests';
const DOORAY_PROJECT = 'pr-support';

let h: Harness;
let fake: FakeDooray;
let served: ServedApi;
let service: { id: string; groupIds: string[] };
let agent: { id: string; email: string; token: string };
let organizationId: string;
let projectId: string;
let webhookPath: string;

beforeAll(async () => {
  fake = await startFakeDooray({ token: TOKEN, apiMemberId: 'm-api' });
  fake.addProject(DOORAY_PROJECT, 'support');
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: generateKeyList('t1'), DOORAY_TIMEOUT_MS: '1500' } });
  served = await serveApi(h);
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  fake.addMember(agent.email, 'm-agent', '예시01');
  // The service's triggers run again on every status a transfer brings.
  await defineTrigger(h, service.id, {
    title: 'Dooray 답변 → 긴급',
    events: ['updated'],
    all: [{ field: 'status', operator: 'equals', value: 'dooray_answered' }],
    results: [{ type: 'setPriority', priority: 'urgent' }],
  });
  await publish(h, service.id);
});

afterAll(async () => {
  await served?.stop();
  await h?.stop();
  await fake?.stop();
});

const admin = (method: string, path: string, body?: unknown) => h.request(method, path, { token: h.admin.token, body });

async function workingTicket() {
  const created = await h.request('POST', '/tickets', {
    token: agent.token,
    body: { serviceId: service.id, subject: '결제 오류', content: '카드 결제가 두 번 됐어요.', customer: { name: '홍길동', email: 'c@example.com' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const taken = await h.request('POST', `/tickets/${created.body.id}/take`, { token: agent.token, body: {} });
  expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  return taken.body as { id: string; status: string };
}

const transfer = (ticketId: string, body: Record<string, unknown> = {}) =>
  h.request('POST', `/tickets/${ticketId}/dooray-transfers`, {
    token: agent.token,
    body: { projectId, subject: '#{ticket.id} 결제 오류 확인 요청', body: '고객: #{customer.name}', tagIds: ['tag-1'], ...body },
  });

const ticketOf = async (id: string) => (await h.request('GET', `/tickets/${id}`, { token: agent.token })).body;
const transfersOf = async (id: string) => (await h.request('GET', `/tickets/${id}/transfers`, { token: agent.token })).body;
const eventsOf = async (id: string) => (await h.request('GET', `/tickets/${id}/events`, { token: agent.token })).body as { kind: string; changes: any }[];

async function untilStatus(ticketId: string, status: string) {
  await vi.waitFor(async () => expect((await ticketOf(ticketId)).status).toBe(status), { timeout: 30_000, interval: 100 });
}

const tasksFor = (transferId: string) => fake.tasks(DOORAY_PROJECT).filter((task) => task.subject.includes(`[CF:${transferId}]`));

const hook = (payload: unknown, path = webhookPath) => served.request('POST', path, { body: payload });

describe('Dooray! settings', () => {
  it('registers an organisation with its token encrypted at rest, a project with a secret webhook URL, and members by email', async () => {
    const org = await admin('POST', '/dooray/organizations', { name: 'NHN Dooray', doorayOrgId: 'o-1', apiBaseUrl: fake.url, apiToken: TOKEN });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    expect(JSON.stringify(org.body)).not.toContain(TOKEN);
    organizationId = org.body.id;
    const [stored] = await h.sql`select api_token_sealed from dooray_organizations where id = ${organizationId}`;
    expect(stored.api_token_sealed).toMatch(/^t1:/);
    expect(stored.api_token_sealed).not.toContain(TOKEN);

    const project = await admin('POST', `/dooray/organizations/${organizationId}/projects`, {
      name: '고객지원',
      url: 'https://nhn.dooray.com/project/support',
      doorayProjectId: DOORAY_PROJECT,
      defaultCreatorMemberId: 'm-api',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    expect(project.body.webhookUrl).toMatch(new RegExp(`/hooks/dooray/${projectId}/[A-Za-z0-9_-]{32}$`));
    webhookPath = new URL(project.body.webhookUrl).pathname;
    // The secret is for admins: agents choosing a project in the transfer dialog do not see it.
    const asAgent = await h.request('GET', `/dooray/organizations/${organizationId}/projects`, { token: agent.token });
    expect(asAgent.body[0]).toMatchObject({ id: projectId, webhookUrl: null });

    // Dooray sends the project's webhooks to our endpoint, registered through its API.
    const registered = await fetch(`${fake.url}/project/v1/projects/${DOORAY_PROJECT}/hooks`, {
      method: 'POST',
      headers: { authorization: `dooray-api ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${served.url}${webhookPath}`, type: 'task', sendEvents: ['postWorkflowChanged', 'postCommentCreated'] }),
    });
    expect(registered.status).toBe(200);

    const lookup = await admin('POST', `/dooray/organizations/${organizationId}/members/lookup`);
    expect(lookup.status, JSON.stringify(lookup.body)).toBe(200);
    expect(lookup.body.members.find((m: any) => m.agentId === agent.id)).toMatchObject({ memberId: 'm-agent', source: 'lookup' });
    expect(fake.requests.some((r) => r.path.startsWith('/common/v1/members') && r.authorization === `dooray-api ${TOKEN}`)).toBe(true);
  });

  it('refuses agents, duplicates and bad values with structured errors', async () => {
    const asAgent = await h.request('POST', '/dooray/organizations', { token: agent.token, body: { name: 'x', doorayOrgId: 'o', apiToken: 't' } });
    expect(asAgent.status).toBe(403);
    const duplicate = await admin('POST', '/dooray/organizations', { name: 'NHN Dooray', doorayOrgId: 'o-1', apiBaseUrl: fake.url, apiToken: TOKEN });
    expect(duplicate.body.error.code).toBe('dooray.name_taken');
    const badUrl = await admin('POST', '/dooray/organizations', { name: 'Other', doorayOrgId: 'o-2', apiBaseUrl: 'ftp://x', apiToken: TOKEN });
    expect(badUrl.status).toBe(400);
    const [{ count }] = await h.sql`select count(*)::int from dooray_organizations`;
    expect(count).toBe(1);
  });
});

describe('a Dooray! transfer', () => {
  it('creates one task as the agent, follows the task through webhooks, and keeps the Dooray conversation', async () => {
    const ticket = await workingTicket();
    const response = await transfer(ticket.id, { assignees: [{ agentId: agent.id }, { email: 'dev@partner.test', name: '개발자' }] });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    // The task is created after the answer, so it may or may not exist yet.
    expect(response.body).toMatchObject({ status: expect.stringMatching(/^(pending|created)$/), projectName: '고객지원' });
    const transferId = response.body.id;
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(transferId)).result();
    await untilStatus(ticket.id, 'dooray_transferred');

    const [task] = tasksFor(transferId);
    expect(tasksFor(transferId)).toHaveLength(1);
    expect(task.subject).toBe(`${ticket.id} 결제 오류 확인 요청 [CF:${transferId}]`);
    expect(task.body).toEqual({ mimeType: 'text/x-markdown', content: '고객: 홍길동' });
    expect(task.users.from).toEqual({ type: 'member', member: { organizationMemberId: 'm-agent' } });
    expect(task.users.to).toEqual([
      { type: 'member', member: { organizationMemberId: 'm-agent' } },
      { type: 'emailUser', emailUser: { emailAddress: 'dev@partner.test', name: '개발자' } },
    ]);
    expect(task.tagIds).toEqual(['tag-1']);
    const view = (await transfersOf(ticket.id)).dooray[0];
    expect(view).toMatchObject({ status: 'created', postId: task.id, taskNumber: task.number, taskUrl: `https://nhn.dooray.com/project/support/${task.id}` });

    // Dooray users move the task and comment on it; both payload variants arrive.
    const [moved] = await fake.moveTask(DOORAY_PROJECT, task.id, 'working', { variant: 'b' });
    expect(moved.body).toEqual({ outcome: 'delivered' });
    await untilStatus(ticket.id, 'dooray_in_progress');
    const [commented] = await fake.comment(DOORAY_PROJECT, task.id, '확인 중입니다.', { variant: 'a' });
    expect(commented.body).toEqual({ outcome: 'stored' });

    // The agent answers on the task; Dooray's echo of our own comment is not stored twice.
    const reply = await h.request('POST', `/tickets/${ticket.id}/dooray-comments`, { token: agent.token, body: { body: '고객이 재확인 요청했습니다.' } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(task.comments.map((c) => c.body.content)).toEqual(['확인 중입니다.', '고객이 재확인 요청했습니다.']);
    await vi.waitFor(() => expect(fake.deliveries.at(-1)?.body).toEqual({ outcome: 'echo' }));
    const conversation = (await h.request('GET', `/tickets/${ticket.id}/dooray-conversation`, { token: agent.token })).body;
    expect(conversation.map((c: any) => [c.direction, c.authorName, c.body])).toEqual([
      ['in', '두레이 담당자', '확인 중입니다.'],
      ['out', '예시01', '고객이 재확인 요청했습니다.'],
    ]);

    await fake.moveTask(DOORAY_PROJECT, task.id, 'closed');
    await untilStatus(ticket.id, 'dooray_answered');
    await vi.waitFor(async () => expect((await ticketOf(ticket.id)).priority).toBe('urgent'), { timeout: 10_000, interval: 100 });

    // A duplicated `closed` and a late `working` change nothing: the ticket is not reopened.
    const before = (await eventsOf(ticket.id)).length;
    expect((await hook(fake.workflowChangedPayload(DOORAY_PROJECT, task.id, 'closed'))).body).toEqual({ outcome: 'delivered' });
    expect((await hook(fake.workflowChangedPayload(DOORAY_PROJECT, task.id, 'working', { variant: 'b' }))).body).toEqual({ outcome: 'delivered' });
    const duplicateComment = fake.commentPayload(DOORAY_PROJECT, task.id, task.comments[0]);
    expect((await hook(duplicateComment)).body).toEqual({ outcome: 'duplicate' });
    // Signals are handled in order: one more status-free event would show up before this read if any had been recorded.
    await h.request('POST', `/tickets/${ticket.id}/comments`, { token: agent.token, body: { body: 'checkpoint', internal: true } });
    const after = await eventsOf(ticket.id);
    expect(after).toHaveLength(before + 1);
    expect((await ticketOf(ticket.id)).status).toBe('dooray_answered');
    expect(after.map((e) => e.kind)).toEqual(expect.arrayContaining(['transfer_dooray', 'dooray_task_created', 'dooray_task_moved', 'trigger']));
    const statuses = after.filter((e) => e.changes.status).map((e) => e.changes.status[1]);
    expect(statuses).toEqual(['unassigned', 'in_progress', 'dooray_transferred', 'dooray_in_progress', 'dooray_answered']);

    // Answered, it can be transferred again: a new task.
    const again = await transfer(ticket.id);
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(again.body.id)).result();
    await untilStatus(ticket.id, 'dooray_transferred');
    expect(tasksFor(again.body.id)).toHaveLength(1);
    expect((await transfersOf(ticket.id)).dooray).toHaveLength(2);

    // The Transferred list and the MY transferring counter show it.
    const list = await h.request('GET', `/tickets?list=transferred`, { token: agent.token });
    expect(list.body.items.map((t: any) => t.id)).toContain(ticket.id);
    const dashboard = await h.request('GET', `/dashboard`, { token: agent.token });
    expect(dashboard.body.mine.transferring).toBeGreaterThanOrEqual(1);
  });

  it('refuses forged, malformed and foreign webhooks, and ignores unknown posts', async () => {
    const forged = await hook(fake.workflowChangedPayload(DOORAY_PROJECT, 'p-unknown', 'closed'), webhookPath.replace(/[^/]+$/, 'wrong-secret'));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('dooray.hook_forbidden');
    const unknownProject = await hook(fake.workflowChangedPayload(DOORAY_PROJECT, 'p-unknown', 'closed'), '/hooks/dooray/DPnope/secret');
    expect(unknownProject.body.error.code).toBe('dooray_project.not_found');
    const unknownPost = await hook(fake.workflowChangedPayload(DOORAY_PROJECT, 'p-unknown', 'closed'));
    expect(unknownPost).toMatchObject({ status: 200, body: { outcome: 'unknown_post' } });
    const malformed = await hook({ hello: 'world' });
    expect(malformed.status).toBe(400);
    const otherProject = await hook({ ...fake.workflowChangedPayload(DOORAY_PROJECT, 'p-unknown', 'closed'), project: { id: 'pr-other', code: 'x' } });
    expect(otherProject.status).toBe(422);
  });
});

describe('when Dooray fails', () => {
  it('completes with exactly one task after Dooray answered 500 for a while', async () => {
    const ticket = await workingTicket();
    fake.failNext(3, 500);
    const response = await transfer(ticket.id);
    const result = await h.temporal.workflow.getHandle(doorayTransferWorkflowId(response.body.id)).result();
    expect(result.status).toBe('created');
    await untilStatus(ticket.id, 'dooray_transferred');
    expect(tasksFor(response.body.id)).toHaveLength(1);
  });

  it('waits as long as the rate-limit headers ask after a 429', async () => {
    const ticket = await workingTicket();
    const start = fake.requests.length;
    fake.rateLimitNext(1, 0.5);
    const response = await transfer(ticket.id);
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(response.body.id)).result();
    const calls = fake.requests.slice(start);
    expect(calls[0].status).toBe(429);
    // Replenishing half a token a second: the next call waits at least two seconds.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1900);
    expect(tasksFor(response.body.id)).toHaveLength(1);
  });

  it('adopts the task whose answer was lost to a dropped connection', async () => {
    const ticket = await workingTicket();
    const posts = fake.createAttempts(DOORAY_PROJECT).length;
    fake.dropAfterCreate(1);
    const response = await transfer(ticket.id);
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(response.body.id)).result();
    await untilStatus(ticket.id, 'dooray_transferred');
    // One creation, whose answer was lost; the retry looked the task up instead of creating a second one.
    expect(fake.createAttempts(DOORAY_PROJECT).slice(posts).map((r) => r.status)).toEqual([0]);
    expect(tasksFor(response.body.id)).toHaveLength(1);
    expect((await transfersOf(ticket.id)).dooray[0].postId).toBe(tasksFor(response.body.id)[0].id);
  });

  it('creates one task when the worker dies between Dooray creating it and our write', async () => {
    const ticket = await workingTicket();
    await h.stopWorker();
    const worker = spawnWorker();
    await worker.polling;
    const posts = fake.createAttempts(DOORAY_PROJECT).length;
    const held = fake.holdNextCreate();
    const response = await transfer(ticket.id).then((r) => r);
    // Dooray has created the task; the worker dies before the answer reaches it.
    const created = await held.created;
    worker.kill();
    await worker.exited;
    held.release();
    await h.startWorker();
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(response.body.id)).result();
    await untilStatus(ticket.id, 'dooray_transferred');
    expect(tasksFor(response.body.id)).toHaveLength(1);
    expect((await transfersOf(ticket.id)).dooray[0].postId).toBe(created.id);
    expect(fake.createAttempts(DOORAY_PROJECT).slice(posts)).toHaveLength(1);
  });

  it('ends the transfer as failed when Dooray refuses it for good, leaving the ticket where it was', async () => {
    const ticket = await workingTicket();
    fake.failNext(1, 403, '/posts');
    const response = await transfer(ticket.id);
    const result = await h.temporal.workflow.getHandle(doorayTransferWorkflowId(response.body.id)).result();
    expect(result.status).toBe('failed');
    await vi.waitFor(async () => expect((await eventsOf(ticket.id)).at(-1)?.kind).toBe('dooray_transfer_failed'));
    expect((await ticketOf(ticket.id)).status).toBe('in_progress');
    expect((await transfersOf(ticket.id)).dooray[0]).toMatchObject({ status: 'failed', failure: expect.stringContaining('403') });
    expect(tasksFor(response.body.id)).toHaveLength(0);
  });
});

describe('bad input', () => {
  async function unchanged(ticketId: string, work: () => Promise<void>) {
    const events = (await eventsOf(ticketId)).length;
    const [{ count: transfers }] = await h.sql`select count(*)::int from dooray_transfers`;
    const tasks = fake.tasks(DOORAY_PROJECT).length;
    await work();
    expect((await eventsOf(ticketId)).length).toBe(events);
    const [{ count: after }] = await h.sql`select count(*)::int from dooray_transfers`;
    expect(after).toBe(transfers);
    expect(fake.tasks(DOORAY_PROJECT).length).toBe(tasks);
  }

  it('refuses an unknown project, a paused integration, a closed ticket, a pending transfer and comments without a task', async () => {
    const ticket = await workingTicket();
    await unchanged(ticket.id, async () => {
      const unknown = await transfer(ticket.id, { projectId: 'DPnope' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({ code: 'request.invalid_reference', details: { field: 'projectId' } });

      expect((await admin('PATCH', `/dooray/organizations/${organizationId}`, { paused: true })).body.paused).toBe(true);
      const paused = await transfer(ticket.id);
      expect(paused.status).toBe(409);
      expect(paused.body.error.code).toBe('dooray.paused');
      await admin('PATCH', `/dooray/organizations/${organizationId}`, { paused: false });

      const noTask = await h.request('POST', `/tickets/${ticket.id}/dooray-comments`, { token: agent.token, body: { body: 'hi' } });
      expect(noTask.status).toBe(409);
      expect(noTask.body.error.code).toBe('dooray.no_task');

      const empty = await transfer(ticket.id, { subject: '' });
      expect(empty.status).toBe(400);
    });

    const resolved = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '해결했습니다.' } });
    expect(resolved.status).toBe(200);
    await h.request('POST', `/tickets/${ticket.id}/complete`, { token: h.admin.token, body: {} });
    await unchanged(ticket.id, async () => {
      const closed = await transfer(ticket.id);
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('ticket.closed');
    });

    const other = await workingTicket();
    fake.failNext(2, 503);
    const first = await transfer(other.id);
    expect(first.status).toBe(202);
    const second = await transfer(other.id);
    expect([409]).toContain(second.status);
    expect(['ticket.transfer_pending', 'ticket.invalid_transition']).toContain(second.body.error.code);
    await h.temporal.workflow.getHandle(doorayTransferWorkflowId(first.body.id)).result();
    expect(tasksFor(first.body.id)).toHaveLength(1);
  });
});

/** A worker in a process of its own, so the test can kill it outright (SIGKILL) mid-activity. */
function spawnWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/worker.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: dbUrl(),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: h.taskQueue,
      OUTBOUND_ALLOW_PRIVATE: 'true',
      FIELD_ENCRYPTION_KEY: keyList(),
      DOORAY_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const polling = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the worker exited before polling:\n${output}`)));
  });
  return { polling, exited, kill: () => child.kill('SIGKILL') };
}

function keyList(): string {
  return h.config.FIELD_ENCRYPTION_KEY!.map(({ kid, key }) => `${kid}:${key.toString('base64')}`).join(',');
}

function dbUrl(): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${h.sql.options.database}`;
  return url.toString();
}
