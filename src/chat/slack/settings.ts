/**
 * Settings of the Slack adapter, read from environment-like records. Every wrong setting is reported at once, with
 * where to find the right value in the Slack app's configuration (api.slack.com/apps).
 *
 * Kept free of zod on purpose: src/config.ts will fold these variables into its one schema and call
 * {@link slackSettingsFrom} (or reuse its checks) from there.
 */
import { SLACK_KEYS } from '../../config.ts';
import { settingInt, settingReader } from '../setting-values.ts';
import { SgbotError } from '../../core/errors.ts';
import { isValidZone } from '../../core/time.ts';
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
}

/** Environment variables read by {@link slackSettingsFrom}. */
export const SLACK_ENV = [...SLACK_KEYS, 'SGBOT_TZ'] as const;

const WHERE = {
  bot: 'api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-; install the app to your workspace first)',
  secret: 'api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret (not the Client Secret, not the Verification Token)',
  app: 'api.slack.com/apps → your app → Basic Information → App-Level Tokens → Generate a token with the connections:write scope (starts with xapp-)',
};

/**
 * Build the Slack settings from `env` (empty values count as unset). Throws one `E_CONFIG` error listing every
 * wrong or missing setting and where to find its value.
 *
 * @example slackSettingsFrom({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-…', SLACK_APP_TOKEN: 'xapp-…' }).mode === 'socket'
 */
export function slackSettingsFrom(env: Record<string, string | undefined>): SlackSettings {
  const get = settingReader<(typeof SLACK_ENV)[number]>(env);
  const problems: string[] = [];
  const botToken = get('SLACK_BOT_TOKEN');
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const appToken = get('SLACK_APP_TOKEN');
  const modeText = get('SLACK_MODE') ?? (appToken && !signingSecret ? 'socket' : 'http');

  let mode: SlackSettings['mode'] = 'http';
  if (modeText === 'http' || modeText === 'socket') mode = modeText;
  else problems.push(`SLACK_MODE must be "http" (Slack calls a public URL) or "socket" (Socket Mode, no public URL), not "${modeText}".`);

  if (!botToken) problems.push(`SLACK_BOT_TOKEN is missing: copy it from ${WHERE.bot}.`);
  else if (botToken.startsWith('xapp-')) problems.push(`SLACK_BOT_TOKEN holds an app-level token (xapp-…); put that in SLACK_APP_TOKEN and copy the bot token from ${WHERE.bot}.`);
  else if (!botToken.startsWith('xoxb-')) problems.push(`SLACK_BOT_TOKEN must start with xoxb-: copy the Bot User OAuth Token from ${WHERE.bot}.`);

  if (mode === 'http') {
    if (!signingSecret) problems.push(`SLACK_SIGNING_SECRET is missing (needed in HTTP mode): copy it from ${WHERE.secret}.`);
    else if (!/^[0-9a-f]{32,}$/i.test(signingSecret)) problems.push(`SLACK_SIGNING_SECRET does not look like a signing secret (32 or more hex digits): copy it from ${WHERE.secret}.`);
  }
  if (mode === 'socket') {
    if (!appToken) problems.push(`SLACK_APP_TOKEN is missing (needed in Socket Mode): create it at ${WHERE.app}; or set SLACK_MODE=http.`);
    else if (!appToken.startsWith('xapp-')) problems.push(`SLACK_APP_TOKEN must start with xapp-: create one at ${WHERE.app}.`);
  }

  const slackApiUrl = get('SLACK_API_URL') ?? 'https://slack.com/api/';
  if (!/^https?:\/\/[^\s]+\/$/.test(slackApiUrl)) problems.push(`SLACK_API_URL must be a URL ending in /, such as https://slack.com/api/ (the default), not "${slackApiUrl}".`);
  const path = get('SLACK_PATH') ?? '/slack/events';
  if (!path.startsWith('/')) problems.push(`SLACK_PATH must start with /, such as /slack/events; use the same path in the app's Request URLs.`);
  const defaultTz = get('SGBOT_TZ') ?? 'Europe/Zurich';
  if (!isValidZone(defaultTz)) problems.push(`SGBOT_TZ must be an IANA time zone such as Europe/Zurich, not "${defaultTz}".`);
  const docUrl = get('SGBOT_DOC_URL');
  if (docUrl !== undefined && !/^https?:\/\/\S*\{id\}\S*$/.test(docUrl)) problems.push(`SGBOT_DOC_URL must be an http(s) URL containing {id}, such as https://sgbot.example.org/doc/{id}.`);

  const port = settingInt(get('SLACK_PORT'), 3000, 'SLACK_PORT', 0, 65535, problems);
  const rateLimitPerMinute = settingInt(get('SLACK_RATE_LIMIT'), 20, 'SLACK_RATE_LIMIT', 1, 10_000, problems);
  const retries = settingInt(get('SLACK_RETRIES'), 5, 'SLACK_RETRIES', 1, 20, problems);
  const lookupTimeoutMs = settingInt(get('SLACK_LOOKUP_TIMEOUT_MS'), 2000, 'SLACK_LOOKUP_TIMEOUT_MS', 100, 60_000, problems);

  if (problems.length > 0) {
    throw new SgbotError('E_CONFIG', `Invalid Slack settings:\n${problems.map((p) => `  ${p}`).join('\n')}\nTo resolve, fix these environment variables (or .env).`);
  }
  return Object.freeze({
    mode,
    botToken: botToken as string,
    ...(signingSecret ? { signingSecret } : {}),
    ...(appToken ? { appToken } : {}),
    port,
    host: get('SLACK_HOST') ?? '0.0.0.0',
    path,
    slackApiUrl,
    defaultTz,
    rateLimitPerMinute,
    retry: Object.freeze({ retries, minTimeoutMs: 1000, maxTimeoutMs: 30_000 }),
    lookupTimeoutMs,
    ...(docUrl ? { docUrl } : {}),
  });
}
