/**
 * Scenario 1: ingest of 500 mails delivered to a real Dovecot while the `sgbot worker` process reading them is killed
 * with SIGKILL 2–3 times at random points and started again. Every mail must end as exactly one stored document (by
 * Message-ID), its raw message kept and settled, nothing quarantined. A killed worker's IMAP lease runs out (30 s)
 * before the next one may read the mailbox; its running ingest jobs come back after the job lock (5 s here).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size, testRedis } from './support/common.ts';
import { createFleet, type Fleet } from './support/fleet.ts';
import { ingestNotes, startIngestRig, type IngestRig } from './support/ingest.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { scenarioRng } from './support/rng.ts';
import { recordRow } from './support/table.ts';

const SCENARIO = 'kill -9 worker during ingest';
const prefix = 'faults-ingest-kill';
let redis: PrivateRedis;
let client: ReturnType<typeof testRedis>;
let rig: IngestRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'ingest-kill' });
  client = testRedis(redis.url);
  rig = await startIngestRig({ redis: client, prefix, n: size(500, 150), tag: 'kill' });
  fleet = createFleet('ingest-kill', () => ({ ...baseSettings(redis.url, prefix), ...rig.imapSettings, SGBOT_JOB_LOCK_MS: '5000', SGBOT_WORKER_CONCURRENCY: '4' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await rig?.close();
  client?.disconnect();
  await redis?.stop();
});

it('stores every mail once across 2–3 kills of the worker', async () => {
  const t0 = Date.now();
  const rng = rngFor(SCENARIO);
  const n = rig.mails.length;
  const kills = size(rng.int(2, 3), 1);
  const points = rng.points(kills, 0.1, 0.85, 0.15);
  // Part of the mail waits in the mailbox (a backlog after downtime), the rest arrives while the worker runs.
  const backlog = Math.floor(n * 0.4);
  await rig.deliver(0, backlog, rng);
  fleet.start();
  const delivering = rig.deliver(backlog, n, scenarioRng(rng.seed, `${SCENARIO}:delivery`), 40);
  let notes: string[] = [];
  try {
    notes = await fleet.killAt(points, { total: n, progress: () => rig.stored(), rng, jitterMs: 400, restartMs: 1500, timeoutMs: 300_000 });
    await delivering;
    await rig.settle(300_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const c = await rig.count();
  recordRow('1-ingest-kill', { scenario: SCENARIO, items: c.items, lost: c.lost, duplicated: c.duplicated, notes: `${notes.join(', ')}; ${ingestNotes(c)}`, seconds: secondsSince(t0) });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, unsettled: 0, quarantined: 0 });
  expect(c.raws).toBeGreaterThanOrEqual(n);
});
