/**
 * Settings of the Microsoft Teams adapter, as zod rules. {@link TEAMS_FIELDS} checks each variable on its own and is
 * part of the one settings schema (src/config.ts); {@link teamsSettingsFrom} adds what depends on the others (the
 * credentials, or anonymous mode) when Teams is started (src/config.ts passes them through `teamsEnv`). Every wrong
 * setting is reported at once, with where to find the right value in the Azure portal.
 *
 * Requests from Teams are authenticated (JWT validation by the Agents SDK) whenever a client id is set; anonymous
 * mode exists only for local tests and the Agents Playground, must be asked for explicitly (`TEAMS_ANONYMOUS=true`)
 * and is refused when `NODE_ENV=production`.
 */
import { z } from 'zod';
import { checkSetting, docUrlCheck, numberOr, parseSettings, settingValue, textSetting, wholeNumber, zoneCheck, type SettingCheck } from '../../setting-rules.ts';
import type { RetryPolicy } from '../retry.ts';

/** How a failed post is retried (src/chat/retry.ts). */
export type TeamsRetryPolicy = RetryPolicy;

/** Validated Teams settings. */
export interface TeamsSettings {
  /** Microsoft Entra application (client) id of the bot; `null` only in anonymous mode. */
  clientId: string | null;
  clientSecret: string | null;
  /** Directory (tenant) id of the app registration; `null` only in anonymous mode. */
  tenantId: string | null;
  /** No JWT validation, no tokens on replies: local tests and the Agents Playground only. */
  anonymous: boolean;
  port: number;
  host: string;
  /** Messaging endpoint path (the Azure Bot's "Messaging endpoint" ends with it). */
  path: string;
  /** Zone for users whose Teams client does not say theirs. */
  defaultTz: string;
  /** Questions a user may ask per minute. */
  rateLimitPerMinute: number;
  retry: TeamsRetryPolicy;
  /** Link to a stored document, with `{id}` for its id; none if unset. */
  docUrl?: string;
}

