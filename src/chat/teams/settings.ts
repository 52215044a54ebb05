/**
 * Settings of the Microsoft Teams adapter, read from environment-like records (src/config.ts passes them through
 * `teamsEnv`). Every wrong setting is reported at once, with where to find the right value in the Azure portal.
 *
 * Requests from Teams are authenticated (JWT validation by the Agents SDK) whenever a client id is set; anonymous
 * mode exists only for local tests and the Agents Playground, must be asked for explicitly (`TEAMS_ANONYMOUS=true`)
 * and is refused when `NODE_ENV=production`.
 */
import { TEAMS_KEYS } from '../../config.ts';
import { settingInt, settingReader } from '../setting-values.ts';
import { SgbotError } from '../../core/errors.ts';
import { isValidZone } from '../../core/time.ts';
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

/** Environment variables read by {@link teamsSettingsFrom}. */
export const TEAMS_ENV = [...TEAMS_KEYS, 'SGBOT_DOC_URL', 'SGBOT_TZ'] as const;

const WHERE = {
  client: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Application (client) ID (the same value as the Azure Bot resource\'s "Microsoft App ID")',
  secret: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Certificates & secrets → Client secrets → New client secret (copy its Value, not its Secret ID)',
  tenant: 'Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Directory (tenant) ID',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Build the Teams settings from `env` (empty values count as unset). Throws one `E_CONFIG` error listing every wrong
 * or missing setting and where to find its value; secrets are never repeated in it.
 *
 * @example teamsSettingsFrom({ TEAMS_CLIENT_ID: '…', TEAMS_CLIENT_SECRET: '…', TEAMS_TENANT_ID: '…' }).anonymous === false
 * @example teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'development' }).anonymous === true
 */
export function teamsSettingsFrom(env: Record<string, string | undefined>): TeamsSettings {
  const get = settingReader<(typeof TEAMS_ENV)[number]>(env);
  const problems: string[] = [];
  const clientId = get('TEAMS_CLIENT_ID');
  const clientSecret = get('TEAMS_CLIENT_SECRET');
  const tenantId = get('TEAMS_TENANT_ID');
  const production = get('NODE_ENV')?.toLowerCase() === 'production';

  const anonymousText = get('TEAMS_ANONYMOUS')?.toLowerCase() ?? 'false';
  let anonymous = false;
  if (anonymousText === 'true' || anonymousText === 'false') anonymous = anonymousText === 'true';
  else problems.push(`TEAMS_ANONYMOUS must be "true" (local tests only) or "false", not "${get('TEAMS_ANONYMOUS')}".`);

  if (anonymous && production) {
    problems.push(
      `TEAMS_ANONYMOUS=true is refused when NODE_ENV=production: anyone could then post to the bot. Remove TEAMS_ANONYMOUS and set TEAMS_CLIENT_ID (${WHERE.client}), TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID.`,
    );
  } else if (anonymous && (clientId || clientSecret || tenantId)) {
    problems.push('TEAMS_ANONYMOUS=true cannot be combined with TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET or TEAMS_TENANT_ID: remove TEAMS_ANONYMOUS to validate requests, or the credentials to test locally.');
  } else if (!anonymous) {
    if (!clientId) problems.push(`TEAMS_CLIENT_ID is missing: copy it from ${WHERE.client}. (Only for local tests without Azure: set TEAMS_ANONYMOUS=true, never in production.)`);
    else if (!GUID.test(clientId)) problems.push(`TEAMS_CLIENT_ID must be a GUID such as 00000000-0000-0000-0000-000000000000: copy the Application (client) ID from ${WHERE.client}.`);
    if (!clientSecret) problems.push(`TEAMS_CLIENT_SECRET is missing: create one at ${WHERE.secret}.`);
    else if (GUID.test(clientSecret)) problems.push(`TEAMS_CLIENT_SECRET looks like a GUID, which is the Secret ID; copy the secret's Value instead (${WHERE.secret}; the Value is shown only once, right after it is created).`);
    if (!tenantId) problems.push(`TEAMS_TENANT_ID is missing: copy it from ${WHERE.tenant}.`);
    else if (!GUID.test(tenantId)) problems.push(`TEAMS_TENANT_ID must be a GUID: copy the Directory (tenant) ID from ${WHERE.tenant}.`);
  }

  const path = get('TEAMS_PATH') ?? '/api/messages';
  if (!/^\/[\w./-]*$/.test(path)) problems.push(`TEAMS_PATH must be a path such as /api/messages (the end of the Azure Bot's Messaging endpoint), not "${path}".`);
  const defaultTz = get('SGBOT_TZ') ?? 'Europe/Zurich';
  if (!isValidZone(defaultTz)) problems.push(`SGBOT_TZ must be an IANA time zone such as Europe/Zurich, not "${defaultTz}".`);
  const docUrl = get('SGBOT_DOC_URL');
  if (docUrl !== undefined && !/^https?:\/\/\S*\{id\}\S*$/.test(docUrl)) problems.push('SGBOT_DOC_URL must be an http(s) URL containing {id}, such as https://sgbot.example.org/doc/{id}.');

  const port = settingInt(get('TEAMS_PORT'), 3978, 'TEAMS_PORT', 0, 65535, problems);
  const rateLimitPerMinute = settingInt(get('TEAMS_RATE_LIMIT'), 20, 'TEAMS_RATE_LIMIT', 1, 10_000, problems);
  const retries = settingInt(get('TEAMS_RETRIES'), 5, 'TEAMS_RETRIES', 1, 20, problems);

  if (problems.length > 0) {
    throw new SgbotError('E_CONFIG', `Invalid Microsoft Teams settings:\n${problems.map((p) => `  ${p}`).join('\n')}\nTo resolve, fix these environment variables (or .env).`);
  }
  return Object.freeze({
    clientId: anonymous ? null : (clientId as string),
    clientSecret: anonymous ? null : (clientSecret as string),
    tenantId: anonymous ? null : (tenantId as string),
    anonymous,
    port,
    host: get('TEAMS_HOST') ?? '0.0.0.0',
    path,
    defaultTz,
    rateLimitPerMinute,
    retry: Object.freeze({ retries, minTimeoutMs: 1000, maxTimeoutMs: 30_000 }),
    ...(docUrl ? { docUrl } : {}),
  });
}
