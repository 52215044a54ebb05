/**
 * Slack as a {@link ChatPlatform}: its settings (settings.ts), how its people and channels are written, the app
 * (app.ts, loaded when started) and the Web API sender (sender.ts, loaded on the first post).
 */
import { definePlatform, type SettingsEnv } from '../../core/platform.ts';
import type { Logger } from '../../log.ts';
import { lazySender } from '../lazy-sender.ts';
import { SLACK_ENV, SLACK_FIELDS, slackSettingsFrom, type SlackSettings } from './settings.ts';

const pick = (env: SettingsEnv, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, env[k]]));

export const slackPlatform = definePlatform<SlackSettings>({
  id: 'slack',
  label: 'Slack',
  help: {
    description: 'Run the Slack app (HTTP with a signing secret, or Socket Mode with an app token) until stopped.',
    settings: 'SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode); see .env.example.\nInstall the app in one step from slack/manifest.yml (api.slack.com/apps → Create New App → From a manifest).',
  },
  settings: {
    fields: SLACK_FIELDS,
    configured: (env) => Boolean(env['SLACK_BOT_TOKEN'] || env['SLACK_SIGNING_SECRET'] || env['SLACK_APP_TOKEN']),
    parse: (env) => slackSettingsFrom(pick(env, SLACK_ENV)),
  },
  identity: {
    user: { pattern: /^[UW][A-Z0-9]{2,}$/, example: 'U0123ABCD' },
    // Public (`C…`) and private (`G…`) channels; a DM (`D…`) is not a place to broadcast to.
    channel: { pattern: /^[CG][A-Z0-9]{2,}$/, example: 'C0123ABCD', noun: 'channel', hint: "copy it from the channel's details; a name like #sg20 will not do" },
  },
  async start(settings, ctx) {
    const { createSlackApp, defaultAnswerThreads } = await import('./app.ts');
    // Slash-command answers in worker threads built like this process (answer-services.ts), unless they cannot start.
    const answerThreads = { entry: new URL('./answer-services.ts', import.meta.url), threads: settings.answerThreads ?? defaultAnswerThreads() };
    const bot = createSlackApp({ settings, deps: { ...ctx, log: ctx.log as Logger, answerThreads }, ...(ctx.now ? { now: ctx.now } : {}) });
    const { port } = await bot.start();
    return {
      describe: `Slack        app running over ${settings.mode === 'http' ? `HTTP on http://${settings.host}:${port ?? settings.port}${settings.path}` : 'Socket Mode'}`,
      port,
      stop: () => bot.stop(),
    };
  },
  sender(env, ctx) {
    // Posting needs the bot token alone (no signing secret or app token: those are for receiving).
    const botToken = env['SLACK_BOT_TOKEN'];
    if (!botToken) return null;
    const slackApiUrl = env['SLACK_API_URL'];
    const docUrl = env['SGBOT_DOC_URL'];
    return lazySender(['slack'], async () => {
      const { slackSender } = await import('./sender.ts');
      return slackSender({ botToken, ...(slackApiUrl ? { slackApiUrl } : {}), ...(docUrl ? { docUrl } : {}), ...(ctx.publicUrl ? { publicUrl: ctx.publicUrl } : {}), log: ctx.log.child({ component: 'slack-sender' }) });
    });
  },
});
