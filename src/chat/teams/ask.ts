/**
 * One question from Teams, whatever the conversation (personal chat, group chat, channel): count it against the
 * user's rate limit and answer through the one command path (src/chat/router.ts) with the Teams user as the
 * identity, in their time zone. Transport (Adaptive Cards, retries) is app.ts's business.
 */
import type { CommandContext, Registry, Reply } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import { answer } from '../router.ts';
import { rateLimitedReply } from '../rate-limit.ts';
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
  const count = await deps.state.countCommand(who.userId, deps.rateLimitPerMinute);
  if (!count.allowed) return { kind: 'limited', reply: rateLimitedReply(count, deps.rateLimitPerMinute), notify: count.firstRefusal };
  const identity = toIdentity(who);
  const ctx: TeamsContext = { ...deps.context(deps.now(), tz, identity), who: identity, identity: who };
  const { command, reply } = await answer(deps.registry, ctx, text);
  return { kind: 'answer', command, reply };
}
