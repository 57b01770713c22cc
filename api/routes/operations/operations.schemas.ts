/**
 * The operator console's contract: workflows of every kind with why they are stuck, one workflow in detail, the
 * actions that fix them, and the health of the platform at a glance.
 */
import { z } from '@hono/zod-openapi';
import { STUCK_REASONS, WORKFLOW_KIND_NAMES, WORKFLOW_STATUSES } from '../../../domain/workflow-kinds';

const Id = z.string().min(1).max(64);
export const WorkflowKind = z.enum(WORKFLOW_KIND_NAMES).openapi('WorkflowKind');
export const StuckReason = z.enum(STUCK_REASONS).openapi('StuckReason', {
  description:
    '`activity_retrying`: an activity at the attempt threshold or with a recent failure; `workflow_task_failing`: the workflow code fails ' +
    '(non-determinism, a bug); `no_progress`: pending work untouched past the threshold; `no_worker`: pending work on a task queue nobody ' +
    'polls; `delivery_failed`: a trigger side effect or customer email given up as failed.',
});
export const WorkflowStatus = z.enum(WORKFLOW_STATUSES).openapi('WorkflowStatus');

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ThresholdQuery = z.object({
  minAttempts: z.coerce.number().int().min(2).max(1000).default(3).openapi({ description: 'An activity at this attempt or beyond counts as retrying.' }),
  recentFailureSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
  stalledSeconds: z.coerce.number().int().min(1).max(604_800).default(300).openapi({ description: 'Pending work untouched this long has made no progress.' }),
});

