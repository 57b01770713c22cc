/**
 * Every stable error code Contactflow answers with. The API's error body is `{ error: { code, message, details } }`;
 * the code never changes once published, so clients (and the studio's messages) can rely on it, while the message
 * is for people and may change. Typing codes as {@link ErrorCode} makes a misspelt code a type error.
 *
 * @module
 */

/** Refusals of the ticket status machine: thrown by the ticket workflow's update validators, answered by the API. */
export const TICKET_ERROR_CODES = [
  'ticket.forbidden',
  'ticket.permission_required',
  'ticket.forward_forbidden',
  'ticket.not_assignee',
  'ticket.not_in_service',
  'ticket.not_group_member',
  'ticket.admin_only',
  'ticket.not_assignable',
  'ticket.not_assigned',
  'ticket.invalid_transition',
  'ticket.closed',
  'ticket.group_required',
  'ticket.api_client_forbidden',
  'ticket.unprocessable',
  // Transfers (Dooray!, issue services)
  'ticket.transfer_pending',
  // PII masking (개인정보 마스킹)
  'mask.out_of_range',
  'mask.already_masked',
  'mask.not_text',
] as const;
/** A refusal of the ticket status machine. */
export type TicketErrorCode = (typeof TICKET_ERROR_CODES)[number];

/** The codes of every error the API answers with. */
export const ERROR_CODES = [
  ...TICKET_ERROR_CODES,

  // 401, 403, 429: who is asking
  'auth.required',
  'auth.invalid_token',
  'auth.invalid_credentials',
  'auth.forbidden',
  'auth.scope_missing',
  'auth.session_required',
  'auth.too_many_attempts',
  'customer.forbidden',

  // 400, 413, 415, 422: the request itself
  'request.invalid',
  'request.malformed',
  'request.too_large',
  'request.unsupported_media_type',
  'request.unstorable_text',
  'request.invalid_cursor',
  'request.invalid_reference',
  'idempotency.key_reused',

  // 404: `<record>.not_found`
  'route.not_found',
  'agent.not_found',
  'api_token.not_found',
  'attachment.not_found',
  'mask.not_found',
  'message.not_found',
  'automation.not_found',
  'bulk_job.not_found',
  'category.not_found',
  'customer.not_found',
  'reply_template.not_found',
  'field.not_found',
  'group.not_found',
  'rule_version.not_found',
  'service.not_found',
  'sla_policy.not_found',
  'ticket.not_found',
  'trigger.not_found',

  // 409, 422: directory records
  'agent.email_taken',
  'agent.self_change',
  'agent.group_required',
  'service.name_taken',
  'group.name_taken',
  'group.in_use',
  'category.name_taken',
  'category.too_deep',
  'category.in_use',

  // 403, 409, 422: fields and their values on tickets
  'field.invalid',
  'field.code_taken',
  'field.unknown',
  'field.invalid_value',
  'field.required',
  'field.admin_only',
  'field.encryption_unavailable',

  // 409, 422: reply templates
  'reply_template.code_taken',
  'reply_template.unknown_code',

  // 413, 415, 422: attachments
  'attachment.too_large',
  'attachment.too_many',
  'attachment.unsupported_type',
  'attachment.type_mismatch',
  'attachment.empty',
  'attachment.unknown',

  // 422: bulk jobs refused up front (details.ticketIds names the tickets)
  'bulk.unknown_tickets',
  'bulk.unassigned_tickets',
  'bulk.other_service',

  // 409, 422: rule definitions (details.issues lists what is wrong, with paths)
  'trigger.invalid',
  'trigger.enabled',
  'trigger.order_mismatch',
  'sla.invalid',
  'sla.no_target',
  'sla.order_mismatch',
  'business_hours.invalid',
  'automation.invalid',
  'simulation.previous_required',

  // Callback requests (콜백), IVR routes and signed callback URLs
  'callback.forbidden',
  'callback.assign_forbidden',
  'callback.not_assignee',
  'callback.not_assignable',
  'callback.not_assigned',
  'callback.finished',
  'callback.history_registered',
  'callback.not_found',
  'callback.invalid',
  'ivr_route.not_found',
  'ivr_route.code_taken',
  'hook.invalid_token',
  'hook.expired',
  'hook.replayed',
  'hook.invalid_body',
  'hook.workflow_finished',
  'hook.refused',
  'hook.unconfigured',
  // Transfers: Dooray! settings and tasks, issue transfers, customer-guidance requests
  'dooray_organization.not_found',
  'dooray_project.not_found',
  'guidance_request.not_found',
  'dooray.name_taken',
  'dooray.project_taken',
  'dooray.paused',
  'dooray.not_configured',
  'dooray.member_not_found',
  'dooray.no_task',
  'dooray.rejected',
  'dooray.unavailable',
  'dooray.hook_forbidden',
  'transfer.not_issue_service',
  'transfer.not_issue_ticket',
  'guidance_request.done',
  // 404, 409, 422: the operator console (actions refused once they no longer apply answer 409)
  'workflow.not_found',
  'delivery.not_found',
  'operations.not_running',
  'operations.not_failed',
  'operations.nothing_to_retry',
  'operations.no_reset_point',
  'operations.refused',
  // 400, 404, 409, 422: search, impact previews, exports and customer merges
  'search.unknown_field',
  'search.encrypted_field',
  'search.invalid_range',
  'impact.invalid_range',
  'export.not_found',
  'export.not_ready',
  'export.too_large',
  'customer.merge_self',
  'customer.merge_other_service',
  'customer.member_taken',

  // 500, 503: our side
  'database.unavailable',
  'temporal.unavailable',
  'internal',
] as const;

/** A stable error code of the API: always dotted, `<subject>.<what>`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

type RecordOfNotFound<Code> = Code extends `${infer Record}.not_found` ? Record : never;
/** The kinds of record a 404 `<record>.not_found` names. */
export type NotFoundRecord = Exclude<RecordOfNotFound<ErrorCode>, 'route'>;

/**
 * Types of the non-retryable failures activities raise. The workflow records them on the side effect or delivery
 * that failed, where operators see them; they never reach an API caller as an error code (`data.invalid`, data
 * the database refuses for good, reaches it as `ticket.unprocessable`).
 */
export const ACTIVITY_FAILURE_TYPES = [
  'data.invalid',
  'outbound.blocked',
  'outbound.rejected',
  'callback.invalid_payload',
  'side_effect.unknown',
  'mail.rejected',
  'delivery.not_failed',
  'dooray.rejected',
  'dooray.not_configured',
] as const;
/** The type of a non-retryable activity failure. */
export type ActivityFailureType = (typeof ACTIVITY_FAILURE_TYPES)[number];
