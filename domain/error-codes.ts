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
  'automation.not_found',
  'category.not_found',
  'customer.not_found',
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
  'category.name_taken',
  'category.too_deep',

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

  // 400, 404, 409, 422: search, exports and customer merges
  'search.unknown_field',
  'search.encrypted_field',
  'search.invalid_range',
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
export const ACTIVITY_FAILURE_TYPES = ['data.invalid', 'outbound.blocked', 'outbound.rejected', 'callback.invalid_payload', 'side_effect.unknown'] as const;
/** The type of a non-retryable activity failure. */
export type ActivityFailureType = (typeof ACTIVITY_FAILURE_TYPES)[number];
