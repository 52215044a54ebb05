/**
 * A stored letter cancelling a meeting cancels the letter that announced it: that letter's deadlines leave
 * `deadlines` and the calendars, its meeting is listed as cancelled, and its reminders are planned again, which
 * cancels those still to come and tells the people already reminded that the deadline was withdrawn.
 */
import { cancellationOf, cancelledBy } from '../store/cancellations.ts';
import { citeOf, type StoredDocument } from '../store/facts.ts';
import type { ReminderDeps } from './deps.ts';
import { scheduleDocument, type PlanResult } from './schedule.ts';
import { markSettled } from './settled.ts';

/**
 * Mark what the letter `docId` cancels and re-plan those letters' reminders, or, for a letter announcing a meeting a
 * stored letter already cancelled, mark it cancelled; the plans made (the caller plans `docId` itself).
 */
export async function applyCancellations(deps: ReminderDeps, docId: string): Promise<PlanResult[]> {
  const letter = await deps.store.getDocument(docId);
  if (!letter) return [];
  if (!letter.parsed.cancels) {
    const cancellation = await cancellationOf(deps.store, letter);
    if (cancellation) await cancel(deps, letter, cancellation);
    return [];
  }
  const plans: PlanResult[] = [];
  for (const original of await cancelledBy(deps.store, letter)) {
    if (await cancel(deps, original, letter)) plans.push(await scheduleDocument(deps, original.id));
  }
  return plans;
}

/** Mark `original` cancelled by `letter`, audited; whether it changed. */
function cancel(deps: ReminderDeps, original: StoredDocument, letter: StoredDocument): Promise<boolean> {
  const details = { letter: original.parsed.reference ?? original.parsed.title, cancelledBy: letter.parsed.reference ?? letter.parsed.title, cancellationId: letter.id };
  return markSettled(deps, original, (id, by) => deps.store.markCancelled(id, by), citeOf(letter), 'meeting.cancelled', details);
}
