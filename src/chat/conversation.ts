/**
 * The last question each person asked, so that a follow-up ("and for SG17?", "what about its registration
 * deadline?") is read against it, and the one before it ("when is the TSAG meeting?"), so that a question asked after
 * one that named nothing ("is there interpretation?" then "and the fellowship deadline?") is still read of what that
 * one named; and the one document the last answer was about ("SG13-LS87"), for "who sent it?": three Redis keys per
 * channel and person, kept for half an hour. The terminal without `--as` is one person,
 * the operator.
 */
import type { Redis } from 'ioredis';
import type { Conversation } from '../core/command.ts';
import type { Identity } from '../core/identity.ts';

/** How long a question is kept for a follow-up, in seconds. */
export const CONVERSATION_TTL_S = 30 * 60;
/** The longest question kept (a follow-up is read against a chat question, not a pasted page). */
const KEPT_CHARS = 300;

/** `who`'s conversation in Redis under `prefix`. */
export function conversationOf(redis: Redis, prefix: string, who: Pick<Identity, 'channel' | 'id'> | undefined): Conversation {
  const key = `${prefix}:conv:${who ? `${who.channel}:${who.id}` : 'cli:operator'}`;
  const beforeKey = `${key}:before`;
  const focusKey = `${key}:focus`;
  return {
    previous: () => redis.get(key),
    before: () => redis.get(beforeKey),
    focus: () => redis.get(focusKey),
    setFocus: async (reference) => {
      if (reference) await redis.set(focusKey, reference.slice(0, KEPT_CHARS), 'EX', CONVERSATION_TTL_S);
      else await redis.del(focusKey);
    },
    remember: async (question, before = null) => {
      const kept = question.slice(0, KEPT_CHARS);
      // One round trip: the last question, and the one before it (none: no stale one left behind).
      const tx = redis.multi().set(key, kept, 'EX', CONVERSATION_TTL_S);
      if (before) tx.set(beforeKey, before.slice(0, KEPT_CHARS), 'EX', CONVERSATION_TTL_S);
      else tx.del(beforeKey);
      await tx.exec();
    },
  };
}
