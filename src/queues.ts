/**
 * BullMQ adapter: queues and workers for the job specs of `jobs/`. Queue keys live under `<SGBOT_PREFIX>:bull`, so
 * instances and test runs sharing a Redis never see each other's jobs. Payloads are validated when queued and again
 * when processed; job ids come from the spec, so queuing the same work twice is harmless.
 */
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis, type Cluster } from 'ioredis';
import type { z } from 'zod';
import { isSgbotError, SgbotError } from './core/errors.ts';
import type { JobSpec } from './core/job.ts';

/** Minimal logger (pino's shape). */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Worker tuning; tests shorten the lock so a killed worker's jobs come back quickly. */
export interface WorkerTuning {
  concurrency?: number;
  /** How long a job stays locked to a worker without renewal (ms, default 30 000). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (ms, default 30 000). */
  stalledIntervalMs?: number;
}

/** Queues and workers of one sgbot instance. */
export class JobRuntime<D> {
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];
  readonly prefix: string;

  constructor(
    private readonly redisUrl: string,
    sgbotPrefix: string,
    private readonly deps: D,
    private readonly log: Log,
  ) {
    this.prefix = `${sgbotPrefix}:bull`;
    // BullMQ needs maxRetriesPerRequest: null on its connections (blocking commands).
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (err: Error) => this.log.warn({ err: err.message }, 'queue connection error'));
  }

  /** The queue of a job kind (created on first use). */
  queue(spec: Pick<JobSpec, 'name'>): Queue {
    let q = this.queues.get(spec.name);
    if (!q) {
      q = new Queue(spec.name, { connection: this.connection, prefix: this.prefix });
      // A queue whose Redis is away emits errors; unheard, Node would print each one as a stack trace.
      q.on('error', (err: Error) => this.log.warn({ err: err.message, queue: spec.name }, 'queue connection error'));
      this.queues.set(spec.name, q);
    }
    return q;
  }

  /**
   * Queue `payload` for `spec`. Returns the job id; if a job with that id is already queued, active or kept as
   * completed, nothing new is queued.
   *
   * @throws SgbotError E_USAGE when the payload does not match the spec's schema.
   */
  async enqueue<P extends z.ZodType>(spec: JobSpec<P, D>, payload: z.infer<P>, opts: { delayMs?: number } = {}): Promise<string> {
    const checked = spec.payload.safeParse(payload);
    if (!checked.success) throw new SgbotError('E_USAGE', `Bad ${spec.name} job payload: ${checked.error.issues.map((i) => i.message).join('; ')}`);
    const data = checked.data;
    const jobId = spec.jobId(data);
    await this.queue(spec).add(spec.name, data, {
      jobId,
      delay: opts.delayMs,
      attempts: spec.attempts ?? 5,
      backoff: { type: 'exponential', delay: spec.backoffMs ?? 2000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return jobId;
  }

  /** Start a worker for `spec` in this process. */
  startWorker<P extends z.ZodType>(spec: JobSpec<P, D>, tuning: WorkerTuning = {}): Worker {
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', (err: Error) => this.log.warn({ err: err.message }, 'worker connection error'));
    this.workerConnections.push(connection);
    const worker = startSpecWorker(spec, this.deps, { connection, prefix: this.prefix, log: this.log, tuning });
    this.workers.push(worker);
    return worker;
  }

  /** Wait until the queue of `spec` has nothing waiting, delayed or active (for imports and tests). */
  async drained(spec: Pick<JobSpec, 'name'>, timeoutMs = 60_000): Promise<void> {
    const q = this.queue(spec);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(c).every((n) => n === 0)) return;
      if (Date.now() > until) throw new SgbotError('E_BUSY', `The ${spec.name} queue did not drain within ${timeoutMs} ms (${JSON.stringify(c)}).`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private closing: Promise<void> | null = null;

  /** Stop workers (letting in-flight jobs finish) and close queues. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private async closeAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    for (const c of [this.connection, ...this.workerConnections]) await c.quit().catch(() => c.disconnect());
  }
}

/** How a worker for one job spec runs. */
export interface SpecWorkerOptions {
  /** A connection of its own (BullMQ blocks on it); the caller closes it after the worker. */
  connection: Redis | Cluster;
  /** BullMQ key prefix (`<SGBOT_PREFIX>:bull`). */
  prefix: string;
  log: Log;
  tuning?: WorkerTuning;
  /**
   * For a failure that says when to come back (Slack's Retry-After): that many ms. The job is then delayed until
   * then instead of waiting for the exponential backoff — at most {@link MAX_RATE_LIMITED} times beyond its attempts.
   */
  retryAfterMs?: (err: unknown) => number | null;
  /** How many times a job whose worker died is run again (BullMQ's default: 1). */
  maxStalledCount?: number;
}

/** A job delayed by Retry-After this many times (beyond its attempts) is retried with backoff instead. */
export const MAX_RATE_LIMITED = 20;

/**
 * A BullMQ worker running `spec` with `deps`: the payload is checked again; a non-retryable SgbotError (or a bad
 * payload) gives the job up at once; `run.deferUntil` parks it in delayed; `spec.onGiveUp` runs after the last
 * attempt.
 */
export function startSpecWorker<P extends z.ZodType, D>(spec: JobSpec<P, D>, deps: D, o: SpecWorkerOptions): Worker {
  const { log, tuning = {} } = o;
  const processor = async (job: Job, token?: string) => {
    const checked = spec.payload.safeParse(job.data);
    if (!checked.success) throw new UnrecoverableError(`bad payload: ${checked.error.issues.map((i) => i.message).join('; ')}`);
    try {
      const deferUntil = async (untilMs: number): Promise<Error> => {
        await job.moveToDelayed(untilMs, token);
        return new DelayedError(`waiting until ${new Date(untilMs).toISOString()}`);
      };
      return await spec.process(checked.data, deps, { id: job.id ?? '', attemptsMade: job.attemptsMade, deferUntil });
    } catch (err) {
      if (err instanceof DelayedError) throw err;
      const retryAfter = o.retryAfterMs?.(err) ?? null;
      if (retryAfter !== null && token && job.attemptsStarted <= (job.opts.attempts ?? 1) + MAX_RATE_LIMITED) {
        log.info({ queue: spec.name, jobId: job.id, retryAfterMs: retryAfter }, 'rate limited: retrying when asked');
        await job.moveToDelayed(Date.now() + retryAfter, token);
        throw new DelayedError();
      }
      // An SgbotError about the input (or a permanent delivery failure) fails the same way every time: give it up.
      if (isSgbotError(err) && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      throw err;
    }
  };
  const worker = new Worker(spec.name, processor, {
    connection: o.connection,
    prefix: o.prefix,
    concurrency: tuning.concurrency ?? 2,
    lockDuration: tuning.lockDurationMs ?? 30_000,
    stalledInterval: tuning.stalledIntervalMs ?? 30_000,
    ...(o.maxStalledCount !== undefined ? { maxStalledCount: o.maxStalledCount } : {}),
  });
  worker.on('failed', (job, err) => {
    if (!job || err instanceof DelayedError) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    log.warn({ queue: spec.name, jobId: job.id, attempt: job.attemptsMade, final, err: err.message }, 'job failed');
    if (!final || !spec.onGiveUp) return;
    const again = spec.payload.safeParse(job.data);
    if (again.success) spec.onGiveUp(again.data, deps, err).catch((e: unknown) => log.error({ queue: spec.name, jobId: job.id, err: String(e) }, 'giving up failed'));
  });
  worker.on('error', (err) => log.warn({ queue: spec.name, err: err.message }, 'worker error'));
  return worker;
}
