/**
 * Refused ticket commands, by their stable codes (`TicketErrorCode` in `domain/error-codes`). Update validators
 * throw them as non-retryable `ApplicationFailure`s (type = code) so a refusal never reaches workflow history; the
 * API maps each code to its HTTP status with {@link TICKET_ERROR_STATUS}.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { TicketErrorCode } from '../domain/error-codes';

export const TICKET_ERROR_STATUS = {
  'ticket.forbidden': 403,
  'ticket.permission_required': 403,
  'ticket.forward_forbidden': 403,
  'ticket.not_assignee': 403,
  'ticket.not_in_service': 403,
  'ticket.not_group_member': 403,
  'ticket.admin_only': 403,
  'ticket.not_assignable': 409,
  'ticket.not_assigned': 409,
  'ticket.invalid_transition': 409,
  'ticket.closed': 409,
  'ticket.group_required': 422,
  'ticket.api_client_forbidden': 403,
  'ticket.unprocessable': 422,
  'ticket.transfer_pending': 409,
  'mask.out_of_range': 422,
  'mask.already_masked': 409,
  'mask.not_text': 422,
} as const satisfies Record<TicketErrorCode, number>;

/** A refused command: thrown from validators and handlers, never retried. */
export function refuse(code: TicketErrorCode, message: string, details?: Record<string, unknown>): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true, details: details ? [details] : [] });
}
