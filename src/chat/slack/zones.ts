/**
 * A Slack user's time zone, from their profile (`users.info` → `user.tz`), cached in Redis for a day and, in front of
 * that, in this process's memory for a few minutes (an answer then needs no Redis read for it). Answers never wait
 * long for it: a slow, failing or rate-limited lookup falls back to the configured zone (and is not cached).
 */
import type { webApi } from '@slack/bolt';
import { isValidZone } from '../../core/time.ts';
import type { Logger } from '../../log.ts';
import type { SlackState } from './state.ts';

/** How long a zone is kept in memory, ms, and for how many users at most. */
export const ZONE_MEMORY = { ttlMs: 5 * 60_000, users: 10_000 } as const;

/**
 * Look up zones with `client` (give it a short timeout and no retries: the zone is a nicety, the answer is not).
 *
 * @example const zoneOf = userZones({ client, state, fallback: 'Europe/Zurich', log }); await zoneOf('U123')
 */
export function userZones(opts: { client: webApi.WebClient; state: SlackState; fallback: string; log: Logger; memory?: { ttlMs: number; users: number } }): (userId: string) => Promise<string> {
  const memory = opts.memory ?? ZONE_MEMORY;
  // Insertion order is age order: the oldest entry goes first when full.
  const known = new Map<string, { zone: string; until: number }>();
  const remember = (userId: string, zone: string) => {
    if (memory.ttlMs <= 0) return;
    known.delete(userId);
    if (known.size >= memory.users) known.delete(known.keys().next().value as string);
    known.set(userId, { zone, until: Date.now() + memory.ttlMs });
  };
  const lookup = async (userId: string): Promise<string> => {
    const cached = await opts.state.zone(userId);
    if (cached !== null) {
      const zone = cached && isValidZone(cached) ? cached : opts.fallback;
      remember(userId, zone);
      return zone;
    }
    try {
      const res = await opts.client.users.info({ user: userId });
      const tz = res.user?.tz ?? '';
      const zone = tz && isValidZone(tz) ? tz : '';
      await opts.state.saveZone(userId, zone);
      remember(userId, zone || opts.fallback);
      return zone || opts.fallback;
    } catch (err) {
      opts.log.warn({ user: userId, err: (err as Error).message }, `users.info failed; answering in ${opts.fallback}`);
      return opts.fallback;
    }
  };
  return (userId) => {
    const hit = known.get(userId);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.zone);
    return lookup(userId);
  };
}
