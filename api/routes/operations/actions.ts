/**
 * The operator's actions on a workflow. Each is checked against the workflow's current state first, answers 409
 * when it no longer applies (a finished workflow, a delivery already sent, nothing retrying), and is written to
 * the audit log with the operator's reason once it is done.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import Long from 'long';
import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { ActivityFailureType } from '../../../domain/error-codes';
import { kindOfWorkflowType, parseDeliveryId, type WorkflowKind } from '../../../domain/workflow-kinds';
import { findDelivery, recordOperatorAction } from '../../../store/operations';
import { retryDeliveryUpdate } from '../../../workflows/ticket';
import { deliveryRetryWorkflow, deliveryRetryWorkflowId } from '../../../workflows/delivery-retry';
import { actorIdOf, type AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps } from '../../context';
import { ApiError } from '../../errors';
import { businessIdOf, loadBusinessObjects } from './kinds';
import { describeWorkflow, fullHistory, lastGoodWorkflowTask, pendingActivities, statusName, type WorkflowStatus } from './inspect';

/** gRPC's NOT_FOUND, which WorkflowService answers for an unknown workflow id. */
const GRPC_NOT_FOUND = 5;
const NOT_FAILED: ActivityFailureType = 'delivery.not_failed';

export type OperatorAction =
  | { kind: 'retry_now'; activityId?: string }
  | { kind: 'cancel' }
  | { kind: 'terminate' }
  | { kind: 'reset' }
  | { kind: 'signal'; name: string; args: unknown[] }
  | { kind: 'retry_delivery'; deliveryId: string };

export interface ActionOutcome {
  workflowId: string;
  runId: string | null;
  action: OperatorAction['kind'];
  detail: Record<string, unknown>;
}

/** Admins, and agents holding the `operations` permission, operate; nobody else, organisation admins included. */
export function requireOperator(agent: AuthenticatedAgent): void {
  if (agent.role === 'admin' || (agent.role === 'agent' && agent.permissions.includes('operations'))) return;
  throw new ApiError(403, 'auth.forbidden', 'The operator console needs an admin or the operations permission.', { role: agent.role });
}

const notFound = (workflowId: string) => new ApiError(404, 'workflow.not_found', `No Contactflow workflow with id ${workflowId}.`, { workflowId });
const notRunning = (workflowId: string, status: WorkflowStatus) =>
  new ApiError(409, 'operations.not_running', `Workflow ${workflowId} is ${status.replace(/_/g, ' ')}, no longer running.`, { workflowId, status });

/** The workflow's latest run, if it is one of ours and of the caller's organisation; 404 otherwise. */
export async function findOwnWorkflow(deps: ApiDeps, agent: AuthenticatedAgent, workflowId: string) {
  const described = await describeWorkflow(deps.temporal, workflowId).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === GRPC_NOT_FOUND || error instanceof WorkflowNotFoundError) throw notFound(workflowId);
    throw error;
  });
  const info = described.workflowExecutionInfo;
  const kind = kindOfWorkflowType(info?.type?.name ?? '');
  if (!kind) throw notFound(workflowId);
  const objects = await loadBusinessObjects(deps.sql, agent.orgId, [{ kind, workflowId }]);
  if (!objects.has(workflowId)) throw notFound(workflowId);
  return {
    described,
    kind,
    runId: info?.execution?.runId ?? '',
    status: statusName(info?.status),
    businessObject: objects.get(workflowId) ?? null,
  };
}

