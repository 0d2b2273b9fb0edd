import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The console's own alias, for its pure modules tested here.
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'src/web/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One embedded PostgreSQL for the run (or TEST_DATABASE_URL's), a database per test file;
    // two workers fit the 2-core machines Kith is tested on.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
