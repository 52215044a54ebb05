/**
 * All settings, read once from the environment (and an optional `.env`), validated by one zod schema, then frozen.
 * Nothing else in sgbot reads `process.env`. Every chat platform's variables (src/chat/platforms.ts: each platform's
 * `settings.fields`, declared beside it) are checked too, each on its own; what depends on the others (which tokens a
 * Slack mode needs, Teams credentials or anonymous mode, the webhook secret) is checked, again by zod, when that
 * platform is started (its `settings.parse`, given {@link platformEnv}).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { SgbotError } from './core/errors.ts';
import { broadcastTargetsTransform } from './broadcast/targets.ts';
import { CHANNEL_RULES, PLATFORM_FIELDS } from './chat/platforms.ts';
import type { SettingsEnv } from './core/platform.ts';
import { SLACK_FIELDS, SLACK_KEYS } from './chat/slack/settings.ts';
import { TEAMS_FIELDS, TEAMS_KEYS } from './chat/teams/settings.ts';
import { docUrlCheck, textSetting, zoneCheck } from './setting-rules.ts';
import { redactText } from './log.ts';
import { parseAccounts } from './core/accounts.ts';

const schema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must look like redis://HOST:PORT (for example redis://127.0.0.1:6379)')
    .default('redis://127.0.0.1:6379'),
  SGBOT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'may hold only letters, digits and _ . : - (at most 64 characters)')
    .default('sgbot'),
  SGBOT_TZ: z
    .string()
    .default('Europe/Zurich')
    .superRefine((v, ctx) => zoneCheck(v, (message) => ctx.addIssue({ code: 'custom', message }))),
  SGBOT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(50),
  SGBOT_MAX_MAIL_MB: z.coerce.number().positive().max(1024).default(100),
  SGBOT_MAX_DOCX_EXPANSION: z.coerce.number().min(2).max(10_000).default(100),
  SGBOT_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  SGBOT_MAX_PDF_SECONDS: z.coerce.number().positive().max(3600).default(30),
  // Budget of each mail part read or parsed in the part pool (src/ingest/pool.ts); over it, the part is dropped.
  SGBOT_PART_SECONDS: z.coerce.number().positive().max(3600).default(60),
  SGBOT_PART_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  SGBOT_IMAP: z
    .string()
    .default('')
    .transform((v, ctx) => parseImapUrls(v, ctx)),
  SGBOT_IMAP_SINCE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-01-01 (first run reads mail from that day on)')
    .optional(),
  SGBOT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Reminders one worker sends at a time. Each spends most of its time waiting on Redis and the SMTP server, so it
   * is well above the mail pool's 5 connections: the pool queues what it cannot send yet.
   */
  SGBOT_REMINDER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  SGBOT_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  // How long a broadcast delivery holds its target before another worker may send to it: longer than any send.
  SGBOT_BROADCAST_CLAIM_MS: z.coerce.number().int().min(5000).max(3_600_000).default(120_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465')
    .optional(),
  // The From of every mail sgbot sends; its domain names the Message-IDs and the DKIM signature.
  SGBOT_MAIL_FROM: z
    .string()
    .trim()
    .default('sgbot <sgbot@localhost>')
    .refine((v) => /^(?:[^<>@\r\n]*<[^\s<>@]+@[A-Za-z0-9.-]+>|[^\s<>@]+@[A-Za-z0-9.-]+)$/.test(v), 'must be an address such as sgbot@sg.example.org or "sgbot <sgbot@sg.example.org>"'),
  SGBOT_LIST_RULES: z
    .string()
    .default('[]')
    .transform((v, ctx) => parseListRules(v, ctx)),
  SGBOT_SENDER_AUTH: z.enum(['on', 'off']).default('on'),
  // Sender trust policy (src/ingest/trust.ts): who may speak for the study groups, and what is believed.
  SGBOT_TRUST_MODE: z.enum(['enforce', 'demo']).default('enforce'),
  SGBOT_TRUST_AUTHORITIES: domainList('itu.int', true),
  SGBOT_TRUST_ARC_SEALERS: domainList(''),
  SGBOT_TRUST_DKIM_DOMAINS: domainList(''),
  SGBOT_TRUST_RECEIVERS: domainList(''),
  SGBOT_TRUST_RECHECK_MINUTES: z
    .string()
    .regex(/^\s*\d+(?:\s*,\s*\d+)*\s*$|^\s*$/, 'must be minutes separated by commas, such as 5,30,120,720 (empty: no re-check)')
    .default('5,30,120,720')
    .transform((v) => v.split(',').map((m) => m.trim()).filter(Boolean).map(Number)),
  SGBOT_ROSTER: z.string().optional(),
  SGBOT_WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SGBOT_WEB_HOST: z.string().default('127.0.0.1'),
  // Web console sign-in: a file of accounts or inline `person-id:scrypt$…` entries, read and checked here.
  SGBOT_WEB_ACCOUNTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseAccounts(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message.replace(/^SGBOT_WEB_ACCOUNTS:?\s*/, '') });
        return [];
      }
    }),
  // Console accounts (names or roster ids, separated by commas or spaces) that may change jobs in Bull Board.
  SGBOT_WEB_OPERATORS: z
    .string()
    .default('')
    .transform((v) => v.split(/[,\s]+/).map((o) => o.trim().toLowerCase()).filter(Boolean)),
  SGBOT_WEB_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with: openssl rand -hex 32)').optional(),
  SGBOT_WEB_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(8),
  SGBOT_PUBLIC_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be the http(s) address people reach sgbot at, such as https://sgbot.example.org').default('http://localhost:8080'),
  SGBOT_REMINDER_SECRET: z.string().min(16, 'must be at least 16 characters (generate one with: openssl rand -hex 32)').optional(),
  SGBOT_REMINDER_OFFSETS: z
    .string()
    .regex(/^\s*\d{1,3}d\s*(?:,\s*\d{1,3}d\s*)*$/, 'must be days before each deadline, separated by commas, such as 14d,7d,1d,0d')
    .default('14d,7d,1d,0d')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  SGBOT_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  SGBOT_UNSUBSCRIBE_MAILTO: z.string().optional(),
  SGBOT_BROADCAST_TARGETS: z.string().default('{}').transform(broadcastTargetsTransform(CHANNEL_RULES)),
  SGBOT_DKIM_DOMAIN: z.string().optional(),
  SGBOT_DKIM_SELECTOR: z.string().optional(),
  SGBOT_DKIM_KEY_FILE: z.string().optional(),
  // Link to a stored document in chat answers, `{id}` for its id.
  SGBOT_DOC_URL: textSetting(docUrlCheck),
  // Slack (src/chat/slack/settings.ts) and Teams (src/chat/teams/settings.ts), with where to find each value.
  ...SLACK_FIELDS,
  ...TEAMS_FIELDS,
});

