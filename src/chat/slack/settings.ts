/**
 * Settings of the Slack adapter, as zod rules. {@link SLACK_FIELDS} checks each variable on its own and is part of the
 * one settings schema (src/config.ts), so a malformed value stops sgbot when it starts; {@link slackSettingsFrom}
 * adds what depends on the others (which tokens the mode needs) when Slack is started. Every wrong setting is reported
 * at once, with where to find the right value in the Slack app's configuration (api.slack.com/apps).
 */
import { z } from 'zod';
import { checkSetting, docUrlCheck, numberOr, parseSettings, settingValue, textSetting, wholeNumber, zoneCheck, type SettingCheck } from '../../setting-rules.ts';
import type { RetryPolicy } from '../retry.ts';

/** How a failed post is retried (src/chat/retry.ts). */
export type SlackRetryPolicy = RetryPolicy;

/** Validated Slack settings. */
export interface SlackSettings {
  /** `http`: Slack POSTs to a public URL, signed with the signing secret. `socket`: Socket Mode, no public URL. */
  mode: 'http' | 'socket';
  /** Bot User OAuth Token (`xoxb-…`). */
  botToken: string;
  /** Signing Secret (HTTP mode). */
  signingSecret?: string;
  /** App-Level Token with `connections:write` (`xapp-…`, Socket Mode). */
  appToken?: string;
  /** HTTP mode: where to listen. */
  port: number;
  host: string;
  /** HTTP mode: the path of the Request URL (events, commands and interactivity share it). */
  path: string;
  /** Slack's Web API base URL (tests point it at a local fake). */
  slackApiUrl: string;
  /** Zone for users whose Slack profile has none, or when Slack cannot be asked. */
  defaultTz: string;
  /** Commands a user may ask per minute. */
  rateLimitPerMinute: number;
  /** Retries of Web API calls and response_url posts. */
  retry: SlackRetryPolicy;
  /** Longest wait for a profile lookup (users.info) before answering in the default zone, ms. */
  lookupTimeoutMs: number;
  /** Link to a stored document, with `{id}` for its id (e.g. `https://sgbot.example.org/doc/{id}`); none if unset. */
  docUrl?: string;
  /** Worker threads that compute answers off the acking event loop; 0 answers on it; unset: one per spare core (1 to 4). */
  answerThreads?: number;
}

const WHERE = {
  bot: 'api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-; install the app to your workspace first)',
  secret: 'api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret (not the Client Secret, not the Verification Token)',
  app: 'api.slack.com/apps → your app → Basic Information → App-Level Tokens → Generate a token with the connections:write scope (starts with xapp-)',
};

/** Checks of the Slack variables that stand on their own. */
const CHECKS = {
  SLACK_MODE: (v, say) => {
    if (v !== 'http' && v !== 'socket') say(`SLACK_MODE must be "http" (Slack calls a public URL) or "socket" (Socket Mode, no public URL), not "${v}".`);
  },
  SLACK_BOT_TOKEN: (v, say) => {
    if (v.startsWith('xapp-')) say(`SLACK_BOT_TOKEN holds an app-level token (xapp-…); put that in SLACK_APP_TOKEN and copy the bot token from ${WHERE.bot}.`);
    else if (!v.startsWith('xoxb-')) say(`SLACK_BOT_TOKEN must start with xoxb-: copy the Bot User OAuth Token from ${WHERE.bot}.`);
  },
  SLACK_SIGNING_SECRET: undefined,
  SLACK_APP_TOKEN: undefined,
  SLACK_PORT: wholeNumber('SLACK_PORT', 0, 65535),
  SLACK_HOST: undefined,
  SLACK_PATH: (v, say) => {
    if (!v.startsWith('/')) say(`SLACK_PATH must start with /, such as /slack/events; use the same path in the app's Request URLs.`);
  },
  SLACK_API_URL: (v, say) => {
    if (!/^https?:\/\/[^\s]+\/$/.test(v)) say(`SLACK_API_URL must be a URL ending in /, such as https://slack.com/api/ (the default), not "${v}".`);
  },
  SLACK_RATE_LIMIT: wholeNumber('SLACK_RATE_LIMIT', 1, 10_000),
  SLACK_RETRIES: wholeNumber('SLACK_RETRIES', 1, 20),
  SLACK_LOOKUP_TIMEOUT_MS: wholeNumber('SLACK_LOOKUP_TIMEOUT_MS', 100, 60_000),
  SLACK_ANSWER_THREADS: wholeNumber('SLACK_ANSWER_THREADS', 0, 16),
} satisfies Record<string, SettingCheck | undefined>;

/** The Slack variables. */
export const SLACK_KEYS = Object.keys(CHECKS) as Array<keyof typeof CHECKS>;

