/**
 * Queue names and job payloads of reminders, plans and digests: plain JSON, checked when queued and when run. The
 * job id of each payload is deterministic, so planning the same reminder twice queues it once.
 */
import { z } from 'zod';
import { reminderJobId, shortHash } from './plan.ts';

export const REMINDER_QUEUE = 'reminder';
export const PLAN_QUEUE = 'plan-reminders';
export const DIGEST_QUEUE = 'digest';

/** `person:<id>`, `mail:<address>` or a chat channel `<platform>:<id>` (`slack:C0123`, `webhook:ops`). */
const recipient = z.string().regex(/^[a-z][a-z0-9-]{1,30}:./, 'a recipient such as person:ana@example.org or slack:C0123');
const deadlineKey = z.string().regex(/^[0-9a-f]{12}-[a-z-]+-\d+$/, 'a deadline key');
const epochMs = z.number().int().nonnegative();

const timed = {
  deadlineKey,
  base: z.string().min(1),
  recipient,
  /** `14d`, `7d`, `1d`, `0d`; `esc2d` for an escalation; `snz` for a snoozed reminder. */
  offset: z.string().regex(/^[a-z0-9]+$/),
  at: epochMs,
  /** The due instant the reminder was planned for: if the deadline moved since, it is not sent. */
  due: epochMs,
};

export const reminderPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reminder'), ...timed }),
  z.object({ type: z.literal('escalation'), ...timed }),
  z.object({ type: z.literal('change'), deadlineKey, base: z.string().min(1), recipient, oldDue: epochMs, newDue: epochMs.nullable() }),
]);
export type ReminderPayload = z.infer<typeof reminderPayload>;

/** Job id of a reminder, escalation or change notice. */
export function reminderPayloadId(p: ReminderPayload): string {
  if (p.type === 'change') return `chg-${p.deadlineKey}-${shortHash(p.recipient, 10)}-${p.oldDue}-${p.newDue ?? 'gone'}`;
  return reminderJobId(p.deadlineKey, p.recipient, p.offset, p.at);
}

export const planPayload = z.object({
  docId: z.string().regex(/^[0-9a-f]{20}$/, 'a document id (20 hex digits)'),
  /** A re-plan of the same document (roster or subscriptions changed): a new number runs it again. */
  replan: z.number().int().positive().optional(),
});
export type PlanPayload = z.infer<typeof planPayload>;

/** Job id of a plan: `plan-<docId>` (a re-plan: `plan-<docId>-r<n>`). */
export function planJobId(p: PlanPayload): string {
  return p.replan ? `plan-${p.docId}-r${p.replan}` : `plan-${p.docId}`;
}

export const digestPayload = z.object({
  subscriber: recipient,
  /** For a digest queued by hand: the period it covers (`2036-W15`), part of its id. Scheduler runs have their own ids. */
  period: z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
});
export type DigestPayload = z.infer<typeof digestPayload>;
