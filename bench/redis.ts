/**
 * A private redis-server for one bench run: a free loopback port, no persistence (`--save '' --appendonly no`), a
 * chosen `hz` (Redis's timer frequency, which bounds how late a blocked BullMQ worker wakes for a delayed job), in a
 * temporary directory, as a child process (never daemonized), stopped with the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sleep } from './util.ts';

export interface BenchRedis {
  url: string;
  port: number;
  hz: number;
  version: string;
  /** `INFO memory` used_memory, bytes. */
  usedMemory(): Promise<number>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Start redis-server (from PATH) with `hz`; resolves once it answers PING. */
export async function startRedis(opts: { hz: number }): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'sgbot-bench-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir, '--hz', String(opts.hz), '--maxmemory-policy', 'noeviction', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      await client.connect();
      await client.ping();
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > end) throw new Error(`redis-server did not start on port ${port}: ${stderr.trim() || `exit ${child.exitCode}`}`);
      client.disconnect();
      await sleep(25);
    }
  }
  const info = await client.info('server');
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  const hz = Number(/(?:^|\n)hz:(\d+)/.exec(info)?.[1] ?? opts.hz);
  return {
    url,
    port,
    hz,
    version,
    async usedMemory() {
      const mem = await client.info('memory');
      return Number(/used_memory:(\d+)/.exec(mem)?.[1] ?? 0);
    },
    async stop() {
      client.disconnect();
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
