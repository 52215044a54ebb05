/**
 * `reminder`: send one reminder, escalation or change notice by mail and chat. The planner queues these as delayed
 * jobs with ids `rem-<deadlineKey>-<recipientHash>-<offset>-<atEpochMs>` (change notices `chg-…`); at fire time the
 * job checks that the deadline still stands as planned, then sends once per channel (taken a little early by the
 * worker, it waits for its instant first). Permanent failures are recorded
 * as failed and not retried; temporary ones are retried with backoff (or when Slack says).
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
  // src/reminders/worker.ts) waits for its instant here, before it checks that it is still wanted.
  process: async (p, deps: ReminderJobDeps) => {
    if (p.type !== 'change') await untilDue(deps.reminders, p.at);
    return deliverReminder(deps.reminders, p, reminderPayloadId(p));
  },
  onGiveUp: (p, deps, error) => giveUpReminder(deps.reminders, p, reminderPayloadId(p), error),
});
