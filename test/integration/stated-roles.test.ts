/**
 * The lead roles documents state, as the store serves them to `lsg` from its in-process cache: two stores on the same
 * prefix stand for two processes; a role stated by a document one stores reaches the other's next answer, and a
 * revision that no longer states it takes it away.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { DocumentStore } from '../../src/store/store.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-roles-${process.pid}`;
let redis: Redis;

function letter(rev: string, role: string): string {
  return [
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    'Geneva, 2 February 2027',
    `Ref: TSB Collective letter 9/17${rev}`,
    'Subject: Meeting of Study Group 17; Geneva, 3-12 May 2027',
    'Dear Sir/Madam,',
    '1 I invite you to the meeting of Study Group 17 at ITU headquarters from 3 to 12 May 2027.',
    role,
    'Yours faithfully,',
  ].join('\n');
}

async function add(store: DocumentStore, text: string): Promise<void> {
  await store.addDocument(text, parseDocument(text), { name: 'cl.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
}

beforeAll(async () => {
  redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('stated roles', () => {
  it('follows role facts written by another process', async () => {
    const reader = new DocumentStore(redis, prefix);
    const writer = new DocumentStore(redis, prefix);
    expect(await reader.statedRoles()).toEqual([]);
    await add(writer, letter('', 'ITU-T SG17 is the lead study group on security.'));
    expect((await reader.statedRoles()).map((r) => [r.group, r.topic, r.documents])).toEqual([['SG17', 'security', 1]]);
    // Served from memory while nothing changed: the very same array.
    expect(await reader.statedRoles()).toBe(await reader.statedRoles());
    await add(writer, letter(' Rev.1', 'The meeting will discuss the work programme.'));
    expect(await reader.statedRoles()).toEqual([]);
  });
});
