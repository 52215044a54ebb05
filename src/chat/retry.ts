/**
 * Retrying a post to a chat platform: how long to wait after a failure — what the platform's `Retry-After` asks, or
 * exponential backoff with jitter — shared by the Slack and Teams senders.
 */

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
