/**
 * The sample inbox from one week to the next, through the real ingest pipeline and store: the same week ingested
 * again stores nothing, and next week's letters replace this week's (same references, later dates) instead of
 * doubling the deadlines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampleDates, writeSampleInbox } from '../../src/embedded/sample.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { Quarantine } from '../../src/store/quarantine.ts';
import { DocumentStore } from '../../src/store/store.ts';

const prefix = `it-sample-weeks-${process.pid}`;
let redis: Redis;
let dir: string;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  dir = mkdtempSync(join(tmpdir(), 'sgbot-sample-weeks-'));
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('sample inbox across weeks', () => {
  it('is stored once per week, and a later week supersedes the earlier one', async () => {
    const store = new DocumentStore(redis, prefix);
    const deps = { store, quarantine: new Quarantine(redis, prefix) };
    const week1 = new Date('2026-11-21T10:00:00Z');
    const week2 = new Date('2026-11-24T10:00:00Z');

    const first = await ingestPaths((await writeSampleInbox({ dataDir: dir, today: week1 })).paths, deps);
    expect(first).toMatchObject({ added: 5, duplicates: 0, revisions: 0, problems: [] });
    const again = await ingestPaths((await writeSampleInbox({ dataDir: dir, today: week1 })).paths, deps);
    expect(again).toMatchObject({ added: 0, duplicates: 5, problems: [] });

    const next = await ingestPaths((await writeSampleInbox({ dataDir: dir, today: week2 })).paths, deps);
    expect(next).toMatchObject({ added: 5, revisions: 5, problems: [] });
    expect(next.documents.map((d) => d.status)).toEqual(['revision', 'revision', 'revision', 'revision', 'revision']);

    // Only next week's dates are left: one contribution deadline for SG20, not two.
    const d2 = sampleDates(week2).dates;
    const sg20 = await store.deadlines({ group: 'SG20' }, '-inf');
    expect(sg20.filter((d) => d.category === 'contributions').map((d) => d.date)).toEqual([d2.sg20Contrib]);
    // The liaison SG20-LS88 asks SG17 (Q6/17) to reply: its deadline is SG17's, not its source SG20's.
    expect(sg20.filter((d) => d.category === 'liaison-reply')).toEqual([]);
    const q617 = await store.deadlines({ question: 'Q6/17' }, '-inf');
    expect(q617.filter((d) => d.category === 'liaison-reply').map((d) => d.date)).toEqual([d2.lsDeadline]);
    const meetings = await store.meetings('SG13', 0);
    expect(meetings.map((m) => m.start)).toEqual([d2.sg13Start]);
  });
});
