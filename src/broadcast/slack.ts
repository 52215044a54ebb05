/**
 * Broadcast previews in Slack: the "Confirm and send" and "Cancel" buttons under a preview, and the action handler
 * that runs them as the Slack user who clicked (so the secretariat check applies to the clicker, not the drafter).
 *
 * Wiring (src/chat/slack/app.ts):
 *   app.action(BROADCAST_ACTION_IDS, broadcastActionHandler({ context: (now, tz, who) => ({ ...deps.context(now, tz), who }) }));
 * and, when answering a slash command, append `broadcastActionBlocks(reply)` to the blocks of the answer.
 */
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import { replyToBlocks } from '../chat/slack/blocks.ts';
import { noAnswer, type Reply } from '../core/command.ts';
import type { Identity } from '../core/identity.ts';
import { runBroadcast, type BroadcastContext } from './actions.ts';
import { BROADCAST_CANCEL_ACTION, BROADCAST_CONFIRM_ACTION } from './replies.ts';
import { isBroadcastId } from './store.ts';

/** Matches the `action_id`s of both buttons, for `app.action(...)`. */
export const BROADCAST_ACTION_IDS = /^sgbot_broadcast_(?:confirm|cancel)$/;

/** The buttons of a draft preview as a Block Kit actions block; none for any other reply. */
export function broadcastActionBlocks(reply: Reply): types.KnownBlock[] {
  const data = reply.data as { broadcast?: { id?: unknown; state?: unknown; group?: unknown; targets?: unknown } } | null;
  const b = data?.broadcast;
  if (!reply.ok || !b || b.state !== 'draft' || typeof b.id !== 'string' || !isBroadcastId(b.id)) return [];
  const n = Array.isArray(b.targets) ? b.targets.length : 0;
  return [
    {
      type: 'actions',
      block_id: `broadcast_${b.id}`,
      elements: [
        {
          type: 'button',
          action_id: BROADCAST_CONFIRM_ACTION,
          style: 'primary',
          text: { type: 'plain_text', text: 'Confirm and send' },
          value: b.id,
          confirm: {
            title: { type: 'plain_text', text: 'Send this broadcast?' },
            text: { type: 'plain_text', text: `It goes to ${n} list(s) and channel(s) of ${String(b.group)} at once.` },
            confirm: { type: 'plain_text', text: 'Send' },
            deny: { type: 'plain_text', text: 'Not yet' },
          },
        },
        { type: 'button', action_id: BROADCAST_CANCEL_ACTION, text: { type: 'plain_text', text: 'Cancel' }, value: b.id },
      ],
    },
  ];
}

/** What the action handler needs. */
export interface BroadcastActionDeps {
  /** A command context for the clicking user (the same one slash commands get). */
  context(now: number, tz: string, who: Identity): BroadcastContext;
  now?: () => number;
  /** Zone for dates in the answer; default Europe/Zurich. */
  tz?: string;
  log?: { error(obj: object, msg?: string): void };
}

/**
 * The Bolt handler of both buttons: acknowledges at once, confirms or cancels the broadcast as the clicking user
 * (a Slack user id Slack signed for), and answers that user ephemerally through the action's response_url.
 */
export function broadcastActionHandler(deps: BroadcastActionDeps): (args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => Promise<void> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const id = (action.value ?? '').trim().toLowerCase();
    let reply: Reply;
    try {
      if (!isBroadcastId(id)) {
        reply = noAnswer('E_USAGE', 'This button does not name a broadcast; please use the command: broadcast confirm ID.');
      } else {
        const who: Identity = { channel: 'slack', id: body.user.id, verified: true, ...(body.channel?.id ? { conversation: `slack:${body.channel.id}`, shared: !body.channel.id.startsWith('D') } : {}) };
        const ctx = deps.context(deps.now?.() ?? Date.now(), deps.tz ?? 'Europe/Zurich', who);
        reply = await runBroadcast(ctx, { action: action.action_id === BROADCAST_CONFIRM_ACTION ? 'confirm' : 'cancel', id });
      }
    } catch (err) {
      deps.log?.error({ err, action: action.action_id, user: body.user.id, broadcast: id }, 'broadcast button failed');
      reply = noAnswer('E_NO_ANSWER', 'Sorry, something went wrong while handling this button.', [`It has been logged. See where the broadcast stands with: broadcast status ${id}.`]);
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...replyToBlocks(reply) });
  };
}
