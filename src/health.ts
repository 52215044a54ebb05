/**
 * Health of a running sgbot, shared through Redis: each process publishes heartbeats (the worker, the state of its
 * IMAP sources, the Slack and Teams apps) under keys that expire, so `sgbot status`, `/healthz`, `/readyz` and
 * `/metrics` see every replica, and a dead one disappears on its own. Readers also look at each heartbeat's time: one
 * older than {@link STALE_AFTER_MS} counts as down even before its key expires.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { readStoredOrNull } from './core/records.ts';

/** A heartbeat: one component of one process, and what it reports. */
export interface Heartbeat {
  /** `worker`, `imap`, `slack`, `teams`… */
  component: string;
  /** Unique per process and component instance (`host-pid`, `bot@example.org@host-pid`). */
  id: string;
  at: string;
  state: Record<string, unknown>;
}

const heartbeatSchema: z.ZodType<Heartbeat> = z.looseObject({ component: z.string(), id: z.string(), at: z.string(), state: z.record(z.string(), z.unknown()) });

/** How often processes publish their heartbeats, ms. */
export const HEARTBEAT_EVERY_MS = 5_000;
/** A heartbeat older than this (ms) is stale: its process stopped reporting (three missed beats). */
export const STALE_AFTER_MS = 15_000;
/** How long a heartbeat key lives without renewal, s: long enough to show a dead process as down for a while. */
export const HEARTBEAT_TTL_S = 60;

/** An id for this process: host name and pid. */
export function processId(): string {
  return `${hostname()}-${process.pid}`;
}

const beatKey = (prefix: string, component: string, id: string) => `${prefix}:health:${component}:${id}`;
/** Sorted set of heartbeat keys by expiry time (ms), so readers need no SCAN over the whole key space. */
const indexKey = (prefix: string) => `${prefix}:healthidx`;

/** Publish `state` for `ttlSeconds` (publish again before it ends to stay visible). */
export async function publishHeartbeat(redis: Redis, prefix: string, beat: Omit<Heartbeat, 'at'>, ttlSeconds = HEARTBEAT_TTL_S, now = new Date()): Promise<void> {
  const value: Heartbeat = { ...beat, at: now.toISOString() };
  const key = beatKey(prefix, beat.component, beat.id);
  await redis
    .multi()
    .set(key, JSON.stringify(value), 'EX', ttlSeconds)
    .zadd(indexKey(prefix), now.getTime() + ttlSeconds * 1000, key)
    .exec();
}

/** Remove a heartbeat (clean shutdown). */
export async function clearHeartbeat(redis: Redis, prefix: string, component: string, id: string): Promise<void> {
  const key = beatKey(prefix, component, id);
  await redis.multi().del(key).zrem(indexKey(prefix), key).exec();
}

/** Every live (unexpired) heartbeat, by component then id. */
export async function readHeartbeats(redis: Redis, prefix: string, now = Date.now()): Promise<Heartbeat[]> {
  const index = indexKey(prefix);
  const [, keys] = await Promise.all([redis.zremrangebyscore(index, '-inf', now), redis.zrange(index, 0, -1)]);
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  return values
    .flatMap((v, i) => (v === null ? [] : [readStoredOrNull(heartbeatSchema, v, `heartbeat ${keys[i] ?? ''}`)]))
    .filter((h): h is Heartbeat => h !== null)
    .sort((a, b) => a.component.localeCompare(b.component) || a.id.localeCompare(b.id));
}

/** A running heartbeat of this process. */
export interface RunningHeartbeat {
  /** Publish now (also done every interval); never throws. */
  beat(): Promise<void>;
  /** Stop publishing and remove the heartbeat. */
  stop(): Promise<void>;
}

/**
 * Publish the heartbeat of `component` for this process now and every {@link HEARTBEAT_EVERY_MS}, with what `state`
 * returns, until stopped. Failures (Redis down) are logged at debug and retried at the next beat.
 *
 * @example
 * const hb = startHeartbeat(services.redis, services.config.SGBOT_PREFIX, 'slack', () => ({ mode: 'socket' }), { log: services.log });
 * // … at shutdown: await hb.stop();
 */
export function startHeartbeat(
  redis: Redis,
  prefix: string,
  component: string,
  state: () => Record<string, unknown> = () => ({}),
  opts: { id?: string; intervalMs?: number; log?: { debug(obj: object, msg?: string): void } } = {},
): RunningHeartbeat {
  const id = opts.id ?? processId();
  const startedAt = new Date().toISOString();
  const beat = async () => {
    try {
      await publishHeartbeat(redis, prefix, { component, id, state: { startedAt, ...state() } });
    } catch (err) {
      opts.log?.debug({ component, err: String(err) }, 'cannot publish the heartbeat');
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), opts.intervalMs ?? HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    beat,
    stop: async () => {
      clearInterval(timer);
      await clearHeartbeat(redis, prefix, component, id).catch(() => undefined);
    },
  };
}
