import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-redis.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/vitest-results.json' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
