/** The Agents SDK's Storage on Redis (state shared by replicas), and the adapter's conversation references. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TeamsState } from '../../src/chat/teams/state.ts';
import { RedisStorage, StorageConflictError } from '../../src/chat/teams/storage.ts';
import { uniquePrefix } from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('teams-storage');
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
});

afterAll(async () => {
  await redis?.quit();
});

describe('RedisStorage', () => {
  it('writes, reads and deletes items under the prefix, with an eTag and an expiry', async () => {
    const storage = new RedisStorage(redis, prefix, 120);
    await storage.write({ 'msteams/conversations/a:1': { count: 1 }, 'msteams/users/u1': { name: 'Ada' } });
    const read = await storage.read(['msteams/conversations/a:1', 'msteams/users/u1', 'missing']);
    expect(read['msteams/conversations/a:1']).toMatchObject({ count: 1, eTag: expect.any(String) as unknown });
    expect(read['msteams/users/u1']).toMatchObject({ name: 'Ada' });
    expect(read).not.toHaveProperty('missing');
    const ttl = await redis.ttl(`${prefix}:teams:store:msteams/users/u1`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await storage.delete(['msteams/users/u1']);
    expect(await storage.read(['msteams/users/u1'])).toEqual({});
  });

  it('refuses a write based on a stale read (eTag), accepts "*" and a fresh eTag', async () => {
    const storage = new RedisStorage(redis, prefix);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k']))['k'] as { v: number; eTag: string };
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
    expect(((await storage.read(['k']))['k'] as { v: number }).v).toBe(2);
    await storage.write({ k: { v: 4, eTag: '*' } });
    const fresh = (await storage.read(['k']))['k'] as { v: number; eTag: string };
    expect(fresh.v).toBe(4);
    await storage.write({ k: { ...fresh, v: 5 } });
    expect(((await storage.read(['k']))['k'] as { v: number }).v).toBe(5);
  });

  it('rejects empty reads and writes as the SDK storages do', async () => {
    const storage = new RedisStorage(redis, prefix);
    await expect(storage.read([])).rejects.toThrow(/Keys are required/);
    await expect(storage.write({})).rejects.toThrow(/Changes are required/);
  });
});

describe('TeamsState conversations', () => {
  it('keeps a reference without its activity id, without expiry, and forgets it on request', async () => {
    const state = new TeamsState(redis, prefix);
    const reference = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: '19:abc@thread.tacv2;messageid=1' }, activityId: '1', agent: { id: '28:bot' } };
    await state.saveConversation({ reference, tenantId: 't1', kind: 'channel', updatedAt: '2026-07-01T00:00:00.000Z' });
    expect(await redis.ttl(`${prefix}:teams:conv:19:abc@thread.tacv2;messageid=1`)).toBe(-1);
    const stored = await state.loadConversation('19:abc@thread.tacv2;messageid=1');
    expect(stored).toEqual({ reference: { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: '19:abc@thread.tacv2;messageid=1' }, agent: { id: '28:bot' } }, tenantId: 't1', kind: 'channel', updatedAt: '2026-07-01T00:00:00.000Z' });
    await state.deleteConversation('19:abc@thread.tacv2;messageid=1');
    expect(await state.loadConversation('19:abc@thread.tacv2;messageid=1')).toBeNull();
  });

  it('counts questions per user in a one-minute window', async () => {
    const state = new TeamsState(redis, prefix);
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await state.countCommand('aad-rate', 2));
    expect(counts.map((c) => [c.allowed, c.firstRefusal])).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(counts[3]?.retryAfterS).toBeGreaterThan(50);
    expect((await state.countCommand('aad-other', 2)).allowed).toBe(true);
  });
});
