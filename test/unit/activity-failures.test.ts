/**
 * Which activity failures stop retrying: data the database refuses for good, not anything a retry can heal.
 */
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { INVALID_DATA, classifyFailure, classifyFailures } from '../../activities/failures';
import { InvalidFactsError } from '../../rules/facts-gate';

/** An error shaped as postgres.js raises them for an ErrorResponse from the server. */
function postgresError(code: string, message = `failed with ${code}`): Error {
  return Object.assign(new Error(message), { name: 'PostgresError', code, severity: 'ERROR', constraint_name: 'a_check' });
}

/** An error shaped as postgres.js raises them for a connection that failed. */
const connectionError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('classifyFailure', () => {
  it.each(['22021', '22P02', '22001', '23502', '23503', '23514', '42703', '42P01'])('stops retrying SQLSTATE %s', (code) => {
    const failure = classifyFailure(postgresError(code));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: INVALID_DATA, nonRetryable: true, details: [{ sqlstate: code, constraint: 'a_check' }] });
    expect((failure as Error).message).toContain(`failed with ${code}`);
  });

  it.each(['08006', '57P01', '57P03', '53300', '40001', '40P01', '57014', '23505', 'XX000'])('leaves SQLSTATE %s to the retry policy', (code) => {
    const error = postgresError(code);
    expect(classifyFailure(error)).toBe(error);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT'])('leaves %s to the retry policy', (code) => {
    const error = connectionError(code);
    expect(classifyFailure(error)).toBe(error);
  });

  it('stops retrying ticket facts the rule engines refuse', () => {
    const failure = classifyFailure(new InvalidFactsError({ path: ['ticket', 'customerFields'], message: 'expected a record' }));
    expect(failure).toMatchObject({ type: INVALID_DATA, nonRetryable: true, details: [{ sqlstate: null }] });
  });

  it('stops retrying a value postgres.js refuses to send', () => {
    expect(classifyFailure(connectionError('UNDEFINED_VALUE'))).toMatchObject({ type: INVALID_DATA, nonRetryable: true });
  });

  it('leaves failures an activity classified itself as they are', () => {
    const failure = ApplicationFailure.nonRetryable('blocked', 'outbound.blocked');
    expect(classifyFailure(failure)).toBe(failure);
  });
});

describe('classifyFailures', () => {
  it('classifies what every activity throws and passes results through', async () => {
    const activities = classifyFailures({
      refused: async () => {
        throw postgresError('22021');
      },
      answered: async (value: number) => value * 2,
    });
    await expect(activities.refused()).rejects.toMatchObject({ type: INVALID_DATA, nonRetryable: true });
    await expect(activities.answered(21)).resolves.toBe(42);
  });
});
