/**
 * Microsoft Teams as a {@link ChatPlatform}: its settings (settings.ts), how its people and conversations are written,
 * the bot (app.ts, loaded when started) and the proactive sender (sender.ts, over conversation references the bot
 * stored; loaded on the first post).
 */
import { definePlatform, type SettingsEnv } from '../../core/platform.ts';
import type { Logger } from '../../log.ts';
import { lazySender } from '../lazy-sender.ts';
import { TEAMS_ENV, TEAMS_FIELDS, teamsSettingsFrom, type TeamsSettings } from './settings.ts';

const pick = (env: SettingsEnv, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, env[k]]));

export const teamsPlatform = definePlatform<TeamsSettings>({
  id: 'teams',
  label: 'Teams',
  help: {
    description: 'Run the Microsoft Teams bot (Microsoft 365 Agents SDK) on TEAMS_PORT until stopped.',
    settings: "TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID (Azure portal → Microsoft Entra ID → App registrations); see .env.example.\nThe Azure Bot's messaging endpoint is https://YOUR-HOST/api/messages; install the app from teams/manifest.json (see teams/README.md).",
  },
  settings: {
    fields: TEAMS_FIELDS,
    configured: (env) => Boolean(env['TEAMS_CLIENT_ID'] || env['TEAMS_ANONYMOUS']?.toLowerCase() === 'true'),
    parse: (env) => teamsSettingsFrom(pick(env, TEAMS_ENV)),
  },
  identity: {
    user: { pattern: /^[^\s]{3,}$/, example: '00000000-0000-0000-0000-000000000000 (an Entra ID object id)' },
    channel: { pattern: /^[^\s]{3,}$/, example: '19:abc@thread.tacv2', noun: 'conversation' },
  },
  async start(settings, ctx) {
    const { createTeamsApp } = await import('./app.ts');
    const bot = createTeamsApp({ settings, deps: { ...ctx, log: ctx.log as Logger }, ...(ctx.now ? { now: ctx.now } : {}) });
    const { port } = await bot.start();
    return {
      describe: `Teams        bot listening on http://${settings.host}:${port}${settings.path}${settings.anonymous ? ' (ANONYMOUS: local testing only)' : ''}`,
      port,
      stop: () => bot.stop(),
    };
  },
  sender(env, ctx) {
    if (!teamsPlatform.settings.configured(env)) return null;
    const settings = teamsSettingsFrom(pick(env, TEAMS_ENV));
    return lazySender(['teams'], async () => {
      const [{ createTeamsApp }, { teamsSender }] = await Promise.all([import('./app.ts'), import('./sender.ts')]);
      // Built to post through stored references; it never listens here.
      return teamsSender(createTeamsApp({ settings, deps: { ...ctx, log: ctx.log as Logger } }));
    });
  },
});
