/**
 * Planning: the current deadlines of a document family become delayed reminder jobs, one per recipient, offset and
 * instant, with deterministic ids (`rem-<deadlineKey>-<recipientHash>-<offset>-<atEpochMs>`). The ids planned per
 * deadline are kept in Redis; a new plan adds what is missing, removes what is no longer wanted (a moved or withdrawn
 * deadline, a recipient who left), and tells the people already reminded of a deadline that it moved or was
 * withdrawn — nobody else. Planning twice is harmless: the same ids are wanted and nothing changes.
 */
import { randomUUID } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import { SgbotError } from '../core/errors.ts';
import { recheckIfDue } from '../ingest/trust-recheck.ts';
import { citeOf } from '../store/facts.ts';
import { currentDeadlines, familyDocuments, type CurrentDeadline } from './current.ts';
import { nowOf, type ReminderDeps, type ReminderSettings } from './deps.ts';
import { remKeys, readRecord, type RemKeys } from './keys.ts';
import { PLAN_QUEUE, planJobId, planPayload, REMINDER_QUEUE, reminderPayload, reminderPayloadId, type ReminderPayload } from './payload.ts';
import { baseOf, reminderInstants } from './plan.ts';
import { escalationRecipientsFor, recipientsFor } from './recipients.ts';

/** What a plan did. */
export interface PlanResult {
  base: string | null;
  /** Why nothing was planned: the document is unknown, or came in a mail whose sender check failed. */
  skipped?: 'not-found' | 'unverified';
  added: string[];
  removed: string[];
  /** Change notices queued (moved or withdrawn deadlines, to people already reminded). */
  notices: string[];
  deadlines: Array<{ key: string; due: number }>;
}

