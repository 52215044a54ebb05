/**
 * Delivering one reminder, escalation or change notice when its job fires. First it checks that it is still wanted:
 * the deadline is current with the due instant it was planned for, the recipient still is one, and has not said
 * "done" or snoozed it. Then it sends on each channel (mail, chat DM or channel post) that has not been sent yet:
 * a Redis marker per job and channel, written right after the server accepted the message, makes a retry after a
 * crash skip what went out. Mail keeps the job id as its Message-ID key, so a resend (possible only if the process
 * dies between the server's acceptance and the marker) carries the same Message-ID. A chat post has no Message-ID:
 * a "tried" record (`<sent marker>:tried`, the time of the first try) is written before it, the post carries the key
 * `<jobId>/<channel>`, and a later attempt that finds the record without a marker asks the platform for a message
 * with that key (`ChatSender.post`'s `delivery`; Slack only, Teams posts as before) and marks it sent instead of
 * posting again. Attempts of one job never overlap (BullMQ's lock; a killed worker's job is taken again only after
 * its lock ran out), so the earlier try's request has been answered or dropped by then. What a delivery reads (the
 * deadline, the acknowledgement and snooze, the opt-out, the job's markers and tried records) is read at once, before
 * anything is sent.
 *
 * A permanent failure (SMTP 5xx, a Slack channel that is gone) is recorded as failed and not retried; a temporary one
 * (SMTP 4xx, Slack 429, a connection lost) is thrown as {@link RetryLaterError} for the queue to retry with backoff,
 * or at the time the platform asked for.
 */
import { ChatDeliveryError, type EarlierTry } from '../chat/sender.ts';
import { isSgbotError, SgbotError } from '../core/errors.ts';
import { currentDeadlines } from './current.ts';
import { composeMessage, type MessageLinks } from './compose.ts';
import { nowOf, type ReminderDeps } from './deps.ts';
import { markAndAudit } from './audit-tx.ts';
import { MARKER_TTL_S, readRecord, remKeys, type DeadlineRecord, type RemKeys } from './keys.ts';
import type { ReminderPayload } from './payload.ts';
import { currentRecipient, deliveriesOf, escalationGroups, holdsAudienceRole, resolveRecipient, type Delivery, type Recipient } from './recipients.ts';
import { signToken } from './tokens.ts';

/** A temporary failure: try again later, after `retryAfterMs` when the platform said so. */
export class RetryLaterError extends SgbotError {
  constructor(message: string, retryAfterMs: number | null, options?: { cause?: unknown }) {
    super('E_RETRY_LATER', message, { ...options, retryAfterMs });
    this.name = 'RetryLaterError';
  }
}

/** Per channel: sent now, sent by an earlier attempt, or failed for good. */
export type ChannelResult = 'ok' | 'already' | 'failed';

export interface DeliveryOutcome {
  /** `sent` (on at least one channel, now or before), or why nothing was sent. */
  status: 'sent' | 'failed' | 'stale' | 'past' | 'acknowledged' | 'snoozed' | 'not-recipient' | 'unreachable';
  channels: Partial<Record<Delivery['channel'], ChannelResult>>;
}

const DAY_MS = 86_400_000;

/** Whether `err` will fail the same way again. */
export function isPermanent(err: unknown): boolean {
  return isSgbotError(err) && !err.retryable;
}

function docLink(deps: ReminderDeps, docId: string): string {
  const t = deps.settings.docUrl;
  return t ? t.replace('{id}', encodeURIComponent(docId)) : `${deps.settings.publicUrl}/doc/${encodeURIComponent(docId)}`;
}

/**
 * Links of a message: the source, signed done/snooze links valid until 30 days after the deadline, and a signed
 * unsubscribe link valid for a year after it.
 */
export function linksFor(deps: ReminderDeps, record: DeadlineRecord, payload: ReminderPayload): MessageLinks {
  const { secret, publicUrl } = deps.settings;
  const url = (action: 'done' | 'snooze' | 'unsubscribe', deadlineKey: string, days: number) =>
    `${publicUrl}/reminders/${action}?token=${signToken({ action, deadlineKey, recipient: payload.recipient, expires: Math.floor((record.due + days * DAY_MS) / 1000) }, secret)}`;
  const links: MessageLinks = { source: docLink(deps, record.docId) };
  if (payload.type !== 'change') links.done = url('done', record.key, 30);
  if (payload.type === 'reminder') links.snooze = url('snooze', record.key, 30);
  links.unsubscribe = url('unsubscribe', '', 365);
  return links;
}

/** Whether a rapporteur (or associate) of the liaison's Questions or groups said "done". */
async function rapporteurAcknowledged(deps: ReminderDeps, keys: RemKeys, record: DeadlineRecord): Promise<boolean> {
  const audience = { roleKinds: ['rapporteur', 'associate-rapporteur'] as const, roleGroups: escalationGroups(record), roleQuestions: record.questions, topics: [] };
  for (const key of await deps.store.redis.hkeys(keys.acks(record.key))) {
    if (!key.startsWith('person:')) continue;
    const person = await deps.roster.get(key.slice('person:'.length));
    if (person && holdsAudienceRole(person, { ...audience, roleKinds: [...audience.roleKinds] })) return true;
  }
  return false;
}

