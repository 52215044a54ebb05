/**
 * One question from Slack, whatever the surface (slash command, mention, DM): count it against the user's rate
 * limit, find their time zone, and answer through the one command path (src/chat/router.ts) with the Slack user
 * as the identity. Transport (ack, respond, postMessage) is app.ts's business.
 */
import type { CommandContext, Registry, Reply } from '../../core/command.ts';
import { answer } from '../router.ts';
import type { SlackState } from './state.ts';
import { failureReply, rateLimitedReply } from '../rate-limit.ts';

export { failureReply, rateLimitedReply };

/**
 * Who asks. Later issues check roles against it (Slack user id; Teams will bring the AAD object id).
 */
export interface ChatIdentity {
  channel: 'slack';
  userId: string;
  teamId: string | null;
  enterpriseId: string | null;
}

/** A command context that also says who asks. */
export type IdentifiedContext = CommandContext & { identity: ChatIdentity };

export interface AskDeps {
  registry: Registry;
  context(now: number, tz: string): CommandContext;
  state: SlackState;
  zoneOf(userId: string): Promise<string>;
  now(): number;
  rateLimitPerMinute: number;
}

export type AskResult =
  | { kind: 'answer'; command: string | null; reply: Reply; tz: string }
  /** Over the limit: `notify` is true once per window, so that chatty users get one notice, not one per message. */
  | { kind: 'limited'; reply: Reply; notify: boolean };

/** Slash commands and the command text each stands for; `/sgbot` takes any text (and means help when empty). */
const SLASH: Readonly<Record<string, string>> = { '/deadlines': 'deadlines', '/meeting': 'meeting', '/lsg': 'lsg', '/ls': 'ls', '/sgsearch': 'search' };

/** The slash commands the app declares (slack/manifest.yml lists the same). */
export const SLASH_COMMANDS: readonly string[] = [...Object.keys(SLASH), '/sgbot'];

/**
 * The router text for a slash command.
 *
 * @example commandText('/sgsearch', 'digital twin') === '/search digital twin'
 * @example commandText('/sgbot', 'who leads IoT identification') === 'who leads IoT identification'
 */
export function commandText(command: string, text: string): string {
  const rest = text.trim();
  if (command === '/sgbot') return rest;
  const name = SLASH[command] ?? command.replace(/^\//, '');
  return `/${name}${rest ? ` ${rest}` : ''}`;
}

/** Answer `text` for `who`. */
export async function ask(deps: AskDeps, who: ChatIdentity, text: string, where?: { channel: string; shared: boolean }): Promise<AskResult> {
  const count = await deps.state.countCommand(who.userId, deps.rateLimitPerMinute);
  if (!count.allowed) return { kind: 'limited', reply: rateLimitedReply(count, deps.rateLimitPerMinute), notify: count.firstRefusal };
  const tz = await deps.zoneOf(who.userId);
  const ctx: IdentifiedContext = { ...deps.context(deps.now(), tz), who: { channel: 'slack', id: who.userId, verified: true, ...(where ? { conversation: `slack:${where.channel}`, shared: where.shared } : {}) }, identity: who };
  const { command, reply } = await answer(deps.registry, ctx, text);
  return { kind: 'answer', command, reply, tz };
}