/** The settings that depend on one another. */
const checked = schema.superRefine((c, ctx) => {
  const dkim = [c.SGBOT_DKIM_DOMAIN, c.SGBOT_DKIM_SELECTOR, c.SGBOT_DKIM_KEY_FILE].filter(Boolean).length;
  if (dkim > 0 && dkim < 3) {
    ctx.addIssue({ code: 'custom', path: ['SGBOT_DKIM_KEY_FILE'], message: 'DKIM signing needs all three of SGBOT_DKIM_DOMAIN, SGBOT_DKIM_SELECTOR and SGBOT_DKIM_KEY_FILE (a PEM private key file); set all or none.' });
  }
});

/** `itu.int, Lists.ITU.int` → `['itu.int', 'lists.itu.int']`; `null` when an entry is not a domain name (or `*`). */
export function parseDomainList(value: string, allowStar = false): string[] | null {
  const items = value.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean);
  const ok = items.every((d) => (allowStar && d === '*') || /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(d));
  return ok ? [...new Set(items)] : null;
}

/** A list of domain names separated by commas (`*`, every domain, where `star`). */
function domainList(fallback: string, star = false) {
  return z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const list = parseDomainList(v, star);
      if (list === null) ctx.addIssue({ code: 'custom', message: `must be domain names separated by commas, such as itu.int,lists.itu.int${star ? ' (or *)' : ''}` });
      return list ?? [];
    });
}

const listRule = z.object({
  pattern: z.string().min(1),
  group: z.string().optional(),
  role: z.enum(['list', 'secretariat']).optional(),
  period: z.string().regex(/^\d{4}-\d{4}$/).optional(),
});

/** `SGBOT_LIST_RULES`: a JSON array of list-naming rules for lists outside the ITU scheme (see src/ingest/lists.ts). */
function parseListRules(value: string, ctx: z.RefinementCtx): Array<z.infer<typeof listRule>> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON array such as [{"pattern":"^sg(?<sg>\\d+)@lists\\.example\\.org$"}]' });
    return [];
  }
  const parsed = z.array(listRule).safeParse(json);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: `each rule needs a "pattern" (a regular expression) and may have "group", "role", "period": ${parsed.error.issues[0]?.message ?? ''}` });
    return [];
  }
  for (const r of parsed.data) {
    try {
      new RegExp(r.pattern);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${r.pattern}" is not a valid regular expression` });
    }
  }
  return parsed.data;
}

/** One IMAP account to read, from `SGBOT_IMAP`. */
export interface ImapAccount {
  /** Short name for logs and checkpoints: `user@host`. */
  id: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailboxes: string[];
}

/**
 * `SGBOT_IMAP`: one or more URLs separated by spaces, `imap://USER:PASSWORD@HOST:PORT/?mailboxes=INBOX,Lists/SG20`
 * (`imaps://` for TLS; user and password URL-encoded; mailboxes default to INBOX).
 */
