/**
 * Posting to chat outside a conversation (reminders, broadcasts, digests): one interface, one implementation per
 * platform. A job gives a target and a channel-neutral reply; the sender renders it natively and says whether a
 * failure is worth retrying (rate limited, outage) or not (a channel that no longer exists).
 */
import type { Reply } from '../core/command.ts';

/** Where to post: a Slack user (a DM) or channel id; a Teams conversation id. */
export interface ChatTarget {
  channel: 'slack' | 'teams';
  id: string;
}

/** The key form of a target: `slack:C0123`, `teams:19:abc…`. */
export function chatTargetKey(t: ChatTarget): string {
  return `${t.channel}:${t.id}`;
}

/** `slack:C0123` → a target, or `null` for a key of another kind (`person:…`, `mail:…`). */
export function parseChatTarget(key: string): ChatTarget | null {
  const m = /^(slack|teams):(.+)$/.exec(key);
  return m ? { channel: m[1] as ChatTarget['channel'], id: m[2] ?? '' } : null;
}

/** Buttons a reminder carries (acknowledge, snooze): each posts its `value` back to the app. */
export interface ChatAction {
  id: string;
  label: string;
  value: string;
}

/** A failed post: `retryAfterMs` when the platform asked to slow down; `permanent` when retrying cannot help. */
export class ChatDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatDeliveryError';
  }
}

/**
 * What makes a post findable after a crash. A worker killed while its post is in flight cannot know whether the
 * platform took it; the next try looks for the message by this key before posting again.
 */
export interface DeliveryRef {
  /** Stable id of the delivery (`<broadcastId>/<targetKey>`, `<jobId>/<channel>`); the message carries it. */
  key: string;
  /**
   * When the first try of this delivery whose outcome is unknown began (epoch ms), or `null` on a first try. Given,
   * the sender first looks for a message with `key` posted since then, and returns it instead of posting again.
   */
  earlierTryAt: number | null;
}

/**
 * What a look-up for an earlier try's message gave: `found` (nothing was posted now), `absent` (posted now), or
 * `unchecked` when the sender cannot look (no history scope, a channel the bot is not in, a platform without a way
 * to find it: Teams) and posted now as it always did.
 */
export type EarlierTry = 'found' | 'absent' | 'unchecked';

/** Posts replies to chat targets. */
export interface ChatSender {
  /** Which platforms this sender can reach. */
  readonly channels: ReadonlyArray<ChatTarget['channel']>;
  /**
   * Post `reply` to `target`; returns the platform's message id. Throws {@link ChatDeliveryError}.
   *
   * With `opts.delivery` the message carries the delivery key, and with `delivery.earlierTryAt` an earlier try's
   * message is looked for first: when found, its id is returned (`earlier: 'found'`) and nothing is posted. The
   * look-up is part of `post` (not a method of its own) so that every wrapper that forwards `post` keeps it.
   * Senders that cannot look (Teams) ignore `delivery` and post: a try killed in flight may then repeat.
   */
  post(target: ChatTarget, reply: Reply, opts?: { actions?: ChatAction[]; delivery?: DeliveryRef }): Promise<{ messageId: string | null; earlier?: EarlierTry }>;
}

/** Several senders as one: each target goes to the sender of its platform. */
export function combineSenders(senders: ChatSender[]): ChatSender {
  return {
    channels: senders.flatMap((s) => s.channels),
    post: (target, reply, opts) => {
      const sender = senders.find((s) => s.channels.includes(target.channel));
      if (!sender) throw new ChatDeliveryError(`No ${target.channel} connection is configured (see .env.example), so ${chatTargetKey(target)} cannot be reached.`, true);
      return sender.post(target, reply, opts);
    },
  };
}
