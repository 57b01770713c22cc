/**
 * The operator console through the HTTP API, each kind of trouble made for real: a callback URL against a closed
 * port, an email against an SMTP peer that refuses it, a workflow task failing on a deliberately incompatible
 * worker, a workflow whose task queue nobody polls. Each is found as stuck with its reason, explained in the
 * detail view, and fixed by an action that is audit-logged; actions that no longer apply answer 409 and change
 * nothing, and agents without the operations permission get 403.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { findFreePort } from '../../infra/free-port';
import { startHarness, type Harness } from '../support/harness';
import { startHttpReceiver, type HttpReceiver } from '../support/http-receiver';
import { defineTrigger, publish, settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let h: Harness;
let smtp: SmtpPeer;
const receivers: HttpReceiver[] = [];

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
  for (const receiver of receivers) await receiver.stop();
});

const admin = () => ({ token: h.admin.token });
const workflowIdOf = (ticketId: string) => `ticket-${ticketId}`;

async function createTicket(serviceId: string, subject = '결제 오류 문의') {
  const response = await h.request('POST', '/tickets', {
    ...admin(),
    body: { serviceId, subject, content: '결제가 두 번 됐어요', customer: { name: '홍길동', email: 'customer@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; serviceId: string };
}

/** The stuck list, narrowed to one ticket, with short thresholds so that trouble shows within seconds. */
const stuckOf = (ticketId: string, extra = '') =>
  h.request('GET', `/operations/workflows?stuck=true&ticketId=${ticketId}&minAttempts=2&stalledSeconds=1${extra}`, admin());

/** Polls the stuck list until the ticket's workflow shows the reason (visibility and retries take a moment). */
async function expectStuck(ticketId: string, reason: string) {
  let last: unknown;
  await expect
    .poll(
      async () => {
        const response = await stuckOf(ticketId);
        last = response.body;
        return response.body.items?.[0]?.reasons ?? [];
      },
      { timeout: 30_000, interval: 250 },
    )
    .toContain(reason);
  return last as { items: { workflowId: string; reasons: string[]; businessObject: Record<string, unknown>; failedDeliveries: number; temporalUrl: string | null }[]; counts: Record<string, number>; total: number };
}

