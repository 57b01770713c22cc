/**
 * Callback requests (콜백): a customer asks the phone IVR to be called back. Statuses, attempt outcomes, the
 * commands a request accepts and its state as the `callback-<id>` workflow holds it.
 *
 * Plain `as const` lists and types only, no zod, so that workflow code can import this module.
 *
 * @module
 */

/** registered (등록, unassigned), unprocessed (미처리, assigned, not done), completed (완료), cancelled (취소, reassignable). */
export const CALLBACK_STATUSES = ['registered', 'unprocessed', 'completed', 'cancelled'] as const;
/** A callback request's status. */
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** Statuses a request can be assigned from. */
export const ASSIGNABLE_CALLBACK_STATUSES: readonly CallbackStatus[] = ['registered', 'cancelled'];

/** How one call attempt (연결) ended. */
export const CALLBACK_OUTCOMES = ['answered', 'no_answer', 'busy', 'wrong_number'] as const;
/** How one call attempt ended. */
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** 균등할당 (spread across the selected agents, fewest open first) or 수동할당 (all to one agent). */
export const CALLBACK_ASSIGN_MODES = ['even', 'manual'] as const;
export type CallbackAssignMode = (typeof CALLBACK_ASSIGN_MODES)[number];

/** Whether an agent is logged in to the phone system (CTI 로그인), as the phone system reports it. */
export const PHONE_PRESENCES = ['logged_in', 'logged_out'] as const;
export type PhonePresence = (typeof PHONE_PRESENCES)[number];

/** The reminders a request's workflow keeps: unassigned too long, assigned but past its deadline, escalated. */
export const CALLBACK_REMINDER_KINDS = ['unassigned', 'overdue', 'escalated'] as const;
export type CallbackReminderKind = (typeof CALLBACK_REMINDER_KINDS)[number];

/** How the processing status (콜백 처리현황) groups requests. */
export const CALLBACK_STATS_GROUPS = ['day', 'month', 'agent', 'route'] as const;
export type CallbackStatsGroup = (typeof CALLBACK_STATS_GROUPS)[number];

/** What a request's workflow holds. */
export interface CallbackState {
  id: string;
  serviceId: string;
  routeId: string;
  status: CallbackStatus;
  assigneeId: string | null;
  assignerId: string | null;
  /** When the current assignment was made; null while unassigned. */
  assignedAt: string | null;
  attempts: number;
  ticketId: string | null;
  createdAt: string;
  seq: number;
}

/** A command sent to a request's workflow; the actor travels beside it. */
export type CallbackCommand =
  | { kind: 'assign'; agentId: string }
  | { kind: 'cancel_assignment' }
  | { kind: 'connect'; outcome: CallbackOutcome; note?: string }
  | { kind: 'complete'; note?: string }
  | { kind: 'register_history'; ticketId: string }
  /** From an external system through a signed URL: the outcome of a call it placed, recorded as an attempt. */
  | { kind: 'answer'; outcome: CallbackOutcome; note?: string };

/** Who acts on a callback request: an agent (with role and permissions) or a signed URL (`hook`). */
export interface CallbackActor {
  kind: 'agent' | 'api_client' | 'hook';
  id: string;
  role: 'org_admin' | 'admin' | 'agent';
  permissions: string[];
}

/** Refusals of the callback state machine, answered by the API with the status beside each. */
export const CALLBACK_ERROR_STATUS = {
  'callback.forbidden': 403,
  'callback.assign_forbidden': 403,
  'callback.not_assignee': 403,
  'callback.not_assignable': 409,
  'callback.not_assigned': 409,
  'callback.finished': 409,
  'callback.history_registered': 409,
} as const;
export type CallbackErrorCode = keyof typeof CALLBACK_ERROR_STATUS;

export const callbackWorkflowId = (callbackId: string) => `callback-${callbackId}`;

/** A request is finished once completed: its workflow ends and nothing more can happen to it. */
export const isCallbackFinished = (state: Pick<CallbackState, 'status'>) => state.status === 'completed';
