import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PGlite takes a few seconds to start; Postgres tests create a database per file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
