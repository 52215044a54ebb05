/**
 * Every job kind, in one explicit list (names must be unique). Workers run the ones they are given.
 */
import type { JobSpec } from '../src/core/job.ts';
import { broadcastJob } from './broadcast.ts';
import { digestJob } from './digest.ts';
import { ingestJob } from './ingest.ts';
import { planRemindersJob } from './plan-reminders.ts';
import { reminderJob } from './reminder.ts';
import { REPLAN_EVERY_MS, replanRemindersJob } from './replan-reminders.ts';

export { broadcastJob, digestJob, ingestJob, planRemindersJob, reminderJob, replanRemindersJob };

/** The reminder queues, run by their own workers (src/reminders/worker.ts: they defer jobs to honour Retry-After). */
export const REMINDER_JOBS = [reminderJob, planRemindersJob, digestJob, replanRemindersJob] as const;

/** Every job kind: name and summary (each spec has its own payload and dependencies). */
export const JOBS: ReadonlyArray<Pick<JobSpec, 'name' | 'summary'>> = [ingestJob, broadcastJob, ...REMINDER_JOBS];

/**
 * The job kinds by what they do, for src/main.ts to hand to the worker, the console and `sgbot status` (src/ never
 * imports jobs/).
 */
export const JOB_KINDS = {
  all: JOBS,
  ingest: ingestJob,
  broadcast: broadcastJob,
  reminder: reminderJob,
  reminderJobs: REMINDER_JOBS,
  replanReminders: replanRemindersJob,
  /** How often the re-plan scheduler runs (ms). */
  replanEveryMs: REPLAN_EVERY_MS,
} as const;

/** The shape of {@link JOB_KINDS}. */
export type JobKinds = typeof JOB_KINDS;
