import { defineConfig } from 'vitest/config';

/** The suites that need real services: DATABASE_URL (PostgreSQL) and REDIS_URL (Redis). `.ci/run` provides both. */
export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    environment: 'node',
    // The engine is given zod by the program that runs it (see src/engine/lazy-schema.ts).
    setupFiles: ['src/engine/with-zod.ts'],
    testTimeout: 120_000,
    // One at a time: they share the services.
    fileParallelism: false,
  },
});
