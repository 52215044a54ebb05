/** Answers kept a few seconds for others asking the same question: when they are reused, and when they are not. */
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/chat/answer-cache.ts';

function cache(version = { v: '1' }, ttlMs = 5000, entries = 500) {
  return { version, cache: new AnswerCache({ version: () => Promise.resolve(version.v), ttlMs, entries }) };
}

/** A computation that counts its runs and returns `{ n }` (the run's number). */
function counter(keep = true) {
  let runs = 0;
  return {
    runs: () => runs,
    compute: () => {
      runs++;
      return Promise.resolve({ value: { n: runs, items: [{ text: 'x' }] }, keep });
    },
  };
}

describe('AnswerCache', () => {
  it('gives the same question in the same zone its kept answer within the time to live, by the asker\'s clock', async () => {
    const { cache: c } = cache();
    const k = counter();
    expect(await c.get('UTC\u0000/deadlines SG20', 1_000, k.compute)).toMatchObject({ n: 1 });
    expect(await c.get('UTC\u0000/deadlines SG20', 5_999, k.compute)).toMatchObject({ n: 1 });
    expect(k.runs()).toBe(1);
    expect(c.hits).toBe(1);
    // Five seconds on, it is answered again.
    expect(await c.get('UTC\u0000/deadlines SG20', 6_000, k.compute)).toMatchObject({ n: 2 });
  });

  it('answers again once the versions changed (a document stored, the roster changed)', async () => {
    const { cache: c, version } = cache();
    const k = counter();
    await c.get('q', 0, k.compute);
    version.v = '2';
    expect(await c.get('q', 1, k.compute)).toMatchObject({ n: 2 });
    expect(await c.get('q', 2, k.compute)).toMatchObject({ n: 2 });
  });

  it('never shares an answer its computation says is the asker\'s own', async () => {
    const { cache: c } = cache();
    const k = counter(false);
    await c.get('subscribe SG20', 0, k.compute);
    await c.get('subscribe SG20', 1, k.compute);
    expect(k.runs()).toBe(2);
    expect(c.size).toBe(0);
  });

  it('computes once for questions asked while the same one is being answered', async () => {
    const { cache: c } = cache();
    let release: () => void = () => undefined;
    let runs = 0;
    const slow = () => {
      runs++;
      return new Promise<{ value: number; keep: boolean }>((resolve) => (release = () => resolve({ value: 42, keep: true })));
    };
    const first = c.get('q', 0, slow);
    await new Promise((r) => setTimeout(r, 5));
    const second = c.get('q', 0, slow);
    await new Promise((r) => setTimeout(r, 5));
    release();
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(runs).toBe(1);
  });

  it('keeps no failed answer, and a computation that is not to be shared is not given to those waiting for it', async () => {
    const { cache: c } = cache();
    await expect(c.get('q', 0, () => Promise.reject(new Error('redis down')))).rejects.toThrow('redis down');
    const k = counter();
    expect(await c.get('q', 0, k.compute)).toMatchObject({ n: 1 });

    let release: () => void = () => undefined;
    const own = c.get('mine', 0, () => new Promise<{ value: string; keep: boolean }>((resolve) => (release = () => resolve({ value: 'alice', keep: false }))));
    await new Promise((r) => setTimeout(r, 5));
    const other = c.get('mine', 0, () => Promise.resolve({ value: 'bob', keep: false }));
    release();
    expect(await Promise.all([own, other])).toEqual(['alice', 'bob']);
  });

  it('computes every time when the versions cannot be read', async () => {
    const c = new AnswerCache({ version: () => Promise.reject(new Error('no redis')) });
    const k = counter();
    await c.get('q', 0, k.compute);
    await c.get('q', 0, k.compute);
    expect(k.runs()).toBe(2);
  });

  it('freezes a kept answer, so that no asker can change what another is given', async () => {
    const { cache: c } = cache();
    const got = await c.get('q', 0, counter().compute);
    expect(() => {
      (got.items[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it('keeps at most its number of answers, the oldest leaving first', async () => {
    const { cache: c } = cache({ v: '1' }, 5000, 3);
    const k = counter();
    for (const q of ['a', 'b', 'c', 'd']) await c.get(q, 0, k.compute);
    expect(c.size).toBe(3);
    await c.get('a', 0, k.compute);
    expect(k.runs()).toBe(5);
  });
});