/** The Slack variables' rules, each on its own (src/config.ts puts them in its schema). */
export const SLACK_FIELDS = Object.fromEntries(SLACK_KEYS.map((k) => [k, textSetting(CHECKS[k])])) as Record<keyof typeof CHECKS, ReturnType<typeof textSetting>>;

/** Environment variables read by {@link slackSettingsFrom}. */
export const SLACK_ENV = [...SLACK_KEYS, 'SGBOT_DOC_URL', 'SGBOT_TZ'] as const;

/** Every Slack variable, then what the mode needs, then the settings. */
const slackSchema = z
  .object(Object.fromEntries(SLACK_ENV.map((k) => [k, z.string().optional()])) as Record<(typeof SLACK_ENV)[number], z.ZodOptional<z.ZodString>>)
  .superRefine((env, ctx) => {
    const say = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const k of SLACK_KEYS) {
      const check = CHECKS[k];
      if (check) checkSetting(env, k, check, ctx);
    }
    const mode = modeOf(env);
    if (!settingValue(env.SLACK_BOT_TOKEN)) say(`SLACK_BOT_TOKEN is missing: copy it from ${WHERE.bot}.`);
    const signingSecret = settingValue(env.SLACK_SIGNING_SECRET);
    const appToken = settingValue(env.SLACK_APP_TOKEN);
    if (mode === 'http') {
      if (!signingSecret) say(`SLACK_SIGNING_SECRET is missing (needed in HTTP mode): copy it from ${WHERE.secret}.`);
      else if (!/^[0-9a-f]{32,}$/i.test(signingSecret)) say(`SLACK_SIGNING_SECRET does not look like a signing secret (32 or more hex digits): copy it from ${WHERE.secret}.`);
    }
    if (mode === 'socket') {
      if (!appToken) say(`SLACK_APP_TOKEN is missing (needed in Socket Mode): create it at ${WHERE.app}; or set SLACK_MODE=http.`);
      else if (!appToken.startsWith('xapp-')) say(`SLACK_APP_TOKEN must start with xapp-: create one at ${WHERE.app}.`);
    }
    checkSetting(env, 'SGBOT_TZ', zoneCheck, ctx);
    checkSetting(env, 'SGBOT_DOC_URL', docUrlCheck, ctx);
  })
  .transform((env): SlackSettings => {
    const signingSecret = settingValue(env.SLACK_SIGNING_SECRET);
    const appToken = settingValue(env.SLACK_APP_TOKEN);
    const docUrl = settingValue(env.SGBOT_DOC_URL);
    return Object.freeze({
      mode: modeOf(env),
      botToken: settingValue(env.SLACK_BOT_TOKEN) ?? '',
      ...(signingSecret ? { signingSecret } : {}),
      ...(appToken ? { appToken } : {}),
      port: numberOr(env.SLACK_PORT, 3000),
      host: settingValue(env.SLACK_HOST) ?? '0.0.0.0',
      path: settingValue(env.SLACK_PATH) ?? '/slack/events',
      slackApiUrl: settingValue(env.SLACK_API_URL) ?? 'https://slack.com/api/',
      defaultTz: settingValue(env.SGBOT_TZ) ?? 'Europe/Zurich',
      rateLimitPerMinute: numberOr(env.SLACK_RATE_LIMIT, 20),
      retry: Object.freeze({ retries: numberOr(env.SLACK_RETRIES, 5), minTimeoutMs: 1000, maxTimeoutMs: 30_000 }),
      lookupTimeoutMs: numberOr(env.SLACK_LOOKUP_TIMEOUT_MS, 2000),
      ...(docUrl ? { docUrl } : {}),
      ...(settingValue(env.SLACK_ANSWER_THREADS) ? { answerThreads: numberOr(env.SLACK_ANSWER_THREADS, 1) } : {}),
    });
  });

/** The mode asked for; without SLACK_MODE, Socket Mode when only an app token is given. A wrong mode counts as http. */
function modeOf(env: Partial<Record<string, string>>): SlackSettings['mode'] {
  const text = settingValue(env.SLACK_MODE) ?? (settingValue(env.SLACK_APP_TOKEN) && !settingValue(env.SLACK_SIGNING_SECRET) ? 'socket' : 'http');
  return text === 'socket' ? 'socket' : 'http';
}

/**
 * Build the Slack settings from `env` (empty values count as unset). Throws one `E_CONFIG` error listing every
 * wrong or missing setting and where to find its value.
 *
 * @example slackSettingsFrom({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-…', SLACK_APP_TOKEN: 'xapp-…' }).mode === 'socket'
 */
export function slackSettingsFrom(env: Record<string, string | undefined>): SlackSettings {
  return parseSettings(slackSchema, env, 'Slack');
}
