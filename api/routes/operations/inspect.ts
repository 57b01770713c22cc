/**
 * What Temporal knows about Contactflow's workflows, read through its WorkflowService: lists by visibility query,
 * a workflow's pending activities and workflow task, its recent history in words, and its task queue's pollers
 * and backlog; from them, why a workflow is stuck ({@link StuckReason}).
 */
import type { Client } from '@temporalio/client';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import proto from '@temporalio/proto';
import {
  kindOfWorkflowType,
  WORKFLOW_KINDS,
  WORKFLOW_STATUSES,
  type StuckReason,
  type WorkflowKind,
  type WorkflowStatus,
} from '../../../domain/workflow-kinds';

type ExecutionInfo = proto.temporal.api.workflow.v1.IWorkflowExecutionInfo;
type Describe = proto.temporal.api.workflowservice.v1.IDescribeWorkflowExecutionResponse;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;
type Failure = proto.temporal.api.failure.v1.IFailure;

const { WorkflowExecutionStatus, EventType, PendingActivityState, PendingWorkflowTaskState, TaskQueueType } = proto.temporal.api.enums.v1;

export { WORKFLOW_STATUSES, type WorkflowStatus };

/** Visibility's name of each status, for queries. */
export const STATUS_QUERY_NAMES: Record<WorkflowStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  terminated: 'Terminated',
  continued_as_new: 'ContinuedAsNew',
  timed_out: 'TimedOut',
};

export function statusName(status: number | null | undefined): WorkflowStatus {
  const name = WorkflowExecutionStatus[status ?? 0]?.replace('WORKFLOW_EXECUTION_STATUS_', '').toLowerCase();
  return (WORKFLOW_STATUSES as readonly string[]).includes(name ?? '') ? (name as WorkflowStatus) : 'running';
}

/** When an operator should look: thresholds the list and the detail share, adjustable per request. */
export interface Thresholds {
  /** An activity at this attempt or beyond is retrying too long. */
  minAttempts: number;
  /** An activity whose last attempt failed within this many seconds failed recently. */
  recentFailureSeconds: number;
  /** Pending work untouched for this many seconds has made no progress. */
  stalledSeconds: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minAttempts: 3, recentFailureSeconds: 300, stalledSeconds: 300 };

/** One workflow as a list shows it. */
export interface WorkflowSummary {
  workflowId: string;
  runId: string;
  kind: WorkflowKind;
  workflowType: string;
  status: WorkflowStatus;
  taskQueue: string;
  startTime: string | null;
  closeTime: string | null;
}

export function summarise(info: ExecutionInfo): WorkflowSummary | null {
  const kind = kindOfWorkflowType(info.type?.name ?? '');
  if (!kind) return null;
  return {
    workflowId: info.execution?.workflowId ?? '',
    runId: info.execution?.runId ?? '',
    kind,
    workflowType: info.type?.name ?? '',
    status: statusName(info.status),
    taskQueue: info.taskQueue ?? '',
    startTime: iso(info.startTime),
    closeTime: iso(info.closeTime),
  };
}

const iso = (timestamp: Parameters<typeof optionalTsToDate>[0]) => optionalTsToDate(timestamp)?.toISOString() ?? null;
const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** What to list: kinds, a status, some workflow ids, a service (the workflows that index `TicketService`). */
export interface ListFilter {
  kinds: WorkflowKind[];
  status?: WorkflowStatus;
  workflowIds?: string[];
  serviceId?: string;
}

/** The visibility query for a filter. */
export function visibilityQuery(filter: ListFilter): string {
  const types = filter.kinds.map((kind) => quote(WORKFLOW_KINDS[kind].workflowType));
  const clauses = [`WorkflowType IN (${types.join(', ')})`];
  if (filter.status) clauses.push(`ExecutionStatus = ${quote(STATUS_QUERY_NAMES[filter.status])}`);
  if (filter.workflowIds) clauses.push(`WorkflowId IN (${filter.workflowIds.map(quote).join(', ')})`);
  if (filter.serviceId) clauses.push(`TicketService = ${quote(filter.serviceId)}`);
  // Visibility lists newest first by itself; SQL-backed visibility (the dev server's) refuses ORDER BY.
  return clauses.join(' AND ');
}

/** One page of workflows matching the query, and the token of the next. */
export async function listWorkflows(
  temporal: Client,
  query: string,
  pageSize: number,
  pageToken: Uint8Array | null,
): Promise<{ items: WorkflowSummary[]; nextPageToken: Uint8Array | null }> {
  const response = await temporal.workflowService.listWorkflowExecutions({
    namespace: temporal.options.namespace,
    query,
    pageSize,
    nextPageToken: pageToken,
  });
  const items = (response.executions ?? []).map(summarise).filter((item): item is WorkflowSummary => item !== null);
  const next = response.nextPageToken && response.nextPageToken.length > 0 ? response.nextPageToken : null;
  return { items, nextPageToken: next };
}

