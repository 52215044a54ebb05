/**
 * The reminders still to go out, as people ask for them: the delayed jobs of the reminder queue, soonest first, each
 * with the deadline it is about; reminders their recipient marked as done are left out (the worker would skip
 * them) and counted. And a test copy of one of them, sent now: what the console's "Send a test reminder now" and
 * `sgbot reminders --send-now` do, so a demo shows a reminder mail without waiting for its day.
 */
import { DateTime } from 'luxon';
import type { ReminderDeps } from './deps.ts';
import { readRecord, remKeys, type DeadlineRecord } from './keys.ts';
import { REMINDER_QUEUE, reminderPayload, type ReminderPayload } from './payload.ts';
import { addReminderJobs } from './schedule.ts';

/** A scheduled reminder job that will be sent. */
export interface PendingReminder {
  /** The job's id in the reminder queue. */
  id: string;
  /** When it goes out, epoch ms. */
  at: number;
  payload: ReminderPayload;
  /** The deadline it is about, or `null` when the planner no longer knows it. */
  record: DeadlineRecord | null;
}

/** What {@link pendingReminders} found. */
export interface PendingList {
  pending: PendingReminder[];
  /** Delayed jobs in the queue, including those not read (past `limit`) and those left out. */
  total: number;
  /** Left out because their recipient marked the deadline as done. */
  acknowledged: number;
}

/**
 * The first `limit` delayed reminder jobs still wanted, soonest first; with `recipient`, only that recipient's
 * (`person:ana@example.org`). Jobs whose payload no longer reads are skipped.
 */
export async function pendingReminders(
  deps: Pick<ReminderDeps, 'queue' | 'store'>,
  opts: { limit?: number; recipient?: string } = {},
): Promise<PendingList> {
  const limit = opts.limit ?? 300;
  const queue = deps.queue({ name: REMINDER_QUEUE });
  // A recipient's reminders may lie anywhere in the queue: read it all then (the queue holds months of reminders,
  // thousands of small jobs at most).
  const [delayed, total] = await Promise.all([queue.getDelayed(0, opts.recipient ? -1 : limit - 1), queue.getDelayedCount()]);
  const redis = deps.store.redis;
  const keys = remKeys(deps.store.prefix);
  const records = new Map<string, Promise<DeadlineRecord | null>>();
  const recordOf = (dk: string) => {
    let r = records.get(dk);
    if (!r) records.set(dk, (r = readRecord(redis, keys, dk)));
    return r;
  };
  const pending: PendingReminder[] = [];
  let acknowledged = 0;
  for (const job of delayed) {
    const parsed = reminderPayload.safeParse(job.data);
    if (!parsed.success || !job.id) continue;
    const p = parsed.data;
    if (opts.recipient && p.recipient !== opts.recipient) continue;
    if (p.type === 'reminder' && (await redis.hexists(keys.acks(p.deadlineKey), p.recipient)) === 1) {
      acknowledged++;
      continue;
    }
    pending.push({ id: job.id, at: job.timestamp + (job.delay ?? 0), payload: p, record: await recordOf(p.deadlineKey) });
  }
  pending.sort((a, b) => a.at - b.at);
  return { pending: pending.slice(0, limit), total, acknowledged };
}

/** What kind of message a reminder job sends, for people: "reminder 7 days before", "escalation to the chair". */
export function reminderKindText(p: ReminderPayload): string {
  if (p.type === 'change') return 'change notice';
  if (p.type === 'escalation') return 'escalation to the chair';
  if (p.offset === 'snz') return 'snoozed reminder';
  if (p.offset === 'test') return 'test reminder';
  const days = /^(\d+)d$/.exec(p.offset)?.[1];
  return days === undefined ? `reminder (${p.offset})` : days === '0' ? 'reminder on the day' : `reminder ${days} day${days === '1' ? '' : 's'} before`;
}

/** When a reminder goes out, in the reader's zone with UTC beside it: "Thu 10 Dec 2026, 04:30 (Europe/Zurich) · 03:30 UTC". */
export function formatSendTime(at: number, zone: string): string {
  const local = DateTime.fromMillis(at, { zone });
  const utc = DateTime.fromMillis(at, { zone: 'UTC' });
  const text = `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
  if (zone === 'UTC') return text;
  return `${text} · ${utc.toFormat(utc.hasSame(local, 'day') ? 'HH:mm' : 'd LLL, HH:mm')} UTC`;
}

/**
 * Queue a copy of a pending reminder to go out now (offset `test`); the scheduled one still goes at its time.
 * Returns the copy's payload, or `null` when the reminder cannot be sent as a test (not a reminder, or its
 * deadline was withdrawn or is no longer known).
 */
export async function sendTestReminder(deps: ReminderDeps, reminder: PendingReminder, now = Date.now()): Promise<ReminderPayload | null> {
  const p = reminder.payload;
  if (p.type !== 'reminder' || !reminder.record || reminder.record.withdrawn !== undefined) return null;
  const payload: ReminderPayload = { ...p, offset: 'test', at: now };
  await addReminderJobs(deps, [{ payload, at: now }]);
  return payload;
}

/** Whether a pending reminder can be sent as a test ({@link sendTestReminder}). */
export function testable(r: PendingReminder): boolean {
  return r.payload.type === 'reminder' && r.record !== null && r.record.withdrawn === undefined;
}
