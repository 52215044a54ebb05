/**
 * Workers for the reminder, plan and digest queues. Like `JobRuntime.startWorker` (payload checked, a non-retryable
 * SgbotError made unrecoverable, `onGiveUp` after the last attempt), plus one thing it cannot do: a temporary
 * failure that says when to come back (Slack's Retry-After) moves the job to delayed until then instead of waiting for
 * the exponential backoff. Connections are duplicated from the queue's, under the same prefix.
 */
import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import type { z } from 'zod';
import { isSgbotError } from '../core/errors.ts';
import type { JobSpec } from '../core/job.ts';
import type { WorkerTuning } from '../queues.ts';
import { RetryLaterError } from './deliver.ts';
import type { ReminderDeps, ReminderJobDeps } from './deps.ts';

/** Running workers; `close()` lets in-flight jobs finish. Close them before the queues' runtime. */
export interface ReminderWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** A job delayed by Retry-After this many times (beyond its attempts) is retried with backoff instead. */
const MAX_RATE_LIMITED = 20;

type AnySpec = JobSpec<z.ZodType, ReminderJobDeps, unknown>;

function workerConnection(queue: Queue): Redis | Cluster {
  const c = queue.opts.connection as Redis | Cluster | RedisOptions;
  if ('duplicate' in c && typeof c.duplicate === 'function') return c.duplicate();
  return new Redis({ ...(c as RedisOptions), maxRetriesPerRequest: null });
}

function startOne(spec: AnySpec, deps: ReminderDeps, tuning: WorkerTuning): { worker: Worker; connection: Redis | Cluster } {
  const queue = deps.queue(spec);
  // Duplicated, so it has the queue's settings (maxRetriesPerRequest: null), and closed by us: BullMQ leaves a
  // connection it was given open.
  const connection = workerConnection(queue);
  const jobDeps: ReminderJobDeps = { reminders: deps };
  const processor = async (job: Job, token?: string) => {
    const checked = spec.payload.safeParse(job.data);
    if (!checked.success) throw new UnrecoverableError(`bad payload: ${checked.error.issues.map((i) => i.message).join('; ')}`);
    try {
      const deferUntil = async (untilMs: number): Promise<Error> => {
        await job.moveToDelayed(untilMs, token);
        return new DelayedError();
      };
      return await spec.process(checked.data, jobDeps, { id: job.id ?? '', attemptsMade: job.attemptsMade, deferUntil });
    } catch (err) {
      if (err instanceof RetryLaterError && err.retryAfterMs !== null && token && job.attemptsStarted <= (job.opts.attempts ?? 1) + MAX_RATE_LIMITED) {
        deps.log.info({ queue: spec.name, jobId: job.id, retryAfterMs: err.retryAfterMs }, 'rate limited: retrying when asked');
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError();
      }
      if (isSgbotError(err) && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      throw err;
    }
  };
  const worker = new Worker(spec.name, processor, {
    connection,
    prefix: queue.opts.prefix,
    concurrency: tuning.concurrency ?? 4,
    lockDuration: tuning.lockDurationMs ?? 30_000,
    stalledInterval: tuning.stalledIntervalMs ?? 30_000,
    // A job whose worker died is run again; the per-channel markers make that safe, so allow it more than once.
    maxStalledCount: 3,
  });
  worker.on('failed', (job, err) => {
    if (!job || err instanceof DelayedError) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.log.warn({ queue: spec.name, jobId: job.id, attempt: job.attemptsMade, final, err: err.message }, 'job failed');
    if (!final || !spec.onGiveUp) return;
    const checked = spec.payload.safeParse(job.data);
    if (checked.success) {
      spec.onGiveUp(checked.data, jobDeps, err).catch((e: unknown) => deps.log.error({ queue: spec.name, jobId: job.id, err: String(e) }, 'giving up failed'));
    }
  });
  worker.on('error', (err) => deps.log.warn({ queue: spec.name, err: err.message }, 'worker error'));
  return { worker, connection };
}

/**
 * Start workers for `specs` (the reminder, plan and digest jobs) with `deps`.
 *
 * @example
 * const w = startReminderWorkers([reminderJob, planRemindersJob, digestJob], deps, { concurrency: 4 });
 * … await w.close(); await runtime.close();
 */
export function startReminderWorkers(specs: readonly AnySpec[], deps: ReminderDeps, tuning: WorkerTuning = {}): ReminderWorkers {
  const started: Array<{ worker: Worker; connection: Redis | Cluster }> = [];
  for (const spec of specs) started.push(startOne(spec, deps, tuning));
  const workers = started.map((s) => s.worker);
  let closing: Promise<void> | null = null;
  return {
    workers,
    close: () =>
      (closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(started.map(({ connection }) => connection.quit().catch(() => connection.disconnect())));
      })()),
  };
}
