/**
 * A lease in Redis that lets one instance at a time read a mailbox: SET NX PX to take it, a compare-and-renew
 * script to keep it, a compare-and-delete script to give it back. Writes made under the lease are fenced with
 * {@link FENCED_HSET} so that an instance that lost it cannot move a checkpoint.
 */
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/** KEYS: lock, hash. ARGV: token, then field/value pairs. Writes the hash only while `token` holds the lock. */
export const FENCED_HSET = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('hset', KEYS[2], unpack(ARGV, 2))
return 1`;

/** Options of {@link RedisLease}. */
export interface RedisLeaseOptions {
  /** Lifetime without renewal, ms; renewed every third of it. */
  ttlMs: number;
  /** Unique per holder: `instanceId:random`. */
  token: string;
  /** Called once when the lease is found lost (renewal refused, or Redis unreachable for half the ttl). */
  onLost(reason: string): void;
}

/**
 * One lease on one key. Not reentrant: acquire, (renewed automatically), release.
 *
 * @example
 * const lease = new RedisLease(redis, 'sgbot:imap:lock:bot@host:INBOX', { ttlMs: 30000, token, onLost: stopReading });
 * if (await lease.acquire()) { ...; await lease.release(); }
 */
export class RedisLease {
  private timer: NodeJS.Timeout | null = null;
  private renewedAt = 0;
  private renewing = false;
  private isHeld = false;

  constructor(
    private readonly redis: Redis,
    /** The Redis key of the lease. */
    readonly key: string,
    private readonly options: RedisLeaseOptions,
  ) {}

  /** `true` while this holder believes it holds the lease (it renews it in the background). */
  get held(): boolean {
    return this.isHeld;
  }

  /** The value stored in the key while held; pass it to fenced writes. */
  get token(): string {
    return this.options.token;
  }

  /** Tries once to take the lease. `true` when taken (renewal starts), `false` when another holder has it. */
  async acquire(): Promise<boolean> {
    if (this.isHeld) return true;
    const ok = await this.redis.set(this.key, this.options.token, 'PX', this.options.ttlMs, 'NX');
    if (ok !== 'OK') return false;
    this.isHeld = true;
    this.renewedAt = Date.now();
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.options.ttlMs / 3)));
    this.timer.unref();
    return true;
  }

  /** Gives the lease back if this holder still has it (compare-and-delete). Never throws. */
  async release(): Promise<void> {
    const wasHeld = this.isHeld;
    this.stopRenewing();
    if (!wasHeld) return;
    await this.redis.eval(RELEASE, 1, this.key, this.options.token).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    if (!this.isHeld || this.renewing) return;
    this.renewing = true;
    try {
      const ttl = this.options.ttlMs;
      const renewed = await withTimeout(this.redis.eval(RENEW, 1, this.key, this.options.token, String(ttl)), ttl / 3);
      if (!this.isHeld) return;
      if (renewed === 1) {
        this.renewedAt = Date.now();
      } else {
        this.lose('another instance holds the lock now (it had expired)');
      }
    } catch (err) {
      // One failed renewal is survivable; past half the ttl the lease may expire before the next one succeeds.
      if (this.isHeld && Date.now() - this.renewedAt >= this.options.ttlMs / 2) {
        this.lose(`the lock could not be renewed (${err instanceof Error ? err.message : String(err)})`);
      }
    } finally {
      this.renewing = false;
    }
  }

  private lose(reason: string): void {
    this.stopRenewing();
    this.options.onLost(reason);
  }

  private stopRenewing(): void {
    this.isHeld = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
