/**
 * One question from Teams, whatever the conversation (personal chat, group chat, channel): the Teams user as the
 * identity, in their client's zone, through the one inbound pipeline (src/chat/inbound.ts: rate limit, route,
 * answer). Transport (Adaptive Cards, retries) is app.ts's business.
 */
import type { CommandContext, Registry, Reply } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import { askCommand } from '../inbound.ts';
import { toIdentity, type TeamsIdentity } from './incoming.ts';
import type { TeamsState } from './state.ts';

/** A command context that says who asks: `who` for commands and roles, `identity` with the Teams details. */
export type TeamsContext = CommandContext & { who: Identity; identity: TeamsIdentity };

export interface TeamsAskDeps {
  registry: Registry;
  context(now: number, tz: string, who?: Identity): CommandContext;
  state: Pick<TeamsState, 'countCommand'>;
  now(): number;
  rateLimitPerMinute: number;
}

export type TeamsAskResult =
  | { kind: 'answer'; command: string | null; reply: Reply }
  /** Over the limit: `notify` is true once per window, so that chatty users get one notice, not one per message. */
  | { kind: 'limited'; reply: Reply; notify: boolean };

/**
 * Answer `text` for `who`, with times in `tz`.
 *
 * @example await askTeams(deps, identityOf(activity), questionText(activity), zoneOf(activity, 'Europe/Zurich'))
 */
export async function askTeams(deps: TeamsAskDeps, who: TeamsIdentity, text: string, tz: string): Promise<TeamsAskResult> {
  const inbound = { ...deps, countCommand: (user: string, perMinute: number) => deps.state.countCommand(user, perMinute) };
  const res = await askCommand(inbound, toIdentity(who), text, tz, { identity: who } satisfies Partial<TeamsContext>);
  return res.kind === 'answer' ? { kind: 'answer', command: res.command, reply: res.reply } : res;
}
