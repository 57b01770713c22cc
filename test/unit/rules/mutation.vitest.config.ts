/**
 * Vitest configuration for the mutation run of rules/ (`npm run mutate:rules`, see stryker.config.mjs): only
 * the pure unit tests of the rule engine, without the global setup that starts PostgreSQL and Temporal, and
 * with fewer differential cases so that every mutant can afford them.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: [
      'test/unit/rules/**/*.test.ts',
      // Pure unit tests of rules/ modules that live beside the other unit tests.
      'test/unit/business-hours.test.ts',
      'test/unit/duration.test.ts',
      'test/unit/time-rules.test.ts',
    ],
    // CI runs each differential file's own count (10,000 cases in all); a mutant is usually killed within a
    // few cases, and the 60 s timeout is sized for the full count.
    env: { RULES_DIFFERENTIAL_CASES: '200' },
    testTimeout: 60_000,
  },
});
