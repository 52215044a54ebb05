/**
 * Full-text search over stored documents with MiniSearch. The index is saved in Redis (`<prefix>:search`) with the
 * sequence number of the last document it holds, so it survives restarts; a process that loads it adds whatever
 * was stored since, so an index saved by another process is never stale for long. Documents whose facts changed after
 * they were stored (a corrected title or reference) are listed by the store with their own change numbers
 * (`<prefix>:changed`); catching up indexes them again.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import type { StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

/** Characters of a document's text that go into the index. */
const MAX_INDEXED_CHARS = 30_000;

/**
 * Most documents a search scores. A query whose words are in more documents (common words in a large store) is
 * ranked among the most recently stored of them: scoring every match costs about a microsecond per word and
 * document, 100 ms and more for three common words in 100k documents.
 */
export const MAX_SCORED = 1000;

/** Documents read from Redis at a time when catching up. */
const BATCH = 500;

interface IndexedDoc {
  id: string;
  title: string;
  reference: string;
  group: string;
  kind: string;
  text: string;
  /** The store's sequence number of the document (absent in an index saved before it was kept). */
  seq: number;
}

/** Prefix search for the last word of a query, when it has 3 characters or more ("quant" finds "quantum"). */
function prefixOf(term: string, i: number, terms: string[]): boolean {
  return i === terms.length - 1 && term.length >= 3;
}

/** Typo tolerance: 1 edit in words of 4 to 7 characters, 2 from 8 ("digtal" finds "digital"). */
function fuzzyOf(term: string): number | false {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : false;
}

const BOOST = { title: 3, reference: 4, group: 2 };

const OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'reference', 'group', 'text'],
  storeFields: ['title', 'reference', 'group', 'kind', 'seq'],
  searchOptions: { boost: BOOST, prefix: prefixOf, fuzzy: false, combineWith: 'AND' },
};

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;

/** The words of a query as the index sees them. */
function termsOf(query: string): string[] {
  return tokenize(query)
    .map((t) => processTerm(t))
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** The `k`-th largest of `values` (1-based); reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return values[want] as number;
  }
  return values[want] as number;
}

function createIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>(OPTIONS);
}

/** What the index holds of a document: its facts as read (corrections applied) and the start of its text. */
function indexed(doc: StoredDocument, text: string | null): IndexedDoc {
  const p = doc.parsed;
  return { id: doc.id, title: p.title ?? '', reference: p.reference ?? '', group: p.group ?? '', kind: p.kind, text: (text ?? '').slice(0, MAX_INDEXED_CHARS), seq: doc.seq };
}

/** One search hit. */
export interface SearchHit {
  id: string;
  score: number;
  title: string | null;
  reference: string | null;
  group: string | null;
  kind: string;
}

/** The document search index of one store. */
export class SearchIndex {
  private index: MiniSearch<IndexedDoc> = createIndex();
  private lastSeq = 0;
  private lastChange = 0;
  private readonly store: DocumentStore;

  constructor(store: DocumentStore) {
    this.store = store;
  }

  /** Load the saved index and add documents stored since it was saved. */
  async load(): Promise<void> {
    const [json, seq, change] = await this.store.redis.mget(this.store.key('search'), this.store.key('search:seq'), this.store.key('search:change'));
    if (json) {
      this.index = MiniSearch.loadJSON<IndexedDoc>(json, OPTIONS);
      this.lastSeq = Number(seq ?? 0);
      this.lastChange = Number(change ?? 0);
    }
    await this.catchUp();
  }

  /**
   * Index documents stored after the last one indexed, and index again those whose facts changed since the last
   * catch-up (corrections); returns how many were added or indexed again.
   */
  async catchUp(): Promise<number> {
    let added = 0;
    for (;;) {
      const batch = await this.store.documentsAfter(this.lastSeq, BATCH);
      if (batch.length === 0) break;
      added += await this.put(batch.map((b) => b.id).filter((id) => !this.index.has(id)));
      this.lastSeq = batch.at(-1)?.seq ?? this.lastSeq;
    }
    for (;;) {
      const batch = await this.store.changedAfter(this.lastChange, BATCH);
      if (batch.length === 0) return added;
      added += await this.put(batch.map((b) => b.id));
      this.lastChange = batch.at(-1)?.change ?? this.lastChange;
    }
  }

