/**
 * `plan-reminders`: turn the current deadlines of a stored document's family into delayed reminder jobs, remove those
 * of moved or withdrawn deadlines, and notify people already reminded of a change. Queued after ingest for each
 * document stored as `added`, `revision` or `addendum`; id `plan-<docId>`.
 */
import { defineJob } from '../src/core/job.ts';
import type { ReminderJobDeps } from '../src/reminders/deps.ts';
import { PLAN_QUEUE, planJobId, planPayload } from '../src/reminders/payload.ts';
import { applyCancellations } from '../src/reminders/cancellations.ts';
import { applyReplies } from '../src/reminders/replies.ts';
import { scheduleDocument } from '../src/reminders/schedule.ts';

export const planRemindersJob = defineJob({
  name: PLAN_QUEUE,
  summary: "Plan (or re-plan) the reminders of a stored document's deadlines.",
  payload: planPayload,
  jobId: planJobId,
  attempts: 8,
  backoffMs: 1000,
  process: async (p, deps: ReminderJobDeps) => {
    // A reply stored first answers the statements it replies to, so that their reminders stop.
    await applyReplies(deps.reminders, p.docId);
    // A cancellation stored first cancels the letter whose meeting it calls off, so that its reminders stop too.
    await applyCancellations(deps.reminders, p.docId);
    return scheduleDocument(deps.reminders, p.docId);
  },
});
