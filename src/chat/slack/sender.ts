/**
 * Posting to Slack outside a conversation (reminders, broadcasts): `chat.postMessage` with the bot token to a user
 * id (Slack opens the DM) or a channel id, rendered as Block Kit. A 429 becomes a retryable error carrying Slack's
 * Retry-After, so the job queue (not this process) waits; a missing channel or a removed bot is permanent.
 *
 * A post with a delivery key carries it as message metadata (`sgbot_delivery`). When a try was killed in flight,
 * Slack may have posted it; the next try reads the conversation's history since that try (`conversations.history`
 * with `include_all_metadata`; a DM's channel from `conversations.open`) and returns the message it finds instead of
 * posting again. Where it cannot look (no `channels:history`, a public channel the bot was never added to) it posts,
 * as before, and warns once: a repeated post is better than a lost one.
 */
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import type { Logger } from '../../log.ts';
import { ChatDeliveryError, type ChatSender, type ChatTarget, type DeliveryRef } from '../sender.ts';
import { actionBlocks } from './actions.ts';
import { replyToBlocks } from './blocks.ts';
import { fitSlackMessage, SLACK_LIMITS } from '../limits.ts';

/** Slack errors that retrying cannot fix. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'account_inactive', 'invalid_auth', 'not_authed', 'token_revoked', 'missing_scope', 'restricted_action', 'cannot_dm_bot']);

/**
 * Longest a Web API request may take (ms). A broadcast's next try may run once the sending claim of the earlier one
 * (2 min, src/broadcast/deliver.ts) ran out; a request given up well before that cannot land after the next try
 * looked for it.
 */
const REQUEST_TIMEOUT_MS = 30_000;
/** The `event_type` of the message metadata that carries a delivery key (`event_payload.key`). */
export const DELIVERY_EVENT = 'sgbot_delivery';
/** Looked back before an earlier try began (ms), for clock skew between this host and Slack. */
const LOOKBACK_MARGIN_MS = 60_000;
/**
 * History pages read at most when looking for an earlier try. A page is up to 100 messages, or 15 for apps outside
 * the Slack Marketplace that are not internal to the workspace (Slack's 2025 limits: also 1 request a minute).
 */
const MAX_HISTORY_PAGES = 10;

type Found = { messageId: string } | 'absent' | { unchecked: string };

/** How an error names the call that failed: `rate` "Slack is rate limiting …", `refused` "Slack refused …", `reach` "Cannot reach Slack …". */
interface CallWords {
  rate: string;
  refused: string;
  reach: string;
}
const POST_WORDS = (id: string): CallWords => ({ rate: `posts to ${id}`, refused: `the post to ${id}`, reach: `to post to ${id}` });
const HISTORY_WORDS = (id: string): CallWords => ({ rate: `history reads of ${id}`, refused: `the history read of ${id}`, reach: `to read the history of ${id}` });

/** The error a failed Web API call becomes. */
function deliveryError(err: unknown, words: CallWords): ChatDeliveryError {
  const e = err as { code?: string; message?: string };
  if (e.code === ErrorCode.RateLimitedError) {
    const s = (err as WebAPIRateLimitedError).retryAfter;
    return new ChatDeliveryError(`Slack is rate limiting ${words.rate}; retry after ${s} s.`, false, s * 1000, { cause: err });
  }
  if (e.code === ErrorCode.PlatformError) {
    const code = (err as WebAPIPlatformError).data.error;
    return new ChatDeliveryError(`Slack refused ${words.refused}: ${code}.`, PERMANENT.has(code), null, { cause: err });
  }
  return new ChatDeliveryError(`Cannot reach Slack ${words.reach} (${e.message ?? String(err)}); it is retried.`, false, null, { cause: err });
}

/**
 * A sender over Slack's Web API (`slackApiUrl` points tests at a local fake). `log` gets one warning per reason
 * when an earlier try cannot be looked for.
 */
