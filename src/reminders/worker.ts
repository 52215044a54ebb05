/**
 * Workers for the reminder, plan and digest queues: {@link startSpecWorker} as for every queue, plus a temporary
 * failure that says when to come back (Slack's Retry-After) moves the job to delayed until then instead of waiting for
 * the exponential backoff, and a job whose worker died may run again up to 3 times. Connections are duplicated from
 * the queue's, under the same prefix.
 *
 * Reminders are taken early and sent on time: BullMQ wakes for a delayed job only when Redis times out a blocking
 * call (every 1/hz s at best) and then moves it through its scripts, so a reminder fetched at its due instant goes
 * out late, and later still when many fall due together. The reminder queue's workers therefore move each reminder
 * job that was never tried to the waiting list {@link PREFETCH_MS} before it is due ({@link startPrefetch}); the job
 * checks the deadline and the recipient and composes its message at once, then waits on a local timer until its
 * instant ({@link untilDue}) to read the acknowledgement and its markers and send. Retries, deferrals and Retry-After
 * waits (jobs started before) are never taken early. The started count of the due jobs is read in one pipeline.
 */
import type { Queue, Worker } from 'bullmq';
import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import type { z } from 'zod';
import type { JobSpec } from '../core/job.ts';
import { startSpecWorker, type WorkerTuning } from '../queues.ts';
import { RetryLaterError } from './deliver.ts';
import { nowOf, type ReminderDeps, type ReminderJobDeps } from './deps.ts';
import { REMINDER_QUEUE } from './payload.ts';

/** How long before its due instant a reminder job is moved from delayed to waiting. */
export const PREFETCH_MS = 1000;
/** How often the delayed reminders are looked at. */
const PREFETCH_TICK_MS = 200;
/** Jobs moved per look at most. */
const PREFETCH_BATCH = 2000;
/** BullMQ's delayed set scores a job `due × 0x1000 + counter`. */
const DELAYED_SCORE_UNIT = 0x1000;

/**
 * Wait on a local timer until `at` (epoch ms on the deps' clock): what a reminder taken early by {@link startPrefetch}
 * does, once checked and composed, before it is sent. Only a job due within {@link PREFETCH_MS} (and a little more) waits: one due
 * later was promoted on purpose (run now, or a test's clock set back) and goes at once.
 */
export async function untilDue(deps: Pick<ReminderDeps, 'now'>, at: number): Promise<void> {
  const wait = at - nowOf(deps);
  if (wait > 0 && wait <= PREFETCH_MS + 500) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Every {@link PREFETCH_TICK_MS}, move the reminder jobs due within {@link PREFETCH_MS} that were never started from
 * BullMQ's delayed set to its waiting list, soonest first. Returns a stop function.
 */
function startPrefetch(queue: Queue, log: ReminderDeps['log']): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = async () => {
    // BullMQ's own connection (typed by its backend interface): an ioredis client.
    const client = (await queue.getBackend().client) as unknown as Redis;
    const max = (Date.now() + PREFETCH_MS + 1) * DELAYED_SCORE_UNIT - 1;
    const ids = await client.zrangebyscore(queue.keys.delayed ?? queue.toKey('delayed'), '-inf', max, 'LIMIT', 0, PREFETCH_BATCH);
    if (ids.length === 0) return;
    // How often each was started (BullMQ's `ats` field), all in one round trip: only jobs never started are taken.
    const pipeline = client.pipeline();
    for (const id of ids) pipeline.hget(queue.toKey(id), 'ats');
    const started = (await pipeline.exec()) ?? [];
    const backend = queue.getBackend();
    await Promise.all(
      ids.map(async (id, i) => {
        const [err, ats] = started[i] ?? [null, null];
        if (err || Number(ats ?? 0) > 0) return;
        // Taken by BullMQ meanwhile, or removed: nothing to do.
        await backend.promote(id).catch(() => undefined);
      }),
    );
  };
  const timer = setInterval(() => {
    running ??= tick()
      .catch((err: unknown) => log.warn({ queue: queue.name, err: String(err) }, 'taking reminders early failed'))
      .finally(() => (running = null));
  }, PREFETCH_TICK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Running workers; `close()` lets in-flight jobs finish. Close them before the queues' runtime. */
export interface ReminderWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

type AnySpec = JobSpec<z.ZodType, ReminderJobDeps, unknown>;

function workerConnection(queue: Queue): Redis | Cluster {
  const c = queue.opts.connection as Redis | Cluster | RedisOptions;
  if ('duplicate' in c && typeof c.duplicate === 'function') return c.duplicate();
  return new Redis({ ...(c as RedisOptions), maxRetriesPerRequest: null });
}

function startOne(spec: AnySpec, deps: ReminderDeps, tuning: WorkerTuning): { worker: Worker; connection: Redis | Cluster; stop?: () => Promise<void> } {
  const queue = deps.queue(spec);
  // Duplicated, so it has the queue's settings (maxRetriesPerRequest: null), and closed by us: BullMQ leaves a
  // connection it was given open.
  const connection = workerConnection(queue);
  const worker = startSpecWorker(spec, { reminders: deps }, {
    connection,
    prefix: queue.opts.prefix ?? 'bull',
    log: deps.log,
    tuning: { concurrency: 4, ...tuning },
    retryAfterMs: (err) => (err instanceof RetryLaterError ? err.retryAfterMs : null),
    // A job whose worker died is run again; the per-channel markers make that safe, so allow it more than once.
    maxStalledCount: 3,
  });
  return { worker, connection, ...(spec.name === REMINDER_QUEUE ? { stop: startPrefetch(queue, deps.log) } : {}) };
}

/**
 * Start workers for `specs` (the reminder, plan and digest jobs) with `deps`; `perQueue` overrides `tuning` for the
 * queues it names (the deliveries run many at a time, the planners a few).
 *
 * @example
 * const w = startReminderWorkers([reminderJob, planRemindersJob, digestJob], deps, { concurrency: 2 }, { [reminderJob.name]: { concurrency: 16 } });
 * … await w.close(); await runtime.close();
 */
export function startReminderWorkers(specs: readonly AnySpec[], deps: ReminderDeps, tuning: WorkerTuning = {}, perQueue: Readonly<Record<string, WorkerTuning>> = {}): ReminderWorkers {
  const started: Array<{ worker: Worker; connection: Redis | Cluster; stop?: () => Promise<void> }> = [];
  for (const spec of specs) started.push(startOne(spec, deps, { ...tuning, ...perQueue[spec.name] }));
  const workers = started.map((s) => s.worker);
  let closing: Promise<void> | null = null;
  return {
    workers,
    close: () =>
      (closing ??= (async () => {
        await Promise.all(started.map((s) => s.stop?.() ?? Promise.resolve()));
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(started.map(({ connection }) => connection.quit().catch(() => connection.disconnect())));
      })()),
  };
}
