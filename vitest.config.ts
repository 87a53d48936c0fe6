import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/setup/packDocgen.ts'],
    // Vitest's default is one worker per core but one, which on a 2-core machine runs the files one
    // after another; most suites spend their time in one thread (tsc, ajv, a server), so two overlap well.
    maxWorkers: 2,
  },
});
