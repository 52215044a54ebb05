/**
 * What the Teams adapter keeps in Redis, all under `${prefix}:teams:`: conversation references (so reminder and
 * broadcast jobs can post later, from any replica), activities already handled (Teams may deliver one twice), and
 * per-user question counters (rate limit).
 */
import type { Redis } from 'ioredis';
import { countPerMinute, type RateCount } from '../rate-limit.ts';
import { z } from 'zod';
import { readStored } from '../../core/records.ts';

/** Seconds an activity id is remembered (Teams redelivers within minutes). */
export const ACTIVITY_TTL_S = 3600;

/** A Bot Framework conversation reference, as the SDK builds it (`activity.getConversationReference()`). */
export interface ConversationRef {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  agent?: { id: string; name?: string } | null;
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
  activityId?: string;
}

/** What is kept per conversation. */
export interface StoredConversation {
  /** The reference without `activityId`: a later post starts a new message instead of replying to an old one. */
  reference: ConversationRef;
  tenantId: string | null;
  kind: 'personal' | 'groupChat' | 'channel';
  /** ISO time of the last activity that refreshed it. */
  updatedAt: string;
}

const storedConversationSchema: z.ZodType<StoredConversation> = z.looseObject({
  reference: z.custom<ConversationRef>((v) => typeof (v as { conversation?: { id?: unknown } } | null)?.conversation?.id === 'string', 'a conversation reference with a conversation id'),
  tenantId: z.string().nullable(),
  kind: z.enum(['personal', 'groupChat', 'channel']),
  updatedAt: z.string(),
});

/** The adapter's Redis state for one key prefix. */
export class TeamsState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** `${prefix}:teams:${parts…}` */
  key(...parts: string[]): string {
    return [this.prefix, 'teams', ...parts].join(':');
  }

  /** `true` the first time the activity `activityId` of `conversationId` is seen. */
  async claimActivity(conversationId: string, activityId: string): Promise<boolean> {
    return (await this.redis.set(this.key('seen', conversationId, activityId), '1', 'EX', ACTIVITY_TTL_S, 'NX')) === 'OK';
  }

  /**
   * Count one question of `userId` in a one-minute window that starts at their first question (INCR + EXPIRE, atomic).
   *
   * @example (await state.countCommand('aad-object-id', 20)).allowed
   */
  async countCommand(userId: string, perMinute: number): Promise<RateCount> {
    return countPerMinute(this.redis, this.key('rate', userId), perMinute);
  }

  /** Keep (or refresh) the reference of a conversation, under `${prefix}:teams:conv:<conversationId>`; it does not expire. */
  async saveConversation(stored: StoredConversation): Promise<void> {
    const { activityId: _drop, ...reference } = stored.reference;
    await this.redis.set(this.key('conv', reference.conversation.id), JSON.stringify({ ...stored, reference }));
  }

  /** The stored conversation `conversationId`, or `null` when the bot was never reached there (or was removed). */
  async loadConversation(conversationId: string): Promise<StoredConversation | null> {
    const raw = await this.redis.get(this.key('conv', conversationId));
    return raw ? readStored(storedConversationSchema, raw, `Teams conversation ${conversationId}`) : null;
  }

  /** Forget a conversation (the app was removed from it). */
  async deleteConversation(conversationId: string): Promise<void> {
    await this.redis.del(this.key('conv', conversationId));
  }
}
