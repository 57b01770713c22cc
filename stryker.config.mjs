/**
 * Mutation testing of the rule engine: `npm run mutate:rules` (not part of CI; a full run takes a while on two
 * cores). Stryker changes rules/ one mutant at a time and runs the pure unit tests that cover it
 * (test/unit/rules/mutation.vitest.config.ts: no PostgreSQL, no Temporal, fewer differential cases); a mutant no
 * test notices "survives". The report lands in reports/mutation/. `npm run mutate:rules -- --incremental` retests
 * only what changed since the last incremental run.
 *
 * Left out of the mutants:
 * - rules/index.ts only re-exports;
 * - rules/cycle.ts and rules/runner.ts run the trigger cycle against the database's lookups and are tested by the
 *   integration tests (real PostgreSQL and Temporal), which a mutation run cannot afford per mutant;
 * - rules/trace.ts declares the API's trace schemas; its type checks fail the build, and the API tests read it;
 * - rules/graph.ts maps triggers to and from the studio's canvas: no evaluation reads it, and graph.test.ts
 *   (round trips of random triggers) is its own test.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/unit/rules/mutation.vitest.config.ts', related: false },
  mutate: ['rules/**/*.ts', '!rules/index.ts', '!rules/cycle.ts', '!rules/runner.ts', '!rules/trace.ts', '!rules/graph.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Static mutants (module-level code: zod schemas and their descriptions, the field catalogue) can only be
  // tested by re-running every test per mutant; they are listed as ignored instead.
  ignoreStatic: true,
  ignorePatterns: ['.data', '.tools', 'studio/dist', 'reports'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/rules.html' },
  jsonReporter: { fileName: 'reports/mutation/rules.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
