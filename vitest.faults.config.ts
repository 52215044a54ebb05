import { defineConfig } from 'vitest/config';
import { startingWith } from './test/setup/sequencer.ts';

// The fault suite (test/faults/README.md): real worker processes killed with SIGKILL, Redis, Dovecot and SMTP
// restarted mid-run. Its files end in .fault.ts so that the normal suite (vitest.config.ts) does not pick them up.
// Each scenario starts its own Redis, Dovecot, SMTP server and Slack fake on free loopback ports, with its own key
// prefix, folders and row file, so scenarios can run side by side. Most of a scenario's wall time is spent waiting
// for sgbot's recovery timers (a killed worker's 30 s IMAP lease, a killed sender's broadcast claim, the job lock),
// not on the CPU: four files at a time on 2 cores, the longest first. FAULTS_WORKERS=1 runs one at a time.
const workers = Number(process.env['FAULTS_WORKERS'] ?? 4);

export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // Longest first: about 110 s for the ingest kills (three IMAP lease waits), up to 70 s for each Redis restart file
    // (a job caught by the kill waits out the 30 s job lock), 10–45 s for the others, on 2 cores.
    sequence: {
      sequencer: startingWith([
        'faults/ingest-kill.fault.ts',
        'faults/redis-restart-ingest.fault.ts',
        'faults/redis-restart-reminders.fault.ts',
        'faults/broadcast-kill.fault.ts',
        'faults/dovecot-restart.fault.ts',
        'faults/reminders-kill.fault.ts',
        'faults/smtp-outage.fault.ts',
        'faults/replicas.fault.ts',
      ]),
    },
    pool: 'forks',
    testTimeout: 900_000,
    hookTimeout: 180_000,
    teardownTimeout: 120_000,
  },
});
