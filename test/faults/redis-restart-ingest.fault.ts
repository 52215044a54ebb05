/**
 * Scenario 4a: Redis killed (SIGKILL) and started again on the same port and folder in the middle of ingest. It runs
 * with `--appendonly yes --appendfsync always`, so every write it acknowledged survives; the worker (default job
 * lock, 30 s) waits for it, reconnects and carries on. Nothing may be lost or done twice. Scenario 4b
 * (redis-restart-reminders.fault.ts) does the same during reminders; the two are separate files so that they can run
 * side by side.
 */
import { afterEach, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size, testRedis } from './support/common.ts';
import { atPoints, createFleet, type Fleet } from './support/fleet.ts';
import { ingestNotes, startIngestRig } from './support/ingest.ts';
import { restartRedis, startRedis } from './support/redis.ts';
import { scenarioRng } from './support/rng.ts';
import { recordRow } from './support/table.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => console.warn(`cleanup: ${String(e)}`));
});

it('ingest: stores every mail once across Redis restarts', async () => {
  const SCENARIO = 'restart Redis (AOF) during ingest';
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const prefix = 'faults-redis-ingest';
  const redis = await startRedis({ aof: true, name: 'redis-ingest' });
  cleanups.push(() => redis.stop());
  const client = testRedis(redis.url);
  cleanups.push(() => Promise.resolve(client.disconnect()));
  const rig = await startIngestRig({ redis: client, prefix, n: size(300, 100), tag: 'redis' });
  cleanups.push(() => rig.close());
  const fleet: Fleet = createFleet('redis-ingest', () => ({ ...baseSettings(redis.url, prefix), ...rig.imapSettings, SGBOT_WORKER_CONCURRENCY: '4' }));
  cleanups.push(() => fleet.stopAll());
  const n = rig.mails.length;
  const backlog = Math.floor(n * 0.3);
  await rig.deliver(0, backlog, rng);
  fleet.start();
  const delivering = rig.deliver(backlog, n, scenarioRng(rng.seed, `${SCENARIO}:delivery`), 40);
  let notes: string[] = [];
  try {
    notes = await atPoints(rng.points(size(2, 1), 0.15, 0.8, 0.2), { what: 'a Redis restart', total: n, progress: () => rig.stored(), rng, jitterMs: 400, timeoutMs: 300_000 }, restartRedis(redis, rng, n));
    await delivering;
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('4a-redis-ingest', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${ingestNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, unsettled: 0, quarantined: 0 });
});