const WHERE = {
  client: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Application (client) ID (the same value as the Azure Bot resource\'s "Microsoft App ID")',
  secret: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Certificates & secrets → Client secrets → New client secret (copy its Value, not its Secret ID)',
  tenant: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Directory (tenant) ID',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks of the Teams variables that stand on their own (the credentials depend on the mode: see below). */
const CHECKS = {
  TEAMS_CLIENT_ID: undefined,
  TEAMS_CLIENT_SECRET: undefined,
  TEAMS_TENANT_ID: undefined,
  TEAMS_ANONYMOUS: (v, say) => {
    if (v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false') say(`TEAMS_ANONYMOUS must be "true" (local tests only) or "false", not "${v}".`);
  },
  TEAMS_PORT: wholeNumber('TEAMS_PORT', 0, 65535),
  TEAMS_HOST: undefined,
  TEAMS_PATH: (v, say) => {
    if (!/^\/[\w./-]*$/.test(v)) say(`TEAMS_PATH must be a path such as /api/messages (the end of the Azure Bot's Messaging endpoint), not "${v}".`);
  },
  TEAMS_RATE_LIMIT: wholeNumber('TEAMS_RATE_LIMIT', 1, 10_000),
  TEAMS_RETRIES: wholeNumber('TEAMS_RETRIES', 1, 20),
  /** Read so that anonymous mode is refused in production. */
  NODE_ENV: undefined,
} satisfies Record<string, SettingCheck | undefined>;

/** The Teams variables (and `NODE_ENV`). */
export const TEAMS_KEYS = Object.keys(CHECKS) as Array<keyof typeof CHECKS>;

/** The Teams variables' rules, each on its own (src/config.ts puts them in its schema). */
export const TEAMS_FIELDS = Object.fromEntries(TEAMS_KEYS.map((k) => [k, textSetting(CHECKS[k])])) as Record<keyof typeof CHECKS, ReturnType<typeof textSetting>>;

/** Environment variables read by {@link teamsSettingsFrom}. */
export const TEAMS_ENV = [...TEAMS_KEYS, 'SGBOT_DOC_URL', 'SGBOT_TZ'] as const;

/** Whether anonymous mode is asked for (a wrong value counts as no). */
const anonymousOf = (env: Partial<Record<string, string>>) => settingValue(env.TEAMS_ANONYMOUS)?.toLowerCase() === 'true';

/** Every Teams variable, then the credentials or anonymous mode, then the settings. */
const teamsSchema = z
  .object(Object.fromEntries(TEAMS_ENV.map((k) => [k, z.string().optional()])) as Record<(typeof TEAMS_ENV)[number], z.ZodOptional<z.ZodString>>)
  .superRefine((env, ctx) => {
    const say = (message: string) => ctx.addIssue({ code: 'custom', message });
    const clientId = settingValue(env.TEAMS_CLIENT_ID);
    const clientSecret = settingValue(env.TEAMS_CLIENT_SECRET);
    const tenantId = settingValue(env.TEAMS_TENANT_ID);
    const production = settingValue(env.NODE_ENV)?.toLowerCase() === 'production';
    const anonymous = anonymousOf(env);
    checkSetting(env, 'TEAMS_ANONYMOUS', CHECKS.TEAMS_ANONYMOUS, ctx);
    if (anonymous && production) {
      say(`TEAMS_ANONYMOUS=true is refused when NODE_ENV=production: anyone could then post to the bot. Remove TEAMS_ANONYMOUS and set TEAMS_CLIENT_ID (${WHERE.client}), TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID.`);
    } else if (anonymous && (clientId || clientSecret || tenantId)) {
      say('TEAMS_ANONYMOUS=true cannot be combined with TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET or TEAMS_TENANT_ID: remove TEAMS_ANONYMOUS to validate requests, or the credentials to test locally.');
    } else if (!anonymous) {
      if (!clientId) say(`TEAMS_CLIENT_ID is missing: copy it from ${WHERE.client}. (Only for local tests without Azure: set TEAMS_ANONYMOUS=true, never in production.)`);
      else if (!GUID.test(clientId)) say(`TEAMS_CLIENT_ID must be a GUID such as 00000000-0000-0000-0000-000000000000: copy the Application (client) ID from ${WHERE.client}.`);
      if (!clientSecret) say(`TEAMS_CLIENT_SECRET is missing: create one at ${WHERE.secret}.`);
      else if (GUID.test(clientSecret)) say(`TEAMS_CLIENT_SECRET looks like a GUID, which is the Secret ID; copy the secret's Value instead (${WHERE.secret}; the Value is shown only once, right after it is created).`);
      if (!tenantId) say(`TEAMS_TENANT_ID is missing: copy it from ${WHERE.tenant}.`);
      else if (!GUID.test(tenantId)) say(`TEAMS_TENANT_ID must be a GUID: copy the Directory (tenant) ID from ${WHERE.tenant}.`);
    }
    for (const k of ['TEAMS_PATH', 'TEAMS_PORT', 'TEAMS_RATE_LIMIT', 'TEAMS_RETRIES'] as const) checkSetting(env, k, CHECKS[k], ctx);
    checkSetting(env, 'SGBOT_TZ', zoneCheck, ctx);
    checkSetting(env, 'SGBOT_DOC_URL', docUrlCheck, ctx);
  })
  .transform((env): TeamsSettings => {
    const anonymous = anonymousOf(env);
    const docUrl = settingValue(env.SGBOT_DOC_URL);
    return Object.freeze({
      clientId: anonymous ? null : (settingValue(env.TEAMS_CLIENT_ID) ?? null),
      clientSecret: anonymous ? null : (settingValue(env.TEAMS_CLIENT_SECRET) ?? null),
      tenantId: anonymous ? null : (settingValue(env.TEAMS_TENANT_ID) ?? null),
      anonymous,
      port: numberOr(env.TEAMS_PORT, 3978),
      host: settingValue(env.TEAMS_HOST) ?? '0.0.0.0',
      path: settingValue(env.TEAMS_PATH) ?? '/api/messages',
      defaultTz: settingValue(env.SGBOT_TZ) ?? 'Europe/Zurich',
      rateLimitPerMinute: numberOr(env.TEAMS_RATE_LIMIT, 20),
      retry: Object.freeze({ retries: numberOr(env.TEAMS_RETRIES, 5), minTimeoutMs: 1000, maxTimeoutMs: 30_000 }),
      ...(docUrl ? { docUrl } : {}),
    });
  });

/**
 * Build the Teams settings from `env` (empty values count as unset). Throws one `E_CONFIG` error listing every wrong
 * or missing setting and where to find its value; secrets are never repeated in it.
 *
 * @example teamsSettingsFrom({ TEAMS_CLIENT_ID: '…', TEAMS_CLIENT_SECRET: '…', TEAMS_TENANT_ID: '…' }).anonymous === false
 * @example teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'development' }).anonymous === true
 */
export function teamsSettingsFrom(env: Record<string, string | undefined>): TeamsSettings {
  return parseSettings(teamsSchema, env, 'Microsoft Teams');
}