const detail = async (workflowId: string) => {
  const response = await h.request('GET', `/operations/workflows/${workflowId}?minAttempts=2`, admin());
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

const auditActions = async (workflowId: string) => (await h.auditRows(workflowId)).map((row) => row.action);

describe('a callback URL whose receiver is down', () => {
  it('is found retrying, explained, and delivered once after "retry now" skips the backoff', async () => {
    const service = await h.createService();
    const port = await findFreePort();
    await defineTrigger(h, service.id, {
      title: '결제 문의 → 주문 시스템',
      events: ['created'],
      results: [{ type: 'callbackUrl', url: `http://127.0.0.1:${port}/hooks/tickets`, payloadTemplate: '{"ticket":"#{ticket.id}"}' }],
    });
    await publish(h, service.id);
    const ticket = await createTicket(service.id);
    const workflowId = workflowIdOf(ticket.id);

    const page = await expectStuck(ticket.id, 'activity_retrying');
    expect(page.items[0]).toMatchObject({
      workflowId,
      kind: 'ticket',
      status: 'running',
      businessObject: { kind: 'ticket', id: ticket.id, title: '결제 오류 문의', status: 'unassigned', serviceId: service.id },
    });
    expect(page.counts.activity_retrying).toBe(1);
    expect(page.items[0].temporalUrl).toMatch(new RegExp(`/namespaces/default/workflows/${workflowId}/[0-9a-f-]+/history$`));

    const stuck = await detail(workflowId);
    const [activity] = stuck.pendingActivities;
    expect(activity).toMatchObject({ activityType: 'performSideEffect', maximumAttempts: 8 });
    expect(activity.attempt).toBeGreaterThanOrEqual(2);
    expect(activity.lastFailure.message).toMatch(/fetch failed|ECONNREFUSED/);
    expect(activity.lastFailure.stackTrace).toBeTruthy();
    expect(activity.nextAttemptScheduleTime).not.toBeNull();
    expect(stuck.deliveries).toEqual([expect.objectContaining({ id: 'side_effect:1:0', type: 'callbackUrl', status: 'pending' })]);
    expect(stuck.evaluations[0]).toMatchObject({ evaluation: 1, event: 'created', versionNumber: 1 });
    expect(stuck.history.some((event: { type: string }) => event.type === 'Activity task scheduled')).toBe(true);

    // The receiver comes back; the next attempt would wait out the backoff, so the operator skips it.
    const receiver = await startHttpReceiver(port);
    receivers.push(receiver);
    const retried = await h.request('POST', `/operations/workflows/${workflowId}/retry-now`, { ...admin(), body: { reason: '주문 시스템 복구됨' } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.detail.activities[0]).toMatchObject({ activityType: 'performSideEffect' });

    expect(await settledSideEffects(h, ticket.id)).toEqual([{ status: 'sent' }]);
    expect(receiver.accepted()).toHaveLength(1);
    expect(receiver.accepted()[0].headers['idempotency-key']).toBe(`${ticket.id}-1-0`);
    const audit = await h.auditRows(workflowId);
    expect(audit).toEqual([expect.objectContaining({ actor_id: h.admin.id, action: 'operations.retry_now', details: expect.objectContaining({ reason: '주문 시스템 복구됨' }) })]);

    // Nothing is retrying any more: the list no longer shows it, and "retry now" has nothing to do.
    expect((await stuckOf(ticket.id)).body.items).toEqual([]);
    const again = await h.request('POST', `/operations/workflows/${workflowId}/retry-now`, { ...admin(), body: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('operations.nothing_to_retry');
    expect(await auditActions(workflowId)).toEqual(['operations.retry_now']);
    expect(receiver.accepted()).toHaveLength(1);
  });
});

describe('an email the mail server refuses', () => {
  it('is found failed, retried once the server accepts, and mailed exactly once with the same Message-ID', async () => {
    const service = await h.createService();
    await defineTrigger(h, service.id, {
      title: '접수 안내 메일',
      events: ['created'],
      results: [{ type: 'notifyEmail', to: 'customer', messages: { ko: { subject: '접수되었습니다 #{ticket.id}', body: '문의가 접수되었습니다.' } } }],
    });
    await publish(h, service.id);
    smtp.refuse(550);
    const before = smtp.messages.length;
    const ticket = await createTicket(service.id, '메일 수신 확인');
    const workflowId = workflowIdOf(ticket.id);
    expect(await settledSideEffects(h, ticket.id)).toEqual([{ status: 'failed' }]);

    const page = await expectStuck(ticket.id, 'delivery_failed');
    expect(page.items[0]).toMatchObject({ workflowId, failedDeliveries: 1 });
    expect(page.counts.delivery_failed).toBe(1);
    const failed = (await detail(workflowId)).deliveries[0];
    expect(failed).toMatchObject({ id: 'side_effect:1:0', type: 'notifyEmail', status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/550/);

    smtp.accept();
    const retry = (reason: string) =>
      h.request('POST', `/operations/workflows/${workflowId}/deliveries/side_effect:1:0/retry`, { ...admin(), body: { reason } });
    const retried = await retry('메일 서버 수신 허용');
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(await settledSideEffects(h, ticket.id)).toEqual([{ status: 'sent' }]);
    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['customer@example.com'], messageId: `<${ticket.id}.1.0@contactflow>` });

    // Delivered: a second retry is refused and sends nothing.
    const again = await retry('한 번 더');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'operations.not_failed', details: { status: 'sent' } });
    expect(smtp.messages.slice(before)).toHaveLength(1);
    expect(await auditActions(workflowId)).toEqual(['operations.retry_delivery']);
    expect((await stuckOf(ticket.id)).body.items).toEqual([]);
  });

  it('retries a failed reply to the customer too, and refuses unknown deliveries', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '환불 요청');
    const workflowId = workflowIdOf(ticket.id);
    smtp.refuse(554);
    const before = smtp.messages.length;
    const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const taken = await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    const resolved = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '환불 처리되었습니다.' } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await settledSideEffects(h, ticket.id);
    const failed = (await detail(workflowId)).deliveries.find((delivery: { type: string }) => delivery.type === 'customerEmail');
    expect(failed).toMatchObject({ status: 'failed' });

    smtp.accept();
    const unknown = await h.request('POST', `/operations/workflows/${workflowId}/deliveries/side_effect:9:9/retry`, { ...admin(), body: { reason: '없는 발송' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('delivery.not_found');
    const retried = await h.request('POST', `/operations/workflows/${workflowId}/deliveries/${failed.id}/retry`, { ...admin(), body: { reason: '재발송' } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    await settledSideEffects(h, ticket.id);
    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].messageId).toMatch(new RegExp(`^<${ticket.id}\\.reply\\.\\d+@contactflow>$`));
  });
});

describe('a failed reply on a ticket whose workflow has finished', () => {
  it('is retried by a workflow of its own, mailed once, and refused a second time', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '완료된 티켓의 답변 메일');
    const workflowId = workflowIdOf(ticket.id);
    const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
    expect((await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} })).status).toBe(200);
    smtp.refuse(550);
    const before = smtp.messages.length;
    expect((await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '처리되었습니다.' } })).status).toBe(200);
    await settledSideEffects(h, ticket.id);
    expect((await h.request('POST', `/tickets/${ticket.id}/complete`, { ...admin(), body: {} })).status).toBe(200);
    await h.temporal.workflow.getHandle(workflowId).result();

    const page = await expectStuck(ticket.id, 'delivery_failed');
    expect(page.items[0]).toMatchObject({ workflowId, status: 'completed', failedDeliveries: 1 });
    const failed = (await detail(workflowId)).deliveries.find((delivery: { type: string }) => delivery.type === 'customerEmail');
    expect(failed).toMatchObject({ status: 'failed' });

    smtp.accept();
    const retry = () => h.request('POST', `/operations/workflows/${workflowId}/deliveries/${failed.id}/retry`, { ...admin(), body: { reason: '완료 후 재발송' } });
    const retried = await retry();
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const retryWorkflowId = retried.body.detail.retryWorkflowId as string;
    expect(await h.temporal.workflow.getHandle(retryWorkflowId).result()).toBe('sent');
    expect(smtp.messages.slice(before)).toHaveLength(1);
    expect(smtp.messages.slice(before)[0].messageId).toMatch(new RegExp(`^<${ticket.id}\\.reply\\.\\d+@contactflow>$`));

    // The retry's own workflow is listed with the ticket behind it.
    const listed = await h.request('GET', `/operations/workflows/${retryWorkflowId}`, admin());
    expect(listed.body).toMatchObject({ kind: 'delivery_retry', status: 'completed', businessObject: { id: ticket.id, status: 'closed' } });

    const again = await retry();
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('operations.not_failed');
    expect(smtp.messages.slice(before)).toHaveLength(1);
    expect(await auditActions(workflowId)).toEqual(['operations.retry_delivery']);
  });
});

