/**
 * The quarantine: every input that could not be read or parsed, in full or in part, with the reasons, so that the
 * secretariat can look at it and retry it. Nothing is silently dropped: a mail lands here with its raw bytes kept in
 * the {@link RawStore}, a file with its path.
 */
import { z } from 'zod';
import { readStored, readStoredOrNull } from '../core/records.ts';
import { createHash } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';

/** One reason an input (or one of its parts) could not be used. */
export interface QuarantineProblem {
  /** The part: "mail.eml#2 (annex.docx)", or the input itself. */
  name: string;
  /** Error code (`E_TOO_LARGE`, `E_BAD_DOCUMENT`…). */
  code: string;
  message: string;
}

/** A quarantined input. */
export interface QuarantineEntry {
  /** The raw message id for a mail; `file-…` for a file. */
  id: string;
  /** Name for people: a subject, a file name. */
  name: string;
  /** `true` when some of it was stored and only some parts failed. */
  partial: boolean;
  problems: QuarantineProblem[];
  /** When it was (last) quarantined, ISO. */
  at: string;
  /** The raw message to retry from, or `null` for a file. */
  rawId: string | null;
  /** The file to retry from, or `null` for a mail. */
  path: string | null;
}

const quarantineEntrySchema: z.ZodType<QuarantineEntry> = z.looseObject({
  id: z.string(),
  name: z.string(),
  partial: z.boolean(),
  problems: z.array(z.looseObject({ name: z.string(), code: z.string(), message: z.string() })),
  at: z.string(),
  rawId: z.string().nullable(),
  path: z.string().nullable(),
});

/** Stable quarantine id of a file path. */
export function fileEntryId(path: string): string {
  return `file-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}

/** Quarantined inputs under the store's prefix, newest first. */
export class Quarantine {
  readonly redis: Redis;
  readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /** Put (or replace) an entry. */
  async put(entry: QuarantineEntry): Promise<void> {
    await this.queuePut(this.redis.multi(), entry).exec();
  }

  /** Take an entry out (after a successful retry). */
  async release(id: string): Promise<void> {
    await this.queueRelease(this.redis.multi(), id).exec();
  }

  /** {@link Quarantine.put}'s writes, added to transaction `m` (on this quarantine's connection). */
  queuePut(m: ChainableCommander, entry: QuarantineEntry): ChainableCommander {
    return m.hset(this.key('quarantine'), entry.id, JSON.stringify(entry)).zadd(this.key('quarantine:at'), Date.parse(entry.at), entry.id);
  }

  /** {@link Quarantine.release}'s writes, added to transaction `m` (on this quarantine's connection). */
  queueRelease(m: ChainableCommander, id: string): ChainableCommander {
    return m.hdel(this.key('quarantine'), id).zrem(this.key('quarantine:at'), id);
  }

  /** One entry by id or by a unique id prefix, or `null`. */
  async get(idOrPrefix: string): Promise<QuarantineEntry | null> {
    const exact = await this.redis.hget(this.key('quarantine'), idOrPrefix);
    if (exact) return readStored(quarantineEntrySchema, exact, `quarantine entry ${idOrPrefix}`);
    if (idOrPrefix.length < 4) return null;
    const ids = (await this.redis.hkeys(this.key('quarantine'))).filter((id) => id.startsWith(idOrPrefix));
    if (ids.length !== 1 || !ids[0]) return null;
    return this.get(ids[0]);
  }

  /** Entries, newest first. */
  async list(limit = 100): Promise<QuarantineEntry[]> {
    const ids = await this.redis.zrevrange(this.key('quarantine:at'), 0, limit - 1);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key('quarantine'), ...ids);
    return raw.flatMap((x, i) => {
      const entry = x === null ? null : readStoredOrNull(quarantineEntrySchema, x, `quarantine entry ${ids[i] ?? ''}`);
      return entry ? [entry] : [];
    });
  }

  /** Number of entries. */
  async count(): Promise<number> {
    return this.redis.hlen(this.key('quarantine'));
  }
}
