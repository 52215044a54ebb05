/**
 * Raw messages, kept before anything is parsed: a mail from IMAP or an archive is written here first, then an ingest
 * job parses it. If parsing fails or the process dies, the bytes are still here, so nothing is ever lost and a retry
 * can start again from them. Ids are content hashes, so the same bytes stored twice are stored once.
 */
import { z } from 'zod';
import { readStored } from '../core/records.ts';
import { createHash } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';

/** Where a raw message came from. */
export type RawOrigin =
  | { type: 'imap'; account: string; mailbox: string; uid: number; uidValidity: string }
  | { type: 'mbox'; path: string; offset: number }
  | { type: 'maildir'; path: string }
  | { type: 'file'; path: string };

/** What became of a raw message. */
export type RawState = 'queued' | 'done' | 'partial' | 'quarantined';

/** Everything known about a raw message except its bytes. */
export interface RawMeta {
  /** First 24 hex digits of the sha256 of the bytes. */
  id: string;
  size: number;
  /** Whether the whole message is kept (one over the size limit keeps only its origin, and its head if it was cut). */
  kept: boolean;
  receivedAt: string;
  origin: RawOrigin;
  state: RawState;
  /** Ids of the documents stored from it. */
  docs: string[];
  /** Attempts to parse it so far. */
  attempts: number;
}

const rawMetaSchema: z.ZodType<RawMeta> = z.looseObject({
  id: z.string(),
  size: z.number(),
  kept: z.boolean(),
  receivedAt: z.string(),
  origin: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('imap'), account: z.string(), mailbox: z.string(), uid: z.number(), uidValidity: z.string() }),
    z.looseObject({ type: z.literal('mbox'), path: z.string(), offset: z.number() }),
    z.looseObject({ type: z.literal('maildir'), path: z.string() }),
    z.looseObject({ type: z.literal('file'), path: z.string() }),
  ]),
  state: z.enum(['queued', 'done', 'partial', 'quarantined']),
  docs: z.array(z.string()),
  attempts: z.number(),
});

/** Largest head of a cut message that is kept. */
const HEAD_LIMIT = 1024 * 1024;

/** sha256-based id of raw bytes. */
export function rawId(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 24);
}

/** Raw message bytes and their metadata, under the store's prefix. */
export class RawStore {
  readonly redis: Redis;
  readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /**
   * Keep `raw` (unless it is larger than `maxBytes` or was cut by its reader, when only its metadata is kept) and
   * return its id. Storing the same bytes again changes nothing and returns `fresh: false`.
   *
   * The bytes, the index entry and the record are written in one transaction, the record last and only if there is
   * none: never a record that says "kept" without its bytes, which ingest would take for a message over the size
   * limit (the fault suite lost a mail that way).
   */
  async put(raw: Buffer, origin: RawOrigin, opts: { maxBytes: number; now?: Date; truncatedFrom?: number }): Promise<{ meta: RawMeta; fresh: boolean }> {
    const id = rawId(raw);
    // A reader that cut an oversized message (`truncatedFrom` = its real size) gives only its beginning: never kept.
    const kept = opts.truncatedFrom === undefined && raw.length <= opts.maxBytes;
    const meta: RawMeta = {
      id,
      size: opts.truncatedFrom ?? raw.length,
      kept,
      receivedAt: (opts.now ?? new Date()).toISOString(),
      origin,
      state: 'queued',
      docs: [],
      attempts: 0,
    };
    const m = this.redis.multi();
    // The head of a cut message is kept too (it names the mail in the quarantine); a huge uncut one is not. Ids are
    // content hashes, so writing the same bytes again (a second put, another replica) changes nothing.
    if (kept || (opts.truncatedFrom !== undefined && raw.length <= HEAD_LIMIT)) m.set(this.key(`raw:${id}`), raw);
    m.zadd(this.key('raws'), 'NX', Date.parse(meta.receivedAt), id);
    m.set(this.key(`rawmeta:${id}`), JSON.stringify(meta), 'NX');
    const replies = await m.exec();
    const failed = replies?.find(([err]) => err !== null)?.[0];
    if (!replies || failed) throw failed ?? new Error(`Redis did not store raw message ${id}.`);
    const claimed = replies.at(-1)?.[1] ?? null;
    if (claimed === null) {
      const existing = await this.meta(id);
      if (existing) return { meta: existing, fresh: false };
    }
    return { meta, fresh: true };
  }

  /** The bytes of a raw message, or `null` when they were not kept. */
  async bytes(id: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.key(`raw:${id}`));
  }

  /**
   * Metadata and bytes of a raw message in one round trip: `meta` `null` when there is no such message, `bytes`
   * `null` when they were not kept.
   */
  async load(id: string): Promise<{ meta: RawMeta | null; bytes: Buffer | null }> {
    const replies = await this.redis.pipeline().get(this.key(`rawmeta:${id}`)).getBuffer(this.key(`raw:${id}`)).exec();
    const failed = replies?.find(([err]) => err !== null)?.[0];
    if (!replies || failed) throw failed ?? new Error(`Redis did not read raw message ${id}.`);
    const meta = replies[0]?.[1] as string | null;
    return { meta: meta ? readStored(rawMetaSchema, meta, `raw message record ${id}`) : null, bytes: (replies[1]?.[1] as Buffer | null) ?? null };
  }

  /** Metadata of a raw message, or `null`. */
  async meta(id: string): Promise<RawMeta | null> {
    const s = await this.redis.get(this.key(`rawmeta:${id}`));
    return s ? readStored(rawMetaSchema, s, `raw message record ${id}`) : null;
  }

  /**
   * Record the outcome of a parse attempt. `known` is the record as the caller read it before the attempt (saves
   * reading it again); without it the record is read first. `also` adds writes (on this store's connection) that
   * are made in the same transaction, so in the same round trip: the quarantine entry of the message.
   */
  async settle(id: string, state: RawState, docs: string[], known?: RawMeta, also?: (m: ChainableCommander) => void): Promise<void> {
    const meta = known ? { ...known } : await this.meta(id);
    if (!meta) {
      if (also) await execAll(this.redis.multi(), also, id);
      return;
    }
    meta.state = state;
    meta.docs = [...new Set(docs)];
    meta.attempts += 1;
    if (!also) {
      await this.redis.set(this.key(`rawmeta:${id}`), JSON.stringify(meta));
      return;
    }
    await execAll(this.redis.multi(), (m) => {
      also(m);
      m.set(this.key(`rawmeta:${id}`), JSON.stringify(meta));
    }, id);
  }

  /** Number of raw messages kept (or recorded). */
  async count(): Promise<number> {
    return this.redis.zcard(this.key('raws'));
  }
}

/** Runs the writes `build` adds to transaction `m`; throws the first command's error. */
async function execAll(m: ChainableCommander, build: (m: ChainableCommander) => void, id: string): Promise<void> {
  build(m);
  const replies = await m.exec();
  const failed = replies?.find(([err]) => err !== null)?.[0];
  if (!replies || failed) throw failed ?? new Error(`Redis did not record the outcome of raw message ${id}.`);
}
