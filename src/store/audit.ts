/**
 * The audit log: every broadcast, reminder sent, subscription change and role change — who, what, when, to whom,
 * with what result — in a Redis stream under the prefix, newest last. Read with `sgbot audit` and the web console.
 */
import { jsonObjectSchema, readStoredOrNull } from '../core/records.ts';
import type { Redis } from 'ioredis';
import type { AuditEntry } from '../core/people.ts';

export type { AuditEntry } from '../core/people.ts';

/** The audit stream; it keeps about the latest `maxEntries` entries. */
export class AuditLog {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
    readonly maxEntries = 1_000_000,
  ) {}

  private get key(): string {
    return `${this.prefix}:audit`;
  }

  /** Record an entry; returns its stream id. */
  async record(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: Date }): Promise<string> {
    const at = (entry.at ?? new Date()).toISOString();
    const fields = ['at', at, 'who', entry.who, 'action', entry.action, 'target', entry.target, 'result', entry.result, 'details', JSON.stringify(entry.details ?? {})];
    return (await this.redis.xadd(this.key, 'MAXLEN', '~', String(this.maxEntries), '*', ...fields)) ?? '';
  }

  /** The latest entries, newest first, optionally only those whose action starts with `actionPrefix`. */
  async latest(limit = 50, actionPrefix?: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    let end = '+';
    while (out.length < limit) {
      const batch = await this.redis.xrevrange(this.key, end, '-', 'COUNT', 500);
      if (batch.length === 0) break;
      for (const [id, kv] of batch) {
        const f: Record<string, string> = {};
        for (let i = 0; i < kv.length; i += 2) f[kv[i] ?? ''] = kv[i + 1] ?? '';
        const e: AuditEntry = { id, at: f.at ?? '', who: f.who ?? '', action: f.action ?? '', target: f.target ?? '', result: f.result ?? '', details: readStoredOrNull(jsonObjectSchema, f.details ?? '{}', `details of audit entry ${id}`) ?? { unreadable: f.details ?? '' } };
        if (!actionPrefix || e.action.startsWith(actionPrefix)) out.push(e);
        if (out.length >= limit) break;
      }
      const last = batch[batch.length - 1]?.[0];
      if (!last || batch.length < 500) break;
      end = `(${last}`;
    }
    return out;
  }
}
