/**
 * Commands of many concurrent deliveries sent to Redis together: each caller adds its commands to the pipeline of the
 * current tick, and the pipeline goes out once the tick's other callers had their turn — one write to the socket and
 * one read of the replies instead of one per command. A caller gets its own replies, in order, or the first error
 * among them.
 */
import type { ChainableCommander, Redis } from 'ioredis';

interface Entry {
  count: number;
  resolve(replies: unknown[]): void;
  reject(err: unknown): void;
}

interface Batch {
  pipeline: ChainableCommander;
  entries: Entry[];
}

const open = new WeakMap<Redis, Batch>();

/**
 * Add commands to the tick's pipeline on `redis`: `add` queues them and returns how many it queued.
 *
 * @example const [acked, optedOut] = await tickBatch(redis, (p) => (p.hexists(acks, who).sismember(optOut, who), 2));
 */
export function tickBatch(redis: Redis, add: (pipeline: ChainableCommander) => number): Promise<unknown[]> {
  let batch = open.get(redis);
  if (!batch) {
    const created: Batch = { pipeline: redis.pipeline(), entries: [] };
    open.set(redis, created);
    process.nextTick(() => {
      open.delete(redis);
      void flush(created);
    });
    batch = created;
  }
  const count = add(batch.pipeline);
  return new Promise((resolve, reject) => batch.entries.push({ count, resolve, reject }));
}

async function flush(batch: Batch): Promise<void> {
  let replies: Array<[Error | null, unknown]>;
  try {
    replies = (await batch.pipeline.exec()) ?? [];
  } catch (err) {
    for (const e of batch.entries) e.reject(err);
    return;
  }
  let at = 0;
  for (const e of batch.entries) {
    const mine = replies.slice(at, at + e.count);
    at += e.count;
    const failed = mine.find(([err]) => err);
    if (failed || mine.length < e.count) e.reject(failed?.[0] ?? new Error('Redis did not answer every command of the batch'));
    else e.resolve(mine.map(([, v]) => v));
  }
}
