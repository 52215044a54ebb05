/**
 * Posting to chat outside a conversation (reminders, broadcasts, digests): one interface (`ChatSender`, declared in
 * src/core/platform.ts with the platform contract), one implementation per platform. A job gives a target and a
 * channel-neutral reply; the sender renders it natively and says whether a failure is worth retrying (rate limited,
 * outage) or not (a channel that no longer exists).
 */
import { ChatDeliveryError, chatTargetKey, type ChatSender } from '../core/platform.ts';

export { ChatDeliveryError, chatTargetKey, type ChatSender, type ChatTarget, type DeliveryRef, type EarlierTry } from '../core/platform.ts';
/** A button a message carries: pressing it runs the action `id` with `value` (src/core/actions.ts). */
export type { ReplyAction as ChatAction } from '../core/command.ts';

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
