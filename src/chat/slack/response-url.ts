/**
 * Posting to a `response_url` (slash commands, buttons) with retries. Bolt's own `respond()` makes one attempt; a
 * 429 from Slack must instead wait for `Retry-After`, and a 5xx or a network failure is retried with backoff.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs, MAX_RETRY_AFTER_S, retryAfterS, type RetryPolicy } from '../retry.ts';

/** The `fetch` to use (tests and proxies pass their own). */
export type FetchFn = typeof fetch;

/** A delivery that failed for good: after its retries, or with an answer retrying cannot change (404 expired_url). */
export class SlackDeliveryError extends Error {
  readonly code = 'E_SLACK_DELIVERY';

  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlackDeliveryError';
  }
}

/**
 * A function that POSTs `message` as JSON to a response_url, retrying per `policy` (429 after `Retry-After`, 5xx
 * and network errors with exponential backoff). Rejects with {@link SlackDeliveryError}.
 *
 * @example await responseUrlPoster({ retry })(command.response_url, { response_type: 'ephemeral', text, blocks })
 */
export function responseUrlPoster(opts: { retry: RetryPolicy; fetch?: FetchFn; timeoutMs?: number }) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return async (url: string, message: object): Promise<void> => {
    const body = JSON.stringify(message);
    let lastError = '';
    let lastStatus: number | null = null;
    for (let attempt = 0; attempt <= opts.retry.retries; attempt++) {
      let wait: number;
      try {
        const res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body, signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text().catch(() => '');
        if (res.ok) return;
        lastStatus = res.status;
        lastError = `${res.status} ${text.slice(0, 200)}`.trim();
        if (res.status === 429) {
          const after = retryAfterS(res.headers.get('retry-after'));
          if (after !== null && after > MAX_RETRY_AFTER_S) throw new SlackDeliveryError(`Slack asks to wait ${after} s before replying again; the reply is dropped.`, 429, attempt + 1);
          wait = after !== null ? after * 1000 : backoffMs(opts.retry, attempt);
        } else if (res.status >= 500) {
          wait = backoffMs(opts.retry, attempt);
        } else {
          throw new SlackDeliveryError(`Slack refused the reply (${lastError}); retrying will not help.`, res.status, attempt + 1);
        }
      } catch (err) {
        if (err instanceof SlackDeliveryError) throw err;
        lastStatus = null;
        lastError = (err as Error).message;
        wait = backoffMs(opts.retry, attempt);
      }
      if (attempt < opts.retry.retries) await sleep(wait);
    }
    throw new SlackDeliveryError(`Could not deliver the reply to Slack after ${opts.retry.retries + 1} attempt(s): ${lastError}`, lastStatus, opts.retry.retries + 1);
  };
}
