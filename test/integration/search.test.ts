/**
 * The search index on real Redis: on the fixture corpus, a word with a typo and the start of the last word find the
 * same document as the exact words; in a store larger than what one search scores (MAX_SCORED), a word in every
 * document is ranked among the newest, a rare word of the oldest document is still found, and a typo still helps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { MAX_SCORED, SearchIndex } from '../../src/store/search.ts';
import { DocumentStore } from '../../src/store/store.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/docs');
const redisUrl = inject('redisUrl');
const prefix = `it-search-${process.pid}`;
let redis: Redis;

async function addText(store: DocumentStore, name: string, text: string): Promise<string> {
  const r = await store.addDocument(text, parseDocument(text), { name, path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
  return r.id;
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

describe('search on the fixture corpus', () => {
  let index: SearchIndex;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const store = new DocumentStore(redis, `${prefix}:fixtures`);
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()) ids.set(file, await addText(store, file, readFileSync(join(FIXTURES, file), 'utf8')));
    index = new SearchIndex(store);
    await index.load();
  });

  const top = async (query: string) => (await index.search(query))[0]?.id;
  const ids_ = async (query: string) => (await index.search(query)).map((h) => h.id);

  it('finds a document by its exact words', async () => {
    expect(await top('quantum key establishment')).toBe(ids.get('ls-jtc1-sc27-to-sg17-deadline.txt'));
    expect((await index.search('AI-native networks'))[0]?.kind).toBe('circular');
  });

  it('tolerates a typo in a word', async () => {
    const exact = await ids_('quantum');
    expect(exact.length).toBeGreaterThan(0);
    expect(await ids_('quantm')).toEqual(exact);
    expect(await top('quantm key establishment')).toBe(await top('quantum key establishment'));
    expect(await top('AI-native netwrks')).toBe(await top('AI-native networks'));
  });

  it('completes the last word', async () => {
    expect(await ids_('quan')).toEqual(await ids_('quantum'));
    expect(await top('quantum key establ')).toBe(await top('quantum key establishment'));
    expect(await top('AI-native netw')).toBe(await top('AI-native networks'));
  });

  it('falls back to any of the words when no document has all, and finds nothing for nonsense', async () => {
    expect(await top('quantum xylophonequartet')).toBe(await top('quantum'));
    expect(await index.search('xylophonequartet zzyzx')).toEqual([]);
  });
});

describe('search in a store larger than one search scores', () => {
  const total = MAX_SCORED + 100;
  let index: SearchIndex;
  let store: DocumentStore;
  let oldest = '';

  beforeAll(async () => {
    store = new DocumentStore(redis, `${prefix}:large`);
    oldest = await addText(store, 'note-0.txt', 'Zephyr bulletin 0\nThe quillwort survey of the zephyr working group.');
    for (let n = 1; n < total; n += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, total - n) }, (_, k) => addText(store, `note-${n + k}.txt`, `Zephyr bulletin ${n + k}\nNotes of the zephyr working group, number ${n + k}.`)),
      );
    }
    index = new SearchIndex(store);
    await index.load();
  }, 60_000);

  it('ranks a word every document has among the most recently stored', async () => {
    const hits = await index.search('zephyr bulletin');
    expect(hits).toHaveLength(10);
    const seqs = await Promise.all(hits.map(async (h) => (await store.getDocument(h.id))?.seq ?? 0));
    for (const seq of seqs) expect(seq).toBeGreaterThan(total - MAX_SCORED);
  });

  it('still finds a rare word of the oldest document, exactly, with a typo and by its start', async () => {
    expect((await index.search('quillwort zephyr')).map((h) => h.id)).toEqual([oldest]);
    expect((await index.search('quilwort zephyr')).map((h) => h.id)).toEqual([oldest]);
    expect((await index.search('zephyr quillw')).map((h) => h.id)).toEqual([oldest]);
  });
});
