/**
 * A generic webhook as a {@link ChatPlatform}: any system that can POST signed JSON and take signed JSON POSTs (a
 * self-hosted chat, an internal portal, a test harness) talks to sgbot like Slack and Teams do. Commands and button
 * presses come in (app.ts), reminders and broadcasts go out (sender.ts), both signed with `SGBOT_WEBHOOK_SECRET`.
 * People are `{ "chat": { "webhook": "ana" } }` in the roster; channels are written `#sg20` (`webhook:#sg20`).
 */
import { definePlatform } from '../../core/platform.ts';
import { WEBHOOK_CHANNEL, WEBHOOK_USER } from './app-ids.ts';
import { WEBHOOK_ENV, WEBHOOK_FIELDS, webhookSettingsFrom, type WebhookSettings } from './settings.ts';
import { webhookSender } from './sender.ts';

export const webhookPlatform = definePlatform<WebhookSettings>({
  id: 'webhook',
  label: 'Webhook',
  settings: {
    fields: WEBHOOK_FIELDS,
    configured: (env) => Boolean(env['SGBOT_WEBHOOK_SECRET']?.trim()),
    parse: (env) => webhookSettingsFrom(Object.fromEntries(WEBHOOK_ENV.map((k) => [k, env[k]]))),
  },
  identity: {
    user: { pattern: WEBHOOK_USER, example: 'ana' },
    channel: { pattern: WEBHOOK_CHANNEL, example: '#sg20', noun: 'channel', hint: 'a webhook channel starts with #' },
  },
  async start(settings, ctx) {
    const { createWebhookApp } = await import('./app.ts');
    const bot = createWebhookApp({ settings, ctx });
    const { port } = await bot.start();
    return { describe: `Webhook      listening on http://${settings.host}:${port}${settings.path}${settings.url ? `, posting to ${new URL(settings.url).origin}` : ' (answers only: no SGBOT_WEBHOOK_URL)'}`, port, stop: () => bot.stop() };
  },
  sender(env) {
    if (!env['SGBOT_WEBHOOK_SECRET']?.trim() || !env['SGBOT_WEBHOOK_URL']?.trim()) return null;
    return webhookSender(webhookSettingsFrom(Object.fromEntries(WEBHOOK_ENV.map((k) => [k, env[k]]))));
  },
});
