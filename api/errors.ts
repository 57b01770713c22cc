/**
 * The one error shape of the API: `{ error: { code, message, details } }`, with stable codes.
 */
import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, NotFoundRecord } from '../domain/error-codes';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'ticket.not_assignable' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).openapi({ description: 'What the code is about; `{}` when there is nothing to add.' }),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
/** The `details` of an error: always an object, `{}` when there is nothing to add. */
export type ErrorDetails = Record<string, unknown>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: NotFoundRecord, id: string) => new ApiError(404, `${what}.not_found`, `No ${what} with id ${id}.`, { id });
export const invalidReference = (field: string, id: string, why = 'does not exist') =>
  new ApiError(422, 'request.invalid_reference', `${field} ${id} ${why}.`, { field, id });

/** The error body; `details` that are missing become `{}`, and any that are not an object are kept under `value`. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, details: asDetails(details) } };
}

function asDetails(details: unknown): ErrorDetails {
  if (details === undefined || details === null) return {};
  if (typeof details === 'object' && !Array.isArray(details)) return details as ErrorDetails;
  return { value: details };
}

export const asStatus = (status: ErrorStatus) => status as ContentfulStatusCode;

/** OpenAPI response entries for the error statuses a route can answer. */
export function errorResponses(...statuses: ErrorStatus[]) {
  const descriptions: Record<ErrorStatus, string> = {
    400: 'Malformed request',
    401: 'Missing or invalid credentials',
    403: 'Not permitted',
    404: 'Not found',
    409: 'Conflicts with the current state',
    410: 'Gone: expired',
    413: 'Request body too large',
    415: 'Unsupported content type',
    422: 'Well-formed but unacceptable',
    429: 'Too many requests',
    500: 'Internal error',
    503: 'A dependency is unavailable',
  };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status], content: { 'application/json': { schema: ErrorBody } } }]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}