/** Performs one action for an operator, audit-logged with their reason. */
export async function performAction(
  deps: ApiDeps,
  agent: AuthenticatedAgent,
  workflowId: string,
  action: OperatorAction,
  reason: string,
): Promise<ActionOutcome> {
  const workflow = await findOwnWorkflow(deps, agent, workflowId);
  const { temporal } = deps;
  const identity = `contactflow operator ${actorIdOf(agent)}`;
  const handle = temporal.workflow.getHandle(workflowId, workflow.runId);
  const requireRunning = () => {
    if (workflow.status !== 'running') throw notRunning(workflowId, workflow.status);
  };
  // A workflow that finishes between the check and the call answers like one that had finished before.
  const whileRunning = <T>(call: Promise<T>) =>
    call.catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) throw notRunning(workflowId, 'completed');
      throw error;
    });

  let runId: string | null = workflow.runId;
  let detail: Record<string, unknown> = {};
  switch (action.kind) {
    case 'retry_now': {
      requireRunning();
      const retrying = pendingActivities(workflow.described).filter((activity) =>
        action.activityId ? activity.activityId === action.activityId : activity.attempt > 1 || activity.lastFailure !== null,
      );
      if (retrying.length === 0) {
        throw new ApiError(409, 'operations.nothing_to_retry', `Workflow ${workflowId} has no activity waiting to retry.`, {
          workflowId,
          activityId: action.activityId ?? null,
        });
      }
      for (const activity of retrying) {
        await temporal.workflowService.resetActivity({
          namespace: temporal.options.namespace,
          execution: { workflowId, runId: workflow.runId },
          id: activity.activityId,
          identity,
        });
      }
      detail = { activities: retrying.map((activity) => ({ activityId: activity.activityId, activityType: activity.activityType, attempt: activity.attempt })) };
      break;
    }
    case 'cancel':
      requireRunning();
      await whileRunning(handle.cancel());
      break;
    case 'terminate':
      requireRunning();
      await whileRunning(handle.terminate(`${reason} (operator ${actorIdOf(agent)})`));
      break;
    case 'signal':
      requireRunning();
      await whileRunning(handle.signal(action.name, ...action.args));
      detail = { signal: action.name };
      break;
    case 'reset': {
      const eventId = lastGoodWorkflowTask(await fullHistory(temporal, workflowId, workflow.runId));
      if (eventId === null) {
        throw new ApiError(409, 'operations.no_reset_point', `Workflow ${workflowId} never completed a workflow task to go back to.`, { workflowId });
      }
      const reset: { runId?: string | null } = await temporal.workflowService.resetWorkflowExecution({
        namespace: temporal.options.namespace,
        workflowExecution: { workflowId, runId: workflow.runId },
        reason: `${reason} (operator ${actorIdOf(agent)})`,
        workflowTaskFinishEventId: Long.fromNumber(eventId),
        requestId: randomUUID(),
      });
      runId = reset.runId ?? null;
      detail = { fromRunId: workflow.runId, workflowTaskFinishEventId: eventId };
      break;
    }
    case 'retry_delivery':
      detail = await retryDelivery(deps, workflowId, workflow, action.deliveryId);
      break;
  }

  await recordOperatorAction(deps.sql, {
    actorId: actorIdOf(agent),
    action: `operations.${action.kind}`,
    target: workflowId,
    details: { reason, runId, ...(detail as Record<string, never>) },
  });
  return { workflowId, runId, action: action.kind, detail };
}

async function retryDelivery(
  deps: ApiDeps,
  workflowId: string,
  workflow: { kind: WorkflowKind; runId: string; status: WorkflowStatus },
  deliveryId: string,
): Promise<Record<string, unknown>> {
  const ref = parseDeliveryId(deliveryId);
  const missing = new ApiError(404, 'delivery.not_found', `Workflow ${workflowId} has no delivery ${deliveryId}.`, { workflowId, deliveryId });
  if (!ref || workflow.kind !== 'ticket') throw missing;
  const ticketId = businessIdOf('ticket', workflowId);
  const delivery = await findDelivery(deps.sql, ticketId, ref);
  if (!delivery) throw missing;
  const notFailed = () =>
    new ApiError(409, 'operations.not_failed', `Delivery ${deliveryId} is ${delivery.status}, not failed: there is nothing to retry.`, {
      workflowId,
      deliveryId,
      status: delivery.status,
    });
  if (delivery.status !== 'failed') throw notFailed();
  const detail = { deliveryId, type: delivery.type, previousAttempts: delivery.attempts, lastError: delivery.lastError };
  if (workflow.status !== 'running') {
    // The ticket's workflow has finished: a workflow of its own makes the attempt.
    const retryId = deliveryRetryWorkflowId(ticketId, deliveryId, delivery.attempts);
    await deps.temporal.workflow
      .start(deliveryRetryWorkflow, {
        workflowId: retryId,
        taskQueue: deps.taskQueue,
        args: [{ ticketId, delivery: ref }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      })
      .catch((error: unknown) => {
        // Another operator's retry of the same failure got there first.
        if (error instanceof WorkflowExecutionAlreadyStartedError) throw notFailed();
        throw error;
      });
    return { ...detail, retryWorkflowId: retryId };
  }
  await deps.temporal.workflow
    .getHandle(workflowId)
    .executeUpdate(retryDeliveryUpdate, { args: [ref] })
    .catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) throw notRunning(workflowId, 'completed');
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause instanceof ActivityFailure ? error.cause.cause : error.cause;
        if (cause instanceof ApplicationFailure && cause.type === NOT_FAILED) throw notFailed();
      }
      throw error;
    });
  return detail;
}
