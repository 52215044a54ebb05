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
 * its lock ran out), so the earlier try's request has been answered or dropped by then.
 *
 * A delivery runs in two steps, so that a reminder taken early (src/reminders/worker.ts) has its slow part done before
 * its instant: {@link prepareReminder} checks the deadline and the recipient and composes the message (built once per
 * zone and kind of message, each recipient's tokens swapped in: {@link MessageTemplates}); at the instant,
 * {@link sendPrepared} reads the acknowledgement, snooze, opt-out and the job's markers and tried records in one round
 * trip, sends, and writes each channel's marker with its audit entry (and the "reminded" mark) in one atomic script.
 * A reminder already due when its job starts reads all that alongside the check ({@link deliverReminder}).
 * The reads and writes of deliveries running at the same time go to Redis together, one pipeline per tick; the
 * current deadlines of a document family are read once for the reminders checked within {@link CHECK_SHARE_MS}.
 *
 * A permanent failure (SMTP 5xx, a Slack channel that is gone) is recorded as failed and not retried; a temporary one
 * (SMTP 4xx, Slack 429, a connection lost) is thrown as {@link RetryLaterError} for the queue to retry with backoff,
 * or at the time the platform asked for.
 */
import { ChatDeliveryError, type EarlierTry } from '../chat/sender.ts';
import { isSgbotError, SgbotError } from '../core/errors.ts';
import type { AuditEntry } from '../store/audit.ts';
import { currentDeadlines, type CurrentDeadline } from './current.ts';
import { MessageTemplates, type ComposedMessage, type MessageLinks, type MessageTokens } from './compose.ts';
import { nowOf, type ReminderDeps, type ReminderSettings } from './deps.ts';
import { auditFields, markAndAudit, MARK_AND_AUDIT } from './audit-tx.ts';
import { MARKER_TTL_S, readRecord, remKeys, type DeadlineRecord, type RemKeys } from './keys.ts';
import type { ReminderPayload } from './payload.ts';
import { currentRecipient, deliveriesOf, escalationGroups, holdsAudienceRole, resolveRecipient, type Delivery, type Recipient } from './recipients.ts';
import { signToken } from './tokens.ts';
import { tickBatch } from './tick-batch.ts';

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

/** The signed tokens of a message's links: done/snooze valid until 30 days after the deadline, unsubscribe a year. */
function tokensFor(deps: ReminderDeps, record: DeadlineRecord, payload: ReminderPayload): MessageTokens {
  const { secret } = deps.settings;
  const sign = (action: 'done' | 'snooze' | 'unsubscribe', deadlineKey: string, days: number) =>
    signToken({ action, deadlineKey, recipient: payload.recipient, expires: Math.floor((record.due + days * DAY_MS) / 1000) }, secret);
  const tokens: MessageTokens = {};
  if (payload.type !== 'change') tokens.done = sign('done', record.key, 30);
  if (payload.type === 'reminder') tokens.snooze = sign('snooze', record.key, 30);
  tokens.unsubscribe = sign('unsubscribe', '', 365);
  return tokens;
}

const actionUrl = (deps: ReminderDeps) => (action: keyof MessageTokens, token: string) => `${deps.settings.publicUrl}/reminders/${action}?token=${token}`;

/**
 * Links of a message: the source, signed done/snooze links valid until 30 days after the deadline, and a signed
 * unsubscribe link valid for a year after it.
 */
export function linksFor(deps: ReminderDeps, record: DeadlineRecord, payload: ReminderPayload): MessageLinks {
  const url = actionUrl(deps);
  const links: MessageLinks = { source: docLink(deps, record.docId) };
  for (const [action, token] of Object.entries(tokensFor(deps, record, payload)) as Array<[keyof MessageTokens, string]>) links[action] = url(action, token);
  return links;
}

/** Message templates per settings (the links' base URL is part of a template). */
const templates = new WeakMap<ReminderSettings, MessageTemplates>();

function templatesOf(deps: ReminderDeps): MessageTemplates {
  let t = templates.get(deps.settings);
  if (!t) templates.set(deps.settings, (t = new MessageTemplates()));
  return t;
}

/**
 * How long (ms) one read of a family's current deadlines serves the reminders of that family checked after it: the
 * reminders due at the same hour share it instead of reading the documents again each.
 */
export const CHECK_SHARE_MS = 100;

type SharedCheck = { at: number; value: Promise<CurrentDeadline[]> };
const checks = new WeakMap<object, Map<string, SharedCheck>>();

/** The current deadlines of `base`, read at most {@link CHECK_SHARE_MS} ago (or being read). */
function sharedDeadlines(deps: ReminderDeps, keys: RemKeys, base: string): Promise<CurrentDeadline[]> {
  let byBase = checks.get(deps.store);
  if (!byBase) checks.set(deps.store, (byBase = new Map<string, SharedCheck>()));
  const now = Date.now();
  const hit = byBase.get(base);
  if (hit && now - hit.at <= CHECK_SHARE_MS) return hit.value;
  const value = currentDeadlines(deps.store, keys, base);
  const entry = { at: now, value };
  byBase.set(base, entry);
  value.catch(() => {
    if (byBase.get(base) === entry) byBase.delete(base);
  });
  if (byBase.size > 1000) for (const [b, e] of byBase) if (now - e.at > CHECK_SHARE_MS) byBase.delete(b);
  return value;
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

/** Mail and every chat platform a sender is configured for: the channels a delivery can have markers on. */
const channelsOf = (deps: ReminderDeps): string[] => ['mail', ...(deps.chat?.channels ?? [])];

/** What a delivery reads at its instant, in one round trip. */
interface Reads {
  acknowledged: boolean;
  snoozedUntil: number;
  optedOut: boolean;
  /** Each channel's marker (`ok`, `failed:…`) from an earlier attempt of this job, or null. */
  markers: Map<Delivery['channel'], string | null>;
  /** When an earlier attempt first tried each chat channel (epoch ms), or null. */
  tried: Map<Delivery['channel'], number | null>;
  /**
   * Of a reminder or escalation: whether the deadline still stands as planned, read with the markers (a plan that
   * moved or withdrew it after the message was prepared, up to a second before its instant, makes it stale); `true`
   * when no plan recorded the deadline.
   */
  stands: boolean;
}

/** The "tried" record of a chat post: written before the post, so an attempt killed in flight leaves a trace. */
const triedKey = (keys: RemKeys, jobId: string, channel: Delivery['channel']) => `${keys.sent(jobId, channel)}:tried`;

async function readState(deps: ReminderDeps, keys: RemKeys, p: ReminderPayload, jobId: string): Promise<Reads> {
  const CHANNELS = channelsOf(deps);
  const timed = p.type !== 'change';
  const replies = await tickBatch(deps.store.redis, (b) => {
    if (timed) b.hexists(keys.acks(p.deadlineKey), p.recipient).hget(keys.snoozes(p.deadlineKey), p.recipient).get(keys.deadline(p.deadlineKey));
    b.sismember(keys.optOut, p.recipient)
      .mget(CHANNELS.map((c) => keys.sent(jobId, c)))
      .mget(CHANNELS.map((c) => triedKey(keys, jobId, c)));
    return timed ? 6 : 3;
  });
  const [acked, until, record, optedOut, markers, tried] = (timed ? replies : [0, null, null, ...replies]) as [number, string | null, string | null, number, Array<string | null>, Array<string | null>];
  const current = timed && record ? (JSON.parse(record) as { due?: number; withdrawn?: number }) : null;
  return {
    // (No record: the deadline was never planned here, as when a job is queued by hand; nothing to compare.)
    stands: !timed || current === null || (current.withdrawn === undefined && 'due' in p && current.due === p.due),
    acknowledged: acked === 1,
    snoozedUntil: Number(until ?? 0),
    optedOut: optedOut === 1,
    markers: new Map(CHANNELS.map((c, i) => [c, markers[i] ?? null])),
    tried: new Map(CHANNELS.map((c, i) => [c, tried[i] ? Number(tried[i]) : null])),
  };
}

/**
 * Set a delivery marker and append its audit entry (and, for a message sent, mark the recipient as reminded of the
 * deadline) in one atomic script, sent with the other deliveries' writes of the tick.
 */
async function mark(deps: ReminderDeps, marker: string, value: string, entry: Omit<AuditEntry, 'id' | 'at'>, reminded: { key: string; member: string } | null): Promise<void> {
  const { audit } = deps;
  await tickBatch(audit.redis, (b) => {
    b.eval(MARK_AND_AUDIT, 3, marker, `${audit.prefix}:audit`, reminded?.key ?? marker, value, String(MARKER_TTL_S), String(audit.maxEntries), reminded?.member ?? '', ...auditFields(entry));
    return 1;
  });
}

/** What {@link prepareReminder} found: why nothing is to be sent, or the message and whom it is for. */
export type PreparedReminder =
  | { skip: DeliveryOutcome['status'] }
  | { record: DeadlineRecord; recipient: null }
  | { record: DeadlineRecord; recipient: Recipient; message: ComposedMessage; unsubscribeUrl: string | null };

/**
 * The slow part of a delivery, done before its instant: whether the deadline still stands as planned, whether the
 * recipient still is one, and the message with the recipient's links.
 */
export async function prepareReminder(deps: ReminderDeps, p: ReminderPayload): Promise<PreparedReminder> {
  const keys = remKeys(deps.store.prefix);
  const now = nowOf(deps);
  let record: DeadlineRecord;
  let recipient: Recipient | null;
  if (p.type === 'change') {
    const [current, stored, r] = await Promise.all([currentDeadlines(deps.store, keys, p.base), readRecord(deps.store.redis, keys, p.deadlineKey), resolveRecipient(deps, p.recipient)]);
    const cur = current.find((c) => c.key === p.deadlineKey) ?? null;
    // A later plan may have moved it again: that plan queued its own notice.
    if ((cur?.fact.due ?? null) !== p.newDue) return { skip: 'stale' };
    const found = cur?.record ?? stored;
    if (!found) return { skip: 'stale' };
    if (!r) return { skip: 'not-recipient' };
    record = found;
    recipient = r;
  } else {
    const current = await sharedDeadlines(deps, keys, p.base);
    const cur = current.find((c) => c.key === p.deadlineKey) ?? null;
    if (!cur || cur.fact.due !== p.due) return { skip: 'stale' };
    if (cur.fact.due <= now) return { skip: 'past' };
    record = cur.record;
    // Whether they still are one is told after the acknowledgement (read at the instant), as it always was.
    recipient = await currentRecipient(deps, record, p.recipient, p.type === 'escalation');
  }
  if (!recipient) return { record, recipient };
  const tokens = tokensFor(deps, record, p);
  const message = templatesOf(deps).compose(record, p, recipient.tz, docLink(deps, record.docId), actionUrl(deps), tokens);
  return { record, recipient, message, unsubscribeUrl: tokens.unsubscribe !== undefined ? actionUrl(deps)('unsubscribe', tokens.unsubscribe) : null };
}

function reachable(deps: ReminderDeps, recipient: Recipient, optedOut: boolean): Delivery[] {
  const all = deliveriesOf(recipient, deps.chat?.channels ?? []);
  return optedOut ? all.filter((d) => d.channel !== 'mail') : all;
}

/**
 * Send the message of job `jobId` (`payload`) on every channel of its recipient not sent yet. With `untilDue`, a
 * reminder not due yet is checked and composed first, then `untilDue` is awaited before the rest.
 *
 * @throws RetryLaterError when a channel failed temporarily (the others are sent and marked).
 */
export async function deliverReminder(deps: ReminderDeps, payload: ReminderPayload, jobId: string, untilDue?: () => Promise<void>): Promise<DeliveryOutcome> {
  // Not due yet (taken early): checked and composed now, the rest read at the instant. Due: all read at once.
  const early = untilDue !== undefined && payload.type !== 'change' && payload.at > nowOf(deps);
  const reads = early ? undefined : readState(deps, remKeys(deps.store.prefix), payload, jobId);
  reads?.catch(() => undefined);
  const prepared = await prepareReminder(deps, payload);
  if (early && !('skip' in prepared)) await untilDue();
  return sendPrepared(deps, payload, jobId, prepared, reads);
}

/**
 * The part of a delivery done at its instant, after {@link prepareReminder}: the acknowledgement, snooze and opt-out
 * and this job's markers are read (unless `reads` were started already), then each channel not sent yet is sent and
 * marked.
 *
 * @throws RetryLaterError when a channel failed temporarily (the others are sent and marked).
 */
export async function sendPrepared(deps: ReminderDeps, payload: ReminderPayload, jobId: string, prepared: PreparedReminder, reads?: Promise<Reads>): Promise<DeliveryOutcome> {
  const keys = remKeys(deps.store.prefix);
  const redis = deps.store.redis;
  const now = nowOf(deps);
  const skip = (status: DeliveryOutcome['status']): DeliveryOutcome => {
    deps.log.info({ jobId, skip: status }, 'reminder not sent');
    return { status, channels: {} };
  };
  if ('skip' in prepared) return skip(prepared.skip);
  const { record } = prepared;
  const { acknowledged, snoozedUntil, optedOut, markers, tried, stands } = await (reads ?? readState(deps, keys, payload, jobId));
  // Nothing sent yet on any channel and the deadline moved or withdrawn since the message was prepared: stale (an
  // attempt that already sent on a channel finishes the others with the message as it was).
  if (!stands && [...markers.values()].every((m) => m === null)) return skip('stale');
  if (payload.type === 'escalation') {
    if (await rapporteurAcknowledged(deps, keys, record)) return skip('acknowledged');
  } else if (payload.type === 'reminder') {
    if (acknowledged) return skip('acknowledged');
    if (payload.offset !== 'snz' && snoozedUntil > now) return skip('snoozed');
  }
  if (prepared.recipient === null) return skip('not-recipient');
  const { recipient, message } = prepared;
  const deliveries = reachable(deps, recipient, optedOut);
  const action = payload.type === 'change' ? 'reminder.change' : payload.type === 'escalation' ? 'reminder.escalated' : 'reminder.sent';
  const details = { jobId, deadlineKey: record.key, due: new Date(record.due).toISOString(), offset: 'offset' in payload ? payload.offset : null, docId: record.docId };
  if (deliveries.length === 0) {
    await deps.audit.record({ who: 'system', action, target: recipient.key, result: 'unreachable', details });
    return { status: 'unreachable', channels: {} };
  }
  // Sent now on a channel: the recipient is marked as reminded of the deadline with the channel's marker.
  const reminded = payload.type !== 'change' ? { key: keys.reminded(record.key), member: recipient.key } : null;
  const channels: DeliveryOutcome['channels'] = {};
  const temporary: unknown[] = [];
  for (const d of deliveries) {
    {
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
            encoded: message.mime ?? null,
            idKey: jobId,
            inReplyTo: record.messageId,
            unsubscribeUrl: prepared.unsubscribeUrl,
            unsubscribeMailto: deps.settings.unsubscribeMailto ?? null,
          });
          sentId = res.messageId;
        } else {
          const chat = deps.chat;
          if (!chat) continue;
          const earlierTryAt = tried.get(d.channel) ?? null;
          // The platform's clock is compared with it: the real clock, not `deps.now`.
          if (earlierTryAt === null) await redis.set(triedKey(keys, jobId, d.channel), String(Date.now()), 'EX', MARKER_TTL_S, 'NX');
          ({ messageId: sentId, earlier } = await chat.post(d.target, structuredClone(message.reply), { actions: message.actions, delivery: { key: `${jobId}/${d.channel}`, earlierTryAt } }));
        }
        // Written first thing after the server accepted (what a retry after a crash looks at), atomically with the
        // audit entry, so a crash keeps both or neither.
        await mark(deps, marker, 'ok', { who: 'system', action, target: recipient.key, result: 'ok', details: { ...details, channel: d.channel, messageId: sentId, ...(earlier ? { earlier } : {}) } }, reminded);
        deps.metrics?.reminderSent(d.channel, payload.type);
        channels[d.channel] = 'ok';
      } catch (err) {
        if (!isPermanent(err)) {
          temporary.push(err);
          continue;
        }
        await mark(deps, marker, 'failed', { who: 'system', action, target: recipient.key, result: 'failed', details: { ...details, channel: d.channel, error: (err as Error).message } }, null);
        channels[d.channel] = 'failed';
        deps.metrics?.deliveryFailed('reminder', d.channel);
        deps.log.warn({ jobId, channel: d.channel, err: (err as Error).message }, 'reminder delivery failed for good');
      }
    }
  }
  const results = Object.values(channels);
  const delivered = results.some((r) => r === 'ok' || r === 'already');
  // Sent by an earlier attempt only (killed before it marked the recipient): mark them now.
  if (reminded && !results.includes('ok') && results.includes('already')) await redis.sadd(reminded.key, reminded.member);
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
