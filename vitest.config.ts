import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests run real builds (maven, pytest, tsc); give them room, and keep 2 files in flight on 2 cores.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    reporters: ['default', './test/helpers/count-reporter.ts'],
  },
});
