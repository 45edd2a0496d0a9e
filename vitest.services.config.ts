import { defineConfig } from 'vitest/config';

/** The suites that need real services: DATABASE_URL (PostgreSQL) and REDIS_URL (Redis). `.ci/run` provides both. */
export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // One at a time: they share the services.
    fileParallelism: false,
  },
});
