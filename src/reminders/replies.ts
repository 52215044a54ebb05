/**
 * A stored reply to a liaison statement answers it: the statement is marked answered (its reply deadline leaves
 * `deadlines`, `ls` and the calendars) and its reminders are planned again, which cancels those still to come and
 * tells the people already reminded that no reply is needed any more.
 */
import { citeOf } from '../store/facts.ts';
import { answeredBy } from '../store/liaison-replies.ts';
import type { ReminderDeps } from './deps.ts';
import { scheduleDocument, type PlanResult } from './schedule.ts';
import { markSettled } from './settled.ts';

/** Mark what the document `docId` answers and re-plan those statements' reminders; the plans made. */
export async function applyReplies(deps: ReminderDeps, docId: string): Promise<PlanResult[]> {
  const reply = await deps.store.getDocument(docId);
  if (!reply) return [];
  const plans: PlanResult[] = [];
  for (const original of await answeredBy(deps.store, reply)) {
    const details = { original: original.parsed.reference ?? original.parsed.title, reply: reply.parsed.reference ?? reply.parsed.title, replyId: reply.id };
    if (await markSettled(deps, original, (id, by) => deps.store.markAnswered(id, by), citeOf(reply), 'liaison.answered', details)) plans.push(await scheduleDocument(deps, original.id));
  }
  return plans;
}
