/**
 * The one list of commands. Adding a command means adding its module here; names and aliases must be unique.
 */
import type { CommandSpec, Registry } from '../src/core/command.ts';
import deadlines from './deadlines.ts';
import doc from './doc.ts';
import { makeHelp } from './help.ts';
import ls from './ls.ts';
import lsg from './lsg.ts';
import meeting from './meeting.ts';
import officers from './officers.ts';
import rec from './rec.ts';
import search from './search.ts';
import broadcast from './broadcast.ts';
import { makeDigestCommand } from './digest.ts';
import { makeRemindCommand } from './remind.ts';
import reminders from './reminders.ts';
import { SgbotError } from '../src/core/errors.ts';
import type { ReminderDeps } from '../src/reminders/deps.ts';
import subscribe from './subscribe.ts';
import subscriptions from './subscriptions.ts';
import unsubscribe from './unsubscribe.ts';

export type { Registry } from '../src/core/command.ts';

/** Build a registry; throws on a duplicate name or alias. */
export function createRegistry(specs: ReadonlyArray<CommandSpec<never>>): Registry {
  const byName = new Map<string, CommandSpec<never>>();
  for (const spec of specs) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      if (byName.has(name)) throw new Error(`duplicate command name "${name}" (${spec.name} and ${byName.get(name)?.name})`);
      byName.set(name, spec);
    }
  }
  return { list: specs, get: (name) => byName.get(name.toLowerCase()) };
}

/** The registry of sgbot's commands; `reminders` gives the reminder services to `remind` and `digest`. */
export function defaultRegistry(opts: { reminders?: () => ReminderDeps } = {}): Registry {
  const remindersDeps =
    opts.reminders ??
    (() => {
      throw new SgbotError('E_CONFIG', 'Reminders are not set up in this process.');
    });
  const specs: Array<CommandSpec<never>> = [];
  const help = makeHelp(() => specs) as unknown as CommandSpec<never>;
  // A document named by its reference is asked about first: "SG20-LS88 deadline" is that liaison's, not SG20's.
  specs.push(...([doc, rec, deadlines, meeting, lsg, ls, officers, search, subscribe, unsubscribe, subscriptions, broadcast, reminders, makeRemindCommand(remindersDeps), makeDigestCommand(remindersDeps)] as unknown as Array<CommandSpec<never>>), help);
  return createRegistry(specs);
}
