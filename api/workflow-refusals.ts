/**
 * Business refusals raised by workflows (a non-retryable `ApplicationFailure` whose type is an error code) as API
 * errors: one mapping for every workflow kind, each with its own table of codes and statuses.
 */
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorCode } from '../domain/error-codes';
import { ApiError, type ErrorStatus } from './errors';

/**
 * The API error of a refused update (or of a run that failed with a refusal) whose code is in `statuses`; null for
 * anything else, which the caller handles or rethrows.
 */
export function workflowRefusal(error: unknown, statuses: Partial<Record<ErrorCode, ErrorStatus>>): ApiError | null {
  if (!(error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError)) return null;
  const failure = error.cause;
  if (!(failure instanceof ApplicationFailure) || !failure.type || !(failure.type in statuses)) return null;
  const code = failure.type as ErrorCode;
  return new ApiError(statuses[code]!, code, failure.message, failure.details?.[0] ?? undefined);
}
