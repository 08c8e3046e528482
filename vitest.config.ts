import { defineConfig } from 'vitest/config';

// `.ci/run` sets TEST_REPORT_FILE to read the pass/fail counts; `npm test` stays the same command.
const reportFile = process.env.TEST_REPORT_FILE;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves one core idle, which on a 2-core machine runs the files one at a time.
    maxWorkers: '100%',
    reporters: reportFile ? ['default', 'json'] : ['default'],
    outputFile: reportFile ? { json: reportFile } : undefined,
  },
});