export function slackSender(opts: { botToken: string; slackApiUrl?: string; docUrl?: string; publicUrl?: string; log?: Pick<Logger, 'warn'> }): ChatSender {
  // No retries here: the queue retries with backoff and honours Retry-After, so one job never blocks a worker.
  const client = new WebClient(opts.botToken, { slackApiUrl: opts.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: REQUEST_TIMEOUT_MS });
  const warned = new Set<string>();

  /** The conversation whose history holds posts to `target`: a user id's DM is opened (found) first. */
  async function conversationOf(target: ChatTarget): Promise<string> {
    if (!/^[UW][A-Z0-9]+$/.test(target.id)) return target.id;
    const res = await client.conversations.open({ users: target.id, return_im: false });
    if (!res.channel?.id) throw new Error(`conversations.open gave no channel for ${target.id}`);
    return res.channel.id;
  }

  /** The message an earlier try of `ref` posted to `target`, if Slack has it. */
  async function findEarlier(target: ChatTarget, ref: DeliveryRef & { earlierTryAt: number }): Promise<Found> {
    let page = 0;
    try {
      const channel = await conversationOf(target);
      const oldest = ((ref.earlierTryAt - LOOKBACK_MARGIN_MS) / 1000).toFixed(6);
      let cursor: string | undefined;
      for (; page < MAX_HISTORY_PAGES; page++) {
        const res = await client.conversations.history({ channel, oldest, limit: 100, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
        for (const m of res.messages ?? []) {
          const key = (m.metadata?.event_payload as Record<string, unknown> | undefined)?.['key'];
          if (m.metadata?.event_type === DELIVERY_EVENT && key === ref.key && m.ts) return { messageId: m.ts };
        }
        cursor = res.response_metadata?.next_cursor;
        if (!res.has_more || !cursor) return 'absent';
      }
      return { unchecked: `more than ${MAX_HISTORY_PAGES} pages of history` };
    } catch (err) {
      const e = err as { code?: string };
      if (e.code === ErrorCode.PlatformError) return { unchecked: (err as WebAPIPlatformError).data.error };
      // A first page refused for the rate: wait as asked. A later one: starting again after the wait would meet the
      // same limit on the same page, so post.
      if (e.code === ErrorCode.RateLimitedError && page > 0) return { unchecked: 'ratelimited' };
      throw deliveryError(err, HISTORY_WORDS(target.id));
    }
  }

  return {
    channels: ['slack'],
    async post(target, reply, { actions = reply.actions, delivery } = {}) {
      let earlier: 'absent' | 'unchecked' | undefined;
      if (delivery && delivery.earlierTryAt !== null) {
        const found = await findEarlier(target, { ...delivery, earlierTryAt: delivery.earlierTryAt });
        if (found === 'absent') earlier = 'absent';
        else if ('messageId' in found) return { messageId: found.messageId, earlier: 'found' };
        else {
          earlier = 'unchecked';
          if (!warned.has(found.unchecked)) {
            warned.add(found.unchecked);
            opts.log?.warn({ channel: target.id, reason: found.unchecked }, 'cannot look for an interrupted Slack post (add the channels:history, groups:history, im:history and mpim:history scopes, and add the bot to the channel); posting, which may repeat it');
          }
        }
      }
      // The buttons come out of the same budget as the lines, and always survive it.
      const message = replyToBlocks(reply, { docUrl: opts.docUrl, maxBlocks: SLACK_LIMITS.messageBlocks - (actions?.length ? 1 : 0) });
      const withButtons = [...message.blocks];
      withButtons.push(...actionBlocks(actions));
      const { blocks } = fitSlackMessage({ text: message.text, blocks: withButtons }, opts.publicUrl ? { consoleUrl: `${opts.publicUrl.replace(/\/+$/, '')}/console` } : {});
      const metadata = delivery ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: delivery.key } } } : {};
      try {
        const res = await client.chat.postMessage({ channel: target.id, text: message.text, blocks, unfurl_links: false, unfurl_media: false, ...metadata });
        return { messageId: res.ts ?? null, ...(earlier ? { earlier } : {}) };
      } catch (err) {
        throw deliveryError(err, POST_WORDS(target.id));
      }
    },
  };
}