  /**
   * Index stored documents, replacing what was indexed of them; returns how many are stored. Read together: one MGET
   * for the texts, and the documents' reads (with their corrections) sent without waiting for each other.
   */
  private async put(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [docs, texts] = await Promise.all([Promise.all(ids.map((id) => this.store.getDocument(id))), this.store.redis.mget(ids.map((id) => this.store.key(`text:${id}`)))]);
    let n = 0;
    docs.forEach((doc, i) => {
      if (!doc) return;
      if (this.index.has(doc.id)) this.index.discard(doc.id);
      this.index.add(indexed(doc, texts[i] ?? null));
      n++;
    });
    return n;
  }

  /** Save the index to Redis. */
  async save(): Promise<void> {
    await this.store.redis.mset(
      this.store.key('search'),
      JSON.stringify(this.index),
      this.store.key('search:seq'),
      String(this.lastSeq),
      this.store.key('search:change'),
      String(this.lastChange),
    );
  }

  /**
   * Documents matching `query`, best first: those holding every word (the last may be the start of a word), then, when
   * fewer than `limit`, allowing a typo per word ({@link fuzzyOf}), then any of the words. At most
   * {@link MAX_SCORED} documents are scored per search: the most recently stored of those that match.
   */
  search(query: string, limit = 10): SearchHit[] {
    const terms = termsOf(query);
    if (terms.length === 0) return [];
    let results = this.run(query, terms, 'AND', false);
    if (results.length < limit) {
      const typos = this.run(query, terms, 'AND', true);
      if (typos.length > results.length) results = typos;
    }
    if (results.length === 0) results = this.run(query, terms, 'OR', true);
    return results.slice(0, limit).map((r) => ({
      id: String(r.id),
      score: r.score,
      title: (r['title'] as string) || null,
      reference: (r['reference'] as string) || null,
      group: (r['group'] as string) || null,
      kind: String(r['kind']),
    }));
  }

  private run(query: string, terms: string[], combineWith: 'AND' | 'OR', typos: boolean): SearchResult[] {
    const options: SearchOptions = { combineWith, prefix: prefixOf, fuzzy: typos ? fuzzyOf : false, maxFuzzy: 2 };
    if (this.index.documentCount > MAX_SCORED) {
      const candidates = this.candidates(terms, options);
      if (candidates.size === 0) return [];
      options.boostDocument = (id: string) => (candidates.has(id) ? 1 : 0);
    }
    return this.index.search(query, options);
  }

  /**
   * Documents that may match `terms` as `options` say, at most {@link MAX_SCORED}: when more match, the most
   * recently stored. Cheap: each word's documents are visited (MiniSearch calls `boostDocument` before scoring a
   * document, and 0 skips it) but none is scored. With AND, a superset of the matches once few enough remain.
   */
  private candidates(terms: string[], options: SearchOptions): Set<string> {
    const and = options.combineWith === 'AND';
    let found = new Map<string, number>();
    for (const [i, term] of terms.entries()) {
      const prev = found;
      const next = and && i > 0 ? new Map<string, number>() : prev;
      this.index.search(term, {
        ...options,
        combineWith: 'OR',
        prefix: () => typeof options.prefix === 'function' && options.prefix(term, i, terms),
        fuzzy: () => (typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : false),
        boostDocument: (id: string, _term: string, stored?: Record<string, unknown>) => {
          if (!and || i === 0 || prev.has(id)) next.set(id, Number(stored?.['seq'] ?? 0));
          return 0;
        },
      });
      found = next;
      if (and && found.size <= MAX_SCORED) break;
    }
    if (found.size <= MAX_SCORED) return new Set(found.keys());
    const threshold = kthLargest(Float64Array.from(found.values()), MAX_SCORED);
    const newest = new Set<string>();
    for (const [id, seq] of found) if (seq > threshold) newest.add(id);
    for (const [id, seq] of found) {
      if (newest.size >= MAX_SCORED) break;
      if (seq === threshold) newest.add(id);
    }
    return newest;
  }
}
