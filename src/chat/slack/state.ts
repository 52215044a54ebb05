/**
 * What the Slack adapter keeps in Redis, all under `${prefix}:slack:`: events already handled (Slack retries them),
 * request signatures already seen (replays), per-user command counters (rate limit), users' time zones, and answers
 * that may still be shared in channel. Every key expires.
 */
import { countPerMinute, type RateCount } from '../rate-limit.ts';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Reply } from '../../core/command.ts';
import { z } from 'zod';
import { readStoredOrNull } from '../../core/records.ts';

/** Seconds an event id is remembered: Slack retries for about 5 minutes (immediately, after 1 and 5 minutes). */
export const EVENT_TTL_S = 3600;
/** Seconds a Slack user's time zone is cached. */
export const ZONE_TTL_S = 86_400;
/** Seconds an answer can be shared in channel (a response_url lives 30 minutes; the stored answer a day). */
export const SHARE_TTL_S = 86_400;

/**
 * What the "Share in channel" button shares: the question as it was read, with the time and zone it was answered in,
 * answered again when pressed (a few hundred bytes kept for a day instead of the answer's tens of kilobytes); or, for
 * an answer no question in words gives again, the answer itself.
 */
export type SharedAnswer =
  | {
      question: string;
      /** Epoch ms the question was answered at, and the zone its times were shown in. */
      now: number;
      tz: string;
      /** Slack user id of who asked, and their workspace. */
      askedBy: string;
      teamId: string | null;
    }
  | { reply: Reply; askedBy: string };

const sharedAnswerSchema: z.ZodType<SharedAnswer> = z.union([
  z.looseObject({ question: z.string().min(1).max(4000), now: z.number(), tz: z.string(), askedBy: z.string(), teamId: z.string().nullable() }),
  z.looseObject({
    reply: z.custom<Reply>((v) => typeof (v as { title?: unknown } | null)?.title === 'string' && Array.isArray((v as { sections?: unknown }).sections), 'a reply with a title and sections'),
    askedBy: z.string(),
  }),
]);

/** The adapter's Redis state for one key prefix. */
export class SlackState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'slack', ...parts].join(':');
  }

  /** `true` the first time `eventId` is seen, `false` for a retry or duplicate delivery. */
  async claimEvent(eventId: string): Promise<boolean> {
    return (await this.redis.set(this.key('event', eventId), '1', 'EX', EVENT_TTL_S, 'NX')) === 'OK';
  }

  /**
   * `true` the first time a request signature is seen. The key lives for as long as a request with this timestamp
   * would still pass the 5-minute check, so a captured request cannot be sent again.
   */
  async claimSignature(signature: string, timestampS: number, nowS: number): Promise<boolean> {
    const ttl = Math.max(0, timestampS - nowS) + 6 * 60;
    const id = createHash('sha256').update(signature).digest('hex').slice(0, 32);
    return (await this.redis.set(this.key('sig', id), '1', 'EX', ttl, 'NX')) === 'OK';
  }

  /**
   * Count one command of `userId` in a one-minute window that starts at their first command (INCR + EXPIRE, atomic).
   *
   * @example (await state.countCommand('U1', 20)).allowed
   */
  async countCommand(userId: string, perMinute: number): Promise<RateCount> {
    return countPerMinute(this.redis, this.key('rate', userId), perMinute);
  }

  /** The cached zone of `userId`: a zone, `''` when their profile has none, `null` when not cached. */
  async zone(userId: string): Promise<string | null> {
    return this.redis.get(this.key('tz', userId));
  }

  /** Cache the zone of `userId` for a day (`''`: their profile has none). */
  async saveZone(userId: string, zone: string): Promise<void> {
    await this.redis.set(this.key('tz', userId), zone, 'EX', ZONE_TTL_S);
  }

  /** Keep what `id` (the share button's value) shares for a day: the question, or an answer without its bulky `data`. */
  async saveShare(shared: SharedAnswer, id: string): Promise<void> {
    const kept = 'reply' in shared ? { ...shared, reply: { ...shared.reply, data: null } } : shared;
    await this.redis.set(this.key('share', id), JSON.stringify(kept), 'EX', SHARE_TTL_S);
  }

  /** The answer kept under `id`, or `null` when it expired or `id` is not one of ours. */
  async loadShare(id: string): Promise<SharedAnswer | null> {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) return null;
    const raw = await this.redis.get(this.key('share', id));
    return raw ? readStoredOrNull(sharedAnswerSchema, raw, `shared answer ${id}`) : null;
  }
}
