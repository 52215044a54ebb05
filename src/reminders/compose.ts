/**
 * What a reminder, an escalation or a change notice says, in the recipient's zone: a channel-neutral reply (chat)
 * and a plain-text mail with links to the source, to "done", to "snooze 1 day" and to unsubscribe. Pure.
 */
import { DateTime } from 'luxon';
import { renderText } from '../chat/render-text.ts';
import type { ChatAction } from '../chat/sender.ts';
import type { Reply, SourceRef } from '../core/command.ts';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import type { DeadlineRecord } from './keys.ts';
import type { ReminderPayload } from './payload.ts';

/** Links a message carries. */
export interface MessageLinks {
  /** The source document. */
  source: string;
  done?: string;
  snooze?: string;
  unsubscribe?: string;
}

export interface ComposedMessage {
  subject: string;
  /** Mail body (plain text). */
  text: string;
  /** The same for chat. */
  reply: Reply;
  /** Chat buttons (values are signed tokens). */
  actions: ChatAction[];
}

/** Action ids of the chat buttons, for the Slack/Teams handlers. */
export const DONE_ACTION = 'reminder_done';
export const SNOOZE_ACTION = 'reminder_snooze';

function sourceRef(r: DeadlineRecord): SourceRef {
  return { docId: r.source.docId, reference: r.source.reference, title: r.source.title, kind: r.source.kind, ...(r.source.unverified ? { unverified: true } : {}) };
}

/** "today", "tomorrow", "in 7 days": from the local date of `at` to the local date of `due`, in `zone`. */
export function whenText(due: number, at: number, zone: string): string {
  const days = Math.round(DateTime.fromMillis(due, { zone }).startOf('day').diff(DateTime.fromMillis(at, { zone }).startOf('day'), 'days').days);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function what(r: DeadlineRecord): string {
  const label = CATEGORY_LABELS[r.category];
  const scope = r.questions.length > 0 ? r.questions.join(', ') : r.group;
  return scope ? `${label} (${scope})` : label;
}

function instant(ms: number, zone: string): string {
  return `${DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

/**
 * The message for `payload` about `record` (its current state), for a reader in `zone`.
 *
 * @example composeMessage(record, { type: 'reminder', offset: '7d', … }, 'Asia/Tokyo', links)
 *   // subject 'Reminder: Contributions (SG20) due in 7 days', buttons Done and Snooze 1 day
 */
export function composeMessage(record: DeadlineRecord, payload: ReminderPayload, zone: string, links: MessageLinks): ComposedMessage {
  const due = formatDeadline(record, zone);
  const source = sourceRef(record);
  const item = { text: due, detail: record.action, source };
  let subject: string;
  const notes: string[] = [];
  const items = [item];
  if (payload.type === 'change') {
    if (payload.newDue === null && record.answeredBy) {
      const reply = record.answeredBy.reference ?? record.answeredBy.title ?? 'a reply';
      subject = `Answered: ${what(record)} — ${reply} replied to it`;
      items[0] = { text: `Was due ${instant(payload.oldDue, zone)}`, detail: `${record.action} — answered by ${reply}; no more reminders of it.`, source };
    } else if (payload.newDue === null) {
      subject = `Deadline withdrawn: ${what(record)}, was due ${instant(payload.oldDue, zone)}`;
      items[0] = { text: `Was due ${instant(payload.oldDue, zone)}`, detail: `${record.action} — the latest version of the document no longer gives this deadline.`, source };
    } else {
      subject = `Deadline moved: ${what(record)} now due ${due}`;
      items.push({ text: `Was due ${instant(payload.oldDue, zone)}`, detail: 'Earlier reminders gave this date.', source });
    }
    notes.push('You are told because you were reminded of this deadline before.');
  } else if (payload.type === 'escalation') {
    subject = `No reply yet: ${what(record)} due ${whenText(record.due, payload.at, zone)}`;
    notes.push('No rapporteur has marked this liaison reply as done. You are told as working-party chair or secretariat of the group.');
  } else {
    subject = `Reminder: ${what(record)} due ${whenText(record.due, payload.at, zone)}`;
  }
  if (record.source.unverified) notes.push('The mail this deadline came in failed the sender check.');
  const reply: Reply = { ok: true, title: subject, sections: [{ items }], notes, sources: [source], data: { deadlineKey: record.key, due: record.due, type: payload.type } };
  const actions: ChatAction[] = [];
  if (links.done) actions.push({ id: DONE_ACTION, label: 'Done', value: tokenOf(links.done) });
  if (links.snooze) actions.push({ id: SNOOZE_ACTION, label: 'Snooze 1 day', value: tokenOf(links.snooze) });
  const lines = [renderText(reply), '', `Source: ${links.source}`];
  if (links.done) lines.push(`Mark as done: ${links.done}`);
  if (links.snooze) lines.push(`Snooze 1 day: ${links.snooze}`);
  if (links.unsubscribe) lines.push('', `Stop reminder mail: ${links.unsubscribe}`);
  return { subject, text: lines.join('\n'), reply, actions };
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}