function parseImapUrls(value: string, ctx: z.RefinementCtx): ImapAccount[] {
  const accounts: ImapAccount[] = [];
  for (const item of value.split(/\s+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${redactUrl(item)}" is not a URL; write imap://USER:PASSWORD@HOST:143/?mailboxes=INBOX` });
      continue;
    }
    if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') {
      ctx.addIssue({ code: 'custom', message: `"${redactUrl(item)}" must start with imap:// or imaps://` });
      continue;
    }
    if (!url.username || !url.password) {
      ctx.addIssue({ code: 'custom', message: `"${redactUrl(item)}" needs a user and a password: imap://USER:PASSWORD@HOST (URL-encode @ as %40)` });
      continue;
    }
    const secure = url.protocol === 'imaps:';
    const user = decodeURIComponent(url.username);
    const mailboxes = (url.searchParams.get('mailboxes') ?? 'INBOX').split(',').map((m) => m.trim()).filter(Boolean);
    accounts.push({
      id: `${user}@${url.hostname}`,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      user,
      pass: decodeURIComponent(url.password),
      mailboxes,
    });
  }
  return accounts;
}

/** A URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(value: string): string {
  return redactText(value);
}

/**
 * The variables of platforms that are not in the schema above (Slack's and Teams' are, for the code that names them):
 * a platform added to src/chat/platforms.ts brings its own, checked here without a change to this file.
 */
const platformOnly = z.object(Object.fromEntries(Object.entries(PLATFORM_FIELDS).filter(([k]) => !(k in schema.shape))));

/** Validated, frozen settings; `platformEnv` holds every chat platform's variables as text (see {@link platformEnv}). */
export type Config = Readonly<z.infer<typeof schema> & { platformEnv?: SettingsEnv }>;

/** What a platform's `settings.parse` reads: every platform variable, and the shared `SGBOT_TZ`, `SGBOT_DOC_URL`. */
export function platformEnv(config: Config): SettingsEnv {
  const known = config as unknown as Record<string, unknown>;
  const fromSchema = Object.fromEntries(Object.keys(PLATFORM_FIELDS).map((k) => {
    const v = known[k];
    return [k, typeof v === 'string' ? v : undefined];
  }));
  return { ...fromSchema, ...config.platformEnv, SGBOT_DOC_URL: config.SGBOT_DOC_URL, SGBOT_TZ: config.SGBOT_TZ };
}

/** The Slack settings as text, for `slackSettingsFrom`. */
export function slackEnv(config: Config): Record<string, string | undefined> {
  return { ...Object.fromEntries(SLACK_KEYS.map((k) => [k, config[k]])), SGBOT_DOC_URL: config.SGBOT_DOC_URL, SGBOT_TZ: config.SGBOT_TZ };
}

/** The Teams settings as text, for `teamsSettingsFrom`. */
export function teamsEnv(config: Config): Record<string, string | undefined> {
  return { ...Object.fromEntries(TEAMS_KEYS.map((k) => [k, config[k]])), SGBOT_DOC_URL: config.SGBOT_DOC_URL, SGBOT_TZ: config.SGBOT_TZ };
}

/** The variables of a `.env` file (Node's own dotenv parser: quotes, comments, `export`), or none without one. */
function readDotEnv(path: string): Record<string, string | undefined> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8'));
}

/**
 * Build the configuration from `env` (process environment wins over `.env`). Every bad variable is listed in one
 * error, with how to fix it.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, dotEnvPath = '.env'): Config {
  const merged = { ...readDotEnv(dotEnvPath), ...env };
  const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, merged[k] === '' ? undefined : merged[k]]));
  const result = checked.safeParse(pick(Object.keys(schema.shape)));
  const platforms = platformOnly.safeParse(pick(Object.keys(platformOnly.shape)));
  if (!result.success || !platforms.success) {
    const issues = [...(result.error?.issues ?? []), ...(platforms.error?.issues ?? [])];
    // A message may quote a malformed value: whatever secret it holds is redacted.
    const lines = issues.map((i) => {
      const key = i.path.join('.');
      return `  ${i.message.startsWith(key) ? '' : `${key}: `}${redactText(i.message)}`;
    });
    throw new SgbotError('E_CONFIG', `Invalid settings:\n${lines.join('\n')}\nTo resolve, fix these environment variables (or .env).`);
  }
  // Unset, the public address is this machine's web port (not a fixed 8080 when SGBOT_WEB_PORT says otherwise).
  const port = result.data.SGBOT_WEB_PORT;
  const publicUrl = merged['SGBOT_PUBLIC_URL'] ? result.data.SGBOT_PUBLIC_URL : port === 0 ? result.data.SGBOT_PUBLIC_URL : `http://localhost:${port}`;
  return Object.freeze({ ...result.data, SGBOT_PUBLIC_URL: publicUrl, platformEnv: Object.freeze(platforms.data) });
}
