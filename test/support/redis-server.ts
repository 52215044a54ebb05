/**
 * A private redis-server for a test that needs to stop, freeze or kill its Redis (the shared one of
 * test/setup/global-redis.ts must stay up): no persistence unless asked, in a temporary folder removed by `remove()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer as start, type RedisServer, type RedisServerOptions } from '../../src/embedded/redis-server.ts';

/** A running private redis-server; `remove()` kills it and deletes its folder. */
export type PrivateRedis = RedisServer & { remove(): Promise<void> };

/**
 * Start a redis-server in a new temporary folder and wait until it answers.
 *
 * @example const redis = await startRedisServer(); … await redis.kill(); … await redis.remove();
 */
export async function startRedisServer(opts: Omit<RedisServerOptions, 'dir'> & { name?: string } = {}): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), `sgbot-redis-${opts.name ?? 'test'}-`));
  const server = await start({ ...opts, dir });
  return Object.assign(server, {
    remove: async () => {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
