/**
 * The shape of background jobs. Each `jobs/<name>.ts` exports a {@link JobSpec}: queue name, zod payload schema,
 * deterministic job id and processor, like commands do. Payloads are plain JSON, validated when queued and when
 * processed; the id is derived from the payload, so queuing the same work twice (a retry, a restart, a second
 * replica) is harmless.
 */
import type { z } from 'zod';

/** What a processor is told about the job it runs. */
export interface JobRun {
  id: string;
  /** Attempts made before this one (0 on the first). */
  attemptsMade: number;
  /**
   * Put the job back until `untilMs` (epoch ms) without counting an attempt (a chat channel not free yet, a 429's
   * Retry-After); the processor must then throw the error returned, so the worker leaves the job where it now is.
   */
  deferUntil(untilMs: number): Promise<Error>;
}

/** A job kind. `D` is what the processor needs (store, mailer…), given by `src/main.ts`. */
export interface JobSpec<P extends z.ZodType = z.ZodType, D = unknown, R = unknown> {
  /** Queue name (letters, digits, `-`; no `:`). */
  name: string;
  summary: string;
  payload: P;
  /** Deterministic job id for a payload (no `:`, not only digits). */
  jobId(payload: z.infer<P>): string;
  /** Attempts before the job is given up (default 5), with exponential backoff from `backoffMs` (default 2000). */
  attempts?: number;
  backoffMs?: number;
  process(payload: z.infer<P>, deps: D, run: JobRun): Promise<R>;
  /** Called once when the job is given up (last attempt failed, or an unrecoverable error). */
  onGiveUp?(payload: z.infer<P>, deps: D, error: Error): Promise<void>;
}

/** Identity function that checks the spec's types. */
export function defineJob<P extends z.ZodType, D, R>(spec: JobSpec<P, D, R>): JobSpec<P, D, R> {
  return spec;
}
