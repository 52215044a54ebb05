/**
 * A private redis-server for one bench run: a free loopback port, no persistence (`--save '' --appendonly no`), a
 * chosen `hz` (Redis's timer frequency, which bounds how late a blocked BullMQ worker wakes for a delayed job), in a
 * temporary directory, as a child process (never daemonized), stopped with the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisServer } from '../src/embedded/redis-server.ts';

export interface BenchRedis {
  url: string;
  port: number;
  hz: number;
  version: string;
  /** `INFO memory` used_memory, bytes. */
  usedMemory(): Promise<number>;
  stop(): Promise<void>;
}

/** Start redis-server (from PATH) with `hz`; resolves once it answers PING. */
export async function startRedis(opts: { hz: number }): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'sgbot-bench-redis-'));
  const server = await startRedisServer({ dir, hz: opts.hz });
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  const info = await client.info('server');
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  const hz = Number(/(?:^|\n)hz:(\d+)/.exec(info)?.[1] ?? opts.hz);
  return {
    url: server.url,
    port: server.port,
    hz,
    version,
    async usedMemory() {
      const mem = await client.info('memory');
      return Number(/used_memory:(\d+)/.exec(mem)?.[1] ?? 0);
    },
    async stop() {
      client.disconnect();
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
