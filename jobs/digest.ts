/**
 * `digest`: build and send one subscriber's weekly digest (new documents of their topics, deadlines ahead, liaisons
 * awaiting reply); nothing is sent when it would be empty. Run by a job scheduler per subscriber (`digest on`), at
 * their local hour; a run sends at most once per channel.
 */
import { defineJob } from '../src/core/job.ts';
import type { ReminderJobDeps } from '../src/reminders/deps.ts';
import { runDigest } from '../src/reminders/digest.ts';
import { DIGEST_QUEUE, digestPayload } from '../src/reminders/payload.ts';
import { shortHash } from '../src/reminders/plan.ts';

export const digestJob = defineJob({
  name: DIGEST_QUEUE,
  summary: "Send a subscriber's weekly digest, unless it would be empty.",
  payload: digestPayload,
  jobId: (p) => `digest-${shortHash(p.subscriber)}-${p.period ?? 'now'}`,
  attempts: 8,
  backoffMs: 60_000,
  process: (p, deps: ReminderJobDeps, run) => runDigest(deps.reminders, p.subscriber, run.id),
});
