/**
 * `replan-reminders`: every minute (a job scheduler), re-plan all reminders if people changed since the last run
 * (subscriptions, roster). See src/reminders/replan.ts.
 */
import { z } from 'zod';
import { defineJob } from '../src/core/job.ts';
import type { ReminderJobDeps } from '../src/reminders/deps.ts';
import { replanIfMarked } from '../src/reminders/replan.ts';

/** How often the scheduler looks for a re-plan mark. */
export const REPLAN_EVERY_MS = 60_000;

export const replanRemindersJob = defineJob({
  name: 'replan-reminders',
  summary: 'Re-plan all reminders after subscriptions or the roster changed.',
  payload: z.object({}),
  jobId: () => 'replan-reminders',
  attempts: 3,
  backoffMs: 5000,
  process: (_p, deps: ReminderJobDeps) => replanIfMarked(deps.reminders),
});
