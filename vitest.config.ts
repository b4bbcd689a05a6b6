import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Temporal worker's native core does not mix with worker threads: one forked process, files in turn.
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/quiet-runtime.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
