import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Suites that need a PostgreSQL or Redis server run under `npm run test:services` (vitest.services.config.ts).
    exclude: ['test/services/**', '**/node_modules/**'],
    environment: 'node',
    // The engine is given zod by the program that runs it (see src/engine/lazy-schema.ts).
    setupFiles: ['src/engine/with-zod.ts'],
    testTimeout: 60_000,
  },
});
