/**
 * One question from Slack, whatever the surface (slash command, mention, DM): the Slack user as the identity, their
 * profile's zone, then the one inbound pipeline (src/chat/inbound.ts: rate limit, route, answer). Transport (ack,
 * respond, postMessage) is app.ts's business.
 */
import type { CommandContext, Registry } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import { askCommand, type AskResult } from '../inbound.ts';
import type { SlackState } from './state.ts';
import { failureReply, rateLimitedReply } from '../rate-limit.ts';

export { failureReply, rateLimitedReply, type AskResult };

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
  context(now: number, tz: string, who?: Identity): CommandContext;
  state: SlackState;
  zoneOf(userId: string): Promise<string>;
  now(): number;
  rateLimitPerMinute: number;
}

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

/** The identity a Slack user has in sgbot (Slack signed the request), with the conversation it came from. */
export function slackIdentity(userId: string, where?: { channel: string; shared: boolean }): Identity {
  return { channel: 'slack', id: userId, verified: true, ...(where ? { conversation: `slack:${where.channel}`, shared: where.shared } : {}) };
}

/** Answer `text` for `who`. */
export function ask(deps: AskDeps, who: ChatIdentity, text: string, where?: { channel: string; shared: boolean }): Promise<AskResult> {
  const inbound = { ...deps, countCommand: (user: string, perMinute: number) => deps.state.countCommand(user, perMinute) };
  return askCommand(inbound, slackIdentity(who.userId, where), text, () => deps.zoneOf(who.userId), { identity: who });
}
