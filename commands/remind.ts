/**
 * `remind done TOKEN` / `remind snooze TOKEN` / `remind unsubscribe TOKEN`: what the buttons and links of a reminder
 * do, for the terminal and the web console. The token is the signed value of the button or the `token=` of the link.
 */
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandSpec, type Reply } from '../src/core/command.ts';
import { isSgbotError } from '../src/core/errors.ts';
import { acknowledgeReminder, snoozeReminder, unsubscribeReminders } from '../src/reminders/actions.ts';
import type { ReminderDeps } from '../src/reminders/deps.ts';

const args = z.object({
  action: z.enum(['done', 'snooze', 'unsubscribe'], { message: 'Say done, snooze or unsubscribe, then the token of the reminder' }),
  token: z.string().min(10, 'Give the token of the reminder (the token= part of its link)'),
});

/** The `remind` command; `deps` is asked for on use (the reminder settings hold the token secret). */
export function makeRemindCommand(deps: () => ReminderDeps): CommandSpec<z.infer<typeof args>> {
  return defineCommand({
    name: 'remind',
    summary: 'Mark a reminder done, snooze it for a day, or stop reminder mail, with the token of its link.',
    usage: 'remind done TOKEN | remind snooze TOKEN | remind unsubscribe TOKEN',
    examples: ['remind done eyJk…', 'remind snooze eyJz…'],
    args,
    parseText: (rest) => {
      const [action = '', token = ''] = rest.trim().split(/\s+/);
      // A whole link pasted is fine: take its token parameter.
      const fromLink = /[?&]token=([^&\s]+)/.exec(token)?.[1];
      return { action: action.toLowerCase(), token: fromLink ? decodeURIComponent(fromLink) : token };
    },
    async run(ctx, { action, token }): Promise<Reply> {
      const who = ctx.who ? `${ctx.who.channel}:${ctx.who.id}` : undefined;
      try {
        const d = deps();
        const result = action === 'done' ? await acknowledgeReminder(d, token, who) : action === 'snooze' ? await snoozeReminder(d, token, who) : await unsubscribeReminders(d, token, who);
        return result.reply;
      } catch (err) {
        if (isSgbotError(err)) return noAnswer(err.code, err.message);
        throw err;
      }
    },
  });
}
