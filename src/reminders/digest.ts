/**
 * Weekly digests: a subscriber picks a weekday and a local hour; a BullMQ job scheduler (cron pattern in their zone)
 * runs the digest job then. The job gathers what is new for their topics since the last digest, the deadlines ahead
 * and the liaisons awaiting a reply, and sends it once per channel — or sends nothing when there is nothing to say.
 */
import { z } from 'zod';
import { readStored } from '../core/records.ts';
import { SgbotError } from '../core/errors.ts';
import { groupOfQuestion } from '../core/groups.ts';
import { isValidZone } from '../core/time.ts';
import type { DeadlineFact, LiaisonFact, StoredDocument } from '../store/facts.ts';
import { currentDeadlines } from './current.ts';
import { isPermanent, RetryLaterError } from './deliver.ts';
import { nowOf, type ReminderDeps } from './deps.ts';
import { composeDigest, documentMatches } from './digest-compose.ts';
import { markAndAudit } from './audit-tx.ts';
import { remKeys } from './keys.ts';
import { DIGEST_QUEUE } from './payload.ts';
import { baseOf, shortHash } from './plan.ts';
import { deliveriesOf, resolveRecipient } from './recipients.ts';

/** When a subscriber wants their digest. */
export interface DigestPref {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time `HH:mm`. */
  time: string;
  tz: string;
}

const digestPrefSchema: z.ZodType<DigestPref> = z.looseObject({ weekday: z.number().int().min(1).max(7), time: z.string().regex(/^\d\d:\d\d$/), tz: z.string() });

const DAY_MS = 86_400_000;

/** The address of a document's page, as in reminder mail (`SGBOT_DOC_URL` with `{id}`, or `<public URL>/doc/<id>`). */
function docUrlOf(settings: ReminderDeps['settings']): (docId: string) => string {
  return (docId) => (settings.docUrl ? settings.docUrl.replace('{id}', encodeURIComponent(docId)) : `${settings.publicUrl}/doc/${encodeURIComponent(docId)}`);
}

/** Id of a subscriber's job scheduler. */
export function digestSchedulerId(subscriber: string): string {
  return `digest-${shortHash(subscriber)}`;
}

/** The cron pattern of a preference: `30 8 * * 1` for Mondays 08:30. Pure. */
export function cronOf(pref: DigestPref): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(pref.time);
  if (!m || !Number.isInteger(pref.weekday) || pref.weekday < 1 || pref.weekday > 7) throw new SgbotError('E_USAGE', `Say a weekday and a time such as "monday 08:00", not ${pref.weekday} ${pref.time}.`);
  return `${Number(m[2])} ${Number(m[1])} * * ${pref.weekday % 7}`;
}

type ScheduleDeps = Pick<ReminderDeps, 'store' | 'queue' | 'settings' | 'audit'>;

/** Turn on (or change) a subscriber's weekly digest. */
export async function setDigest(deps: ScheduleDeps, subscriber: string, pref: DigestPref, who: string): Promise<{ next: number | null }> {
  if (!isValidZone(pref.tz)) throw new SgbotError('E_USAGE', `"${pref.tz}" is not a time zone.`);
  const pattern = cronOf(pref);
  await deps.store.redis.hset(remKeys(deps.store.prefix).digestPrefs, subscriber, JSON.stringify(pref));
  const job = await deps.queue({ name: DIGEST_QUEUE }).upsertJobScheduler(
    digestSchedulerId(subscriber),
    { pattern, tz: pref.tz },
    { name: DIGEST_QUEUE, data: { subscriber }, opts: { attempts: deps.settings.attempts, backoff: { type: 'exponential', delay: deps.settings.backoffMs }, removeOnComplete: { age: 30 * 24 * 3600 }, removeOnFail: { age: 90 * 24 * 3600 } } },
  );
  await deps.audit.record({ who, action: 'digest.on', target: subscriber, result: 'ok', details: { ...pref, pattern } });
  return { next: await nextRun(deps, subscriber, job) };
}

/**
 * When the scheduler runs next (epoch ms): the instant its cron pattern gives, as the scheduler keeps it. Not the
 * job's `timestamp + delay`: BullMQ takes the timestamp in this process and the delay from a later clock reading in
 * Redis, so their sum falls a few milliseconds before the run, and 16:30 would be announced as 16:29.
 */
