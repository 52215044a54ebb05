import { describe, expect, it } from 'vitest';
import { answerQueue } from '../../src/chat/slack/answer-queue.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('answerQueue', () => {
  it('runs at most inFlight answers at once, the rest in order as slots free, and refuses beyond waiting', async () => {
    const q = answerQueue({ inFlight: 2, waiting: 2 });
    const started: number[] = [];
    const refused: number[] = [];
    const release = new Map<number, () => void>();
    const runs = [1, 2, 3, 4, 5].map((n) =>
      q.run(
        () =>
          new Promise<void>((resolve) => {
            started.push(n);
            release.set(n, resolve);
          }),
        () => {
          refused.push(n);
          return Promise.resolve();
        },
      ),
    );
    await tick();
    await tick();
    expect(started).toEqual([1, 2]);
    expect(refused).toEqual([5]);
    expect(q.size).toEqual({ running: 2, waiting: 2 });
    release.get(1)?.();
    await tick();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    for (const n of [2, 3]) release.get(n)?.();
    await tick();
    await tick();
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    release.get(4)?.();
    await Promise.all(runs);
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });

  it('starts even a first answer only after pending I/O (never inside the ack)', async () => {
    const q = answerQueue({ inFlight: 4, waiting: 10 });
    let ran = false;
    const run = q.run(
      () => {
        ran = true;
        return Promise.resolve();
      },
      () => Promise.resolve(),
    );
    expect(ran).toBe(false);
    await run;
    expect(ran).toBe(true);
  });
});
