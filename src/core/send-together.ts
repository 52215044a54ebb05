/** Commands sent together in one write without a pipeline object (see {@link sendTogether}). */
import type { Redis } from 'ioredis';

/**
 * Commands sent together, as a pipeline would send them: in one write (the connection's socket is corked while
 * `issue` queues them) and answered in order; the replies, or the first command's error. Reads on the answer paths go
 * this way rather than through `redis.pipeline()`: ioredis gives each Pipeline object its own `length` accessor,
 * which keeps the pipeline, its commands and their replies alive through every minor GC until the next full one, so
 * each scavenge copied and promoted megabytes of answers already given (6–30 ms pauses).
 */
export function sendTogether<T extends readonly unknown[]>(redis: Redis, issue: () => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const stream = redis.stream as Redis['stream'] | undefined;
  const cork = stream?.writable === true;
  if (cork) stream.cork();
  try {
    return Promise.all(issue());
  } finally {
    if (cork) stream.uncork();
  }
}
