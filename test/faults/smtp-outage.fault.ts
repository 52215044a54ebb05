/**
 * Scenario 6: the SMTP server goes away in the middle of sending reminders — once down (connections cut, then
 * connection refused), once answering every recipient with 451 — for a few seconds each, then comes back. The
 * reminders that failed meanwhile are retried with backoff; every reminder must reach its recipient once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size, sleep } from './support/common.ts';
import { atPoints, createFleet, type Fleet } from './support/fleet.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { reminderNotes, startReminderRig, type ReminderRig } from './support/reminders.ts';
import { startFaultSmtp, type FaultSmtp } from './support/smtp.ts';
import { recordRow } from './support/table.ts';

const SCENARIO = 'SMTP server down / 451 during reminders';
const prefix = 'faults-smtp';
let redis: PrivateRedis;
let smtp: FaultSmtp;
let rig: ReminderRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'smtp' });
  smtp = await startFaultSmtp();
  rig = await startReminderRig({ redisUrl: redis.url, prefix, people: size(150, 50), smtp, tag: 'smtp' });
  fleet = createFleet('smtp', () => ({ ...baseSettings(redis.url, prefix), ...rig.settings, SGBOT_WORKER_CONCURRENCY: '8' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await rig?.close();
  await smtp?.stop();
  await redis?.stop();
});

it('retries through the outages and delivers every reminder once', async () => {
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  fleet.start();
  const kinds = ['down', '451'] as const;
  let k = 0;
  let notes: string[] = [];
  try {
    notes = await atPoints(rng.points(2, 0.1, 0.7, 0.25), { what: 'an SMTP outage', total: rig.total, progress: () => Promise.resolve(rig.progress()), rng, jitterMs: 300, timeoutMs: 300_000, logs: () => fleet.logs(3000) }, async (at) => {
      const kind = kinds[k++ % kinds.length];
      const ms = rng.between(2000, 6000);
      if (kind === 'down') {
        await smtp.goDown();
        await sleep(ms);
        await smtp.comeUp();
      } else {
        smtp.deferAll(451);
        await sleep(ms);
        smtp.deferAll(null);
      }
      return `${kind === 'down' ? 'server down' : 'every RCPT 451'} at ${at}/${rig.total} for ${(ms / 1000).toFixed(1)} s`;
    });
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('6-smtp-outage', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${smtp.refused} RCPT refused; ${reminderNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, misdirected: 0, failed: 0 });
});
