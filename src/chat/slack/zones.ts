/**
 * A Slack user's time zone, from their profile (`users.info` → `user.tz`), cached in Redis for a day. Answers never
 * wait long for it: a slow, failing or rate-limited lookup falls back to the configured zone (and is not cached).
 */
import type { webApi } from '@slack/bolt';
import { isValidZone } from '../../core/time.ts';
import type { Logger } from '../../log.ts';
import type { SlackState } from './state.ts';

/**
 * Look up zones with `client` (give it a short timeout and no retries: the zone is a nicety, the answer is not).
 *
 * @example const zoneOf = userZones({ client, state, fallback: 'Europe/Zurich', log }); await zoneOf('U123')
 */
export function userZones(opts: { client: webApi.WebClient; state: SlackState; fallback: string; log: Logger }): (userId: string) => Promise<string> {
  return async (userId) => {
    const cached = await opts.state.zone(userId);
    if (cached !== null) return cached && isValidZone(cached) ? cached : opts.fallback;
    try {
      const res = await opts.client.users.info({ user: userId });
      const tz = res.user?.tz ?? '';
      const zone = tz && isValidZone(tz) ? tz : '';
      await opts.state.saveZone(userId, zone);
      return zone || opts.fallback;
    } catch (err) {
      opts.log.warn({ user: userId, err: (err as Error).message }, `users.info failed; answering in ${opts.fallback}`);
      return opts.fallback;
    }
  };
}