describe('a workflow task failing after an incompatible deploy', () => {
  it('is found with the non-determinism error, and reset to its last good workflow task once the fix is deployed', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '배포 후 멈춘 티켓');
    const workflowId = workflowIdOf(ticket.id);
    const firstRun = (await detail(workflowId)).runId;

    // The incompatible build replaces the worker on the same task queue.
    await h.stopWorker();
    const { code } = await bundleWorkflowCode({ workflowsPath: path.join(import.meta.dirname, '../support/incompatible/workflows.ts') });
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const bad = await Worker.create({ connection, taskQueue: h.taskQueue, workflowBundle: { code }, activities: {} });
    const badRun = bad.run();
    try {
      const signalled = await h.request('POST', `/operations/workflows/${workflowId}/signal`, {
        ...admin(),
        body: { reason: '워크플로 깨우기', name: 'wake', args: [] },
      });
      expect(signalled.status, JSON.stringify(signalled.body)).toBe(200);
      await expectStuck(ticket.id, 'workflow_task_failing');
      const stuck = await detail(workflowId);
      expect(stuck.pendingWorkflowTask.attempt).toBeGreaterThanOrEqual(2);
      expect(stuck.workflowTaskFailure.message).toMatch(/[Nn]ondeterminism|[Nn]on-determinism/);
    } finally {
      // The fix is deployed: the right build polls again.
      bad.shutdown();
      await badRun;
      await connection.close();
      await h.startWorker();
    }

    // The operator resets the run to its last good workflow task.
    const reset = await h.request('POST', `/operations/workflows/${workflowId}/reset`, { ...admin(), body: { reason: '호환되지 않는 배포 복구' } });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.runId).not.toBe(firstRun);
    expect(reset.body.detail).toMatchObject({ fromRunId: firstRun });

    const comment = await h.request('POST', `/tickets/${ticket.id}/comments`, { ...admin(), body: { body: '복구 확인', internal: true } });
    expect(comment.status, JSON.stringify(comment.body)).toBe(200);
    const healed = await detail(workflowId);
    expect(healed).toMatchObject({ runId: reset.body.runId, status: 'running', reasons: [] });
    expect(await auditActions(workflowId)).toEqual(['operations.signal', 'operations.reset']);
  });
});

