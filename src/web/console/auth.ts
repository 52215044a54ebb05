/**
 * Sign-in for the web console: accounts defined in the settings (`SGBOT_WEB_ACCOUNTS`), each linked to a roster
 * person, with scrypt password hashes (`scrypt$N$r$p$salt$hash`, salt and hash in base64url); and a login rate
 * limit per address and account kept in Redis, so that several web replicas count together.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { SgbotError } from '../../core/errors.ts';

/** One console account: the name typed at sign-in, the roster person it acts as, and its password hash. */
export interface WebAccount {
  user: string;
  /** Roster person id (the email address); roles are looked up there at every action. */
  person: string;
  /** `scrypt$N$r$p$salt$hash`, made by {@link hashPassword}. */
  hash: string;
}

const DEFAULTS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, { ...opts, maxmem: 256 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))));
}

/**
 * A hash of `password` for `SGBOT_WEB_ACCOUNTS`.
 *
 * @example await hashPassword('correct horse') // 'scrypt$16384$8$1$<salt>$<hash>'
 */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < 8) throw new SgbotError('E_USAGE', 'A console password needs at least 8 characters.');
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULTS, KEY_LENGTH);
  return `scrypt$${DEFAULTS.N}$${DEFAULTS.r}$${DEFAULTS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const HASH = /^scrypt\$(\d{1,7})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{8,})\$([A-Za-z0-9_-]{16,})$/;

/** `true` when `hash` is shaped like a hash of {@link hashPassword}. */
export function isPasswordHash(hash: string): boolean {
  return HASH.test(hash);
}

/** Whether `password` matches `hash` (compared in constant time); `false` for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = HASH.exec(hash);
  if (!m) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64url');
  const key = await derive(password, Buffer.from(m[4] ?? '', 'base64url'), { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash nobody's password matches, checked when the account is unknown so that timing does not tell. */
let decoy: Promise<string> | null = null;

/** Check a sign-in: the account when the name and password match, else `null`. */
export async function checkLogin(accounts: ReadonlyMap<string, WebAccount>, user: string, password: string): Promise<WebAccount | null> {
  const account = accounts.get(user.trim().toLowerCase());
  if (!account) {
    decoy ??= hashPassword(randomBytes(12).toString('hex'));
    await verifyPassword(password, await decoy);
    return null;
  }
  return (await verifyPassword(password, account.hash)) ? account : null;
}

/**
 * Accounts from `SGBOT_WEB_ACCOUNTS`: the path of a file, or the entries themselves. Entries are separated by new
 * lines, commas or spaces; each is `person-id:hash` (the account name is the roster person id, an email) or
 * `name:person-id:hash`. Lines starting with `#` are comments.
 *
 * @example parseAccounts('ana@example.org:scrypt$16384$8$1$…$…') // [{ user: 'ana@example.org', person: 'ana@example.org', hash }]
 * @throws SgbotError E_CONFIG naming every bad entry and how to make one.
 */
export function parseAccounts(setting: string | undefined): WebAccount[] {
  if (!setting || setting.trim() === '') return [];
  const looksLikeFile = !/scrypt\$/.test(setting);
  let text = setting;
  if (looksLikeFile) {
    if (!existsSync(setting.trim())) throw new SgbotError('E_CONFIG', `SGBOT_WEB_ACCOUNTS: no file ${setting.trim()} (give a file of "email:hash" lines, or the entries themselves; make a hash with: sgbot web passwd).`);
    text = readFileSync(setting.trim(), 'utf8');
  }
  const problems: string[] = [];
  const accounts: WebAccount[] = [];
  const entries = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap((l) => l.split(/[,\s]+/))
    .filter(Boolean);
  for (const entry of entries) {
    const at = entry.indexOf(':scrypt$');
    const names = at > 0 ? entry.slice(0, at).split(':') : [];
    const hash = at > 0 ? entry.slice(at + 1) : '';
    const [user, person = user] = names;
    if (!user || names.length > 2 || !person || !isPasswordHash(hash)) {
      problems.push(`"${entry.slice(0, 40)}${entry.length > 40 ? '…' : ''}" is not "email:scrypt$…" or "name:email:scrypt$…"`);
      continue;
    }
    accounts.push({ user: user.toLowerCase(), person: person.toLowerCase(), hash });
  }
  if (problems.length) throw new SgbotError('E_CONFIG', `SGBOT_WEB_ACCOUNTS has ${problems.length} bad entr${problems.length === 1 ? 'y' : 'ies'}:\n- ${problems.join('\n- ')}\nMake a hash with: sgbot web passwd`);
  return accounts;
}

/** Failed sign-ins allowed per address and account name within {@link LOGIN_WINDOW_S}. */
export const LOGIN_ATTEMPTS = 5;
export const LOGIN_WINDOW_S = 15 * 60;

/** Failed sign-in counter per client address and account name, in Redis. */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly attempts = LOGIN_ATTEMPTS,
    readonly windowS = LOGIN_WINDOW_S,
  ) {}

  private key(ip: string, user: string): string {
    return `${this.prefix}:web:login:${ip}:${Buffer.from(user.trim().toLowerCase()).toString('base64url').slice(0, 80)}`;
  }

  /** Whether another try is allowed now. */
  async allowed(ip: string, user: string): Promise<boolean> {
    return Number((await this.redis.get(this.key(ip, user))) ?? 0) < this.attempts;
  }

  async failed(ip: string, user: string): Promise<void> {
    const key = this.key(ip, user);
    await this.redis.multi().incr(key).expire(key, this.windowS, 'NX').exec();
  }

  async succeeded(ip: string, user: string): Promise<void> {
    await this.redis.del(this.key(ip, user));
  }
}
