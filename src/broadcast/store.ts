/**
 * Broadcasts in Redis, under the instance prefix: the draft (what and to whom), its state (draft → confirmed or
 * cancelled, changed atomically), each target's delivery status, and the delivered markers that make delivery
 * idempotent (set once, after a target accepted the message, and checked before every send).
 *
 * Keys: `<prefix>:broadcast:<id>` (JSON), `…:<id>:state` (hash), `…:<id>:targets`, `…:<id>:delivered` and
 * `…:<id>:tried` (hashes by target key). All expire {@link KEEP_DAYS} days after the draft was made.
 */
import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Broadcast } from './compose.ts';
import { z } from 'zod';
import { readStored, readStoredOrNull } from '../core/records.ts';
import type { ReplyItem, SourceRef } from '../core/command.ts';

/** How long a broadcast and its delivery record are kept. */
export const KEEP_DAYS = 90;

export type BroadcastStateName = 'draft' | 'confirmed' | 'cancelled';

export interface BroadcastState {
  state: BroadcastStateName;
  /** Who confirmed or cancelled it (`slack:U0123`), `null` for a draft. */
  by: string | null;
  /** ISO date-time of that change. */
  at: string | null;
}

/** Where delivery to one target stands. */
export interface TargetStatus {
  state: 'pending' | 'delivered' | 'failed';
  /** Which round of sending: 0 from the confirmation, then 1, 2… for each `broadcast retry`. */
  attempt: number;
  /** ISO date-time of the last change. */
  at: string;
  /** Tries so far in this round (queue retries). */
  tries?: number;
  /** Why the last try failed, or why it waits (rate limited). */
  error?: string;
  /** The platform's id of the delivered message (Message-ID, Slack ts). */
  messageId?: string | null;
}

/** What the delivered marker keeps. */
export interface DeliveredMark {
  at: string;
  attempt: number;
  messageId: string | null;
}

const objectOf = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object');
const broadcastSchema: z.ZodType<Broadcast> = z.looseObject({
  id: z.string(),
  group: z.string(),
  announcement: z.looseObject({
    subject: z.string(),
    text: z.string(),
    items: z.array(objectOf<ReplyItem>()),
    source: objectOf<SourceRef>().nullable(),
    inReplyTo: z.string().nullable(),
    link: z.string().nullable(),
  }),
  targets: z.array(
    z.looseObject({ kind: z.string(), id: z.string(), key: z.string(), via: z.enum(['settings', 'subscription']), place: z.looseObject({ label: z.string(), noun: z.string() }).optional() }),
  ),
  createdBy: z.looseObject({ who: z.string(), person: z.string(), name: z.string() }),
  createdAt: z.string(),
});
const targetStatusSchema: z.ZodType<TargetStatus> = z.looseObject({
  state: z.enum(['pending', 'delivered', 'failed']),
  attempt: z.number(),
  at: z.string(),
  tries: z.number().optional(),
  error: z.string().optional(),
  messageId: z.string().nullable().optional(),
});
const deliveredMarkSchema: z.ZodType<DeliveredMark> = z.looseObject({ at: z.string(), attempt: z.number(), messageId: z.string().nullable() });