export async function describeWorkflow(temporal: Client, workflowId: string, runId?: string): Promise<Describe> {
  return temporal.workflowService.describeWorkflowExecution({
    namespace: temporal.options.namespace,
    execution: { workflowId, runId: runId ?? '' },
  });
}

/** A failure as an operator reads it: its message, type, stack and where it came from, causes flattened in. */
export interface FailureView {
  message: string;
  type: string | null;
  stackTrace: string | null;
  cause: string | null;
}

export function failureView(failure: Failure | null | undefined): FailureView | null {
  if (!failure) return null;
  const causes: string[] = [];
  for (let cause = failure.cause; cause; cause = cause.cause) causes.push(cause.message ?? '');
  return {
    message: failure.message ?? '',
    type: failure.applicationFailureInfo?.type || null,
    stackTrace: failure.stackTrace || null,
    cause: causes.filter(Boolean).join(' ← ') || null,
  };
}

export interface PendingActivityView {
  activityId: string;
  activityType: string;
  state: 'scheduled' | 'started' | 'cancel_requested' | 'paused' | 'pause_requested';
  attempt: number;
  maximumAttempts: number | null;
  scheduledTime: string | null;
  lastStartedTime: string | null;
  lastAttemptCompleteTime: string | null;
  nextAttemptScheduleTime: string | null;
  lastFailure: FailureView | null;
}

export interface PendingWorkflowTaskView {
  state: 'scheduled' | 'started';
  attempt: number;
  scheduledTime: string | null;
}

export function pendingActivities(described: Describe): PendingActivityView[] {
  return (described.pendingActivities ?? []).map((activity) => ({
    activityId: activity.activityId ?? '',
    activityType: activity.activityType?.name ?? '',
    state: (PendingActivityState[activity.state ?? 0] ?? 'PENDING_ACTIVITY_STATE_SCHEDULED')
      .replace('PENDING_ACTIVITY_STATE_', '')
      .toLowerCase() as PendingActivityView['state'],
    attempt: activity.attempt ?? 1,
    maximumAttempts: activity.maximumAttempts || null,
    scheduledTime: iso(activity.scheduledTime),
    lastStartedTime: iso(activity.lastStartedTime),
    lastAttemptCompleteTime: iso(activity.lastAttemptCompleteTime),
    nextAttemptScheduleTime: iso(activity.nextAttemptScheduleTime),
    lastFailure: failureView(activity.lastFailure),
  }));
}

export function pendingWorkflowTask(described: Describe): PendingWorkflowTaskView | null {
  const task = described.pendingWorkflowTask;
  if (!task) return null;
  return {
    state: task.state === PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED ? 'started' : 'scheduled',
    attempt: task.attempt ?? 1,
    scheduledTime: iso(task.scheduledTime),
  };
}

/** Pollers and backlog of a task queue, for workflows and activities. */
export interface TaskQueueHealth {
  name: string;
  workflowPollers: number;
  activityPollers: number;
  workflowBacklog: number;
  activityBacklog: number;
}

