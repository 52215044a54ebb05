/** Retries of sends to Teams: Retry-After on 429, backoff on 5xx and network failures, no retry where it cannot help. */
import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterS } from '../../src/chat/retry.ts';
import { TeamsDeliveryError, withRetries, type RetryInfo } from '../../src/chat/teams/deliver.ts';

const policy = { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20 };

function httpError(status: number, retryAfter?: string): HttpError {
  const config = { method: 'post', url: 'v3/conversations/x/activities' };
  return new HttpError(`Request failed with status ${status}`, { data: {}, status, statusText: '', headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), config }, config);
}

/** A send that fails with `errors` in turn, then succeeds; records when it was called. */
function flaky(errors: Error[]) {
  const calls: number[] = [];
  const send = () => {
    calls.push(Date.now());
    const e = errors[calls.length - 1];
    return e === undefined ? Promise.resolve({ id: 'ok' }) : Promise.reject(e);
  };
  return { send, calls };
}

describe('withRetries', () => {
  it('waits as long as Retry-After says after a 429, then sends again', async () => {
    const { send, calls } = flaky([httpError(429, '0.3')]);
    const retries: RetryInfo[] = [];
    await expect(withRetries(send, { policy, onRetry: (r) => retries.push(r) })).resolves.toEqual({ id: 'ok' });
    expect(calls).toHaveLength(2);
    expect((calls[1] as number) - (calls[0] as number)).toBeGreaterThanOrEqual(280);
    expect(retries).toEqual([{ attempt: 1, status: 429, waitMs: 300, reason: 'HTTP 429' }]);
  });

  it('backs off on 5xx, 408 and network failures, and gives up after its retries with the last cause', async () => {
    const ok = flaky([httpError(503), httpError(408), new TypeError('fetch failed')]);
    await expect(withRetries(ok.send, { policy })).resolves.toEqual({ id: 'ok' });
    expect(ok.calls).toHaveLength(4);

    const down = flaky(Array.from({ length: 10 }, () => httpError(500)));
    const err = (await withRetries(down.send, { policy }).catch((e: unknown) => e)) as TeamsDeliveryError;
    expect(err).toBeInstanceOf(TeamsDeliveryError);
    expect(err).toMatchObject({ code: 'E_TEAMS_DELIVERY', status: 500, attempts: 4 });
    expect(err.message).toBe('Could not deliver to Teams after 4 attempt(s): HTTP 500');
    expect(down.calls).toHaveLength(4);
  });

  it('does not retry what retrying cannot change (403, 404), nor a Retry-After over a minute', async () => {
    for (const e of [httpError(403), httpError(404), httpError(429, '3600')]) {
      const { send, calls } = flaky([e, e]);
      const err = (await withRetries(send, { policy }).catch((x: unknown) => x)) as TeamsDeliveryError;
      expect(err).toMatchObject({ code: 'E_TEAMS_DELIVERY', attempts: 1, status: e.status });
      expect(calls).toHaveLength(1);
    }
  });

  it('stops waiting when the bot shuts down', async () => {
    const abort = new AbortController();
    const { send, calls } = flaky([httpError(429, '30'), httpError(429, '30')]);
    const pending = withRetries(send, { policy, signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toMatchObject({ code: 'E_TEAMS_DELIVERY', status: 429, message: expect.stringMatching(/Stopped while waiting/) as unknown });
    expect(calls).toHaveLength(1);
  });
});

describe('backoff and Retry-After', () => {
  it('doubles from the minimum up to the maximum, with jitter between half and all of it', () => {
    const p = { retries: 5, minTimeoutMs: 1000, maxTimeoutMs: 30_000 };
    expect([0, 1, 2, 5, 9].map((a) => backoffMs(p, a, () => 1))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
    expect(backoffMs(p, 1, () => 0)).toBe(1000);
  });

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterS('3')).toBe(3);
    expect(retryAfterS(null)).toBeNull();
    expect(retryAfterS('soon')).toBeNull();
    expect(retryAfterS(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10);
  });
});
