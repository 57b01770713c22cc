import type { Client } from '@temporalio/client';
import { deliveryId, STUCK_REASONS, WORKFLOW_KIND_NAMES, WORKFLOW_KINDS, type StuckReason } from '../../../domain/workflow-kinds';
import { listTicketEvaluations } from '../../../store/evaluations';
import { pingDatabase } from '../../../store/health';
import {
  countFailedDeliveriesSince,
  listFailedDeliveries,
  listOperatorActions,
  listTicketDeliveries,
  ticketIdsOfCustomer,
  type DeliveryRow,
} from '../../../store/operations';
import type { AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError } from '../../errors';
import { performAction, requireOperator, findOwnWorkflow, type ActionOutcome, type OperatorAction } from './actions';
import {
  describeTaskQueue,
  describeWorkflow,
  lastWorkflowTaskFailure,
  listWorkflows as listExecutions,
  pendingActivities,
  pendingWorkflowTask,
  recentHistory,
  stuckReasons,
  summarise,
  visibilityQuery,
  type TaskQueueHealth,
  type Thresholds,
  type WorkflowSummary,
} from './inspect';
import { mapLimited } from '../../../infra/map-limited';
import { businessIdOf, loadBusinessObjects, type BusinessObject } from './kinds';
import type * as routes from './operations.routes';

/** How many running workflows a stuck scan examines at most; `scanned` tells the caller how many it did. */
const STUCK_SCAN_LIMIT = 500;
const DESCRIBE_CONCURRENCY = 8;
/** How many customer tickets a customer filter looks at. */
const CUSTOMER_TICKETS = 100;
const HISTORY_EVENTS = 40;