async function nextRun(deps: ScheduleDeps, subscriber: string, job: { timestamp: number; delay: number; opts?: { prevMillis?: number } } | undefined): Promise<number | null> {
  const scheduler = await deps.queue({ name: DIGEST_QUEUE }).getJobScheduler(digestSchedulerId(subscriber));
  if (typeof scheduler?.next === 'number') return scheduler.next;
  // The job of a scheduler carries the instant it was made for as `prevMillis`.
  if (typeof job?.opts?.prevMillis === 'number') return job.opts.prevMillis;
  return job ? Math.round((job.timestamp + job.delay) / 60_000) * 60_000 : null;
}

/** Turn off a subscriber's digest; `false` when it was not on. */
export async function stopDigest(deps: ScheduleDeps, subscriber: string, who: string): Promise<boolean> {
  const removed = (await deps.store.redis.hdel(remKeys(deps.store.prefix).digestPrefs, subscriber)) === 1;
  await deps.queue({ name: DIGEST_QUEUE }).removeJobScheduler(digestSchedulerId(subscriber));
  await deps.audit.record({ who, action: 'digest.off', target: subscriber, result: removed ? 'ok' : 'unchanged' });
  return removed;
}

/** A subscriber's digest preference, or `null`. */
export async function digestPref(deps: Pick<ReminderDeps, 'store'>, subscriber: string): Promise<DigestPref | null> {
  const raw = await deps.store.redis.hget(remKeys(deps.store.prefix).digestPrefs, subscriber);
  return raw ? readStored(digestPrefSchema, raw, `digest preference of ${subscriber}`) : null;
}

async function newDocuments(deps: ReminderDeps, subscriber: string, topics: string[], now: number): Promise<{ docs: StoredDocument[]; lastSeq: number }> {
  const store = deps.store;
  const last = await store.redis.hget(remKeys(store.prefix).digestLast, subscriber);
  // A first digest covers the last week (the newest 1000 documents at most).
  const after = last !== null ? Number(last) : Math.max(0, (await store.count()) - 1000);
  const since = last !== null ? -Infinity : now - 7 * DAY_MS;
  const ids = await store.documentsAfter(after, 1000);
  const docs: StoredDocument[] = [];
  let lastSeq = after;
  for (const { id, seq } of ids) {
    lastSeq = Math.max(lastSeq, seq);
    const doc = await store.getDocument(id);
    if (doc && Date.parse(doc.ingestedAt) >= since && documentMatches(doc, topics)) docs.push(doc);
  }
  return { docs, lastSeq };
}

async function upcoming(deps: ReminderDeps, topics: string[], now: number): Promise<DeadlineFact[]> {
  const horizon = now + deps.settings.digestDays * DAY_MS;
  const seen = new Map<string, DeadlineFact>();
  for (const t of topics) {
    const cat = /^([^/]+)\/([a-z-]+)$/.exec(t);
    const scope = cat ? { group: cat[1] ?? '' } : /^Q\d+\//.test(t) ? { question: t } : { group: t };
    for (const d of await deps.store.deadlines(scope, now)) {
      if (d.due > horizon || (cat && d.category !== cat[2])) continue;
      seen.set(`${d.source.docId}|${d.action}|${d.due}`, d);
    }
  }
  return [...seen.values()].sort((a, b) => a.due - b.due);
}

