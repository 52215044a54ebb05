import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite (kill -9, restarts) has its own run: npm run test:faults (vitest.faults.config.ts).
    exclude: ['test/faults/**', '**/node_modules/**'],
    globalSetup: ['test/setup/global-redis.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/vitest-results.json' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
