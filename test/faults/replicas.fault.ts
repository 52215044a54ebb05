/**
 * Scenario 7: two replicas — two `sgbot worker` processes on one Redis and one key prefix, reading the same mailbox
 * and taking jobs from the same queues — while mail arrives, reminders fall due and a broadcast goes out, all at once.
 * Nothing may be done twice: one document per mail, one reminder per recipient and offset, one delivery per
 * broadcast target. The IMAP lease lets one replica read the mailbox; the queues give each job to one of them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseSettings, rngFor, secondsSince, size, testRedis } from './support/common.ts';
import { broadcastNotes, startBroadcastRig, type BroadcastRig } from './support/broadcast.ts';
import { createFleet, type Fleet } from './support/fleet.ts';
import { ingestNotes, startIngestRig, type IngestRig } from './support/ingest.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { reminderNotes, startReminderRig, type ReminderRig } from './support/reminders.ts';
import { startFaultSmtp, type FaultSmtp } from './support/smtp.ts';
import { recordRow } from './support/table.ts';

const prefix = 'faults-replicas';
let redis: PrivateRedis;
let client: ReturnType<typeof testRedis>;
let smtp: FaultSmtp;
let ingest: IngestRig;
let reminders: ReminderRig;
let broadcast: BroadcastRig;
let fleet: Fleet;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'replicas' });
  client = testRedis(redis.url);
  smtp = await startFaultSmtp();
  ingest = await startIngestRig({ redis: client, prefix, n: size(300, 100), tag: 'replicas' });
  reminders = await startReminderRig({ redisUrl: redis.url, prefix, people: size(100, 40), smtp, tag: 'replicas' });
  broadcast = await startBroadcastRig({ redisUrl: redis.url, prefix, lists: size(80, 30), channels: size(80, 30), smtp, tag: 'replicas' });
  fleet = createFleet('replicas', () => ({ ...baseSettings(redis.url, prefix), ...ingest.imapSettings, ...broadcast.settings, SGBOT_WORKER_CONCURRENCY: '4' }));
});

afterAll(async () => {
  await fleet?.stopAll();
  await broadcast?.close();
  await reminders?.close();
  await ingest?.close();
  await smtp?.stop();
  client?.disconnect();
  await redis?.stop();
});

it('does nothing twice with two workers on the same Redis, mailbox and queues', async () => {
  const t0 = Date.now();
  const rng = rngFor('two replicas');
  const n = ingest.mails.length;
  await ingest.deliver(0, Math.floor(n / 2), rng);
  const [a, b] = [fleet.start(), fleet.start()];
  try {
    await Promise.all([a.ready, b.ready]);
    await broadcast.send();
    await ingest.deliver(Math.floor(n / 2), n, rng, 30);
    await Promise.all([ingest.settle(300_000), reminders.settle(300_000), broadcast.settle(300_000)]);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${fleet.logs()}`);
  }
  const seconds = secondsSince(t0);
  const share = `${[a, b].map((w) => w.name).join(' and ')} running throughout`;
  const i = await ingest.count();
  recordRow('7a-replicas', { scenario: 'two replicas: ingest', items: i.items, lost: i.lost, duplicated: i.duplicated, notes: `${share}; ${ingestNotes(i)}`, seconds });
  const r = await reminders.count();
  recordRow('7b-replicas', { scenario: 'two replicas: reminders', items: r.items, lost: r.lost, duplicated: r.duplicated, notes: reminderNotes(r), seconds });
  const c = await broadcast.count();
  recordRow('7c-replicas', { scenario: 'two replicas: broadcast', items: c.items, lost: c.lost, duplicated: c.duplicated, notes: broadcastNotes(c), seconds });
  expect(i).toMatchObject({ lost: 0, duplicated: 0, unsettled: 0, quarantined: 0 });
  expect(r).toMatchObject({ lost: 0, duplicated: 0, misdirected: 0, failed: 0, smtpRepeats: 0 });
  expect(c).toMatchObject({ lost: 0, duplicated: 0, failed: 0, smtpRepeats: 0 });
});
