/**
 * Records read back from a real Redis are checked against their schemas: a damaged or foreign record is a clear
 * E_STORE error naming it (single reads), or is left out while the good ones beside it are still listed (lists); an
 * audit entry with unreadable details still shows. Fields a schema does not name pass through unchanged.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStored, storedDocumentSchema } from '../../src/core/records.ts';
import { SgbotError } from '../../src/core/errors.ts';
import { readRecord, remKeys } from '../../src/reminders/keys.ts';
import { AuditLog } from '../../src/store/audit.ts';
import { Quarantine, type QuarantineEntry } from '../../src/store/quarantine.ts';
import { RawStore } from '../../src/store/raw.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { letterText } from '../support/letters.ts';
import { BroadcastStore } from '../../src/broadcast/store.ts';
import { loadCuratedRoles } from '../../src/main.ts';
import { makePerson, Roster } from '../../src/people/roster.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const prefix = `it-records-${process.pid}`;

describe('stored records', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const entry = (id: string, at: string): QuarantineEntry => ({ id, name: `mail ${id}`, partial: false, problems: [{ name: 'mail.eml', code: 'E_BAD_DOCUMENT', message: 'unreadable' }], at, rawId: id, path: null });

  it('lists the good quarantine entries beside a damaged one, and names the damaged one when asked for it', async () => {
    const q = new Quarantine(redis, prefix);
    await q.put(entry('aaaa1111', '2026-12-01T10:00:00Z'));
    await q.put(entry('bbbb2222', '2026-12-02T10:00:00Z'));
    await redis.hset(`${prefix}:quarantine`, 'bbbb2222', '{"id":"bbbb2222","name":42}');
    await redis.zadd(`${prefix}:quarantine:at`, Date.parse('2026-12-03T10:00:00Z'), 'cccc3333');
    await redis.hset(`${prefix}:quarantine`, 'cccc3333', 'not json');
    expect((await q.list()).map((e) => e.id)).toEqual(['aaaa1111']);
    const err = await q.get('bbbb2222').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SgbotError);
    expect((err as SgbotError).code).toBe('E_STORE');
    expect((err as SgbotError).message).toContain('quarantine entry bbbb2222');
    expect((err as SgbotError).message).toContain('name');
  });

  it('refuses a reminder record or raw message record of the wrong shape with E_STORE', async () => {
    const keys = remKeys(prefix);
    await redis.set(keys.deadline('abc'), JSON.stringify({ key: 'abc', due: 'tomorrow' }));
    await expect(readRecord(redis, keys, 'abc')).rejects.toMatchObject({ code: 'E_STORE' });
    await redis.set(`${prefix}:rawmeta:r1`, JSON.stringify({ id: 'r1', size: 10, kept: true, receivedAt: 'x', origin: { type: 'pigeon' }, state: 'done', docs: [], attempts: 1 }));
    await expect(new RawStore(redis, prefix).meta('r1')).rejects.toMatchObject({ code: 'E_STORE' });
  });

  it('shows an audit entry whose details are not JSON, with them marked unreadable', async () => {
    await redis.xadd(`${prefix}:audit`, '*', 'at', '2026-12-06T10:00:00Z', 'who', 'cli:operator', 'action', 'x.test', 'target', 't', 'result', 'ok', 'details', '{broken');
    const [e] = await new AuditLog(redis, prefix).latest(1);
    expect(e).toMatchObject({ action: 'x.test', details: { unreadable: '{broken' } });
  });

  it('reads an older roster entry (slackId) into chat ids, and refuses a damaged one with E_STORE', async () => {
    const roster = new Roster(redis, prefix);
    await redis.hset(`${prefix}:people`, 'old@example.org', JSON.stringify({ id: 'old@example.org', name: 'Old Entry', email: 'old@example.org', slackId: 'U0OLD', teamsId: null, tz: 'Europe/Zurich', roles: [{ kind: 'delegate', scope: null }] }));
    expect(await roster.get('old@example.org')).toMatchObject({ name: 'Old Entry', chat: { slack: 'U0OLD' } });
    await roster.put(makePerson({ name: 'Ana Silva', email: 'ana@example.org' }));
    await redis.hset(`${prefix}:people`, 'ana@example.org', JSON.stringify({ id: 'ana@example.org', roles: 'all' }));
    await expect(roster.get('ana@example.org')).rejects.toMatchObject({ code: 'E_STORE' });
  });

  it('leaves a broadcast target whose status is damaged out of the statuses, and shows the others', async () => {
    const store = new BroadcastStore(redis, prefix);
    await store.initTargets('b1', ['mail:a@lists.example.org', 'mail:b@lists.example.org'], new Date('2026-12-06T10:00:00Z'));
    await redis.hset(`${prefix}:broadcast:b1:targets`, 'mail:b@lists.example.org', '{"state":"sent?"}');
    const statuses = await store.statuses('b1');
    expect([...statuses.keys()]).toEqual(['mail:a@lists.example.org']);
  });

  it('refuses curated lead-role data of the wrong shape at start-up, naming the place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sgbot-curated-'));
    const file = join(dir, 'lead-roles.json');
    writeFileSync(file, JSON.stringify({ periods: {}, roles: [{ group: 'SG20', topic: 'IoT', period: '2025-2028', source: 'x' }], groupTitles: {}, abbreviations: {} }));
    expect(() => loadCuratedRoles(pathToFileURL(file))).toThrow(/study period 2025-2028/);
    writeFileSync(file, JSON.stringify({ periods: {}, roles: [{ group: 'SG20' }], groupTitles: {}, abbreviations: {} }));
    expect(() => loadCuratedRoles(pathToFileURL(file))).toThrow(/roles\.0\.topic/);
    expect(loadCuratedRoles().roles.length).toBeGreaterThan(0);
  });

  it('leaves a damaged fact out of the deadlines and refuses a damaged document with E_STORE', async () => {
    const store = new DocumentStore(redis, `${prefix}:store`);
    const source = { name: 'x.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null };
    const a = letterText(3, 20, '14 April 2027');
    const b = letterText(4, 20, '21 April 2027');
    const { id: first } = await store.addDocument(a, parseDocument(a), source);
    await store.addDocument(b, parseDocument(b), { ...source, name: 'y.txt' });
    expect((await store.deadlines({ group: 'SG20' }, '-inf')).map((d) => d.date)).toEqual(['2027-04-14', '2027-04-21']);
    await redis.hset(`${prefix}:store:facts`, `${first}#d0`, '{"date":14}');
    expect((await store.deadlines({ group: 'SG20' }, '-inf')).map((d) => d.date)).toEqual(['2027-04-21']);
    await redis.set(`${prefix}:store:doc:${first}`, '{"id":"x"}');
    await expect(store.getDocument(first)).rejects.toMatchObject({ code: 'E_STORE' });
  });

  it('keeps fields a schema does not name', () => {
    const doc = {
      id: 'd1', hash: 'h', seq: 1, ingestedAt: '2026-12-06T00:00:00Z', baseKey: null, supersededBy: null, futureField: { a: 1 },
      source: { name: 'n', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null },
      parsed: { kind: 'td', group: 'SG20', reference: null, date: null, title: 'T', meeting: null, events: [], deadlines: [], liaison: null, roles: [], recommendations: [], questions: [], addresses: [], revision: null },
    };
    expect(readStored(storedDocumentSchema, JSON.stringify(doc), 'stored document d1')).toEqual(doc);
  });
});
