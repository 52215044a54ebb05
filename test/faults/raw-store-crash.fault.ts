/**
 * A kill between two writes of the raw store, made deterministic: found by scenario 1 (seed 2, quick run), where a
 * worker killed while keeping a mail lost it — 149 of 150 stored, one quarantined as "over the mail size limit".
 * RawStore.put wrote the message's record (`rawmeta:<id>`, SET NX) before its bytes and its index entry; a process
 * killed between the two left a record that says "kept" with no bytes. The IMAP source, which had not moved its
 * checkpoint, read the mail again, but put() found the record and returned it without writing the bytes, and the
 * ingest job then found no bytes and quarantined the mail as too large: lost.
 * Here the state the kill leaves is written by hand, then the mail comes again through the real sink and ingest.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestRaw } from '../../src/ingest/ingest-raw.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/types.ts';
import { Quarantine } from '../../src/store/quarantine.ts';
import { rawId, RawStore, type RawMeta } from '../../src/store/raw.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { secondsSince } from './support/common.ts';
import { faultMails } from './support/mails.ts';
import { startRedis, type PrivateRedis } from './support/redis.ts';
import { recordRow } from './support/table.ts';

const prefix = 'faults-raw-crash';
let redis: PrivateRedis;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis({ aof: false, name: 'raw-crash' });
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
});

afterAll(async () => {
  await client?.quit();
  await redis?.stop();
});

it('a mail whose raw record was written but not its bytes is kept and ingested when it is read again', async () => {
  const t0 = Date.now();
  const mails = faultMails(3, 'raw');
  const raw = new RawStore(client, prefix);
  const deps = { store: new DocumentStore(client, prefix), raw, quarantine: new Quarantine(client, prefix), limits: DEFAULT_LIMITS, senderAuth: false };
  const origin = { type: 'imap', account: 'bot@example.test@127.0.0.1', mailbox: 'INBOX', uid: 7, uidValidity: '1' } as const;
  const outcomes = [];
  for (const [i, m] of mails.entries()) {
    const id = rawId(m.raw);
    // What a kill right after the record's SET NX leaves behind (before the bytes and the index entry).
    const meta: RawMeta = { id, size: m.raw.length, kept: true, receivedAt: new Date().toISOString(), origin: { ...origin, uid: 7 + i }, state: 'queued', docs: [], attempts: 0 };
    await client.set(`${prefix}:rawmeta:${id}`, JSON.stringify(meta), 'NX');
    // The IMAP source reads the mail again (its checkpoint had not moved), the sink keeps it, the job ingests it.
    const put = await raw.put(m.raw, { ...origin, uid: 7 + i }, { maxBytes: 100 * 1024 * 1024 });
    outcomes.push(await ingestRaw(deps, put.meta.id));
  }
  const stored = outcomes.filter((o) => o.state === 'done' && o.documents.length === 1).length;
  const quarantined = await client.hlen(`${prefix}:quarantine`);
  recordRow('0-raw-store-crash', {
    scenario: 'kill between raw record and bytes (replayed)',
    items: mails.length,
    lost: mails.length - stored,
    duplicated: 0,
    notes: `${quarantined} quarantined; ${outcomes.map((o) => o.problems[0]?.code ?? o.state).join(', ')}`,
    seconds: secondsSince(t0),
  });
  expect(outcomes.map((o) => o.state)).toEqual(['done', 'done', 'done']);
  expect(quarantined).toBe(0);
  expect(await raw.count()).toBe(mails.length);
});
