/**
 * Workers for the reminder, plan and digest queues: {@link startSpecWorker} as for every queue, plus a temporary
 * failure that says when to come back (Slack's Retry-After) moves the job to delayed until then instead of waiting for
 * the exponential backoff, and a job whose worker died may run again up to 3 times. Connections are duplicated from
 * the queue's, under the same prefix.
 */
import type { Queue, Worker } from 'bullmq';
import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import type { z } from 'zod';
import type { JobSpec } from '../core/job.ts';
import { startSpecWorker, type WorkerTuning } from '../queues.ts';
import { RetryLaterError } from './deliver.ts';
import type { ReminderDeps, ReminderJobDeps } from './deps.ts';

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

function startOne(spec: AnySpec, deps: ReminderDeps, tuning: WorkerTuning): { worker: Worker; connection: Redis | Cluster } {
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
  return { worker, connection };
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
  const started: Array<{ worker: Worker; connection: Redis | Cluster }> = [];
  for (const spec of specs) started.push(startOne(spec, deps, { ...tuning, ...perQueue[spec.name] }));
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
