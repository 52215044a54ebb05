import { defineConfig } from 'vitest/config';

// The fault suite (test/faults/README.md): real worker processes killed with SIGKILL, Redis, Dovecot and SMTP
// restarted mid-run. Its files end in .fault.ts so that the normal suite (vitest.config.ts) does not pick them up.
// One scenario at a time: each starts its own servers and worker processes, and the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 900_000,
    hookTimeout: 180_000,
    teardownTimeout: 120_000,
  },
});