async function awaitingReply(deps: ReminderDeps, topics: string[], now: number): Promise<LiaisonFact[]> {
  const keys = remKeys(deps.store.prefix);
  const groups = new Set<string>();
  const questions = topics.filter((t) => /^Q\d+\//.test(t));
  for (const t of topics) {
    if (/^Q\d+\//.test(t)) groups.add(groupOfQuestion(t) ?? '');
    else if (!t.includes('/')) groups.add(t);
  }
  const out = new Map<string, LiaisonFact>();
  for (const g of groups) {
    if (!g) continue;
    for (const l of await deps.store.liaisons(g, 100)) {
      if (out.has(l.source.docId) || (l.liaison.purpose !== 'action' && l.liaison.purpose !== 'comment') || !l.liaison.deadline) continue;
      if (Date.parse(`${l.liaison.deadline}T23:59:59Z`) < now) continue;
      // A liaison under a Question topic only (not the whole group) must name that Question.
      if (!topics.includes(g) && !l.liaison.questions.some((q) => questions.includes(q))) continue;
      const doc = await deps.store.getDocument(l.source.docId);
      if (!doc) continue;
      const replies = (await currentDeadlines(deps.store, keys, baseOf(doc))).filter((c) => c.fact.category === 'liaison-reply');
      let answered = false;
      for (const r of replies) if ((await deps.store.redis.hlen(keys.acks(r.key))) > 0) answered = true;
      if (!answered) out.set(l.source.docId, l);
    }
  }
  return [...out.values()];
}

/** What a digest run did. */
export interface DigestOutcome {
  status: 'sent' | 'empty' | 'no-topics' | 'unreachable' | 'failed';
  channels: Record<string, 'ok' | 'already' | 'failed'>;
}

/**
 * Build and send `subscriber`'s digest for run `runId` (the job id: the same run never sends twice per channel).
 *
 * @throws RetryLaterError when a channel failed temporarily (the others are sent and marked).
 */
export async function runDigest(deps: ReminderDeps, subscriber: string, runId: string): Promise<DigestOutcome> {
  const keys = remKeys(deps.store.prefix);
  const redis = deps.store.redis;
  const now = nowOf(deps);
  const recipient = await resolveRecipient(deps, subscriber);
  const topics = await deps.subscriptions.of(subscriber);
  if (!recipient || topics.length === 0) return { status: recipient ? 'no-topics' : 'unreachable', channels: {} };
  const { docs, lastSeq } = await newDocuments(deps, subscriber, topics, now);
  const digest = composeDigest({
    name: recipient.person?.name ?? subscriber,
    zone: recipient.tz,
    topics,
    documents: docs,
    deadlines: await upcoming(deps, topics, now),
    liaisons: await awaitingReply(deps, topics, now),
    now,
    docUrl: docUrlOf(deps.settings),
  });
  if (!digest) {
    await redis.hset(keys.digestLast, subscriber, String(lastSeq));
    return { status: 'empty', channels: {} };
  }
  // A person gets it by mail when they have an address, otherwise as a chat message.
  const all = deliveriesOf(recipient, deps.chat?.channels ?? []);
  const deliveries = all.some((d) => d.kind === 'mail') ? all.filter((d) => d.kind === 'mail') : all.slice(0, 1);
  if (deliveries.length === 0) return { status: 'unreachable', channels: {} };
  const channels: DigestOutcome['channels'] = {};
  const temporary: Error[] = [];
  for (const d of deliveries) {
    const marker = keys.sent(`digest:${runId}`, d.channel);
    const before = await redis.get(marker);
    if (before) {
      channels[d.channel] = before === 'ok' ? 'already' : 'failed';
      continue;
    }
    try {
      if (d.kind === 'mail') {
        await deps.mailer().send({ kind: 'digest', to: d.to, subject: digest.subject, text: digest.text, html: digest.html, idKey: `digest:${subscriber}:${runId}` });
      } else if (deps.chat) {
        await deps.chat.post(d.target, digest.reply);
      }
      await markAndAudit(deps, marker, 'ok', { who: 'system', action: 'digest.sent', target: subscriber, result: 'ok', details: { runId, channel: d.channel, documents: docs.length } });
      channels[d.channel] = 'ok';
    } catch (err) {
      if (!isPermanent(err)) {
        temporary.push(err as Error);
        continue;
      }
      await markAndAudit(deps, marker, 'failed', { who: 'system', action: 'digest.sent', target: subscriber, result: 'failed', details: { runId, channel: d.channel, error: (err as Error).message } });
      channels[d.channel] = 'failed';
    }
  }
  if (temporary.length > 0) throw new RetryLaterError(temporary.map((e) => e.message).join(' | '), null, { cause: temporary[0] });
  await redis.hset(keys.digestLast, subscriber, String(lastSeq));
  return { status: Object.values(channels).some((c) => c !== 'failed') ? 'sent' : 'failed', channels };
}
