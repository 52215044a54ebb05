import { defineConfig } from 'vitest/config';
import { startingWith } from './test/setup/sequencer.ts';

/**
 * Files that change process-wide state of sgbot's modules (the sender-trust policy and its DNS resolver,
 * configureTrust) or spy on Node's own classes, and files that measure the process's memory or time ratios (a heap
 * shared with earlier files adds their garbage collection to the measurement): each runs in a fresh process of its
 * own, as every file did before.
 */
const OWN_PROCESS = [
  'test/integration/sender-trust.test.ts',
  'test/integration/sender-auth-ingest.test.ts',
  'test/unit/mail-capture.test.ts',
  'test/integration/hostile-mail.test.ts',
  'test/unit/ingest-large.test.ts',
  'test/hostile/command-router.test.ts',
];

// On 2 cores vitest's default is one worker, and much of the suite waits on child processes, servers and Redis
// rather than the CPU: three workers. Every other file shares its worker's module graph with the files run before it
// in that worker (isolate: false), so sgbot's modules are loaded once per worker instead of once per file; the test
// files themselves, and their hooks, still run afresh.
export default defineConfig({
  test: {
    // The fault suite (kill -9, restarts) has its own run: npm run test:faults (vitest.faults.config.ts).
    globalSetup: ['test/setup/global-redis.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/vitest-results.json' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 3,
    // The longest files first (40 s down to 10 s on 2 cores), so that none of them starts last.
    sequence: {
      sequencer: startingWith(['browser/console.test.ts', 'integration/process-cases.test.ts', 'integration/ingest-queue.test.ts', 'integration/ops.test.ts', 'integration/imap-ingest.test.ts', 'integration/start.test.ts']),
    },
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ['test/faults/**', '**/node_modules/**', ...OWN_PROCESS], isolate: false },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS, isolate: true },
      },
    ],
  },
});
