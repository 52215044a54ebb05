/**
 * The per-user chat limit on real Redis: a one-minute window from the first command, counted atomically by one
 * script; the first refusal is flagged once.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countPerMinute } from '../../src/chat/rate-limit.ts';

const redisUrl = inject('redisUrl');
const key = `it-rate-${process.pid}:U1`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  await redis.del(key);
  await redis.quit();
});

describe('countPerMinute', () => {
  it('allows up to the limit in a window, then refuses, flagging the first refusal only', async () => {
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await countPerMinute(redis, key, 2));
    expect(counts.map((c) => [c.count, c.allowed, c.firstRefusal])).toEqual([
      [1, true, false],
      [2, true, false],
      [3, false, true],
      [4, false, false],
    ]);
    expect(counts[3]?.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(counts[3]?.retryAfterS).toBeLessThanOrEqual(60);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
  });
});
