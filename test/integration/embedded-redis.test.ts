/**
 * resolveRedis against real redis-server processes: it uses a Redis that answers, starts a private one when the
 * default address is silent (keeping its data across restarts), refuses to replace a Redis the user named, says how
 * to install redis-server when there is none, and stops a private server left behind by a killed sgbot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { findRedisServer, isDefaultRedisUrl, resolveRedis, type ResolvedRedis } from '../../src/embedded/redis.ts';

const redisUrl = inject('redisUrl');
const dirs: string[] = [];
const started: ResolvedRedis[] = [];

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sgbot-embedded-'));
  dirs.push(d);
  return d;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const addr = srv.address();
  await new Promise((r) => srv.close(r));
  return typeof addr === 'object' && addr ? addr.port : 1;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitDead(pid: number, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !alive(pid);
}

async function withClient<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

afterEach(async () => {
  for (const r of started.splice(0)) await r.stop();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('resolveRedis', () => {
  it('knows the default address however it is written', () => {
    expect(isDefaultRedisUrl('redis://127.0.0.1:6379')).toBe(true);
    expect(isDefaultRedisUrl('redis://localhost')).toBe(true);
    expect(isDefaultRedisUrl('redis://localhost:6379/0')).toBe(true);
    expect(isDefaultRedisUrl('redis://127.0.0.1:6380')).toBe(false);
    expect(isDefaultRedisUrl('redis://db.example.org:6379')).toBe(false);
    expect(isDefaultRedisUrl('redis://:secret@127.0.0.1:6379')).toBe(false);
  });

  it('uses a Redis that answers and starts nothing', async () => {
    const r = await resolveRedis({ url: redisUrl, explicit: true, dataDir: dataDir() });
    expect(r).toMatchObject({ url: redisUrl, private: null });
  });

  it('starts a private redis-server when the default address is silent, and keeps its data for the next start', async () => {
    const dir = dataDir();
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const first = await resolveRedis({ url, explicit: false, dataDir: dir });
    started.push(first);
    expect(first.private).not.toBeNull();
    expect(first.url).not.toBe(url);
    const pid = first.private?.pid as number;
    expect(alive(pid)).toBe(true);
    expect(first.private?.dir).toBe(join(dir, 'redis'));
    await withClient(first.url, (c) => c.set('embedded:test', 'kept'));
    await first.stop();
    expect(await waitDead(pid)).toBe(true);

    const second = await resolveRedis({ url, explicit: false, dataDir: dir });
    started.push(second);
    expect(second.private?.pid).not.toBe(pid);
    expect(await withClient(second.url, (c) => c.get('embedded:test'))).toBe('kept');
  });

  it('refuses to replace a Redis the user named, and starts none', async () => {
    const dir = dataDir();
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const err = await resolveRedis({ url, explicit: true, dataDir: dir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE' });
    expect((err as Error).message).toContain(`REDIS_URL=${url} does not answer`);
    expect((err as Error).message).toContain('--private-redis');
    expect(findRedisServer()).not.toBeNull();
  });

  it('starts a private one when asked, whatever REDIS_URL says', async () => {
    const r = await resolveRedis({ url: redisUrl, explicit: true, mode: 'private', dataDir: dataDir() });
    started.push(r);
    expect(r.private).not.toBeNull();
    expect(r.url).not.toBe(redisUrl);
  });

  it('says how to install redis-server when there is none', async () => {
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const err = await resolveRedis({ url, explicit: false, dataDir: dataDir(), pathEnv: '', extraDirs: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_STORE' });
    const message = (err as Error).message;
    expect(message).toContain('no redis-server program was found');
    expect(message).toContain('sudo apt-get install -y redis-server');
    expect(message).toContain('brew install redis');
    expect(message).toContain('REDIS_URL');
  });

  it('stops a private server that an earlier, killed sgbot left running on the same files', async () => {
    const dir = dataDir();
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const orphan = await resolveRedis({ url, explicit: false, dataDir: dir });
    const orphanPid = orphan.private?.pid as number;
    // As if the parent had died without stopping it: start again on the same data directory.
    const next = await resolveRedis({ url, explicit: false, dataDir: dir });
    started.push(next, orphan);
    expect(await waitDead(orphanPid)).toBe(true);
    expect(alive(next.private?.pid as number)).toBe(true);
  });
});
