/**
 * The error catalogue: every delivery failure is an SgbotError whose code says whether retrying can help, with the
 * wait a platform asked for; the chat platforms' one retry loop gives up the same way for every platform.
 */
import { describe, expect, it } from 'vitest';
import { withRetries } from '../../src/chat/retry.ts';
import { SlackDeliveryError } from '../../src/chat/slack/response-url.ts';
import { TeamsDeliveryError } from '../../src/chat/teams/deliver.ts';
import { ERROR_CODES, isSgbotError } from '../../src/core/errors.ts';
import { ChatDeliveryError } from '../../src/core/platform.ts';
import { isPermanent, RetryLaterError } from '../../src/reminders/deliver.ts';

describe('the error catalogue', () => {
  it('says of every code whether a retry can help', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) expect(typeof entry.retryable, code).toBe('boolean');
  });

  it('makes every delivery failure an SgbotError, permanent or not as it was refused', () => {
    const temporary = new ChatDeliveryError('rate limited', false, 3000);
    expect(isSgbotError(temporary, 'E_CHAT_DELIVERY')).toBe(true);
    expect([temporary.retryable, temporary.retryAfterMs, isPermanent(temporary)]).toEqual([true, 3000, false]);
    expect(isPermanent(new ChatDeliveryError('channel_not_found', true))).toBe(true);
    const later = new RetryLaterError('all channels busy', 1500);
    expect([later.code, later.retryable, later.retryAfterMs]).toEqual(['E_RETRY_LATER', true, 1500]);
    expect(isSgbotError(new TeamsDeliveryError('gave up', 500, 4), 'E_TEAMS_DELIVERY')).toBe(true);
    expect(isSgbotError(new SlackDeliveryError('gave up', 500, 4), 'E_SLACK_DELIVERY')).toBe(true);
  });
});

describe('withRetries', () => {
  const policy = { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 2 };
  const opts = {
    policy,
    platform: 'Example',
    failureOf: (err: unknown) => (err as { failure: { status: number | null; retryAfter: string | null; detail: string } }).failure,
    fail: (message: string, status: number | null, attempts: number) => Object.assign(new Error(message), { status, attempts }),
  };
  const failing = (...failures: Array<{ status: number | null; retryAfter?: string }>) => {
    let n = 0;
    return () => {
      const f = failures[n++];
      return f ? Promise.reject(Object.assign(new Error('failed'), { failure: { status: f.status, retryAfter: f.retryAfter ?? null, detail: `HTTP ${f.status ?? 'none'}` } })) : Promise.resolve('sent');
    };
  };

  it('retries 5xx, 429 and no answer, then succeeds', async () => {
    await expect(withRetries(failing({ status: 503 }, { status: 429, retryAfter: '0' }, { status: null }), opts)).resolves.toBe('sent');
  });

  it('fails at once on a refusal, and on a wait longer than a minute', async () => {
    await expect(withRetries(failing({ status: 403 }), opts)).rejects.toMatchObject({ message: 'Example refused the message (HTTP 403); retrying will not help.', status: 403, attempts: 1 });
    await expect(withRetries(failing({ status: 429, retryAfter: '120' }), opts)).rejects.toMatchObject({ status: 429, attempts: 1, message: expect.stringContaining('asks to wait 120 s') as unknown });
  });

  it('gives up after its retries', async () => {
    await expect(withRetries(failing({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }), opts)).rejects.toMatchObject({ message: 'Could not deliver to Example after 4 attempt(s): HTTP 500', attempts: 4 });
  });
});
