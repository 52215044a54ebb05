/**
 * The Redis-resident search index: every word, any word, a typo, the start of the last word; the matched words given
 * back for a snippet; a corrected title indexed again (and the old title's words forgotten); a second process sharing
 * the index sees documents the first indexed, without indexing them again; and the work of a search over a word every
 * document holds stays within the candidate budget, the same in a store twice as large.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { SearchIndex } from '../../src/store/search.ts';
import { DocumentStore } from '../../src/store/store.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-search-index-${process.pid}`;
let redis: Redis;

async function add(store: DocumentStore, name: string, text: string): Promise<string> {
  const r = await store.addDocument(text, parseDocument(text), { name, path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
  return r.id;
}

async function addMany(store: DocumentStore, from: number, to: number, text: (n: number) => string): Promise<void> {
  for (let n = from; n < to; n += 100) {
    await Promise.all(Array.from({ length: Math.min(100, to - n) }, (_, k) => add(store, `n-${n + k}.txt`, text(n + k))));
  }
}

beforeAll(async () => {
  redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
});

afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

describe('matching', () => {
  let store: DocumentStore;
  let index: SearchIndex;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    store = new DocumentStore(redis, `${prefix}:match`);
    id.twin = await add(store, 'twin.txt', 'Digital twin of a campus\nA digital twin of the campus network, for planning.');
    id.twinOnly = await add(store, 'twin-only.txt', 'Twin cities report\nThe twin cities met in Kigali.');
    id.quantum = await add(store, 'quantum.txt', 'Quantum key distribution networks\nQuantum key distribution over optical transport.');
    id.optical = await add(store, 'optical.txt', 'Optical transport network\nThe optical transport network and its management.');
    index = new SearchIndex(store);
    await index.load();
  });

  const ids = async (q: string) => (await index.search(q)).map((h) => h.id);

  it('finds documents holding every word, and gives the words matched', async () => {
    expect(await ids('digital twin')).toEqual([id.twin]);
    const [hit] = await index.search('digital twin');
    expect(hit?.terms.sort()).toEqual(['digital', 'twin']);
    expect(hit?.title).toBe('Digital twin of a campus');
  });

  it('ranks a word of the title above the same word in the text only', async () => {
    const hits = await ids('optical transport');
    expect(hits[0]).toBe(id.optical);
    expect(hits).toContain(id.quantum);
  });

  it('falls back to any of the words when no document holds them all, and marks those hits', async () => {
    const hits = await index.search('kigali campus');
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set([id.twin, id.twinOnly]));
    expect(hits.every((h) => h.partial === true)).toBe(true);
    expect((await index.search('digital twin')).some((h) => h.partial)).toBe(false);
  });

  it('completes the last word and tolerates a typo', async () => {
    const [prefixed] = await index.search('quantum key distrib');
    expect(prefixed?.id).toBe(id.quantum);
    expect(prefixed?.terms).toContain('distribution');
    expect(await ids('quantm key')).toEqual([id.quantum]);
    expect(await ids('optikal transport network')).toContain(id.optical);
  });

  it('puts every document holding the words as written before those found through a typo', async () => {
    const store2 = new DocumentStore(redis, `${prefix}:typo-order`);
    // "WTSC" many times scores higher than "WTSA" once would, were the typo match ranked with the exact one.
    const typo = await add(store2, 'wtsc.txt', 'WTSC resolutions of 2024\nThe WTSC, the WTSC and the WTSC again in 24 places.');
    const exact = await add(store2, 'wtsa.txt', 'A liaison on lead roles\nAs WTSA-24 recalled, the groups coordinate.');
    const index2 = new SearchIndex(store2);
    await index2.load();
    expect((await index2.search('wtsa 24')).map((h) => h.id)).toEqual([exact, typo]);
  });

  it('finds nothing for words no document holds', async () => {
    expect(await index.search('xylophone zzyzx')).toEqual([]);
    expect(await index.search('  ,, ')).toEqual([]);
  });
});

describe('corrections and a second process', () => {
  it('indexes a corrected title again and forgets the old one', async () => {
    const store = new DocumentStore(redis, `${prefix}:corr`);
    const text = 'Circular on lift monitoring\nLift monitoring in buildings.';
    const docId = await add(store, 'c.txt', text);
    const index = new SearchIndex(store);
    await index.load();
    expect((await index.search('lift monitoring')).map((h) => h.title)).toEqual(['Circular on lift monitoring']);
    await store.replaceParse(docId, { ...parseDocument(text), title: 'Escalator safety in Zanzibar' });
    expect(await index.search('zanzibar')).toEqual([]);
    await index.catchUp();
    const hits = await index.search('zanzibar escalator');
    expect(hits.map((h) => [h.id, h.title])).toEqual([[docId, 'Escalator safety in Zanzibar']]);
    // The old title's words that were not in the text no longer match.
    expect(await index.search('circular')).toEqual([]);
    // The text's words still do.
    expect((await index.search('buildings')).map((h) => h.id)).toEqual([docId]);
  });

  it('shares the index: a second process sees new documents without indexing them again', async () => {
    const storeA = new DocumentStore(redis, `${prefix}:shared`);
    const other = new Redis(redisUrl);
    try {
      const storeB = new DocumentStore(other, `${prefix}:shared`);
      await add(storeA, 'a.txt', 'Marmalade interim meeting\nThe marmalade rapporteur group.');
      const a = new SearchIndex(storeA);
      const b = new SearchIndex(storeB);
      await a.load();
      await b.load();
      expect(await b.search('marmalade')).toHaveLength(1);
      const later = await add(storeA, 'b.txt', 'Gooseberry workshop\nA gooseberry workshop on marmalade.');
      expect(await a.catchUp()).toBe(1);
      // B reads the postings A wrote: it writes nothing, yet finds the new document, also by a prefix.
      expect(await b.catchUp()).toBe(0);
      expect((await b.search('gooseberry')).map((h) => h.id)).toEqual([later]);
      expect((await b.search('goosebe')).map((h) => h.id)).toEqual([later]);
      expect(await b.search('marmalade')).toHaveLength(2);
    } finally {
      other.disconnect();
    }
  });
});

describe('bounded work', () => {
  it('looks at no more than the budget for a word every document holds, however large the store', async () => {
    const store = new DocumentStore(redis, `${prefix}:bounded`);
    const budget = 100;
    const index = new SearchIndex(store, { budget });
    const text = (n: number) => `Zephyr bulletin ${n}\nNotes of the zephyr working group, number ${n}, on ${n % 7 === 0 ? 'quillwort' : 'heather'}.`;
    await addMany(store, 0, 1500, text);
    await index.load();
    const hits = await index.search('zephyr bulletin');
    expect(hits).toHaveLength(10);
    const small = { ...index.lastWork };
    expect(small.candidates).toBeLessThanOrEqual(budget);
    await addMany(store, 1500, 3000, text);
    await index.catchUp();
    await index.search('zephyr bulletin');
    const large = { ...index.lastWork };
    expect(large.candidates).toBeLessThanOrEqual(budget);
    // Same commands, and the bytes read do not follow the store's size (3,000 entries of a word are 18 KB).
    expect(large.commands).toBe(small.commands);
    expect(large.bytes).toBeLessThan(budget * 6 * 2 + 3 * 256 * 6 * 2 + 1000);
    // A common word with a rarer one: candidates come from the rarer word.
    const rare = await index.search('quillwort zephyr', 50);
    expect(rare.length).toBe(50);
    expect(index.lastWork.candidates).toBeLessThanOrEqual(budget);
  }, 120_000);
});
