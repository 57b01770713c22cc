/**
 * The check every directory, trigger and time-rule test makes of a refused request: the status and stable error
 * code, the error shape, and that nothing the request could have written has changed.
 */
import { expect } from 'vitest';
import type { Harness, RequestOptions } from './harness';

/**
 * `expectRefused(method, path, options, status, code)` for one test file: `snapshot` reads every row the file's
 * requests may write, and must read the same after the refusal. Returns the error body.
 */
export function refusalCheck(harness: () => Harness, snapshot: () => Promise<unknown>) {
  return async (method: string, path: string, options: RequestOptions, status: number, code: string) => {
    const before = await snapshot();
    const response = await harness().request(method, path, options);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(typeof response.body.error.message).toBe('string');
    expect(await snapshot()).toEqual(before);
    return response.body.error;
  };
}