export async function describeTaskQueue(temporal: Client, name: string): Promise<TaskQueueHealth> {
  const describe = (taskQueueType: number) =>
    temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name },
      taskQueueType,
      reportStats: true,
    });
  const [workflow, activity] = await Promise.all([
    describe(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
    describe(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
  ]);
  return {
    name,
    workflowPollers: workflow.pollers?.length ?? 0,
    activityPollers: activity.pollers?.length ?? 0,
    workflowBacklog: Number(workflow.stats?.approximateBacklogCount ?? 0),
    activityBacklog: Number(activity.stats?.approximateBacklogCount ?? 0),
  };
}

/** Why a running workflow needs an operator, from its description and its task queue's pollers. */
export function stuckReasons(
  described: Describe,
  queue: TaskQueueHealth | null,
  thresholds: Thresholds,
  now: number,
): StuckReason[] {
  if (statusName(described.workflowExecutionInfo?.status) !== 'running') return [];
  const reasons = new Set<StuckReason>();
  const olderThan = (time: string | null, seconds: number) => time !== null && now - Date.parse(time) > seconds * 1000;
  const activities = pendingActivities(described);
  for (const activity of activities) {
    const failedRecently =
      activity.lastFailure !== null && activity.lastAttemptCompleteTime !== null && !olderThan(activity.lastAttemptCompleteTime, thresholds.recentFailureSeconds);
    if (activity.attempt >= thresholds.minAttempts || failedRecently) reasons.add('activity_retrying');
    if (activity.state === 'scheduled' && activity.attempt === 1 && olderThan(activity.scheduledTime, thresholds.stalledSeconds)) {
      reasons.add('no_progress');
    }
  }
  const task = pendingWorkflowTask(described);
  if (task && task.attempt > 1) reasons.add('workflow_task_failing');
  if (task && task.state === 'scheduled' && olderThan(task.scheduledTime, thresholds.stalledSeconds)) reasons.add('no_progress');
  const waitingForWorker =
    (task !== null && task.state === 'scheduled' && queue !== null && queue.workflowPollers === 0) ||
    (activities.some((activity) => activity.state === 'scheduled' && activity.attempt === 1) && queue !== null && queue.activityPollers === 0);
  if (waitingForWorker) reasons.add('no_worker');
  return [...reasons];
}

/** One history event in words. */
export interface HistoryEventView {
  eventId: number;
  type: string;
  time: string | null;
  detail: string | null;
}

function eventTypeName(type: number | null | undefined): string {
  const name = EventType[type ?? 0] ?? 'EVENT_TYPE_UNSPECIFIED';
  const words = name.replace('EVENT_TYPE_', '').toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function eventDetail(event: HistoryEvent): string | null {
  const a = event.activityTaskScheduledEventAttributes;
  if (a) return `${a.activityType?.name ?? ''} (activity ${a.activityId ?? ''})`;
  const failed = event.activityTaskFailedEventAttributes ?? event.workflowTaskFailedEventAttributes ?? event.workflowExecutionFailedEventAttributes;
  if (failed?.failure) return failed.failure.message ?? null;
  const signal = event.workflowExecutionSignaledEventAttributes;
  if (signal) return signal.signalName ?? null;
  const update = event.workflowExecutionUpdateAcceptedEventAttributes;
  if (update) return update.acceptedRequest?.input?.name ?? null;
  const timer = event.timerStartedEventAttributes;
  if (timer) return `timer ${timer.timerId ?? ''}`;
  const terminated = event.workflowExecutionTerminatedEventAttributes;
  if (terminated) return terminated.reason ?? null;
  const cancel = event.workflowExecutionCancelRequestedEventAttributes;
  if (cancel) return cancel.cause ?? null;
  const started = event.workflowTaskStartedEventAttributes;
  if (started) return started.identity ?? null;
  return null;
}

/** The most recent events of a run, newest first: in words, and as Temporal gave them. */
export async function recentHistory(
  temporal: Client,
  workflowId: string,
  runId: string,
  count: number,
): Promise<{ events: HistoryEventView[]; raw: HistoryEvent[] }> {
  const response = await temporal.workflowService.getWorkflowExecutionHistoryReverse({
    namespace: temporal.options.namespace,
    execution: { workflowId, runId },
    maximumPageSize: count,
  });
  const raw = (response.history?.events ?? []).slice(0, count);
  const events = raw.map((event) => ({
    eventId: Number(event.eventId ?? 0),
    type: eventTypeName(event.eventType),
    time: iso(event.eventTime),
    detail: eventDetail(event),
  }));
  return { events, raw };
}

/** The whole history of a run, oldest first. */
export async function fullHistory(temporal: Client, workflowId: string, runId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: Uint8Array | null = null;
  do {
    const response: proto.temporal.api.workflowservice.v1.IGetWorkflowExecutionHistoryResponse =
      await temporal.workflowService.getWorkflowExecutionHistory({
        namespace: temporal.options.namespace,
        execution: { workflowId, runId },
        nextPageToken,
      });
    events.push(...(response.history?.events ?? []));
    nextPageToken = response.nextPageToken && response.nextPageToken.length > 0 ? response.nextPageToken : null;
  } while (nextPageToken);
  return events;
}

/**
 * Where a reset goes back to: the last workflow task that completed before the workflow task began to fail (or
 * the last one, when none failed), null when the run never completed one.
 */
export function lastGoodWorkflowTask(events: HistoryEvent[]): number | null {
  let good: number | null = null;
  for (const event of events) {
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) good = Number(event.eventId);
  }
  return good;
}

/** The failure of the last failed workflow task, among events newest first, unless a workflow task completed since. */
export function lastWorkflowTaskFailure(newestFirst: HistoryEvent[]): FailureView | null {
  for (const event of newestFirst) {
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) return null;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) return failureView(event.workflowTaskFailedEventAttributes?.failure);
  }
  return null;
}
