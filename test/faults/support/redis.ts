/**
 * A private redis-server for one fault scenario (test/support/redis-server.ts), that can be killed (SIGKILL: no
 * shutdown save) and started again on the same port and folder. With `aof: true` it runs `--appendonly yes
 * --appendfsync always`, so every write Redis acknowledged is on disk before the reply and survives the kill.
 */
import { startRedisServer } from '../../support/redis-server.ts';
import { sleep } from './common.ts';
import type { Rng } from './rng.ts';

export interface PrivateRedis {
  port: number;
  url: string;
  dir: string;
  /** SIGKILL the server; resolves once it is gone. */
  kill(): Promise<void>;
  /** Start it again on the same port and folder (it reloads its AOF); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stop it and delete its folder. */
  stop(): Promise<void>;
}

export async function startRedis(opts: { aof: boolean; name: string }): Promise<PrivateRedis> {
  const server = await startRedisServer({ name: `faults-${opts.name}`, persistence: opts.aof ? 'always' : 'none', timeoutMs: 30_000 });
  return { port: server.port, url: server.url, dir: server.dir, kill: () => server.kill(), start: () => server.start(), stop: () => server.remove() };
}

/** A fault for atPoints: kill Redis, leave it down a random 0.5–3 s, start it again. */
export function restartRedis(redis: PrivateRedis, rng: Rng, total: number) {
  return async (at: number): Promise<string> => {
    await redis.kill();
    const down = rng.between(500, 3000);
    await sleep(down);
    await redis.start();
    return `redis kill -9 at ${at}/${total}, down ${(down / 1000).toFixed(1)} s`;
  };
}
