/**
 * Posting to a `response_url` (slash commands, buttons) with retries. Bolt's own `respond()` makes one attempt; a
 * 429 from Slack must instead wait for `Retry-After`, and a 5xx or a network failure is retried with backoff.
 */
import { withRetries, type RetryPolicy } from '../retry.ts';
import { SgbotError } from '../../core/errors.ts';

/** The `fetch` to use (tests and proxies pass their own). */
export type FetchFn = typeof fetch;

/** A delivery that failed for good: after its retries, or with an answer retrying cannot change (404 expired_url). */
export class SlackDeliveryError extends SgbotError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super('E_SLACK_DELIVERY', message, options);
    this.name = 'SlackDeliveryError';
  }
}

/** A response_url answered, but not with 2xx. */
class HttpStatus extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    body: string,
  ) {
    super(`${status} ${body.slice(0, 200)}`.trim());
  }
}

/**
 * A function that POSTs `message` as JSON to a response_url, retrying per `policy` with the chat platforms' one retry
 * loop (429 after `Retry-After`, 5xx and network errors with exponential backoff). Rejects with
 * {@link SlackDeliveryError}.
 *
 * @example await responseUrlPoster({ retry })(command.response_url, { response_type: 'ephemeral', text, blocks })
 */
export function responseUrlPoster(opts: { retry: RetryPolicy; fetch?: FetchFn; timeoutMs?: number }) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return async (url: string, message: object): Promise<void> => {
    const body = JSON.stringify(message);
    await withRetries(
      async () => {
        const res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body, signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text().catch(() => '');
        if (!res.ok) throw new HttpStatus(res.status, res.headers.get('retry-after'), text);
      },
      {
        policy: opts.retry,
        platform: 'Slack',
        failureOf: (err) => (err instanceof HttpStatus ? { status: err.status, retryAfter: err.retryAfter, detail: err.message } : { status: null, retryAfter: null, detail: (err as Error).message }),
        fail: (message, status, attempts, cause) => new SlackDeliveryError(message, status, attempts, cause === undefined ? undefined : { cause }),
      },
    );
  };
}
