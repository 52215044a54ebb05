/**
 * Reminders and digests: what `src/main.ts` wires (docs/architecture.md follows a deadline from a mail to its reminder).
 *
 * - {@link ReminderDeps} / {@link reminderSettings}: what the jobs need (`JobDeps.reminders`).
 * - jobs `reminderJob`, `planRemindersJob`, `digestJob` (in `jobs/`), run by {@link startReminderWorkers}.
 * - {@link queuePlan}: after ingest stores a document (added, revision, addendum), plan its reminders.
 * - {@link acknowledgeReminder}, {@link snoozeReminder}, {@link unsubscribeReminders}: the buttons and links.
 */
import type { AddStatus } from '../store/store.ts';
import type { ReminderDeps } from './deps.ts';
import { PLAN_QUEUE, planJobId, planPayload } from './payload.ts';

export { acknowledgeReminder, reminderActions, snoozeReminder, unsubscribeReminders, type ActionResult } from './actions.ts';
export { DONE_ACTION, SNOOZE_ACTION } from './compose.ts';
export { reminderSettings, type ReminderDeps, type ReminderJobDeps, type ReminderSettings } from './deps.ts';
export { digestPref, setDigest, stopDigest, type DigestPref } from './digest.ts';
export { scheduleAll, scheduleBase, scheduleDocument, type PlanResult } from './schedule.ts';
export { startReminderWorkers, type ReminderWorkers } from './worker.ts';

/** Whether a document stored with `status` may bring new or changed deadlines. */
export function plansFor(status: AddStatus): boolean {
  // A held revision plans nothing while its sender is unverified, but its plan job re-checks the sender when a DNS
  // error left the check open.
  return status === 'added' || status === 'revision' || status === 'addendum' || status === 'held';
}

/**
 * Queue the plan of a stored document's reminders (job `plan-<docId>`; `replan` for a second plan of the same
 * document). Returns the job id.
 */
export async function queuePlan(deps: Pick<ReminderDeps, 'queue'>, docId: string, replan?: number): Promise<string> {
  const data = planPayload.parse({ docId, ...(replan ? { replan } : {}) });
  const jobId = planJobId(data);
  await deps.queue({ name: PLAN_QUEUE }).add(PLAN_QUEUE, data, {
    jobId,
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
  return jobId;
}