/** Letters and digits people cannot confuse (no 0/o, 1/l/i). */
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new broadcast id: 8 characters, e.g. `k3x9m2pq`. */
export function newBroadcastId(): string {
  return Array.from({ length: 8 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}

/** `true` for a string shaped like a broadcast id. */
export function isBroadcastId(s: string): boolean {
  return /^[a-z2-9]{8}$/.test(s);
}

// Compare-and-set of the state: only from the expected state.
const TRANSITION = `
local cur = redis.call('HGET', KEYS[1], 'state')
if cur ~= ARGV[1] then return cur or false end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'by', ARGV[3], 'at', ARGV[4])
return 'ok'`;

// A new round for a failed, undelivered target: its attempt number, or false.
const BEGIN_RETRY = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return false end
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local s = cjson.decode(raw)
if s.state ~= 'failed' then return false end
local attempt = (tonumber(s.attempt) or 0) + 1
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({state = 'pending', attempt = attempt, at = ARGV[2], tries = 0}))
return attempt`;

// Release a claim only when it is still ours.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Broadcast drafts, states and delivery records. */
export class BroadcastStore {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  private key(id: string, part = ''): string {
    return `${this.prefix}:broadcast:${id}${part ? `:${part}` : ''}`;
  }

  /** Keep a new draft. */
  async create(b: Broadcast): Promise<void> {
    const ttl = KEEP_DAYS * 86_400;
    await this.redis
      .multi()
      .set(this.key(b.id), JSON.stringify(b), 'EX', ttl, 'NX')
      .hset(this.key(b.id, 'state'), 'state', 'draft', 'by', '', 'at', '')
      .expire(this.key(b.id, 'state'), ttl)
      .exec();
  }

  async get(id: string): Promise<Broadcast | null> {
    const raw = await this.redis.get(this.key(id));
    return raw ? readStored(broadcastSchema, raw, `broadcast ${id}`) : null;
  }

  async state(id: string): Promise<BroadcastState | null> {
    const h = await this.redis.hgetall(this.key(id, 'state'));
    if (!h['state']) return null;
    return { state: h['state'] as BroadcastStateName, by: h['by'] || null, at: h['at'] || null };
  }

  /**
   * Move from `from` to `to` if the broadcast is in `from`; otherwise change nothing.
   *
   * @returns `true` when it moved, else the state it is in (`null` when there is no such broadcast)
   */
  async transition(id: string, from: BroadcastStateName, to: BroadcastStateName, by: string, at: Date): Promise<true | BroadcastStateName | null> {
    const r = (await this.redis.eval(TRANSITION, 1, this.key(id, 'state'), from, to, by, at.toISOString())) as string | null;
    return r === 'ok' ? true : ((r as BroadcastStateName | null) ?? null);
  }

  /** Mark targets pending (round 0), leaving those that already have a status. */
  async initTargets(id: string, targetKeys: readonly string[], at: Date): Promise<void> {
    const m = this.redis.multi();
    const status: TargetStatus = { state: 'pending', attempt: 0, at: at.toISOString(), tries: 0 };
    for (const k of targetKeys) m.hsetnx(this.key(id, 'targets'), k, JSON.stringify(status));
    m.expire(this.key(id, 'targets'), KEEP_DAYS * 86_400);
    await m.exec();
  }

  async setStatus(id: string, targetKey: string, status: TargetStatus): Promise<void> {
    await this.redis.hset(this.key(id, 'targets'), targetKey, JSON.stringify(status));
  }

  /** Status of every target; a delivered marker wins over whatever the status says. */
  async statuses(id: string): Promise<Map<string, TargetStatus>> {
    const [targets, delivered] = await Promise.all([this.redis.hgetall(this.key(id, 'targets')), this.redis.hgetall(this.key(id, 'delivered'))]);
    const out = new Map<string, TargetStatus>();
    // One unreadable status hides only its own target's.
    for (const [k, raw] of Object.entries(targets)) {
      const status = readStoredOrNull(targetStatusSchema, raw, `status of ${k} in broadcast ${id}`);
      if (status) out.set(k, status);
    }
    for (const [k, raw] of Object.entries(delivered)) {
      const mark = readStoredOrNull(deliveredMarkSchema, raw, `delivered marker of ${k} in broadcast ${id}`);
      if (!mark) continue;
      out.set(k, { state: 'delivered', attempt: mark.attempt, at: mark.at, messageId: mark.messageId });
    }
    return out;
  }

  async status(id: string, targetKey: string): Promise<TargetStatus | null> {
    const raw = await this.redis.hget(this.key(id, 'targets'), targetKey);
    return raw ? readStored(targetStatusSchema, raw, `status of ${targetKey} in broadcast ${id}`) : null;
  }

  /** The delivered marker of a target, or `null` when it has not been delivered. */
  async delivered(id: string, targetKey: string): Promise<DeliveredMark | null> {
    const raw = await this.redis.hget(this.key(id, 'delivered'), targetKey);
    return raw ? readStored(deliveredMarkSchema, raw, `delivered marker of ${targetKey} in broadcast ${id}`) : null;
  }

  /** Set the delivered marker (once); `false` when it was already set. Also records the status. */
  async markDelivered(id: string, targetKey: string, mark: DeliveredMark): Promise<boolean> {
    const [[, fresh]] = (await this.redis
      .multi()
      .hsetnx(this.key(id, 'delivered'), targetKey, JSON.stringify(mark))
      .expire(this.key(id, 'delivered'), KEEP_DAYS * 86_400)
      .hset(this.key(id, 'targets'), targetKey, JSON.stringify({ state: 'delivered', attempt: mark.attempt, at: mark.at, messageId: mark.messageId } satisfies TargetStatus))
      .exec()) as [[null, number], ...unknown[]];
    return fresh === 1;
  }

  /**
   * Note that a chat post to `targetKey` is about to be tried at `atMs` (epoch ms), unless an earlier try was noted:
   * a try killed in flight leaves no other trace, so the next one knows from this to look for its message.
   *
   * @returns when the first try began (epoch ms), or `null` when this is the first
   */
  async noteTry(id: string, targetKey: string, atMs: number): Promise<number | null> {
    const [[, fresh], [, first]] = (await this.redis
      .multi()
      .hsetnx(this.key(id, 'tried'), targetKey, String(atMs))
      .hget(this.key(id, 'tried'), targetKey)
      .expire(this.key(id, 'tried'), KEEP_DAYS * 86_400)
      .exec()) as [[null, number], [null, string | null], ...unknown[]];
    return fresh === 1 ? null : Number(first);
  }

  /**
   * Claim the sending of `targetKey` for `holder` (a job id) for at most `ttlMs`, so that two jobs for one target
   * (a job taken again after its worker stalled, a stray duplicate) never send at the same time.
   */
  async claimSending(id: string, targetKey: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(id, `sending:${targetKey}`), holder, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async releaseSending(id: string, targetKey: string, holder: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(id, `sending:${targetKey}`), holder);
  }

  /** Start a new round for a failed target that was never delivered: its new attempt number, or `null`. */
  async beginRetry(id: string, targetKey: string, at: Date): Promise<number | null> {
    const r = (await this.redis.eval(BEGIN_RETRY, 2, this.key(id, 'targets'), this.key(id, 'delivered'), targetKey, at.toISOString())) as number | null;
    return typeof r === 'number' ? r : null;
  }
}
