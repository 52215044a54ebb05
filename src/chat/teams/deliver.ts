/**
 * Sending to Teams with retries. The Agents SDK's connector client makes one attempt; Teams answers 429 under load
 * (with `Retry-After`) and 5xx during outages, so replies wait as asked, or back off exponentially with jitter, and
 * give up with a {@link TeamsDeliveryError} that the caller logs. Nothing here throws anything else.
 */
import { HttpError } from '@microsoft/agents-hosting';
import { withRetries as sharedRetries, type AttemptFailure, type RetryInfo, type RetryPolicy } from '../retry.ts';
import { SgbotError } from '../../core/errors.ts';

/** A delivery that failed for good: after its retries, or with an answer retrying cannot change (403, 404…). */
export class TeamsDeliveryError extends SgbotError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super('E_TEAMS_DELIVERY', message, options);
    this.name = 'TeamsDeliveryError';
  }
}

export type { RetryInfo } from '../retry.ts';

function failureOf(err: unknown): AttemptFailure {
  if (err instanceof HttpError) return { status: err.response.status, retryAfter: err.response.headers.get('retry-after'), detail: `HTTP ${err.response.status}` };
  return { status: null, retryAfter: null, detail: (err as Error)?.message ?? String(err) };
}

/**
 * Run `send` until it succeeds, retrying per `policy` as {@link sharedRetries} does; rejects only with
 * {@link TeamsDeliveryError}.
 *
 * @example await withRetries(() => ctx.sendActivity(activity), { policy: settings.retry })
 */
export function withRetries<T>(send: () => Promise<T>, opts: { policy: RetryPolicy; signal?: AbortSignal; onRetry?: (info: RetryInfo) => void }): Promise<T> {
  return sharedRetries(send, {
    ...opts,
    platform: 'Teams',
    failureOf,
    fail: (message, status, attempts, cause) => new TeamsDeliveryError(message, status, attempts, cause === undefined ? undefined : { cause }),
  });
}