export const WorkflowListQuery = ThresholdQuery.extend({
  kind: WorkflowKind.optional(),
  status: WorkflowStatus.optional(),
  ticketId: Id.optional(),
  customerId: Id.optional(),
  serviceId: Id.optional(),
  stuck: flag.optional().openapi({ description: 'Only workflows an operator should look at, with their reasons and counts per reason.' }),
  reason: StuckReason.optional().openapi({ description: 'With `stuck=true`: only this reason (the counts still cover every reason).' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(4096).regex(/^[A-Za-z0-9_-]*$/).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
});

const BusinessObject = z
  .object({
    kind: WorkflowKind,
    id: z.string(),
    title: z.string(),
    status: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  })
  .openapi('BusinessObject');

export const WorkflowItem = z
  .object({
    workflowId: z.string(),
    runId: z.string(),
    kind: WorkflowKind,
    workflowType: z.string(),
    status: WorkflowStatus,
    taskQueue: z.string(),
    startTime: z.string().nullable(),
    closeTime: z.string().nullable(),
    businessObject: BusinessObject.nullable(),
    reasons: z.array(StuckReason),
    failedDeliveries: z.number().int(),
    temporalUrl: z.string().nullable().openapi({ description: 'The same run in the Temporal Web UI, when its address is known.' }),
  })
  .openapi('OperationsWorkflow');

export const WorkflowPage = z
  .object({
    items: z.array(WorkflowItem),
    counts: z.record(StuckReason, z.number().int()).openapi({ description: 'With `stuck=true`: how many workflows show each reason.' }),
    total: z.number().int().nullable().openapi({ description: 'With `stuck=true`: how many workflows are stuck in all.' }),
    scanned: z.number().int().nullable().openapi({ description: 'With `stuck=true`: how many running workflows were examined.' }),
    nextCursor: z.string().nullable(),
  })
  .openapi('OperationsWorkflowPage');

const Failure = z.object({ message: z.string(), type: z.string().nullable(), stackTrace: z.string().nullable(), cause: z.string().nullable() });

export const Delivery = z
  .object({
    id: z.string().openapi({ example: 'side_effect:1:0' }),
    type: z.string().openapi({ description: '`notifyEmail`, `forwardEmail`, `callbackUrl`, `doorayNotify`, or `customerEmail`.' }),
    status: z.enum(['pending', 'sent', 'skipped', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('OperationsDelivery');

export const WorkflowDetail = WorkflowItem.extend({
  pendingActivities: z.array(
    z.object({
      activityId: z.string(),
      activityType: z.string(),
      state: z.string(),
      attempt: z.number().int(),
      maximumAttempts: z.number().int().nullable(),
      scheduledTime: z.string().nullable(),
      lastStartedTime: z.string().nullable(),
      lastAttemptCompleteTime: z.string().nullable(),
      nextAttemptScheduleTime: z.string().nullable(),
      lastFailure: Failure.nullable(),
    }),
  ),
  pendingWorkflowTask: z.object({ state: z.string(), attempt: z.number().int(), scheduledTime: z.string().nullable() }).nullable(),
  workflowTaskFailure: Failure.nullable().openapi({ description: 'Why the workflow task fails, while it does.' }),
  history: z.array(z.object({ eventId: z.number().int(), type: z.string(), time: z.string().nullable(), detail: z.string().nullable() })),
  deliveries: z.array(Delivery),
  evaluations: z.array(
    z.object({
      evaluation: z.number().int(),
      event: z.string(),
      versionNumber: z.number().int().nullable(),
      at: z.string(),
      sideEffects: z.array(z.object({ index: z.number().int(), type: z.string(), status: z.string(), attempts: z.number().int(), lastError: z.string().nullable() })),
    }),
  ).openapi({ description: 'The trigger evaluations of a ticket; the full per-condition trace is at `/tickets/{id}/trace`.' }),
  operatorActions: z.array(z.object({ actorId: z.string().nullable(), action: z.string(), details: z.record(z.string(), z.unknown()), at: z.string() })),
  signals: z.array(z.string()).openapi({ description: 'The signals this kind of workflow handles.' }),
}).openapi('OperationsWorkflowDetail');

export const WorkflowParams = z.object({
  workflowId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a workflow id')
    .openapi({ param: { name: 'workflowId', in: 'path' }, example: 'ticket-T1733043600000abcd' }),
});

export const DeliveryParams = WorkflowParams.extend({
  deliveryId: z.string().min(1).max(64).openapi({ param: { name: 'deliveryId', in: 'path' }, example: 'side_effect:1:0' }),
});

const Reason = z.string().trim().min(3, 'say why, in a few words').max(500).openapi({ description: 'Why the operator acts; kept in the audit log.' });

export const ActionBody = z.strictObject({ reason: Reason });
export const RetryNowBody = z.strictObject({
  reason: Reason,
  activityId: z.string().min(1).max(200).optional().openapi({ description: 'One pending activity; every retrying one when absent.' }),
});
export const SignalBody = z.strictObject({
  reason: Reason,
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a signal name'),
  args: z.array(z.unknown()).max(10).default([]),
});

export const ActionResult = z
  .object({
    workflowId: z.string(),
    runId: z.string().nullable().openapi({ description: 'The run acted on; after a reset, the new run.' }),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('OperationsActionResult');

export const BATCH_ACTIONS = ['retry_now', 'cancel', 'terminate', 'reset', 'retry_delivery'] as const;
export const BatchBody = z
  .strictObject({
    action: z.enum(BATCH_ACTIONS),
    reason: Reason,
    targets: z
      .array(z.strictObject({ workflowId: WorkflowParams.shape.workflowId, deliveryId: z.string().min(1).max(64).optional() }))
      .min(1)
      .max(100),
  })
  .openapi('OperationsBatch');

export const BatchResult = z
  .object({
    results: z.array(
      z.object({
        workflowId: z.string(),
        deliveryId: z.string().nullable(),
        ok: z.boolean(),
        result: ActionResult.nullable(),
        error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('OperationsBatchResult');

export const Overview = z
  .object({
    database: z.enum(['ok', 'unavailable']),
    temporal: z.enum(['ok', 'unavailable']),
    taskQueues: z.array(
      z.object({ name: z.string(), workflowPollers: z.number().int(), activityPollers: z.number().int(), workflowBacklog: z.number().int(), activityBacklog: z.number().int() }),
    ),
    failedDeliveriesLastHour: z.number().int().nullable(),
    temporalUiUrl: z.string().nullable(),
    namespace: z.string(),
    kinds: z.array(z.object({ kind: WorkflowKind, workflowType: z.string(), signals: z.array(z.string()) })),
  })
  .openapi('OperationsOverview');
