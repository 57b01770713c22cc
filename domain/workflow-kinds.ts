/**
 * The kinds of workflow Contactflow runs, for operators: how each is named in Temporal, how its workflow id
 * begins, and the signals an operator may send it. The operations API lists, filters and explains any kind
 * registered here; adding a kind is one line in {@link WORKFLOW_KINDS}.
 *
 * Plain `as const` data, no zod, so workflow code and the studio may import it too.
 *
 * @module
 */

export interface WorkflowKindDefinition {
  /** The workflow function's name, which Temporal records as the workflow type. */
  workflowType: string;
  /** How the kind's workflow ids begin: the business id follows, e.g. `ticket-T…`. */
  idPrefix: string;
  /** Signals the workflow handles, offered to operators first (any name may still be sent). */
  signals: readonly string[];
}

/** Every workflow kind, by its name in the API and the studio. */
export const WORKFLOW_KINDS = {
  ticket: { workflowType: 'ticketWorkflow', idPrefix: 'ticket-', signals: [] },
  delivery_retry: { workflowType: 'deliveryRetryWorkflow', idPrefix: 'delivery-retry-', signals: [] },
  transfer: { workflowType: 'doorayTransferWorkflow', idPrefix: 'dooray-transfer-', signals: [] },
  callback: { workflowType: 'callbackWorkflow', idPrefix: 'callback-', signals: [] },
  bulk_job: { workflowType: 'bulkJob', idPrefix: 'bulk-job-', signals: [] },
  export: { workflowType: 'exportJob', idPrefix: 'export-', signals: [] },
  closed_ticket_mask: { workflowType: 'closedTicketMaskWorkflow', idPrefix: 'mask-', signals: [] },
} as const satisfies Record<string, WorkflowKindDefinition>;

/** The name of a workflow kind. */
export type WorkflowKind = keyof typeof WORKFLOW_KINDS;

/** Every kind name, in a stable order. */
export const WORKFLOW_KIND_NAMES = Object.keys(WORKFLOW_KINDS) as [WorkflowKind, ...WorkflowKind[]];

/** The kind whose workflow type this is, or null for a workflow Contactflow does not own. */
export function kindOfWorkflowType(workflowType: string): WorkflowKind | null {
  return WORKFLOW_KIND_NAMES.find((kind) => WORKFLOW_KINDS[kind].workflowType === workflowType) ?? null;
}

/**
 * Why an operator should look at a workflow:
 * - `activity_retrying`: an activity has failed at least the threshold number of attempts, or failed recently;
 * - `workflow_task_failing`: its workflow code fails (non-determinism after a deploy, a bug), so it cannot move;
 * - `no_progress`: work is pending but nothing has happened for longer than the threshold;
 * - `no_worker`: work is pending on a task queue nobody polls;
 * - `delivery_failed`: a trigger side effect or a customer email was given up as failed.
 */
export const STUCK_REASONS = ['activity_retrying', 'workflow_task_failing', 'no_progress', 'no_worker', 'delivery_failed'] as const;
/** Why an operator should look at a workflow. */
export type StuckReason = (typeof STUCK_REASONS)[number];

/** What an operator can retry of a ticket: a trigger side effect, or the email of a customer-facing message. */
export type DeliveryRef = { kind: 'side_effect'; evaluation: number; index: number } | { kind: 'customer_reply'; seq: number };

/** The stable id of a delivery in the API: `side_effect:<evaluation>:<index>` or `customer_reply:<seq>`. */
export function deliveryId(ref: DeliveryRef): string {
  return ref.kind === 'side_effect' ? `side_effect:${ref.evaluation}:${ref.index}` : `customer_reply:${ref.seq}`;
}

/** The delivery a {@link deliveryId} names, or null when it names none. */
export function parseDeliveryId(id: string): DeliveryRef | null {
  const sideEffect = /^side_effect:(\d{1,9}):(\d{1,9})$/.exec(id);
  if (sideEffect) return { kind: 'side_effect', evaluation: Number(sideEffect[1]), index: Number(sideEffect[2]) };
  const reply = /^customer_reply:(\d{1,9})$/.exec(id);
  return reply ? { kind: 'customer_reply', seq: Number(reply[1]) } : null;
}

/** What Temporal says of a run, in the API's words. */
export const WORKFLOW_STATUSES = ['running', 'completed', 'failed', 'canceled', 'terminated', 'continued_as_new', 'timed_out'] as const;
/** What Temporal says of a run. */
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
