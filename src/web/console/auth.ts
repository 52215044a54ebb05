/**
 * Sign-in for the web console: accounts defined in the settings (`SGBOT_WEB_ACCOUNTS`), each linked to a roster
 * person, with scrypt password hashes (`scrypt$N$r$p$salt$hash`, salt and hash in base64url); and a login rate
 * limit per address and account kept in Redis, so that several web replicas count together.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Redis } from 'ioredis';
import { HASH, type WebAccount } from '../../core/accounts.ts';
import { SgbotError } from '../../core/errors.ts';

export { isPasswordHash, parseAccounts, type WebAccount } from '../../core/accounts.ts';

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

/** Sign-in attempts allowed per account name within {@link LOGIN_WINDOW_S}. */
export const LOGIN_ATTEMPTS = 5;
/** Sign-in attempts allowed per client address (over all account names) within the window. */
export const LOGIN_ADDRESS_ATTEMPTS = 20;
export const LOGIN_WINDOW_S = 15 * 60;

/**
 * Reserve one sign-in attempt for an account and an address, atomically: both counters are read, and both are
 * incremented only when neither has reached its limit. Returns `{0, 0}` when the attempt may go ahead, else `{1,
 * seconds left}` of the longer-lasting limit that is reached. KEYS: account counter, address counter. ARGV: account
 * limit, address limit, window in seconds.
 */
const RESERVE = `
local acc = tonumber(redis.call('GET', KEYS[1]) or '0')
local addr = tonumber(redis.call('GET', KEYS[2]) or '0')
if acc >= tonumber(ARGV[1]) or addr >= tonumber(ARGV[2]) then
  local wait = 0
  if acc >= tonumber(ARGV[1]) then wait = math.max(wait, redis.call('TTL', KEYS[1])) end
  if addr >= tonumber(ARGV[2]) then wait = math.max(wait, redis.call('TTL', KEYS[2])) end
  if wait < 1 then wait = 1 end
  return {1, wait}
end
for i = 1, 2 do
  redis.call('INCR', KEYS[i])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], tonumber(ARGV[3])) end
end
return {0, 0}
`;

/** What {@link LoginLimiter.reserve} decided. */
export type LoginTurn = { ok: true } | { ok: false; retryAfterS: number };

/** "14 minutes", "1 minute", "40 seconds": how long a wait is, for messages. */
export function waitText(seconds: number): string {
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} minutes`;
  if (seconds >= 60) return '1 minute';
  return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? '' : 's'}`;
}

/**
 * Sign-in attempts counted in Redis per account name and per client address, so that several web replicas count
 * together. An attempt is reserved before the password is checked (one Lua script, so concurrent guesses cannot
 * slip between a read and a write): however many arrive at once, at most {@link LOGIN_ATTEMPTS} per account are
 * checked in a window, and while a limit holds even the right password is refused. A successful sign-in clears the
 * account's counter and gives back its own attempt to the address.
 */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly attempts = LOGIN_ATTEMPTS,
    readonly windowS = LOGIN_WINDOW_S,
    readonly addressAttempts = LOGIN_ADDRESS_ATTEMPTS,
  ) {}

  /** The counter of an account name (as typed at sign-in, trimmed and lower-cased). */
  accountKey(user: string): string {
    return `${this.prefix}:web:login:account:${Buffer.from(user.trim().toLowerCase()).toString('base64url').slice(0, 120)}`;
  }

  private addressKey(ip: string): string {
    return `${this.prefix}:web:login:address:${ip}`;
  }

  /** Take one attempt for `user` from `ip`, or say how long until one is allowed. */
  async reserve(ip: string, user: string): Promise<LoginTurn> {
    const [limited, wait] = (await this.redis.eval(RESERVE, 2, this.accountKey(user), this.addressKey(ip), this.attempts, this.addressAttempts, this.windowS)) as [number, number];
    return limited === 1 ? { ok: false, retryAfterS: Number(wait) } : { ok: true };
  }

  /** After the right password: the account starts afresh, and the address gets its attempt back. */
  async succeeded(ip: string, user: string): Promise<void> {
    await this.redis.eval("redis.call('DEL', KEYS[1]) if redis.call('GET', KEYS[2]) and tonumber(redis.call('GET', KEYS[2])) > 0 then redis.call('DECR', KEYS[2]) end return 1", 2, this.accountKey(user), this.addressKey(ip));
  }

  /** Seconds until `user` may try again (0 when not limited). */
  async lockedFor(user: string): Promise<number> {
    const key = this.accountKey(user);
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    return Number(count ?? 0) >= this.attempts ? Math.max(1, ttl) : 0;
  }

  /** Lift the limit of an account name (`sgbot web unlock`); `true` when one was counting. */
  async unlock(user: string): Promise<boolean> {
    return (await this.redis.del(this.accountKey(user))) > 0;
  }
}
