import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    // Integration tests drive real workflows on a real Temporal server and real PostgreSQL.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
