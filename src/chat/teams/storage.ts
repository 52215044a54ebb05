/**
 * The Agents SDK's `Storage` (turn and conversation state of `AgentApplication`) in Redis, so that every replica
 * sees the same state and nothing grows in process memory. Keys live under `${prefix}:teams:store:` and expire
 * after `ttlS` without a write. Optimistic concurrency as in the SDK's MemoryStorage: a write whose `eTag` is set
 * (and not `*`) must match the stored one.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from '@microsoft/agents-hosting';
import type { Redis } from 'ioredis';

/** Default lifetime of a state item without writes: 30 days. */
export const STATE_TTL_S = 30 * 86_400;

/** A write refused because the item changed since it was read (eTag mismatch). */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage conflict on "${key}": it was changed since it was read.`);
    this.name = 'StorageConflictError';
  }
}

// KEYS[1] item; ARGV[1] new JSON, ARGV[2] expected eTag ('' or '*' = any), ARGV[3] ttl s. 0 = conflict.
const WRITE = `
local cur = redis.call('GET', KEYS[1])
if cur and ARGV[2] ~= '' and ARGV[2] ~= '*' then
  local ok, item = pcall(cjson.decode, cur)
  if not ok or item['eTag'] ~= ARGV[2] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[3]))
return 1`;

/** `Storage` on Redis. */
export class RedisStorage implements Storage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlS = STATE_TTL_S,
  ) {}

  private key(k: string): string {
    return `${this.prefix}:teams:store:${k}`;
  }

  async read(keys: string[]): Promise<StoreItem> {
    if (!keys || keys.length === 0) throw new ReferenceError('Keys are required when reading.');
    const values = await this.redis.mget(keys.map((k) => this.key(k)));
    const out: StoreItem = {};
    keys.forEach((k, i) => {
      const v = values[i];
      if (v) out[k] = JSON.parse(v) as unknown;
    });
    return out;
  }

  async write(changes: StoreItem): Promise<void> {
    if (!changes || Object.keys(changes).length === 0) throw new ReferenceError('Changes are required when writing.');
    for (const [k, item] of Object.entries(changes) as Array<[string, StoreItem]>) {
      const expected = typeof item.eTag === 'string' ? item.eTag : '';
      const next = JSON.stringify({ ...item, eTag: randomUUID() });
      const ok = await this.redis.eval(WRITE, 1, this.key(k), next, expected, String(this.ttlS));
      if (ok !== 1) throw new StorageConflictError(k);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.key(k)));
  }
}
