/**
 * What the "Done", "Snooze 1 day" and unsubscribe buttons and links do, given their signed token: from a Slack or
 * Teams button (value), a web link (`/reminders/done?token=…`) or the terminal (`remind done TOKEN`). Each is
 * audited; each answers with a channel-neutral reply.
 */
import { defineAction, type ActionSpec } from '../core/actions.ts';
import type { Reply } from '../core/command.ts';
import { identityKey } from '../core/identity.ts';
import { SgbotError } from '../core/errors.ts';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import { nowOf, type ReminderDeps } from './deps.ts';
import { readRecord, remKeys, type DeadlineRecord } from './keys.ts';
import { DONE_ACTION, SNOOZE_ACTION } from './compose.ts';
import { reminderPayloadId } from './payload.ts';
import { addReminderJobs } from './schedule.ts';
import { verifyToken, type TokenAction } from './tokens.ts';
import { resolveRecipient } from './recipients.ts';

/** One snooze lasts this long (ms). */
export const SNOOZE_MS = 86_400_000;

/** What an action did. */
export interface ActionResult {
  action: TokenAction;
  recipient: string;
  record: DeadlineRecord | null;
  /** Snooze: when the reminder comes back (epoch ms). */
  until?: number;
  reply: Reply;
}

function reply(title: string, record: DeadlineRecord | null, zone: string, notes: string[] = []): Reply {
  const items = record
    ? [{ text: formatDeadline(record, zone), detail: record.action, source: { docId: record.source.docId, reference: record.source.reference, title: record.source.title, kind: record.source.kind } }]
    : [];
  return { ok: true, title, sections: items.length ? [{ items }] : [], notes, sources: items.map((i) => i.source), data: record ? { deadlineKey: record.key, due: record.due } : null };
}

async function open(deps: ReminderDeps, token: string, expected: TokenAction): Promise<{ recipient: string; record: DeadlineRecord | null; zone: string }> {
  const t = verifyToken(token, deps.settings.secret, nowOf(deps));
  if (t.action !== expected) throw new SgbotError('E_USAGE', `This link is for "${t.action}", not "${expected}".`);
  const record = t.deadlineKey ? await readRecord(deps.store.redis, remKeys(deps.store.prefix), t.deadlineKey) : null;
  const zone = (await resolveRecipient(deps, t.recipient))?.tz ?? deps.settings.tz;
  return { recipient: t.recipient, record, zone };
}

function title(record: DeadlineRecord): string {
  return `${CATEGORY_LABELS[record.category]}${record.group ? ` (${record.group})` : ''}`;
}

/**
 * "Done": no more reminders of this deadline for the token's recipient; for a liaison reply, a rapporteur's "done"
 * also stops the escalation.
 *
 * @param who who clicked, for the audit (`slack:U0123`); the token's recipient when not known.
 * @throws SgbotError E_FORBIDDEN / E_USAGE for a bad or expired token; E_NOT_FOUND when the deadline is unknown.
 */
export async function acknowledgeReminder(deps: ReminderDeps, token: string, who?: string): Promise<ActionResult> {
  const { recipient, record, zone } = await open(deps, token, 'done');
  if (!record) throw new SgbotError('E_NOT_FOUND', 'That deadline is no longer known (the document was replaced); there is nothing to mark as done.');
  const first = (await deps.store.redis.hsetnx(remKeys(deps.store.prefix).acks(record.key), recipient, new Date(nowOf(deps)).toISOString())) === 1;
  await deps.audit.record({ who: who ?? recipient, action: 'reminder.acknowledged', target: recipient, result: first ? 'ok' : 'unchanged', details: { deadlineKey: record.key, docId: record.docId } });
  return { action: 'done', recipient, record, reply: reply(`Marked as done: ${title(record)}. No more reminders of it.`, record, zone) };
}

/**
 * "Snooze 1 day": reminders of this deadline to the token's recipient pause for a day, then one comes back (if the
 * deadline is still ahead by then).
 *
 * @throws SgbotError as {@link acknowledgeReminder}; E_USAGE when the deadline is less than a day away.
 */
export async function snoozeReminder(deps: ReminderDeps, token: string, who?: string): Promise<ActionResult> {
  const { recipient, record, zone } = await open(deps, token, 'snooze');
  if (!record || record.withdrawn !== undefined) throw new SgbotError('E_NOT_FOUND', 'That deadline is no longer current (the document was replaced); there is nothing to snooze.');
  const now = nowOf(deps);
  const until = now + SNOOZE_MS;
  if (until >= record.due) throw new SgbotError('E_USAGE', `The deadline is less than a day away (${formatDeadline(record, zone)}): it cannot be snoozed. Mark it done when it is.`);
  const keys = remKeys(deps.store.prefix);
  const payload = { type: 'reminder' as const, deadlineKey: record.key, base: record.base, recipient, offset: 'snz', at: until, due: record.due };
  await deps.store.redis.hset(keys.snoozes(record.key), recipient, String(until));
  await addReminderJobs(deps, [{ payload, at: until }]);
  const id = reminderPayloadId(payload);
  await deps.store.redis.multi().sadd(keys.extra(record.key), id).zadd(keys.byRecipient(recipient), until, id).exec();
  await deps.audit.record({ who: who ?? recipient, action: 'reminder.snoozed', target: recipient, result: 'ok', details: { deadlineKey: record.key, until: new Date(until).toISOString() } });
  return { action: 'snooze', recipient, record, until, reply: reply(`Snoozed for a day: ${title(record)}. The reminder comes back tomorrow.`, record, zone) };
}

/** Unsubscribe link of a reminder mail: no more reminder mail to the token's recipient (chat stays). */
export async function unsubscribeReminders(deps: ReminderDeps, token: string, who?: string): Promise<ActionResult> {
  const { recipient, zone } = await open(deps, token, 'unsubscribe');
  const added = (await deps.store.redis.sadd(remKeys(deps.store.prefix).optOut, recipient)) === 1;
  await deps.audit.record({ who: who ?? recipient, action: 'reminder.unsubscribed', target: recipient, result: added ? 'ok' : 'unchanged' });
  return { action: 'unsubscribe', recipient, record: null, reply: reply('No more reminder mail will be sent to you. Chat reminders and subscriptions are unchanged.', null, zone) };
}

/**
 * The Done and Snooze buttons of reminder messages, as actions every platform dispatches (src/core/actions.ts): the
 * button's value is the signed token; who pressed it is audited (`slack:U0123`, `webhook:ana`).
 */
export function reminderActions(deps: () => ReminderDeps): ActionSpec[] {
  return [
    defineAction({
      id: DONE_ACTION,
      summary: "A reminder's Done: no more reminders of that deadline for its recipient.",
      run: async (ctx, token) => (await acknowledgeReminder(deps(), token, identityKey(ctx.who))).reply,
    }),
    defineAction({
      id: SNOOZE_ACTION,
      summary: "A reminder's Snooze 1 day: the reminder comes back tomorrow.",
      run: async (ctx, token) => (await snoozeReminder(deps(), token, identityKey(ctx.who))).reply,
    }),
  ];
}
