/**
 * Retrying a post to a chat platform: how long to wait after a failure — what the platform's `Retry-After` asks, or
 * exponential backoff with jitter — and the one retry loop ({@link withRetries}) the Slack and Teams senders share.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** How a failed call is retried (429 honours Retry-After; 5xx and network errors back off). */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff, ms; doubles on each retry. */
  minTimeoutMs: number;
  /** Longest backoff, ms. */
  maxTimeoutMs: number;
}

/** Longest `Retry-After` honoured, s; a longer one means the post would come too late to help. */
export const MAX_RETRY_AFTER_S = 60;

/** Exponential backoff with jitter: `min × 2^attempt`, capped, times 0.5–1. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxTimeoutMs, policy.minTimeoutMs * 2 ** attempt);
  return Math.round(base * (0.5 + random() / 2));
}

/** Seconds of a `Retry-After` header (delta-seconds or an HTTP date); `null` when absent or unreadable. */
export function retryAfterS(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const n = Number(header);
  if (Number.isFinite(n) && n >= 0) return n;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/** Why one attempt failed, as the retry loop weighs it: the HTTP status (`null`: no answer), `Retry-After`, words. */
export interface AttemptFailure {
  status: number | null;
  retryAfter: string | null;
  detail: string;
}

/** A retry about to happen (for logs). */
export interface RetryInfo {
  attempt: number;
  status: number | null;
  waitMs: number;
  reason: string;
}

/** How {@link withRetries} runs for one platform. */
export interface RetryOptions {
  policy: RetryPolicy;
  /** The platform, as people name it in messages ("Teams", "Slack"). */
  platform: string;
  /** How an error of an attempt reads. */
  failureOf(err: unknown): AttemptFailure;
  /** The error given up with: the platform's own delivery error. */
  fail(message: string, status: number | null, attempts: number, cause?: unknown): Error;
  /** Aborts the waits (shutdown). */
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Run `send` until it succeeds, retrying per `opts.policy`: 429 after `Retry-After` (up to {@link MAX_RETRY_AFTER_S}),
 * 408, 5xx and no answer at all after {@link backoffMs}; any other answer (400, 401, 403, 404…) fails at once. The one
 * retry loop of the chat platforms; it rejects only with `opts.fail(…)`.
 *
 * @example await withRetries(() => ctx.sendActivity(activity), { policy, platform: 'Teams', failureOf, fail })
 */
export async function withRetries<T>(send: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const { policy, platform } = opts;
  let last: AttemptFailure = { status: null, retryAfter: null, detail: '' };
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    let waitMs: number;
    try {
      return await send();
    } catch (err) {
      const failure = opts.failureOf(err);
      last = failure;
      const { status, detail } = failure;
      if (status === 429) {
        const after = retryAfterS(failure.retryAfter);
        if (after !== null && after > MAX_RETRY_AFTER_S) throw opts.fail(`${platform} asks to wait ${after} s before sending again; the message is dropped.`, 429, attempt + 1, err);
        waitMs = after !== null ? after * 1000 : backoffMs(policy, attempt);
      } else if (status === null || status === 408 || status >= 500) {
        waitMs = backoffMs(policy, attempt);
      } else {
        throw opts.fail(`${platform} refused the message (${detail}); retrying will not help.`, status, attempt + 1, err);
      }
      if (attempt === policy.retries) break;
      opts.onRetry?.({ attempt: attempt + 1, status, waitMs, reason: detail });
    }
    try {
      await sleep(waitMs, undefined, opts.signal ? { signal: opts.signal } : undefined);
    } catch {
      throw opts.fail(`Stopped while waiting to retry (${last.detail}).`, last.status, attempt + 1);
    }
  }
  throw opts.fail(`Could not deliver to ${platform} after ${policy.retries + 1} attempt(s): ${last.detail}`, last.status, policy.retries + 1);
}
