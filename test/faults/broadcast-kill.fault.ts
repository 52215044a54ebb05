/**
 * Scenario 3: a broadcast to many targets (SG20's mailing lists through SMTP and Slack channels through the Slack
 * fake), delivered by an `sgbot worker` process killed with SIGKILL at random points (1–2 times) and started again.
 * Each target must receive it exactly once. A target whose sender was killed mid-send stays claimed (here 20 s,
 * SGBOT_BROADCAST_CLAIM_MS; 2 minutes by default) before the new worker may send it.
 *
 * A Slack post that Slack had received when the worker died (its request in flight, or its answer not yet turned
 * into the delivered marker) is found in the channel's history by its delivery key before a retry posts again; the
 * notes show, for each channel posted twice, when its first post arrived relative to the kill.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size } from './support/common.ts';
import { broadcastNotes, startBroadcastRig, type BroadcastRig } from './support/broadcast.ts';
import { createFleet, type Fleet } from './support/fleet.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { startFaultSmtp, type FaultSmtp } from './support/smtp.ts';
import { recordRow } from './support/table.ts';

const SCENARIO = 'kill -9 worker during a broadcast';
const prefix = 'faults-bc-kill';
let redis: PrivateRedis;
let smtp: FaultSmtp;
let rig: BroadcastRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'bc-kill' });
  smtp = await startFaultSmtp();
  rig = await startBroadcastRig({ redisUrl: redis.url, prefix, lists: size(150, 40), channels: size(150, 40), smtp, tag: 'kill' });
  fleet = createFleet('bc-kill', () => ({ ...baseSettings(redis.url, prefix), ...rig.settings, SGBOT_JOB_LOCK_MS: '5000', SGBOT_WORKER_CONCURRENCY: '4', SGBOT_BROADCAST_CLAIM_MS: '20000' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await rig?.close();
  await smtp?.stop();
  await redis?.stop();
});

it('delivers to each target exactly once across kills of the worker', async () => {
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const kills = size(rng.int(1, 2), 1);
  const points = rng.points(kills, 0.1, 0.8, 0.2);
  await fleet.start().ready;
  await rig.send();
  let notes: string[] = [];
  try {
    notes = await fleet.killAt(points, { total: rig.total, progress: () => Promise.resolve(rig.progress()), rng, jitterMs: 300, restartMs: 1000, timeoutMs: 300_000 });
    await rig.settle(400_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('3-broadcast-kill', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${broadcastNotes(c, fleet.killTimes)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, failed: 0 });
});
