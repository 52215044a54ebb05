/**
 * Health of a running sgbot, shared through Redis: each worker publishes a heartbeat (and the state of its IMAP
 * sources) under keys that expire, so `sgbot status`, `/healthz` and `/readyz` see every replica, and a dead one
 * disappears on its own.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

/** A heartbeat: one component of one process, and what it reports. */
export interface Heartbeat {
  /** `worker`, `imap`… */
  component: string;
  /** Unique per process and component instance (`host-pid`, `host-pid/bot@example.org`). */
  id: string;
  at: string;
  state: Record<string, unknown>;
}

/** An id for this process: host name and pid. */
export function processId(): string {
  return `${hostname()}-${process.pid}`;
}

/** Publish `state` for `ttlSeconds` (publish again before it ends to stay visible). */
export async function publishHeartbeat(redis: Redis, prefix: string, beat: Omit<Heartbeat, 'at'>, ttlSeconds = 15, now = new Date()): Promise<void> {
  const value: Heartbeat = { ...beat, at: now.toISOString() };
  await redis.set(`${prefix}:health:${beat.component}:${beat.id}`, JSON.stringify(value), 'EX', ttlSeconds);
}

/** Remove a heartbeat (clean shutdown). */
export async function clearHeartbeat(redis: Redis, prefix: string, component: string, id: string): Promise<void> {
  await redis.del(`${prefix}:health:${component}:${id}`);
}

/** Every live heartbeat, by component then id. */
export async function readHeartbeats(redis: Redis, prefix: string): Promise<Heartbeat[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:health:*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  return values
    .filter((v): v is string => v !== null)
    .map((v) => JSON.parse(v) as Heartbeat)
    .sort((a, b) => a.component.localeCompare(b.component) || a.id.localeCompare(b.id));
}
