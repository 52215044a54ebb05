/**
 * Settings of the generic webhook platform, as zod rules: each variable checked on its own ({@link WEBHOOK_FIELDS},
 * composed into the one settings schema), what depends on several of them when the platform starts
 * ({@link webhookSettingsFrom}). The messages say where each value comes from: the secret is shared with the system
 * on the other side, the URL is that system's.
 */
import { z } from 'zod';
import { checkSetting, numberOr, parseSettings, settingValue, textSetting, wholeNumber, zoneCheck, type SettingCheck } from '../../setting-rules.ts';

/** Validated webhook settings. */
export interface WebhookSettings {
  /** Shared secret of the HMAC-SHA256 signatures, both ways. */
  secret: string;
  /** Where sgbot POSTs its messages (reminders, broadcasts); `null`: it only answers. */
  url: string | null;
  port: number;
  host: string;
  /** The path requests are POSTed to. */
  path: string;
  /** How old a request's timestamp may be (and how far ahead), seconds. */
  windowS: number;
  /** Commands a user may ask per minute. */
  rateLimitPerMinute: number;
  /** Zone when a request gives none. */
  defaultTz: string;
}

const HOW_SECRET = 'make one with `openssl rand -hex 32` and give the same value to the system that calls sgbot';

const CHECKS = {
  SGBOT_WEBHOOK_SECRET: (v, say) => {
    if (v.length < 32) say(`SGBOT_WEBHOOK_SECRET must be at least 32 characters (it signs every request both ways): ${HOW_SECRET}.`);
  },
  SGBOT_WEBHOOK_URL: (v, say) => {
    if (!/^https?:\/\/[^\s]+$/.test(v)) say(`SGBOT_WEBHOOK_URL must be the http(s) URL where the other system takes sgbot's messages (reminders, broadcasts), such as https://chat.example.org/hooks/sgbot, not "${v}".`);
  },
  SGBOT_WEBHOOK_PORT: wholeNumber('SGBOT_WEBHOOK_PORT', 0, 65535),
  SGBOT_WEBHOOK_HOST: undefined,
  SGBOT_WEBHOOK_PATH: (v, say) => {
    if (!/^\/[\w./-]*$/.test(v)) say(`SGBOT_WEBHOOK_PATH must be a path such as /webhook (where the other system POSTs commands and button presses), not "${v}".`);
  },
  SGBOT_WEBHOOK_WINDOW_S: wholeNumber('SGBOT_WEBHOOK_WINDOW_S', 10, 3600),
  SGBOT_WEBHOOK_RATE_LIMIT: wholeNumber('SGBOT_WEBHOOK_RATE_LIMIT', 1, 10_000),
} satisfies Record<string, SettingCheck | undefined>;

const KEYS = Object.keys(CHECKS) as Array<keyof typeof CHECKS>;

/** The webhook variables' rules, each on its own. */
export const WEBHOOK_FIELDS = Object.fromEntries(KEYS.map((k) => [k, textSetting(CHECKS[k])])) as Record<keyof typeof CHECKS, ReturnType<typeof textSetting>>;

/** Variables read by {@link webhookSettingsFrom}. */
export const WEBHOOK_ENV = [...KEYS, 'SGBOT_TZ'] as const;

const schema = z
  .object(Object.fromEntries(WEBHOOK_ENV.map((k) => [k, z.string().optional()])) as Record<(typeof WEBHOOK_ENV)[number], z.ZodOptional<z.ZodString>>)
  .superRefine((env, ctx) => {
    for (const k of KEYS) {
      const check = CHECKS[k];
      if (check) checkSetting(env, k, check, ctx);
    }
    if (!settingValue(env.SGBOT_WEBHOOK_SECRET)) ctx.addIssue({ code: 'custom', message: `SGBOT_WEBHOOK_SECRET is missing: ${HOW_SECRET}.` });
    checkSetting(env, 'SGBOT_TZ', zoneCheck, ctx);
  })
  .transform(
    (env): WebhookSettings =>
      Object.freeze({
        secret: settingValue(env.SGBOT_WEBHOOK_SECRET) ?? '',
        url: settingValue(env.SGBOT_WEBHOOK_URL) ?? null,
        port: numberOr(env.SGBOT_WEBHOOK_PORT, 3090),
        host: settingValue(env.SGBOT_WEBHOOK_HOST) ?? '0.0.0.0',
        path: settingValue(env.SGBOT_WEBHOOK_PATH) ?? '/webhook',
        windowS: numberOr(env.SGBOT_WEBHOOK_WINDOW_S, 300),
        rateLimitPerMinute: numberOr(env.SGBOT_WEBHOOK_RATE_LIMIT, 20),
        defaultTz: settingValue(env.SGBOT_TZ) ?? 'Europe/Zurich',
      }),
  );

/**
 * The webhook settings from `env`; one `E_CONFIG` error lists every problem.
 *
 * @example webhookSettingsFrom({ SGBOT_WEBHOOK_SECRET: 'e3b0…(32+ characters)', SGBOT_WEBHOOK_URL: 'https://chat.example.org/hooks/sgbot' })
 */
export function webhookSettingsFrom(env: Record<string, string | undefined>): WebhookSettings {
  return parseSettings(schema, env, 'webhook');
}
