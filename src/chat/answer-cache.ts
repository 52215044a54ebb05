/**
 * Answers kept for a few seconds, so that many people asking the same thing at once (`/deadlines SG20` after a
 * circular went out) cost one answer, not one each. An answer is reused only for the same question words in the same
 * zone, asked within {@link ANSWER_TTL_MS} of the one that computed it (by the asker's clock, `ctx.now`), while what
 * the answers are made of is unchanged: the store's and the roster's version counters (one MGET per question) must
 * be what they were. Only answers made by commands that change nothing and read nothing of the asker are kept (the
 * router says which: `deadlines`, `meeting`, `search` and the like, never `subscribe` or `broadcast`).
 *
 * Questions asked while the same one is being answered wait for that answer instead of computing it again. A failed
 * answer is not kept. Kept replies are frozen: whoever tries to change one shared by several askers fails loudly.
 */

/** How long an answer may be reused, ms of the asker's clock. */
export const ANSWER_TTL_MS = 5_000;

/** Answers kept at most (the oldest leave first). */
export const ANSWER_CACHE_ENTRIES = 500;

interface Entry<T> {
  now: number;
  version: string;
  value: Promise<T>;
}

/** What an answer cache needs: the versions of what answers are made of. */
export interface AnswerCacheOptions {
  /** The current versions (one string), read once per question; a change means every kept answer is out of date. */
  version(): Promise<string>;
  ttlMs?: number;
  entries?: number;
}

/** A computed value and whether it may be kept for others. */
export interface Computed<T> {
  value: T;
  keep: boolean;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly ttlMs: number;
  private readonly max: number;
  /** Answers given from the cache and computed, since the start (for tests and the metrics). */
  hits = 0;
  misses = 0;

  constructor(private readonly opts: AnswerCacheOptions) {
    this.ttlMs = opts.ttlMs ?? ANSWER_TTL_MS;
    this.max = opts.entries ?? ANSWER_CACHE_ENTRIES;
  }

  /**
   * The answer to `key` at `now`: a kept one when it is fresh and the versions are unchanged, else `compute()`'s,
   * kept when it says so. A version that cannot be read (Redis down) means no reuse: the answer is computed.
   */
  async get<T>(key: string, now: number, compute: () => Promise<Computed<T>>): Promise<T> {
    const version = await this.opts.version().catch(() => null);
    if (version === null) return (await compute()).value;
    const kept = this.entries.get(key) as Entry<Computed<T>> | undefined;
    if (kept && kept.version === version && Math.abs(now - kept.now) < this.ttlMs) {
      const got = await kept.value.catch(() => null);
      // (An answer that may not be shared, or failed, is the asker's own: this one computes its own.)
      if (got?.keep) {
        this.hits++;
        return got.value;
      }
    }
    this.misses++;
    const value = compute().then((c) => (c.keep ? { value: deepFreeze(c.value), keep: true } : c));
    const entry: Entry<Computed<T>> = { now, version, value };
    this.remember(key, entry);
    try {
      const got = await value;
      if (!got.keep) this.forget(key, entry);
      return got.value;
    } catch (err) {
      this.forget(key, entry);
      throw err;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, entry: Entry<unknown>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private forget(key: string, entry: Entry<unknown>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}

/** Redis, as far as the versions are read from it. */
interface VersionReader {
  mget(...keys: string[]): Promise<Array<string | null>>;
}

/**
 * An answer cache whose versions are the counters at `keys` (the store's and the roster's `versionKey()`).
 *
 * @example answerCacheOf(redis, [store.versionKey(), roster.versionKey()])
 */
export function answerCacheOf(redis: VersionReader, keys: readonly string[], opts: Omit<AnswerCacheOptions, 'version'> = {}): AnswerCache {
  return new AnswerCache({ ...opts, version: async () => (await redis.mget(...keys)).map((v) => v ?? '0').join(':') });
}

/** `value`, with every object in it frozen. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
