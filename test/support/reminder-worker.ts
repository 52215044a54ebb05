/**
 * A reminder worker process for the crash test: the real reminder job and workers, the real mailer (SMTP), on the
 * Redis and prefix it is given. Run with `node --import tsx test/support/reminder-worker.ts`; settings from the
 * environment (REMINDER_TEST_REDIS_URL, _PREFIX, _SMTP_PORT, _START_AT, _CONCURRENCY, _LOCK_MS). Prints `ready` once
 * its workers run; SIGTERM stops it cleanly; the test SIGKILLs it.
 */
import { reminderJob } from '../../jobs/reminder.ts';
import { startReminderWorkers } from '../../src/reminders/worker.ts';
import { startReminderEnv } from './reminder-env.ts';

const env = (name: string): string => {
  const v = process.env[`REMINDER_TEST_${name}`];
  if (!v) throw new Error(`REMINDER_TEST_${name} is not set`);
  return v;
};

const e = startReminderEnv({ redisUrl: env('REDIS_URL'), prefix: env('PREFIX'), smtpPort: Number(env('SMTP_PORT')), startAt: env('START_AT') });
const lock = Number(env('LOCK_MS'));
const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: Number(env('CONCURRENCY')), lockDurationMs: lock, stalledIntervalMs: lock });
await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await workers.close();
    await e.close();
    process.exit(0);
  })();
});