type Check = { record: DeadlineRecord; recipient: Recipient } | { skip: DeliveryOutcome['status'] };

/** Mail and every chat platform a sender is configured for: the channels a delivery can have markers on. */
const channelsOf = (deps: ReminderDeps): string[] => ['mail', ...(deps.chat?.channels ?? [])];

/** What a delivery reads besides the deadline and the recipient, read at once (one round trip, not five). */
interface Reads {
  acknowledged: boolean;
  snoozedUntil: number;
  optedOut: boolean;
  /** Each channel's marker (`ok`, `failed:…`) from an earlier attempt of this job, or null. */
  markers: Map<Delivery['channel'], string | null>;
  /** When an earlier attempt first tried each chat channel (epoch ms), or null. */
  tried: Map<Delivery['channel'], number | null>;
}

/** The "tried" record of a chat post: written before the post, so an attempt killed in flight leaves a trace. */
const triedKey = (keys: RemKeys, jobId: string, channel: Delivery['channel']) => `${keys.sent(jobId, channel)}:tried`;

async function readState(deps: ReminderDeps, keys: RemKeys, p: ReminderPayload, jobId: string): Promise<Reads> {
  const redis = deps.store.redis;
  const CHANNELS = channelsOf(deps);
  const [acked, until, optedOut, markers, tried] = await Promise.all([
    p.type === 'reminder' ? redis.hexists(keys.acks(p.deadlineKey), p.recipient) : Promise.resolve(0),
    p.type === 'reminder' ? redis.hget(keys.snoozes(p.deadlineKey), p.recipient) : Promise.resolve(null),
    redis.sismember(keys.optOut, p.recipient),
    redis.mget(CHANNELS.map((c) => keys.sent(jobId, c))),
    redis.mget(CHANNELS.map((c) => triedKey(keys, jobId, c))),
  ]);
  return {
    acknowledged: acked === 1,
    snoozedUntil: Number(until ?? 0),
    optedOut: optedOut === 1,
    markers: new Map(CHANNELS.map((c, i) => [c, markers[i] ?? null])),
    tried: new Map(CHANNELS.map((c, i) => [c, tried[i] ? Number(tried[i]) : null])),
  };
}

/** Whether the job is still wanted, and for whom. */
async function check(deps: ReminderDeps, keys: RemKeys, p: ReminderPayload, now: number, reads: Promise<Reads>): Promise<Check> {
  const redis = deps.store.redis;
  if (p.type === 'change') {
    const [current, stored, recipient] = await Promise.all([currentDeadlines(deps.store, keys, p.base), readRecord(redis, keys, p.deadlineKey), resolveRecipient(deps, p.recipient)]);
    const cur = current.find((c) => c.key === p.deadlineKey) ?? null;
    // A later plan may have moved it again: that plan queued its own notice.
    if ((cur?.fact.due ?? null) !== p.newDue) return { skip: 'stale' };
    const record = cur?.record ?? stored;
    if (!record) return { skip: 'stale' };
    return recipient ? { record, recipient } : { skip: 'not-recipient' };
  }
  const [current, r] = await Promise.all([currentDeadlines(deps.store, keys, p.base), reads]);
  const cur = current.find((c) => c.key === p.deadlineKey) ?? null;
  if (!cur || cur.fact.due !== p.due) return { skip: 'stale' };
  if (cur.fact.due <= now) return { skip: 'past' };
  if (p.type === 'escalation') {
    if (await rapporteurAcknowledged(deps, keys, cur.record)) return { skip: 'acknowledged' };
  } else {
    if (r.acknowledged) return { skip: 'acknowledged' };
    if (p.offset !== 'snz' && r.snoozedUntil > now) return { skip: 'snoozed' };
  }
  const recipient = await currentRecipient(deps, cur.record, p.recipient, p.type === 'escalation');
  return recipient ? { record: cur.record, recipient } : { skip: 'not-recipient' };
}

function reachable(deps: ReminderDeps, recipient: Recipient, optedOut: boolean): Delivery[] {
  const all = deliveriesOf(recipient, deps.chat?.channels ?? []);
  return optedOut ? all.filter((d) => d.channel !== 'mail') : all;
}

/**
 * Send the message of job `jobId` (`payload`) on every channel of its recipient not sent yet.
 *
 * @throws RetryLaterError when a channel failed temporarily (the others are sent and marked).
 */
