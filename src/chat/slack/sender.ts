/**
 * Posting to Slack outside a conversation (reminders, broadcasts): `chat.postMessage` with the bot token to a user
 * id (Slack opens the DM) or a channel id, rendered as Block Kit. A 429 becomes a retryable error carrying Slack's
 * Retry-After, so the job queue (not this process) waits; a missing channel or a removed bot is permanent.
 */
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { ChatDeliveryError, type ChatAction, type ChatSender } from '../sender.ts';
import { replyToBlocks } from './blocks.ts';

/** Slack errors that retrying cannot fix. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'account_inactive', 'invalid_auth', 'not_authed', 'token_revoked', 'missing_scope', 'restricted_action', 'cannot_dm_bot']);

/** A sender over Slack's Web API (`slackApiUrl` points tests at a local fake). */
export function slackSender(opts: { botToken: string; slackApiUrl?: string; docUrl?: string }): ChatSender {
  // No retries here: the queue retries with backoff and honours Retry-After, so one job never blocks a worker.
  const client = new WebClient(opts.botToken, { slackApiUrl: opts.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  return {
    channels: ['slack'],
    async post(target, reply, { actions } = {}) {
      const message = replyToBlocks(reply, { docUrl: opts.docUrl });
      const blocks = [...message.blocks];
      if (actions?.length) blocks.push({ type: 'actions', elements: actions.map((a: ChatAction) => ({ type: 'button', action_id: a.id, text: { type: 'plain_text', text: a.label }, value: a.value })) });
      try {
        const res = await client.chat.postMessage({ channel: target.id, text: message.text, blocks, unfurl_links: false, unfurl_media: false });
        return { messageId: res.ts ?? null };
      } catch (err) {
        const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
        if (e.code === ErrorCode.RateLimitedError) {
          throw new ChatDeliveryError(`Slack is rate limiting posts to ${target.id}; retry after ${(err as WebAPIRateLimitedError).retryAfter} s.`, false, (err as WebAPIRateLimitedError).retryAfter * 1000, { cause: err });
        }
        if (e.code === ErrorCode.PlatformError) {
          const code = (err as WebAPIPlatformError).data.error;
          throw new ChatDeliveryError(`Slack refused the post to ${target.id}: ${code}.`, PERMANENT.has(code), null, { cause: err });
        }
        throw new ChatDeliveryError(`Cannot reach Slack to post to ${target.id} (${e.message ?? String(err)}); it is retried.`, false, null, { cause: err });
      }
    },
  };
}
