/**
 * Console sessions in Redis (`<prefix>:web:session:<id>`, JSON, expiring), so that every web replica knows every
 * signed-in person. The session secret, when the settings give none, is made once per instance and kept in Redis.
 */
import { randomBytes } from 'node:crypto';
import type { Session } from 'fastify';
import type { Redis } from 'ioredis';
import { SgbotError } from '../../core/errors.ts';
import { z } from 'zod';
import { readStoredOrNull } from '../../core/records.ts';

const sessionSchema = z.custom<Session>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a session object');

type Callback = (err?: unknown) => void;

/** The session store interface of `@fastify/session` (express-session's callback style). */
export class RedisSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long an untouched session lives, in seconds. */
    private readonly ttlS: number,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:web:session:${id}`;
  }

  set(id: string, session: Session, callback: Callback): void {
    this.redis.set(this.key(id), JSON.stringify(session), 'EX', Math.max(1, Math.ceil(this.ttlS))).then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  get(id: string, callback: (err: unknown, result?: Session | null) => void): void {
    // Each use renews the expiry: a session ends after the configured time without use.
    this.redis.getex(this.key(id), 'EX', Math.max(1, Math.ceil(this.ttlS))).then(
      // A session that does not read (damaged, or from another program) is no session: its holder signs in again.
      (raw) => callback(null, raw ? readStoredOrNull(sessionSchema, raw, `console session ${id}`) : null),
      (err: unknown) => callback(err),
    );
  }

  destroy(id: string, callback: Callback): void {
    this.redis.del(this.key(id)).then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }
}

/** The secret that signs session cookies: the setting, or one made once per instance (prefix) and kept in Redis. */
export async function sessionSecret(redis: Redis, prefix: string, setting: string | undefined): Promise<string> {
  if (setting) return setting;
  const key = `${prefix}:secret:web-session`;
  await redis.set(key, randomBytes(32).toString('hex'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new SgbotError('E_STORE', 'Cannot keep the web session secret in Redis.');
  return secret;
}