const LOCK_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * BullMQ options of a reminder job due at `at` (epoch ms on the deps' clock, `now`). BullMQ fires a delayed job at
 * `timestamp + delay` on the system clock: that is `at` when `now` is the system clock, and the moment a shifted test
 * clock reads `at` otherwise.
 */
export function jobOptions(settings: ReminderSettings, jobId: string, at: number, now: number, systemNow = Date.now()): JobsOptions {
  return {
    jobId,
    timestamp: systemNow,
    delay: Math.max(0, at - now),
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: { age: 30 * 24 * 3600, count: 200_000 },
    removeOnFail: { age: 90 * 24 * 3600 },
  };
}

/** Queue reminder jobs (validated like every payload); jobs whose id exists already are left as they are. */
export async function addReminderJobs(deps: ReminderDeps, jobs: ReadonlyArray<{ payload: ReminderPayload; at: number }>): Promise<void> {
  if (jobs.length === 0) return;
  const queue = deps.queue({ name: REMINDER_QUEUE });
  const systemNow = Date.now();
  const now = nowOf(deps);
  const bulk = jobs.map(({ payload, at }) => {
    const data = reminderPayload.parse(payload);
    return { name: REMINDER_QUEUE, data, opts: jobOptions(deps.settings, reminderPayloadId(data), at, now, systemNow) };
  });
  for (let i = 0; i < bulk.length; i += 500) await queue.addBulk(bulk.slice(i, i + 500));
}

/**
 * Remove a job if it has not started; a job already running checks at fire time that it is still wanted. Returns
 * whether it was removed and whom it was for (when the job is still kept).
 */
export async function removeIfPending(queue: Queue, id: string): Promise<{ removed: boolean; recipient: string | null }> {
  const job = await queue.getJob(id);
  if (!job) return { removed: false, recipient: null };
  const parsed = reminderPayload.safeParse(job.data);
  const recipient = parsed.success ? parsed.data.recipient : null;
  const state = await job.getState();
  if (state !== 'delayed' && state !== 'waiting' && state !== 'prioritized') return { removed: false, recipient };
  try {
    await job.remove();
    return { removed: true, recipient };
  } catch {
    // Taken by a worker between the two calls: it will find the deadline moved and send nothing.
    return { removed: false, recipient };
  }
}

async function withLock<T>(deps: ReminderDeps, keys: RemKeys, base: string, fn: () => Promise<T>): Promise<T> {
  const redis = deps.store.redis;
  const token = randomUUID();
  const lock = keys.lock(base);
  if ((await redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === null) {
    throw new SgbotError('E_BUSY', `Reminders of ${base} are being planned by another worker right now; the plan is retried.`);
  }
  try {
    return await fn();
  } finally {
    await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, lock, token);
  }
}

/** The reminder (and escalation) jobs wanted now for one current deadline. */
async function wantedJobs(deps: ReminderDeps, cur: CurrentDeadline, now: number): Promise<Map<string, { payload: ReminderPayload; at: number }>> {
  const wanted = new Map<string, { payload: ReminderPayload; at: number }>();
  const { settings } = deps;
  const due = cur.fact.due;
  if (due <= now) return wanted;
  const view = cur.record;
  const add = (payload: ReminderPayload, at: number) => wanted.set(reminderPayloadId(payload), { payload, at });
  for (const r of await recipientsFor(deps, view)) {
    for (const { offset, at } of reminderInstants(due, r.tz, now, settings)) {
      add({ type: 'reminder', deadlineKey: cur.key, base: cur.record.base, recipient: r.key, offset, at, due }, at);
    }
  }
  if (view.category === 'liaison-reply') {
    const offset = `${settings.escalateDaysBefore}d`;
    for (const r of await escalationRecipientsFor(deps, view)) {
      for (const { at } of reminderInstants(due, r.tz, now, { offsets: [offset], hour: settings.hour })) {
        add({ type: 'escalation', deadlineKey: cur.key, base: cur.record.base, recipient: r.key, offset: `esc${offset}`, at, due }, at);
      }
    }
  }
  return wanted;
}

/**
 * Plan the reminders of every current deadline of `base` and clean up those of deadlines that moved or went away.
 *
 * @throws SgbotError E_BUSY when another worker plans the same base right now (the plan job retries).
 */
export async function scheduleBase(deps: ReminderDeps, base: string): Promise<PlanResult> {
  const keys = remKeys(deps.store.prefix);
  const redis = deps.store.redis;
  const queue = deps.queue({ name: REMINDER_QUEUE });
  return withLock(deps, keys, base, async () => {
    const now = nowOf(deps);
    const result: PlanResult = { base, added: [], removed: [], notices: [], deadlines: [] };
    // The store lets a revision from an unverified mail replace the letter: planning now would cancel reminders and
    // tell people of a change on its strength. Leave the family as it was planned.
    const family = await familyDocuments(deps.store, keys, base);
    const unverified = family.find((d) => citeOf(d).unverified);
    if (unverified) {
      deps.log.warn({ base, docId: unverified.id }, 'unverified sender in the document family: reminders left as planned');
      return { ...result, skipped: 'unverified' };
    }
    const current = await currentDeadlines(deps.store, keys, base);
    const known = await redis.smembers(keys.baseKeys(base));
    const all = [...new Set([...known, ...current.map((c) => c.key)])];
    for (const dk of all) {
      const cur = current.find((c) => c.key === dk) ?? null;
      const previous = await readRecord(redis, keys, dk);
      const wanted = cur ? await wantedJobs(deps, cur, now) : new Map<string, { payload: ReminderPayload; at: number }>();
      const scheduled = new Set(await redis.smembers(keys.jobs(dk)));

      const moved = previous !== null && (cur === null || cur.fact.due !== previous.due || previous.withdrawn !== undefined);
      const obsolete = [...scheduled].filter((id) => !wanted.has(id));
      if (moved) obsolete.push(...(await redis.smembers(keys.extra(dk))));
      const dropped: Array<{ id: string; recipient: string | null }> = [];
      for (const id of obsolete) {
        const r = await removeIfPending(queue, id);
        dropped.push({ id, recipient: r.recipient });
        if (r.removed) result.removed.push(id);
      }
      const fresh = [...wanted.entries()].filter(([id]) => !scheduled.has(id));
      await addReminderJobs(deps, fresh.map(([, j]) => j));
      result.added.push(...fresh.map(([id]) => id));

      // Queued before the record of the new date is written: a plan that dies in between queues them again next time
      // (same ids), instead of forgetting them.
      if (moved && previous) {
        const reminded = await redis.smembers(keys.reminded(dk));
        const notices = reminded.map((recipient) => ({
          payload: { type: 'change' as const, deadlineKey: dk, base, recipient, oldDue: previous.due, newDue: cur?.fact.due ?? null },
          at: now,
        }));
        await addReminderJobs(deps, notices);
        result.notices.push(...notices.map((n) => reminderPayloadId(n.payload)));
      }

      const m = redis.multi();
      for (const { id, recipient } of dropped) {
        m.srem(keys.jobs(dk), id);
        if (recipient) m.zrem(keys.byRecipient(recipient), id);
      }
      for (const [id, j] of fresh) {
        m.sadd(keys.jobs(dk), id);
        m.zadd(keys.byRecipient(j.payload.recipient), j.at, id);
      }
      for (const r of new Set(fresh.map(([, j]) => j.payload.recipient))) m.zremrangebyscore(keys.byRecipient(r), '-inf', now - 30 * DAY_MS);
      if (moved) m.del(keys.extra(dk), keys.snoozes(dk));
      if (cur) {
        m.set(keys.deadline(dk), JSON.stringify(cur.record));
        m.sadd(keys.baseKeys(base), dk);
        result.deadlines.push({ key: dk, due: cur.fact.due });
      } else {
        // Kept (marked withdrawn) so that the change notices can still say what was withdrawn.
        // A liaison answered by a reply: the notice says so rather than "withdrawn".
        const answeredBy = family.find((d) => d.id === previous?.docId)?.answeredBy ?? undefined;
        if (previous) m.set(keys.deadline(dk), JSON.stringify({ ...previous, withdrawn: now, ...(answeredBy ? { answeredBy } : {}) }));
        m.del(keys.jobs(dk));
        m.srem(keys.baseKeys(base), dk);
      }
      await m.exec();
    }
    if (result.added.length + result.removed.length + result.notices.length > 0) {
      await deps.audit.record({
        who: 'system',
        action: 'reminder.planned',
        target: base,
        result: 'ok',
        details: { added: result.added.length, removed: result.removed.length, notices: result.notices.length, deadlines: result.deadlines },
      });
    }
    return result;
  });
}

/**
 * Plan the reminders of the document family of `docId`: call it after a document is stored (added, revision or
 * addendum). A document that came in a mail whose sender check failed plans nothing, and that is logged and audited.
 *
 * @throws SgbotError E_NOT_FOUND when no such document is stored; E_BUSY as {@link scheduleBase}.
 */
export async function scheduleDocument(deps: ReminderDeps, docId: string): Promise<PlanResult> {
  const doc = await deps.store.getDocument(docId);
  if (!doc) throw new SgbotError('E_NOT_FOUND', `No document ${docId} is stored, so it has no deadlines to remind of.`);
  const base = baseOf(doc);
  if (citeOf(doc).unverified) {
    // A check that ended in a DNS error is made again on the kept mail when due; this plan job comes back for it.
    const recheck = await recheckIfDue(deps, doc);
    if (recheck.outcome === 'verified') return scheduleDocument(deps, docId);
    if (recheck.nextAt !== undefined) await queueRecheck(deps, docId, recheck.nextAt);
    deps.log.warn({ docId, base, auth: doc.source.auth?.summary ?? null }, 'unverified sender: no reminders planned');
    await deps.audit.record({
      who: 'system',
      action: 'reminder.skipped',
      target: docId,
      result: 'unverified',
      details: { base, reference: doc.parsed.reference, from: doc.source.from, auth: doc.source.auth?.summary ?? null, deadlines: doc.parsed.deadlines.length },
    });
    return { base, skipped: 'unverified', added: [], removed: [], notices: [], deadlines: [] };
  }
  const keys = remKeys(deps.store.prefix);
  await deps.store.redis.multi().sadd(keys.baseDocs(base), docId).sadd(keys.bases, base).exec();
  return scheduleBase(deps, base);
}

/** Queue the plan of `docId` again at `at` (epoch ms, system clock), for the re-check of its sender then. */
async function queueRecheck(deps: ReminderDeps, docId: string, at: number): Promise<void> {
  const data = planPayload.parse({ docId, replan: at });
  await deps.queue({ name: PLAN_QUEUE }).add(PLAN_QUEUE, data, {
    jobId: planJobId(data),
    delay: Math.max(0, at - Date.now()),
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
}

/**
 * Re-plan every base ever planned (after a roster import or a change of settings). A base another worker is
 * planning right now is passed over and listed in `busy` (with `skipBusy`), so the caller can come back for it.
 */
export async function scheduleAll(deps: ReminderDeps, opts: { skipBusy?: boolean; busy?: string[] } = {}): Promise<PlanResult[]> {
  const keys = remKeys(deps.store.prefix);
  const out: PlanResult[] = [];
  for (const base of await deps.store.redis.smembers(keys.bases)) {
    try {
      out.push(await scheduleBase(deps, base));
    } catch (err) {
      if (!opts.skipBusy || !(err instanceof SgbotError && err.code === 'E_BUSY')) throw err;
      opts.busy?.push(base);
    }
  }
  return out;
}
