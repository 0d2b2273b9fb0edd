import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite databases are per test file; two workers fit the 2-core machines Kith is tested on.
    pool: 'forks',
    maxWorkers: 2,
  },
});
