/**
 * The tick's pipeline that concurrent deliveries share (src/reminders/tick-batch.ts): callers of one tick go out in
 * one pipeline, each gets its own replies in order, and a failing command fails only its own caller.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tickBatch } from '../../src/reminders/tick-batch.ts';

const prefix = `it-rem-tick-${process.pid}`;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  await redis.set(`${prefix}:a`, 'A');
  await redis.hset(`${prefix}:h`, 'f', 'F');
});

afterAll(async () => {
  await redis.del(`${prefix}:a`, `${prefix}:h`, `${prefix}:n`);
  await redis.quit();
});

describe('tickBatch', () => {
  it('sends the commands of one tick in one pipeline and gives each caller its replies', async () => {
    const pipelines: unknown[] = [];
    const spy = new Proxy(redis, {
      get(target, key, receiver) {
        if (key !== 'pipeline') return Reflect.get(target, key, receiver) as unknown;
        return () => {
          const p = target.pipeline();
          pipelines.push(p);
          return p;
        };
      },
    });
    const [first, second, third] = await Promise.all([
      tickBatch(spy, (p) => (p.get(`${prefix}:a`).hget(`${prefix}:h`, 'f'), 2)),
      tickBatch(spy, (p) => (p.incr(`${prefix}:n`), 1)),
      tickBatch(spy, (p) => (p.mget(`${prefix}:a`, `${prefix}:missing`), 1)),
    ]);
    expect(pipelines).toHaveLength(1);
    expect(first).toEqual(['A', 'F']);
    expect(second).toEqual([1]);
    expect(third).toEqual([['A', null]]);
    // The next tick has a pipeline of its own.
    expect(await tickBatch(spy, (p) => (p.get(`${prefix}:n`), 1))).toEqual(['1']);
    expect(pipelines).toHaveLength(2);
  });

  it('fails only the caller whose command failed', async () => {
    const [bad, good] = await Promise.allSettled([
      tickBatch(redis, (p) => (p.hget(`${prefix}:a`, 'f'), 1)),
      tickBatch(redis, (p) => (p.get(`${prefix}:a`), 1)),
    ]);
    expect(bad.status).toBe('rejected');
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
    expect(good).toEqual({ status: 'fulfilled', value: ['A'] });
  });
});
