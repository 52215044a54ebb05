/**
 * Re-planning after people change: a subscription added or removed, a roster import. The change only marks the
 * instance; a job that runs every minute re-plans every deadline when it finds the mark, so a burst of changes costs
 * one re-plan and a chat command never waits for it.
 */
import type { Redis } from 'ioredis';
import type { ReminderDeps } from './deps.ts';
import { scheduleAll } from './schedule.ts';

const markKey = (prefix: string) => `${prefix}:reminders:replan`;

/** Ask for a re-plan of all reminders within the minute. */
export async function markReplan(redis: Redis, prefix: string): Promise<void> {
  await redis.set(markKey(prefix), new Date().toISOString());
}

/** Re-plan every deadline if a re-plan was asked for since the last run; returns how many families were planned. */
export async function replanIfMarked(deps: ReminderDeps): Promise<number> {
  const redis = deps.store.redis;
  const marked = await redis.getdel(markKey(deps.store.prefix));
  if (marked === null) return 0;
  try {
    // A family another worker plans right now (at start-up, the plan of a letter just stored) is no failure: the
    // mark is set again and the next run, a minute later, plans it with the others.
    const busy: string[] = [];
    const planned = (await scheduleAll(deps, { skipBusy: true, busy })).length;
    if (busy.length > 0) await markReplan(redis, deps.store.prefix);
    return planned;
  } catch (err) {
    await markReplan(redis, deps.store.prefix); // not done: the next run tries again
    throw err;
  }
}
