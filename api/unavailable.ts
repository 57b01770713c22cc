/**
 * Recognises failures that mean a dependency is down (PostgreSQL restarting, Temporal unreachable) rather than
 * a bug, so the API answers 503 with a code a client can retry on instead of a 500.
 */
import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';

// postgres.js connection errors and PostgreSQL's "shutting down" / "starting up" states.
const DATABASE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
]);

// gRPC UNAVAILABLE and DEADLINE_EXCEEDED, and CANCELLED: the API cancels its calls only when it is stopping.
const TEMPORAL_CODES = new Set([14, 4, 1]);

export function unavailableDependency(error: unknown): 'database' | 'temporal' | null {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'temporal';
  if (isGrpcServiceError(error) && TEMPORAL_CODES.has(error.code)) return 'temporal';
  const cause = (error as { cause?: unknown })?.cause;
  if (cause && isGrpcServiceError(cause) && TEMPORAL_CODES.has(cause.code)) return 'temporal';
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && DATABASE_CODES.has(code)) return 'database';
  return null;
}
