/**
 * What every figure gets from the runner: the private Redis, the run's options, a way to force a GC, and fresh key
 * prefixes and Redis connections (closed by the runner).
 */
import { Redis } from 'ioredis';
import type { BenchRedis } from './redis.ts';

export interface BenchEnv {
  redis: BenchRedis;
  quick: boolean;
  seed: number;
  /** A full GC, when it could be enabled; `null` otherwise. */
  gc: (() => void) | null;
  /** A new connection to the bench Redis (closed at the end of the run). */
  connect(opts?: { bullmq?: boolean }): Redis;
  /** A key prefix nobody else uses in this run. */
  prefix(name: string): string;
  /** Progress on stderr, so stdout keeps only the table. */
  log(msg: string): void;
}

export function createEnv(redis: BenchRedis, opts: { quick: boolean; seed: number; gc: (() => void) | null }): BenchEnv & { close(): Promise<void> } {
  const conns: Redis[] = [];
  let n = 0;
  const t0 = Date.now();
  return {
    redis,
    ...opts,
    connect(o = {}) {
      const c = new Redis(redis.url, o.bullmq ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 3 });
      c.on('error', () => undefined);
      conns.push(c);
      return c;
    },
    prefix: (name) => `bench-${name}-${++n}`,
    log: (msg) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`),
    async close() {
      await Promise.all(conns.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
