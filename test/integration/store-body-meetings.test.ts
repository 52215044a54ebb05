/**
 * Another body's meetings in the store: filed under the body's key, on the liaison only for the sender's own body,
 * and indexed when a revision held back (unsigned) is vouched for, like the document's other facts. Against the
 * test Redis; the statement is a real 3GPP RAN2 reply LS (test/fixtures/real, sources in its SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import type { SourceInfo } from '../../src/core/facts.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { setSenderAuth } from '../../src/store/trust.ts';
import { REAL_DIR } from '../support/real-corpus.ts';

const redisUrl = inject('redisUrl');
let redis: Redis;
let store: DocumentStore;

const source = (auth?: SourceInfo['auth']): SourceInfo => ({ name: 'ls.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null, ...(auth ? { auth } : {}) });

beforeAll(() => {
  redis = new Redis(redisUrl);
  store = new DocumentStore(redis, `it-bodies-${process.pid}`);
});
afterAll(async () => {
  await redis.quit();
});

describe("another body's meetings in the store", () => {
  it("are filed under the body's key; the liaison keeps only the sender's own", async () => {
    const text = readFileSync(join(REAL_DIR, '3gpp-ct4-ls-out-user-plane-analysis-to-ietf-dmm.txt'), 'utf8');
    await store.addDocument(text, parseDocument(text), source());
    expect((await store.bodyMeetings('CT4', 0)).map((m) => m.title)).toEqual(['CT4#86', 'CT4#86bis']);
    expect((await store.bodyMeetings('CT', 0)).map((m) => m.title)).toEqual(['CT#81']);
    const ls = (await store.liaisons(null)).find((l) => l.source.title === 'LS OUT on User Plane Analysis');
    expect(ls?.senderMeetings?.map((m) => m.title)).toEqual(['CT4#86', 'CT4#86bis']);
  });

  it('of a revision held back and then vouched for, are indexed with its other facts', async () => {
    const text = readFileSync(join(REAL_DIR, '3gpp-ran2-reply-ls-dynamic-plr-cc-sa2.txt'), 'utf8');
    const first = await store.addDocument(text, { ...parseDocument(text), reference: 'R2-TEST-1' }, source());
    const revised = `${text}\n(revised)\n`;
    const held = await store.addDocument(revised, { ...parseDocument(revised), reference: 'R2-TEST-1', revision: 'Rev.1' }, source({ verdict: 'none', summary: 'unsigned' }));
    expect(held.id).not.toBe(first.id);
    await setSenderAuth(store, held.id, { verdict: 'vouched', summary: 'vouched for' });
    expect((await store.bodyMeetings('RAN2', 0)).map((m) => m.source.docId)).toEqual([held.id, held.id]);
    expect(await store.indexIsCurrent((await store.getDocument(held.id))!)).toBe(true);
  });
});
