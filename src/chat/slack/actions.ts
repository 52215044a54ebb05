/**
 * A reply's buttons in Slack: each {@link ReplyAction} becomes a Block Kit button (`action_id` the action id, `value`
 * its value, a confirm dialog when it asks for one), and one Bolt handler dispatches every registered action
 * through the inbound pipeline as the Slack user who clicked. No action is named here: a new one needs no change.
 */
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import type { ActionRegistry } from '../../core/actions.ts';
import type { Reply, ReplyAction } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import { replyToBlocks, type BlockOptions } from './blocks.ts';

/** Slack's limits on an actions block: 25 elements, 75 characters of button text, 2000 of value. */
const MAX_BUTTONS = 25;

/** The buttons of `actions` as one Block Kit actions block (none when there are none). */
export function actionBlocks(actions: readonly ReplyAction[] | undefined): types.KnownBlock[] {
  if (!actions?.length) return [];
  const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
  return [
    {
      type: 'actions',
      elements: actions.slice(0, MAX_BUTTONS).map((a) => ({
        type: 'button' as const,
        action_id: a.id,
        text: plain(a.label, 75),
        value: a.value.slice(0, 2000),
        ...(a.style ? { style: a.style } : {}),
        ...(a.confirm ? { confirm: { title: plain(a.confirm.title, 100), text: plain(a.confirm.text, 300), confirm: plain(a.confirm.ok, 30), deny: plain(a.confirm.deny, 30) } } : {}),
      })),
    },
  ];
}

/** The `action_id`s of every registered action, for `app.action(...)`. */
export function actionIdPattern(actions: ActionRegistry | undefined): RegExp {
  const ids = (actions?.list ?? []).map((a) => a.id.replace(/[^a-z0-9_]/g, ''));
  return ids.length ? new RegExp(`^(?:${ids.join('|')})$`) : /^(?!)$/;
}

/**
 * The Bolt handler of every registered button: acknowledges at once, runs the action as the Slack user who clicked
 * (`press`, the inbound pipeline's), and answers that user ephemerally through the action's response_url.
 */
export function slackActionHandler(opts: {
  press(who: Identity, id: string, value: string): Promise<Reply>;
  blockOptions?: BlockOptions;
  log?: { warn(obj: object, msg?: string): void };
}): (args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => Promise<void> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const channel = body.channel?.id;
    const who: Identity = { channel: 'slack', id: body.user.id, verified: true, ...(channel ? { conversation: `slack:${channel}`, shared: !channel.startsWith('D') } : {}) };
    const reply = await opts.press(who, action.action_id, action.value ?? '');
    await respond({ response_type: 'ephemeral', replace_original: false, ...replyToBlocks(reply, opts.blockOptions ?? {}) }).catch((err: Error) => opts.log?.warn({ err: err.message, action: action.action_id }, 'could not answer the button'));
  };
}
