/**
 * Typed calls to the operator console's routes (api/routes/operations): its shapes come from the route schemas,
 * as types only.
 */
import type { z } from 'zod';
import type {
  ActionResult,
  BatchResult,
  Overview,
  WorkflowDetail,
  WorkflowPage,
} from '../../../api/routes/operations/operations.schemas';
import type { StuckReason, WorkflowKind } from '../../../domain/workflow-kinds';
import { api } from './client';

export type OperationsOverview = z.infer<typeof Overview>;
export type OperationsPage = z.infer<typeof WorkflowPage>;
export type OperationsWorkflow = OperationsPage['items'][number];
export type OperationsDetail = z.infer<typeof WorkflowDetail>;
export type OperationsActionResult = z.infer<typeof ActionResult>;
export type OperationsBatchResult = z.infer<typeof BatchResult>;
export type { StuckReason, WorkflowKind };

/** An action on one workflow, as the console offers it. */
export type WorkflowAction = 'retry-now' | 'reset' | 'cancel' | 'terminate' | 'signal';

const workflowPath = (id: string, suffix = '') => `/operations/workflows/${encodeURIComponent(id)}${suffix}`;

export const operationsApi = {
  overview: (quiet = false) => api.get<OperationsOverview>('/operations/overview', { quiet }),
  list: (query: { stuck: boolean; kind?: WorkflowKind; reason?: StuckReason; cursor?: string }, quiet = false) =>
    api.get<OperationsPage>('/operations/workflows', {
      query: { stuck: query.stuck ? 'true' : undefined, kind: query.kind, reason: query.reason, cursor: query.cursor, limit: 50 },
      quiet,
    }),
  get: (workflowId: string, quiet = false) => api.get<OperationsDetail>(workflowPath(workflowId), { quiet }),
  act: (workflowId: string, action: WorkflowAction, body: { reason: string; name?: string; args?: unknown[] }) =>
    api.post<OperationsActionResult>(workflowPath(workflowId, `/${action}`), body),
  retryDelivery: (workflowId: string, deliveryId: string, reason: string) =>
    api.post<OperationsActionResult>(workflowPath(workflowId, `/deliveries/${encodeURIComponent(deliveryId)}/retry`), { reason }),
  batch: (action: 'retry_now' | 'cancel' | 'terminate' | 'reset', reason: string, workflowIds: string[]) =>
    api.post<OperationsBatchResult>('/operations/batch', { action, reason, targets: workflowIds.map((workflowId) => ({ workflowId })) }),
};
