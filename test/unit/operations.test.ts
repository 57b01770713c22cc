/**
 * The pure parts of the operator console: why a workflow counts as stuck, where a reset goes back to, delivery ids,
 * SMTP failures sorted into permanent and transient, and the Prometheus text format.
 */
import { ApplicationFailure } from '@temporalio/common';
import proto from '@temporalio/proto';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, lastGoodWorkflowTask, lastWorkflowTaskFailure, stuckReasons, visibilityQuery } from '../../api/routes/operations/inspect';
import { classifySmtpFailure } from '../../clients/mailer';
import { deliveryId, kindOfWorkflowType, parseDeliveryId } from '../../domain/workflow-kinds';
import { Counter, renderGauge } from '../../infra/metrics';

const { EventType, WorkflowExecutionStatus, PendingActivityState, PendingWorkflowTaskState } = proto.temporal.api.enums.v1;
const NOW = Date.parse('2026-12-01T08:00:00Z');
const ts = (iso: string) => ({ seconds: Long.fromNumber(Date.parse(iso) / 1000), nanos: 0 });
const running = { workflowExecutionInfo: { status: WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING } };
const polled = { name: 'q', workflowPollers: 1, activityPollers: 1, workflowBacklog: 0, activityBacklog: 0 };
const unpolled = { ...polled, workflowPollers: 0, activityPollers: 0 };

describe('stuck reasons', () => {
  it('flags an activity at the attempt threshold, or with a recent failure, as retrying', () => {
    const activity = (attempt: number, failedAt: string | null) => ({
      ...running,
      pendingActivities: [
        {
          activityId: '1',
          state: PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED,
          attempt,
          lastFailure: failedAt ? { message: 'connect ECONNREFUSED' } : null,
          lastAttemptCompleteTime: failedAt ? ts(failedAt) : null,
          scheduledTime: ts('2026-12-01T07:59:59Z'),
        },
      ],
    });
    expect(stuckReasons(activity(3, '2026-12-01T07:00:00Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual(['activity_retrying']);
    expect(stuckReasons(activity(2, '2026-12-01T07:59:00Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual(['activity_retrying']);
    expect(stuckReasons(activity(2, '2026-12-01T07:00:00Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual([]);
  });

  it('flags a failing workflow task, a stalled one, and one nobody polls for', () => {
    const task = (attempt: number, scheduled: string) => ({
      ...running,
      pendingWorkflowTask: { state: PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED, attempt, scheduledTime: ts(scheduled) },
    });
    expect(stuckReasons(task(4, '2026-12-01T07:59:59Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual(['workflow_task_failing']);
    expect(stuckReasons(task(1, '2026-12-01T07:00:00Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual(['no_progress']);
    expect(stuckReasons(task(1, '2026-12-01T07:59:59Z'), unpolled, DEFAULT_THRESHOLDS, NOW)).toEqual(['no_worker']);
    expect(stuckReasons(task(1, '2026-12-01T07:59:59Z'), polled, DEFAULT_THRESHOLDS, NOW)).toEqual([]);
  });

  it('never flags a workflow that is no longer running', () => {
    const closed = {
      workflowExecutionInfo: { status: WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED },
      pendingWorkflowTask: { attempt: 9, scheduledTime: ts('2026-12-01T00:00:00Z') },
    };
    expect(stuckReasons(closed, unpolled, DEFAULT_THRESHOLDS, NOW)).toEqual([]);
  });
});

describe('reset point and workflow-task failure', () => {
  const event = (eventId: number, eventType: number, extra: object = {}) => ({ eventId: Long.fromNumber(eventId), eventType, ...extra });
  const history = [
    event(1, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED),
    event(4, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    event(9, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    event(12, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, { workflowTaskFailedEventAttributes: { failure: { message: 'Nondeterminism error' } } }),
  ];

  it('goes back to the last completed workflow task', () => {
    expect(lastGoodWorkflowTask(history)).toBe(9);
    expect(lastGoodWorkflowTask(history.slice(0, 1))).toBeNull();
  });

  it('reports the failure only while no workflow task has completed since', () => {
    expect(lastWorkflowTaskFailure([...history].reverse())?.message).toBe('Nondeterminism error');
    expect(lastWorkflowTaskFailure([event(13, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED), ...[...history].reverse()])).toBeNull();
  });
});

describe('workflow kinds, queries and delivery ids', () => {
  it('knows its kinds by workflow type and quotes every value in visibility queries', () => {
    expect(kindOfWorkflowType('ticketWorkflow')).toBe('ticket');
    expect(kindOfWorkflowType('somethingElse')).toBeNull();
    expect(visibilityQuery({ kinds: ['ticket'], status: 'running', workflowIds: ["ticket-T1' OR 1=1"], serviceId: 'S1' })).toBe(
      "WorkflowType IN ('ticketWorkflow') AND ExecutionStatus = 'Running' AND WorkflowId IN ('ticket-T1\\' OR 1=1') AND TicketService = 'S1'",
    );
  });

  it('round-trips delivery ids and refuses anything else', () => {
    for (const ref of [{ kind: 'side_effect', evaluation: 3, index: 1 }, { kind: 'customer_reply', seq: 7 }] as const) {
      expect(parseDeliveryId(deliveryId(ref))).toEqual(ref);
    }
    for (const bad of ['side_effect:1', 'customer_reply:', 'side_effect:-1:0', 'email:1', 'side_effect:1:0 ']) expect(parseDeliveryId(bad)).toBeNull();
  });
});

describe('SMTP failures', () => {
  it('makes a 5xx reply permanent and leaves anything else to the retry policy', () => {
    const refused = classifySmtpFailure(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 }));
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'mail.rejected', nonRetryable: true });
    const busy = Object.assign(new Error('421 try later'), { responseCode: 421 });
    expect(classifySmtpFailure(busy)).toBe(busy);
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' });
    expect(classifySmtpFailure(down)).toBe(down);
  });
});

describe('Prometheus text', () => {
  it('renders counters and gauges with sorted, escaped labels', () => {
    const counter = new Counter('x_total', 'Things.');
    counter.inc({ route: '/a', method: 'GET' });
    counter.inc({ method: 'GET', route: '/a' }, 2);
    counter.inc({ method: 'POST', route: '/"b"\n' });
    expect(counter.render()).toBe(
      ['# HELP x_total Things.', '# TYPE x_total counter', 'x_total{method="GET",route="/a"} 3', 'x_total{method="POST",route="/\\"b\\"\\n"} 1'].join('\n'),
    );
    expect(renderGauge('g', 'A gauge.', [{ labels: {}, value: 0 }])).toBe('# HELP g A gauge.\n# TYPE g gauge\ng 0');
  });
});
