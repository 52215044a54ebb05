/**
 * `reminder`: send one reminder, escalation or change notice by mail and chat. The planner queues these as delayed
 * jobs with ids `rem-<deadlineKey>-<recipientHash>-<offset>-<atEpochMs>` (change notices `chg-…`); the job checks that
 * the deadline still stands as planned and composes the message, then sends once per channel. Taken a little early
 * by the worker, it does the check and the composing first and waits for its instant to read the acknowledgement,
 * snooze and markers and send. Permanent failures are recorded as failed and not retried; temporary ones are retried
 * with backoff (or when Slack says).
 */
import { defineJob } from '../src/core/job.ts';
import { deliverReminder, giveUpReminder } from '../src/reminders/deliver.ts';
import type { ReminderJobDeps } from '../src/reminders/deps.ts';
import { REMINDER_QUEUE, reminderPayload, reminderPayloadId } from '../src/reminders/payload.ts';
import { untilDue } from '../src/reminders/worker.ts';

export const reminderJob = defineJob({
  name: REMINDER_QUEUE,
  summary: 'Send one deadline reminder, escalation or change notice (mail and chat), once per channel.',
  payload: reminderPayload,
  jobId: reminderPayloadId,
  attempts: 10,
  backoffMs: 60_000,
  // The id is the payload's: markers and the Message-ID key stay the same across retries. A job taken early (see
  // src/reminders/worker.ts) is checked and composed at once and waits for its instant before it sends.
  process: (p, deps: ReminderJobDeps) => deliverReminder(deps.reminders, p, reminderPayloadId(p), p.type === 'change' ? undefined : () => untilDue(deps.reminders, p.at)),
  onGiveUp: (p, deps, error) => giveUpReminder(deps.reminders, p, reminderPayloadId(p), error),
});
