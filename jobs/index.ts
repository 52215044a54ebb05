/**
 * Every job kind, in one explicit list (names must be unique). Workers run the ones they are given.
 */
import type { JobSpec } from '../src/core/job.ts';
import { broadcastJob } from './broadcast.ts';
import { digestJob } from './digest.ts';
import { ingestJob } from './ingest.ts';
import { planRemindersJob } from './plan-reminders.ts';
import { reminderJob } from './reminder.ts';
import { replanRemindersJob } from './replan-reminders.ts';

export { broadcastJob, digestJob, ingestJob, planRemindersJob, reminderJob, replanRemindersJob };

/** The reminder queues, run by their own workers (src/reminders/worker.ts: they defer jobs to honour Retry-After). */
export const REMINDER_JOBS = [reminderJob, planRemindersJob, digestJob, replanRemindersJob] as const;

/** Every job kind: name and summary (each spec has its own payload and dependencies). */
export const JOBS: ReadonlyArray<Pick<JobSpec, 'name' | 'summary'>> = [ingestJob, broadcastJob, ...REMINDER_JOBS];
