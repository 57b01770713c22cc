/**
 * Slows password guessing: after {@link MAX_FAILURES} failed logins for one email within {@link WINDOW_MS},
 * further attempts for it are refused with 429 until the oldest failure leaves the window. In memory, per API
 * process: with several API processes behind a load balancer the limit applies per process.
 */
import { ApiError } from '../errors';

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

export function createLoginThrottle(now: () => number = Date.now) {
  const failures = new Map<string, number[]>();
  const recent = (email: string) => (failures.get(email) ?? []).filter((at) => now() - at < WINDOW_MS);

  return {
    /** Throws 429 when the email has used up its attempts. */
    check(email: string): void {
      const key = email.toLowerCase();
      const times = recent(key);
      failures.set(key, times);
      if (times.length >= MAX_FAILURES) {
        const retryAfterSeconds = Math.ceil((times[0] + WINDOW_MS - now()) / 1000);
        throw new ApiError(429, 'auth.too_many_attempts', `Too many failed logins; try again in ${retryAfterSeconds} s.`, {
          retryAfterSeconds,
        });
      }
    },
    failed(email: string): void {
      const key = email.toLowerCase();
      failures.set(key, [...recent(key), now()]);
    },
    succeeded(email: string): void {
      failures.delete(email.toLowerCase());
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
