/**
 * Sending to Teams with retries. The Agents SDK's connector client makes one attempt; Teams answers 429 under load
 * (with `Retry-After`) and 5xx during outages, so replies wait as asked, or back off exponentially with jitter, and
 * give up with a {@link TeamsDeliveryError} that the caller logs. Nothing here throws anything else.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError } from '@microsoft/agents-hosting';
import { backoffMs, MAX_RETRY_AFTER_S, retryAfterS, type RetryPolicy } from '../retry.ts';

/** A delivery that failed for good: after its retries, or with an answer retrying cannot change (403, 404…). */
export class TeamsDeliveryError extends Error {
  readonly code = 'E_TEAMS_DELIVERY';

  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamsDeliveryError';
  }
}

/** A retry about to happen (for logs). */
export interface RetryInfo {
  attempt: number;
  status: number | null;
  waitMs: number;
  reason: string;
}

function statusOf(err: unknown): { status: number | null; retryAfter: string | null; detail: string } {
  if (err instanceof HttpError) return { status: err.response.status, retryAfter: err.response.headers.get('retry-after'), detail: `HTTP ${err.response.status}` };
  return { status: null, retryAfter: null, detail: (err as Error)?.message ?? String(err) };
}

/**
 * Run `send` until it succeeds, retrying per `policy`: 429 after `Retry-After` (up to {@link MAX_RETRY_AFTER_S}),
 * 408, 5xx and network failures after {@link backoffMs}; other answers (400, 401, 403, 404…) at once fail.
 * `signal` aborts the waits (shutdown). Rejects only with {@link TeamsDeliveryError}.
 *
 * @example await withRetries(() => ctx.sendActivity(activity), { policy: settings.retry })
 */
export async function withRetries<T>(send: () => Promise<T>, opts: { policy: RetryPolicy; signal?: AbortSignal; onRetry?: (info: RetryInfo) => void }): Promise<T> {
  const { policy } = opts;
  let last = { status: null as number | null, detail: '' };
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    let waitMs: number;
    try {
      return await send();
    } catch (err) {
      const { status, retryAfter, detail } = statusOf(err);
      last = { status, detail };
      if (status === 429) {
        const after = retryAfterS(retryAfter);
        if (after !== null && after > MAX_RETRY_AFTER_S) throw new TeamsDeliveryError(`Teams asks to wait ${after} s before sending again; the message is dropped.`, 429, attempt + 1, { cause: err });
        waitMs = after !== null ? after * 1000 : backoffMs(policy, attempt);
      } else if (status === null || status === 408 || status >= 500) {
        waitMs = backoffMs(policy, attempt);
      } else {
        throw new TeamsDeliveryError(`Teams refused the message (${detail}); retrying will not help.`, status, attempt + 1, { cause: err });
      }
      if (attempt === policy.retries) break;
      opts.onRetry?.({ attempt: attempt + 1, status, waitMs, reason: detail });
    }
    try {
      await sleep(waitMs, undefined, opts.signal ? { signal: opts.signal } : undefined);
    } catch {
      throw new TeamsDeliveryError(`Stopped while waiting to retry (${last.detail}).`, last.status, attempt + 1);
    }
  }
  throw new TeamsDeliveryError(`Could not deliver to Teams after ${policy.retries + 1} attempt(s): ${last.detail}`, last.status, policy.retries + 1);
}
