/**
 * How a delivery attempt's outcome is classified, run in an activity context with the attempt number and the
 * retry policy the workflow gave it.
 */
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { deliver, Skip } from '../../activities/side-effects';

async function attempt(number: number, outcome: () => Promise<unknown>) {
  const recorded: [string, string | null][] = [];
  const env = new MockActivityEnvironment({ attempt: number, retryPolicy: { maximumAttempts: 8 } });
  const result = await env
    .run(() => deliver(outcome, async (status, error) => void recorded.push([status, error])))
    .catch((error: Error) => `threw: ${error.message}`);
  return { result, recorded };
}

describe('deliver', () => {
  it('records a success as sent', async () => {
    expect(await attempt(1, async () => ({ httpStatus: 200 }))).toEqual({ result: 'sent', recorded: [['sent', null]] });
  });

  it('records a transient failure and rethrows it for the retry policy', async () => {
    expect(await attempt(3, async () => Promise.reject(new Error('503')))).toEqual({ result: 'threw: 503', recorded: [['pending', '503']] });
  });

  it('records the failure as final on the last attempt the policy allows', async () => {
    expect(await attempt(8, async () => Promise.reject(new Error('503')))).toEqual({ result: 'failed', recorded: [['failed', '503']] });
  });

  it('records permanent failures and skips at once', async () => {
    const rejected = () => Promise.reject(ApplicationFailure.nonRetryable('400', 'outbound.rejected'));
    expect(await attempt(1, rejected)).toEqual({ result: 'failed', recorded: [['failed', '400']] });
    expect(await attempt(1, () => Promise.reject(new Skip('no recipient address')))).toEqual({
      result: 'skipped',
      recorded: [['skipped', 'no recipient address']],
    });
  });
});
