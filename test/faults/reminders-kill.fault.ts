/**
 * Scenario 2: 1,000 due reminders (250 people × 4) sent by an `sgbot worker` process that is killed with SIGKILL
 * 2–3 times at random points and started again (the real worker, not only the reminder workers of
 * test/integration/reminders-crash.test.ts). Every reminder must reach its recipient, once after de-duplication by
 * Message-ID; the SMTP transactions repeated with the same Message-ID (the window between the server's "250 OK" and
 * the marker) are reported in the notes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size } from './support/common.ts';
import { createFleet, type Fleet } from './support/fleet.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { reminderNotes, startReminderRig, type ReminderRig } from './support/reminders.ts';
import { startFaultSmtp, type FaultSmtp } from './support/smtp.ts';
import { recordRow } from './support/table.ts';

const SCENARIO = 'kill -9 worker during reminders';
const prefix = 'faults-rem-kill';
let redis: PrivateRedis;
let smtp: FaultSmtp;
let rig: ReminderRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'rem-kill' });
  smtp = await startFaultSmtp();
  rig = await startReminderRig({ redisUrl: redis.url, prefix, people: size(250, 60), smtp, tag: 'kill' });
  fleet = createFleet('rem-kill', () => ({ ...baseSettings(redis.url, prefix), ...rig.settings, SGBOT_JOB_LOCK_MS: '5000', SGBOT_WORKER_CONCURRENCY: '8' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await rig?.close();
  await smtp?.stop();
  await redis?.stop();
});

it('delivers every reminder once across 2–3 kills of the worker', async () => {
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const kills = size(rng.int(2, 3), 1);
  const points = rng.points(kills, 0.1, 0.85, 0.15);
  fleet.start();
  let notes: string[] = [];
  try {
    notes = await fleet.killAt(points, { total: rig.total, progress: () => Promise.resolve(rig.progress()), rng, jitterMs: 300, restartMs: 1000, timeoutMs: 300_000 });
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('2-reminders-kill', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${reminderNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, misdirected: 0, failed: 0 });
});