function temporalUrl(deps: ApiDeps, workflowId: string, runId: string): string | null {
  const ui = deps.config.TEMPORAL_UI_URL;
  if (!ui) return null;
  return `${ui}/namespaces/${encodeURIComponent(deps.temporal.options.namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}

/** Task-queue health, asked once per request and queue. */
function queueHealth(temporal: Client) {
  const cache = new Map<string, Promise<TaskQueueHealth | null>>();
  return (name: string) => {
    if (!cache.has(name)) cache.set(name, describeTaskQueue(temporal, name).catch(() => null));
    return cache.get(name)!;
  };
}

const emptyCounts = () => Object.fromEntries(STUCK_REASONS.map((reason) => [reason, 0])) as Record<StuckReason, number>;

export const overview: AppRouteHandler<typeof routes.overview> = async (c) => {
  const agent = c.var.agent;
  requireOperator(agent);
  const { sql, temporal, taskQueue, config } = c.var.deps;
  const [database, queue, failed] = await Promise.all([
    pingDatabase(sql).then(() => 'ok' as const, () => 'unavailable' as const),
    describeTaskQueue(temporal, taskQueue).catch(() => null),
    countFailedDeliveriesSince(sql, agent.orgId, new Date(Date.now() - 3_600_000)).catch(() => null),
  ]);
  return c.json(
    {
      database,
      temporal: queue ? ('ok' as const) : ('unavailable' as const),
      taskQueues: queue ? [queue] : [],
      failedDeliveriesLastHour: failed,
      temporalUiUrl: config.TEMPORAL_UI_URL,
      namespace: temporal.options.namespace,
      kinds: WORKFLOW_KIND_NAMES.map((kind) => ({ kind, workflowType: WORKFLOW_KINDS[kind].workflowType, signals: [...WORKFLOW_KINDS[kind].signals] })),
    },
    200,
  );
};

type Item = WorkflowSummary & { businessObject: BusinessObject | null; reasons: StuckReason[]; failedDeliveries: number; temporalUrl: string | null };

function failedByWorkflow(deliveries: DeliveryRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of deliveries) {
    const workflowId = `${WORKFLOW_KINDS.ticket.idPrefix}${delivery.ticketId}`;
    counts.set(workflowId, (counts.get(workflowId) ?? 0) + 1);
  }
  return counts;
}

export const listWorkflows: AppRouteHandler<typeof routes.listWorkflows> = async (c) => {
  const agent = c.var.agent;
  requireOperator(agent);
  const deps = c.var.deps;
  const query = c.req.valid('query');
  const thresholds: Thresholds = { minAttempts: query.minAttempts, recentFailureSeconds: query.recentFailureSeconds, stalledSeconds: query.stalledSeconds };
  const kinds = query.kind ? [query.kind] : [...WORKFLOW_KIND_NAMES];
  const empty = { items: [], counts: emptyCounts(), total: query.stuck ? 0 : null, scanned: query.stuck ? 0 : null, nextCursor: null };

  // Tickets and customers narrow the list to ticket workflows (the only kind they name today).
  let ticketIds: string[] | undefined;
  if (query.ticketId) ticketIds = [query.ticketId];
  if (query.customerId) {
    const ofCustomer = await ticketIdsOfCustomer(deps.sql, agent.orgId, query.customerId, CUSTOMER_TICKETS);
    ticketIds = ticketIds ? ticketIds.filter((id) => ofCustomer.includes(id)) : ofCustomer;
  }
  if (ticketIds && ticketIds.length === 0) return c.json(empty, 200);
  const workflowIds = ticketIds?.map((id) => `${WORKFLOW_KINDS.ticket.idPrefix}${id}`);
  const filter = { kinds, workflowIds, serviceId: query.serviceId };
  const health = queueHealth(deps.temporal);
  const scope = { orgId: agent.orgId, serviceId: query.serviceId, customerId: query.customerId, ticketIds };

  const enrich = async (summaries: WorkflowSummary[], failed: Map<string, number>): Promise<Item[]> => {
    const objects = await loadBusinessObjects(deps.sql, agent.orgId, summaries);
    const own = summaries.filter((summary) => objects.has(summary.workflowId));
    return mapLimited(own, DESCRIBE_CONCURRENCY, async (summary) => {
      let reasons: StuckReason[] = [];
      if (summary.status === 'running') {
        const described = await describeWorkflow(deps.temporal, summary.workflowId, summary.runId).catch(() => null);
        if (described) reasons = stuckReasons(described, await health(summary.taskQueue), thresholds, Date.now());
      }
      const failedDeliveries = failed.get(summary.workflowId) ?? 0;
      if (failedDeliveries > 0) reasons.push('delivery_failed');
      return { ...summary, businessObject: objects.get(summary.workflowId) ?? null, reasons, failedDeliveries, temporalUrl: temporalUrl(deps, summary.workflowId, summary.runId) };
    });
  };

  if (!query.stuck) {
    if (query.reason) throw new ApiError(400, 'request.invalid', 'Invalid request: reason: needs stuck=true', { issues: [{ path: ['reason'], code: 'custom', message: 'needs stuck=true' }] });
    const token = query.cursor ? Buffer.from(query.cursor, 'base64url') : null;
    const page = await listExecutions(deps.temporal, visibilityQuery({ ...filter, status: query.status }), query.limit, token);
    const failed = failedByWorkflow(
      kinds.includes('ticket') ? await listFailedDeliveries(deps.sql, { ...scope, ticketIds: page.items.filter((i) => i.kind === 'ticket').map((i) => businessIdOf('ticket', i.workflowId)) }, 1000) : [],
    );
    const items = await enrich(page.items, failed);
    return c.json({ items, counts: emptyCounts(), total: null, scanned: null, nextCursor: page.nextPageToken ? Buffer.from(page.nextPageToken).toString('base64url') : null }, 200);
  }

  // Stuck: every running workflow in scope (up to the scan limit), plus any workflow with a failed delivery.
  const running: WorkflowSummary[] = [];
  let token: Uint8Array | null = null;
  do {
    const page = await listExecutions(deps.temporal, visibilityQuery({ ...filter, status: 'running' }), 100, token);
    running.push(...page.items);
    token = page.nextPageToken;
  } while (token && running.length < STUCK_SCAN_LIMIT);
  const failedDeliveries = kinds.includes('ticket') ? await listFailedDeliveries(deps.sql, scope, 1000) : [];
  const failed = failedByWorkflow(failedDeliveries);
  const known = new Set(running.map((summary) => summary.workflowId));
  const others = await mapLimited(
    [...failed.keys()].filter((workflowId) => !known.has(workflowId)),
    DESCRIBE_CONCURRENCY,
    async (workflowId) => {
      const described = await describeWorkflow(deps.temporal, workflowId).catch(() => null);
      return described?.workflowExecutionInfo ? summarise(described.workflowExecutionInfo) : null;
    },
  );
  const candidates = [...running, ...others.filter((summary): summary is WorkflowSummary => summary !== null)].filter(
    (summary) => !query.status || summary.status === query.status,
  );
  const stuck = (await enrich(candidates, failed)).filter((item) => item.reasons.length > 0);
  const counts = emptyCounts();
  for (const item of stuck) for (const reason of item.reasons) counts[reason]++;
  const chosen = query.reason ? stuck.filter((item) => item.reasons.includes(query.reason!)) : stuck;
  chosen.sort((a, b) => b.reasons.length - a.reasons.length || (b.startTime ?? '').localeCompare(a.startTime ?? ''));
  const offset = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString('utf8').replace(/^o:/, '')) || 0 : 0;
  const items = chosen.slice(offset, offset + query.limit);
  const nextOffset = offset + query.limit;
  return c.json(
    {
      items,
      counts,
      total: stuck.length,
      scanned: running.length,
      nextCursor: nextOffset < chosen.length ? Buffer.from(`o:${nextOffset}`).toString('base64url') : null,
    },
    200,
  );
};

export const getWorkflow: AppRouteHandler<typeof routes.getWorkflow> = async (c) => {
  const agent = c.var.agent;
  requireOperator(agent);
  const deps = c.var.deps;
  const { workflowId } = c.req.valid('param');
  const query = c.req.valid('query');
  const workflow = await findOwnWorkflow(deps, agent, workflowId);
  const info = workflow.described.workflowExecutionInfo!;
  const summary = summarise(info)!;
  const queue = summary.status === 'running' ? await describeTaskQueue(deps.temporal, summary.taskQueue).catch(() => null) : null;
  const reasons = stuckReasons(workflow.described, queue, query, Date.now());
  const ticketId = workflow.kind === 'ticket' ? businessIdOf('ticket', workflowId) : null;
  const [history, deliveries, evaluations, operatorActions] = await Promise.all([
    recentHistory(deps.temporal, workflowId, workflow.runId, HISTORY_EVENTS),
    ticketId ? listTicketDeliveries(deps.sql, ticketId) : Promise.resolve([]),
    ticketId ? listTicketEvaluations(deps.sql, ticketId) : Promise.resolve([]),
    listOperatorActions(deps.sql, workflowId, 50),
  ]);
  const failedDeliveries = deliveries.filter((delivery) => delivery.status === 'failed').length;
  if (failedDeliveries > 0) reasons.push('delivery_failed');
  return c.json(
    {
      ...summary,
      businessObject: workflow.businessObject,
      reasons,
      failedDeliveries,
      temporalUrl: temporalUrl(deps, workflowId, workflow.runId),
      pendingActivities: pendingActivities(workflow.described),
      pendingWorkflowTask: pendingWorkflowTask(workflow.described),
      workflowTaskFailure: reasons.includes('workflow_task_failing') ? lastWorkflowTaskFailure(history.raw) : null,
      history: history.events,
      deliveries: deliveries.map((delivery) => ({
        id: deliveryId(delivery.ref),
        type: delivery.type,
        status: delivery.status,
        attempts: delivery.attempts,
        lastError: delivery.lastError,
        updatedAt: delivery.updatedAt,
      })),
      evaluations: evaluations.map((evaluation) => ({
        evaluation: evaluation.evaluation,
        event: evaluation.event,
        versionNumber: evaluation.versionNumber,
        at: evaluation.at,
        sideEffects: evaluation.sideEffects.map((effect) => ({
          index: effect.index,
          type: effect.type,
          status: effect.status,
          attempts: effect.attempts,
          lastError: effect.lastError,
        })),
      })),
      operatorActions,
      signals: [...WORKFLOW_KINDS[workflow.kind].signals],
    },
    200,
  );
};

const act = (c: { var: { deps: ApiDeps; agent: AuthenticatedAgent } }, workflowId: string, action: OperatorAction, reason: string) => {
  requireOperator(c.var.agent);
  return performAction(c.var.deps, c.var.agent, workflowId, action, reason);
};

export const retryNow: AppRouteHandler<typeof routes.retryNow> = async (c) => {
  const { reason, activityId } = c.req.valid('json');
  return c.json(await act(c, c.req.valid('param').workflowId, { kind: 'retry_now', activityId }, reason), 200);
};

export const cancelWorkflow: AppRouteHandler<typeof routes.cancelWorkflow> = async (c) =>
  c.json(await act(c, c.req.valid('param').workflowId, { kind: 'cancel' }, c.req.valid('json').reason), 200);

export const terminateWorkflow: AppRouteHandler<typeof routes.terminateWorkflow> = async (c) =>
  c.json(await act(c, c.req.valid('param').workflowId, { kind: 'terminate' }, c.req.valid('json').reason), 200);

export const resetWorkflow: AppRouteHandler<typeof routes.resetWorkflow> = async (c) =>
  c.json(await act(c, c.req.valid('param').workflowId, { kind: 'reset' }, c.req.valid('json').reason), 200);

export const signalWorkflow: AppRouteHandler<typeof routes.signalWorkflow> = async (c) => {
  const { reason, name, args } = c.req.valid('json');
  return c.json(await act(c, c.req.valid('param').workflowId, { kind: 'signal', name, args }, reason), 200);
};

export const retryDelivery: AppRouteHandler<typeof routes.retryDelivery> = async (c) => {
  const { workflowId, deliveryId: id } = c.req.valid('param');
  return c.json(await act(c, workflowId, { kind: 'retry_delivery', deliveryId: id }, c.req.valid('json').reason), 200);
};

export const batch: AppRouteHandler<typeof routes.batch> = async (c) => {
  requireOperator(c.var.agent);
  const { action, reason, targets } = c.req.valid('json');
  const results: { workflowId: string; deliveryId: string | null; ok: boolean; result: ActionOutcome | null; error: { status: number; code: string; message: string } | null }[] = [];
  // One at a time: each target is checked and audited on its own, and a selection never floods Temporal.
  for (const target of targets) {
    const operation: OperatorAction =
      action === 'retry_delivery' ? { kind: 'retry_delivery', deliveryId: target.deliveryId ?? '' } : ({ kind: action } as OperatorAction);
    try {
      const result = await performAction(c.var.deps, c.var.agent, target.workflowId, operation, reason);
      results.push({ workflowId: target.workflowId, deliveryId: target.deliveryId ?? null, ok: true, result, error: null });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.push({
        workflowId: target.workflowId,
        deliveryId: target.deliveryId ?? null,
        ok: false,
        result: null,
        error: { status: error.status, code: error.code, message: error.message },
      });
    }
  }
  return c.json({ results }, 200);
};