describe('a workflow nobody polls for', () => {
  it('shows as waiting for a worker, and once terminated, refuses a second terminate without changing anything', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '작업자 없는 티켓');
    const workflowId = workflowIdOf(ticket.id);
    // The same ticket's workflow, started again on a task queue no worker polls (as after a misconfigured deploy).
    await h.temporal.workflow.getHandle(workflowId).terminate('moved to an unpolled queue for the test');
    const idleQueue = `nobody-${randomUUID()}`;
    await h.temporal.workflow.start('ticketWorkflow', { workflowId, taskQueue: idleQueue, args: [{ ticketId: ticket.id, resume: { id: ticket.id } }] });

    await expectStuck(ticket.id, 'no_worker');
    // Past the (injected, one-second) threshold, the untouched workflow task also counts as no progress.
    const page = await expectStuck(ticket.id, 'no_progress');
    expect(page.items[0].reasons).toEqual(expect.arrayContaining(['no_worker', 'no_progress']));
    expect(page.counts).toMatchObject({ no_worker: 1, no_progress: 1 });
    const stuck = await detail(workflowId);
    expect(stuck).toMatchObject({ taskQueue: idleQueue, pendingWorkflowTask: { state: 'scheduled', attempt: 1 } });

    const overview = await h.request('GET', '/operations/overview', admin());
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ database: 'ok', temporal: 'ok', namespace: 'default' });
    expect(overview.body.taskQueues[0]).toMatchObject({ name: h.taskQueue });
    expect(overview.body.taskQueues[0].workflowPollers).toBeGreaterThanOrEqual(1);
    expect(overview.body.kinds).toContainEqual({ kind: 'ticket', workflowType: 'ticketWorkflow', signals: [] });

    const terminate = () => h.request('POST', `/operations/workflows/${workflowId}/terminate`, { ...admin(), body: { reason: '잘못된 큐에서 시작됨' } });
    const first = await terminate();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await terminate();
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'operations.not_running', details: { status: 'terminated' } });
    expect(await auditActions(workflowId)).toEqual(['operations.terminate']);
    expect((await detail(workflowId)).status).toBe('terminated');
  });
});

