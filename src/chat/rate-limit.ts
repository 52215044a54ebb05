/**
 * Per-user rate limits shared by the chat adapters: a one-minute window per user that starts at their first
 * command (SET NX EX + INCR, atomic, in one script), and the polite replies a channel gives when a user is over the limit or
 * something failed.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { noAnswer, type Reply } from '../core/command.ts';
import { isSgbotError } from '../core/errors.ts';

/** Result of counting one command against a user's limit. */
export interface RateCount {
  allowed: boolean;
  count: number;
  /** True for the first refused command of a window, so that the polite notice is sent once, not per message. */
  firstRefusal: boolean;
  /** Seconds until the window ends. */
  retryAfterS: number;
}

// The window's counter, atomically: started at the first command of a minute, counted, and its time left. A script
// rather than MULTI: every chat message runs it, and ioredis's pipeline objects outlive minor GCs.
const COUNT = `redis.call('SET', KEYS[1], '0', 'EX', 60, 'NX')
local n = redis.call('INCR', KEYS[1])
return {n, redis.call('PTTL', KEYS[1])}`;
const COUNT_SHA = createHash('sha1').update(COUNT).digest('hex');

/**
 * Count one command under `key` (one key per user) against `perMinute`.
 *
 * @example (await countPerMinute(redis, 'sgbot:slack:rate:U1', 20)).allowed
 */
export async function countPerMinute(redis: Redis, key: string, perMinute: number): Promise<RateCount> {
  let res: [number, number];
  try {
    res = (await redis.evalsha(COUNT_SHA, 1, key)) as [number, number];
  } catch (err) {
    if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
    res = (await redis.eval(COUNT, 1, key)) as [number, number];
  }
  const count = Number(res[0] ?? 0);
  const pttl = Number(res[1] ?? 60_000);
  return { allowed: count <= perMinute, count, firstRefusal: count === perMinute + 1, retryAfterS: Math.max(1, Math.ceil(pttl / 1000)) };
}

/** The polite refusal when a user asks faster than the limit. */
export function rateLimitedReply(count: RateCount, limit: number): Reply {
  return noAnswer(
    'E_NO_ANSWER',
    `You're asking faster than I answer: at most ${limit} questions a minute. Please try again in ${count.retryAfterS} s.`,
    ['The limit keeps sgbot responsive for everyone in the workspace.'],
    { rateLimited: true, retryAfterS: count.retryAfterS },
  );
}

/** The reply for an unexpected failure: what happened in words, and a reference to find it in the logs. */
export function failureReply(err: unknown, ref: string): Reply {
  if (isSgbotError(err)) return noAnswer('E_NO_ANSWER', err.message, [`Reference: ${ref}.`]);
  return noAnswer('E_NO_ANSWER', 'Sorry, something went wrong while answering.', [`It has been logged (reference ${ref}); please try again in a minute.`]);
}
