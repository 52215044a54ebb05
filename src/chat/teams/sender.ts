/**
 * Posting to Teams outside a conversation (reminders, broadcasts) from a worker: the adapter's proactive post to a
 * stored conversation reference, as a {@link ChatSender}. The Teams app is built but never listens here.
 */
import { isSgbotError } from '../../core/errors.ts';
import { ChatDeliveryError, type ChatSender } from '../sender.ts';
import type { TeamsBot } from './app.ts';
import { TeamsDeliveryError } from './deliver.ts';

/** A sender over `bot.sendProactive` (which retries 429 and 5xx itself before giving up). */
export function teamsSender(bot: Pick<TeamsBot, 'sendProactive'>): ChatSender {
  return {
    channels: ['teams'],
    async post(target, reply, opts) {
      try {
        await bot.sendProactive(target.id, reply, opts?.actions ?? reply.actions);
        return { messageId: null };
      } catch (err) {
        if (isSgbotError(err, 'E_NOT_FOUND')) throw new ChatDeliveryError(err.message, true, null, { cause: err });
        if (err instanceof TeamsDeliveryError) {
          const status = err.status ?? 0;
          const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
          throw new ChatDeliveryError(`Teams did not take the post to ${target.id}: ${err.message}`, permanent, null, { cause: err });
        }
        throw new ChatDeliveryError(`Cannot reach Teams to post to ${target.id} (${(err as Error).message}); it is retried.`, false, null, { cause: err });
      }
    },
  };
}