describe('who may operate', () => {
  it('opens the console to admins and agents with the operations permission only', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '권한 확인');
    const workflowId = workflowIdOf(ticket.id);
    const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const operator = await h.createAgent({ groupIds: [service.groupIds[0]], permissions: ['ticket', 'operations'] });

    for (const [method, url, body] of [
      ['GET', '/operations/workflows?stuck=true', undefined],
      ['GET', '/operations/overview', undefined],
      ['GET', `/operations/workflows/${workflowId}`, undefined],
      ['POST', `/operations/workflows/${workflowId}/terminate`, { reason: '권한 없이 종료' }],
      ['POST', '/operations/batch', { action: 'terminate', reason: '권한 없이 종료', targets: [{ workflowId }] }],
    ] as const) {
      const refused = await h.request(method, url, { token: agent.token, body });
      expect(refused.status, url).toBe(403);
      expect(refused.body.error.code).toBe('auth.forbidden');
    }
    expect((await detail(workflowId)).status).toBe('running');
    expect(await auditActions(workflowId)).toEqual([]);

    const listed = await h.request('GET', `/operations/workflows?ticketId=${ticket.id}`, { token: operator.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { workflowId: string }) => item.workflowId)).toEqual([workflowId]);
  });

  it('refuses bad input with 4xx and changes nothing', async () => {
    const service = await h.createService();
    const ticket = await createTicket(service.id, '잘못된 요청');
    const workflowId = workflowIdOf(ticket.id);
    const cases: [string, string, unknown, number, string][] = [
      ['POST', `/operations/workflows/${workflowId}/terminate`, {}, 400, 'request.invalid'],
      ['POST', `/operations/workflows/${workflowId}/terminate`, { reason: '  ' }, 400, 'request.invalid'],
      ['POST', `/operations/workflows/${workflowId}/terminate`, { reason: '종료', extra: 1 }, 400, 'request.invalid'],
      ['POST', '/operations/workflows/ticket-T0000000000000none/terminate', { reason: '없는 워크플로' }, 404, 'workflow.not_found'],
      ['POST', `/operations/workflows/${workflowId}/deliveries/nonsense/retry`, { reason: '잘못된 발송 id' }, 404, 'delivery.not_found'],
      ['POST', `/operations/workflows/${workflowId}/signal`, { reason: '이상한 시그널', name: '1; drop' }, 400, 'request.invalid'],
      ['GET', '/operations/workflows?kind=spaceship', undefined, 400, 'request.invalid'],
      ['GET', '/operations/workflows?reason=no_worker', undefined, 400, 'request.invalid'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const response = await h.request(method, url, { ...admin(), body });
      expect(response.status, `${method} ${url} ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.error.code).toBe(code);
    }
    expect((await detail(workflowId)).status).toBe('running');
    expect(await auditActions(workflowId)).toEqual([]);
  });

  it('runs a batch target by target, each answering on its own', async () => {
    const service = await h.createService();
    const tickets = [await createTicket(service.id, '일괄 1'), await createTicket(service.id, '일괄 2')];
    const targets = [...tickets.map((ticket) => ({ workflowId: workflowIdOf(ticket.id) })), { workflowId: 'ticket-T0000000000000none' }];
    const response = await h.request('POST', '/operations/batch', { ...admin(), body: { action: 'cancel', reason: '테스트 정리', targets } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results.map((result: { ok: boolean; error: { code: string } | null }) => result.ok || result.error!.code)).toEqual([
      true,
      true,
      'workflow.not_found',
    ]);
    for (const ticket of tickets) expect(await auditActions(workflowIdOf(ticket.id))).toEqual(['operations.cancel']);
    const again = await h.request('POST', '/operations/batch', { ...admin(), body: { action: 'retry_now', reason: '재시도', targets: targets.slice(0, 1) } });
    expect(again.body.results[0].error.code).toMatch(/^operations\.(nothing_to_retry|not_running)$/);
  });
});

describe('metrics', () => {
  it('exposes request, workflow, activity and delivery counters in the Prometheus text format', async () => {
    await h.request('GET', '/operations/workflows?kind=ticket', admin());
    const response = await h.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body as string;
    expect(text).toMatch(/^contactflow_http_requests_total\{method="GET",route="\/operations\/workflows",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^contactflow_workflows\{kind="ticket",status="running"\} [1-9]\d*$/m);
    expect(text).toMatch(/^contactflow_workflows\{kind="ticket",status="terminated"\} [1-9]\d*$/m);
    expect(text).toMatch(/^contactflow_activity_executions_total\{activity="performSideEffect",outcome="failed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^contactflow_deliveries\{status="sent",type="callbackUrl"\} 1$/m);
    expect(text).toMatch(/^contactflow_up\{dependency="database"\} 1$/m);
    // Ids never become label values.
    expect(text).not.toMatch(/ticket-T/);
  });
});
