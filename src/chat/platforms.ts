/**
 * The chat platforms sgbot knows: one line each. A platform is a folder under src/chat/ exporting a
 * {@link ChatPlatform} (src/core/platform.ts); listed here, its settings join the settings schema, its channels can
 * be broadcast targets and subscribers, its users can be in the roster, `sgbot start` starts it when its settings
 * are given, and reminder and broadcast jobs post through its sender.
 */
import { createPlatformRegistry, type ChannelRules, type SettingsEnv } from '../core/platform.ts';
import { slackPlatform } from './slack/platform.ts';
import { teamsPlatform } from './teams/platform.ts';
import { webhookPlatform } from './webhook/platform.ts';

export const PLATFORMS = createPlatformRegistry([
  slackPlatform,
  teamsPlatform,
  webhookPlatform,
]);

/** Every platform's variables and their own checks, for the settings schema (src/config.ts). */
export const PLATFORM_FIELDS = Object.assign({}, ...PLATFORMS.list.map((p) => p.settings.fields)) as Record<string, (typeof PLATFORMS.list)[number]['settings']['fields'][string]>;

/** How each platform writes a channel, by platform id: what broadcast targets and channel subscribers are checked against. */
export const CHANNEL_RULES: ChannelRules = Object.fromEntries(PLATFORMS.list.map((p) => [p.id, { ...p.identity.channel, label: p.label }]));

/** The platforms whose settings in `env` ask for them. */
export function configuredPlatforms(env: SettingsEnv) {
  return PLATFORMS.list.filter((p) => p.settings.configured(env));
}