export async function deliverReminder(deps: ReminderDeps, payload: ReminderPayload, jobId: string): Promise<DeliveryOutcome> {
  const keys = remKeys(deps.store.prefix);
  const redis = deps.store.redis;
  const now = nowOf(deps);
  // Read with the deadline, not after it: acknowledgement, snooze, opt-out and this job's markers.
  const reads = readState(deps, keys, payload, jobId);
  reads.catch(() => undefined);
  const checked = await check(deps, keys, payload, now, reads);
  if ('skip' in checked) {
    deps.log.info({ jobId, skip: checked.skip }, 'reminder not sent');
    return { status: checked.skip, channels: {} };
  }
  const { record, recipient } = checked;
  const { optedOut, markers, tried } = await reads;
  const deliveries = reachable(deps, recipient, optedOut);
  const action = payload.type === 'change' ? 'reminder.change' : payload.type === 'escalation' ? 'reminder.escalated' : 'reminder.sent';
  const details = { jobId, deadlineKey: record.key, due: new Date(record.due).toISOString(), offset: 'offset' in payload ? payload.offset : null, docId: record.docId };
  if (deliveries.length === 0) {
    await deps.audit.record({ who: 'system', action, target: recipient.key, result: 'unreachable', details });
    return { status: 'unreachable', channels: {} };
  }
  const links = linksFor(deps, record, payload);
  const message = composeMessage(record, payload, recipient.tz, links);
  const channels: DeliveryOutcome['channels'] = {};
  const temporary: unknown[] = [];
  for (const d of deliveries) {
    const marker = keys.sent(jobId, d.channel);
    // Read before this attempt sent anything: no other attempt of the job runs meanwhile (BullMQ's lock).
    const before = markers.get(d.channel) ?? null;
    if (before) {
      channels[d.channel] = before === 'ok' ? 'already' : 'failed';
      continue;
    }
    try {
      let sentId: string | null;
      let earlier: EarlierTry | undefined;
      if (d.kind === 'mail') {
        const res = await deps.mailer().send({
          kind: 'notification',
          to: d.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          idKey: jobId,
          inReplyTo: record.messageId,
          unsubscribeUrl: links.unsubscribe ?? null,
          unsubscribeMailto: deps.settings.unsubscribeMailto ?? null,
        });
        sentId = res.messageId;
      } else {
        const chat = deps.chat;
        if (!chat) continue;
        const earlierTryAt = tried.get(d.channel) ?? null;
        // The platform's clock is compared with it: the real clock, not `deps.now`.
        if (earlierTryAt === null) await redis.set(triedKey(keys, jobId, d.channel), String(Date.now()), 'EX', MARKER_TTL_S, 'NX');
        ({ messageId: sentId, earlier } = await chat.post(d.target, message.reply, { actions: message.actions, delivery: { key: `${jobId}/${d.channel}`, earlierTryAt } }));
      }
      // Written first thing after the server accepted (what a retry after a crash looks at), in one transaction with
      // the audit entry, so a crash keeps both or neither.
      await markAndAudit(deps, marker, 'ok', { who: 'system', action, target: recipient.key, result: 'ok', details: { ...details, channel: d.channel, messageId: sentId, ...(earlier ? { earlier } : {}) } });
      deps.metrics?.reminderSent(d.channel, payload.type);
      channels[d.channel] = 'ok';
    } catch (err) {
      if (!isPermanent(err)) {
        temporary.push(err);
        continue;
      }
      await markAndAudit(deps, marker, 'failed', { who: 'system', action, target: recipient.key, result: 'failed', details: { ...details, channel: d.channel, error: (err as Error).message } });
      channels[d.channel] = 'failed';
      deps.metrics?.deliveryFailed('reminder', d.channel);
      deps.log.warn({ jobId, channel: d.channel, err: (err as Error).message }, 'reminder delivery failed for good');
    }
  }
  const delivered = Object.values(channels).some((r) => r === 'ok' || r === 'already');
  if (delivered && payload.type !== 'change') await redis.sadd(keys.reminded(record.key), recipient.key);
  if (temporary.length > 0) {
    const waits = temporary.map((e) => (e instanceof ChatDeliveryError ? e.retryAfterMs : null)).filter((w): w is number => w !== null);
    throw new RetryLaterError(temporary.map((e) => (e as Error).message).join(' | '), waits.length ? Math.max(...waits) : null, { cause: temporary[0] });
  }
  return { status: delivered ? 'sent' : 'failed', channels };
}

/** The job was given up (temporary failures until the last attempt): record its unsent channels as failed. */
export async function giveUpReminder(deps: ReminderDeps, payload: ReminderPayload, jobId: string, error: Error): Promise<void> {
  const keys = remKeys(deps.store.prefix);
  const recipient = await resolveRecipient(deps, payload.recipient);
  const deliveries = recipient ? deliveriesOf(recipient, deps.chat?.channels ?? []) : [];
  const action = payload.type === 'change' ? 'reminder.change' : payload.type === 'escalation' ? 'reminder.escalated' : 'reminder.sent';
  for (const d of deliveries) {
    const marker = keys.sent(jobId, d.channel);
    if ((await deps.store.redis.exists(marker)) === 0) {
      await markAndAudit(deps, marker, 'failed', { who: 'system', action, target: payload.recipient, result: 'failed', details: { jobId, deadlineKey: payload.deadlineKey, channel: d.channel, error: error.message, gaveUp: true } });
      deps.metrics?.deliveryFailed('reminder', d.channel);
    }
  }
}
