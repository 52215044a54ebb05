/**
 * A group with more upcoming deadlines than a chat answer should hold: `/deadlines` lists the soonest 50 and says how
 * many more there are, and after which one.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CuratedRoles } from '../../src/core/command.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { letter } from '../support/reminder-builders.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-dl-long-${process.pid}`;
let redis: Redis;
let store: DocumentStore;

/** 24 letters of SG20, each with 3 deadlines on distinct days of 2036: 72 upcoming deadlines. */
const DAY = 86_400_000;
const dates = Array.from({ length: 72 }, (_, i) => new Date(Date.UTC(2036, 2, 1) + i * DAY));
const fmt = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

beforeAll(async () => {
  redis = new Redis(redisUrl);
  store = new DocumentStore(redis, prefix);
  for (let n = 0; n < 24; n++) {
    const rows = [0, 1, 2].map((k): [string, string] => [fmt(dates[n * 3 + k] as Date), ['Submit ITU-T Member contributions', 'Register for the meeting online', 'Request a fellowship'][k] as string]);
    const text = letter({ n: 100 + n, sg: 20, rows });
    await store.addDocument(text, parseDocument(text), { name: `cl${n}.txt`, path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
  }
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const context = (): CommandContext => ({ store, search: () => Promise.reject(new Error('no search here')), curated: {} as CuratedRoles, now: Date.UTC(2036, 1, 1), tz: 'UTC' });

describe('/deadlines with many upcoming deadlines', () => {
  it('lists the soonest 50, in order, and says how many more come after the last one shown', async () => {
    const { reply } = await answer(defaultRegistry(), context(), '/deadlines SG20');
    const items = reply.sections[0]?.items ?? [];
    expect(items).toHaveLength(50);
    expect(items[0]?.text).toMatch(/^Sat 1 Mar 2036/);
    expect(items[49]?.text).toMatch(/^Sat 19 Apr 2036/);
    expect(reply.notes[0]).toMatch(/^22 more upcoming after Sat 19 Apr 2036.*deadlines Q4\/20/);
  });
});
