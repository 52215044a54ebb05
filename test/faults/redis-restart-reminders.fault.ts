/**
 * Scenario 4b: Redis killed (SIGKILL) and started again on the same port and folder in the middle of reminders. It
 * runs with `--appendonly yes --appendfsync always`, so every write it acknowledged survives; the worker (default job
 * lock, 30 s) waits for it, reconnects and carries on. Nothing may be lost or done twice. Scenario 4a
 * (redis-restart-ingest.fault.ts) does the same during ingest.
 */
import { afterEach, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size } from './support/common.ts';
import { atPoints, createFleet, type Fleet } from './support/fleet.ts';
import { restartRedis, startRedis } from './support/redis.ts';
import { reminderNotes, startReminderRig } from './support/reminders.ts';
import { startFaultSmtp } from './support/smtp.ts';
import { recordRow } from './support/table.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => console.warn(`cleanup: ${String(e)}`));
});

it('reminders: delivers every reminder once across Redis restarts', async () => {
  const SCENARIO = 'restart Redis (AOF) during reminders';
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const prefix = 'faults-redis-rem';
  const redis = await startRedis({ aof: true, name: 'redis-rem' });
  cleanups.push(() => redis.stop());
  const smtp = await startFaultSmtp();
  cleanups.push(() => smtp.stop());
  const rig = await startReminderRig({ redisUrl: redis.url, prefix, people: size(150, 50), smtp, tag: 'redis' });
  cleanups.push(() => rig.close());
  const fleet: Fleet = createFleet('redis-rem', () => ({ ...baseSettings(redis.url, prefix), ...rig.settings, SGBOT_WORKER_CONCURRENCY: '8' }));
  cleanups.push(() => fleet.stopAll());
  fleet.start();
  let notes: string[] = [];
  try {
    notes = await atPoints(
      rng.points(size(2, 1), 0.15, 0.8, 0.2),
      { what: 'a Redis restart', total: rig.total, progress: () => Promise.resolve(rig.progress()), rng, jitterMs: 300, timeoutMs: 300_000 },
      restartRedis(redis, rng, rig.total),
    );
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('4b-redis-reminders', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${reminderNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, misdirected: 0, failed: 0 });
});
