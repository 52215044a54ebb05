/**
 * Scenario 5: Dovecot restarted (SIGTERM to its process group: every IMAP client gets BYE and loses its connection)
 * in the middle of ingest, twice, with a few mails written straight into the Maildir while it is down (as an outside
 * delivery agent would). The worker's IMAP source reconnects with backoff, resumes from its checkpoint, and every mail
 * must be stored exactly once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size, sleep, testRedis } from './support/common.ts';
import { atPoints, createFleet, type Fleet } from './support/fleet.ts';
import { ingestNotes, startIngestRig, type IngestRig } from './support/ingest.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { scenarioRng } from './support/rng.ts';
import { recordRow } from './support/table.ts';

const SCENARIO = 'restart Dovecot during ingest';
const prefix = 'faults-dovecot';
/** Mails written into the Maildir during each downtime. */
const WHILE_DOWN = 5;
let redis: PrivateRedis;
let client: ReturnType<typeof testRedis>;
let rig: IngestRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'dovecot' });
  client = testRedis(redis.url);
  rig = await startIngestRig({ redis: client, prefix, n: size(300, 100), tag: 'dovecot' });
  fleet = createFleet('dovecot', () => ({ ...baseSettings(redis.url, prefix), ...rig.imapSettings, SGBOT_WORKER_CONCURRENCY: '4' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await rig?.close();
  client?.disconnect();
  await redis?.stop();
});

it('reconnects after each restart and stores every mail once', async () => {
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const restarts = size(2, 1);
  const n = rig.mails.length;
  // The last WHILE_DOWN × restarts mails are the ones dropped into the Maildir while Dovecot is down.
  const byLmtp = n - WHILE_DOWN * restarts;
  const backlog = Math.floor(byLmtp * 0.3);
  await rig.deliver(0, backlog, rng);
  fleet.start();
  const delivering = rig.deliver(backlog, byLmtp, scenarioRng(rng.seed, `${SCENARIO}:delivery`), 40);
  let notes: string[] = [];
  let dropped = byLmtp;
  try {
    notes = await atPoints(rng.points(restarts, 0.15, 0.75, 0.25), { what: 'a Dovecot restart', total: n, progress: () => rig.stored(), rng, jitterMs: 400, timeoutMs: 300_000, logs: () => fleet.logs(3000) }, async (at) => {
      const downMs = rng.between(200, 3000);
      await rig.dovecot.restart({
        whileDown: async () => {
          for (const m of rig.mails.slice(dropped, dropped + WHILE_DOWN)) rig.dovecot.dropIntoMaildir(rig.user, m.raw);
          dropped += WHILE_DOWN;
          await sleep(downMs);
        },
      });
      return `restart at ${at}/${n}, down ${(downMs / 1000).toFixed(1)} s`;
    });
    await delivering;
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('5-dovecot-restart', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${ingestNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, unsettled: 0, quarantined: 0 });
});
