/**
 * Full-text search over stored documents with MiniSearch. The index is saved in Redis (`<prefix>:search`) with the
 * sequence number of the last document it holds, so it survives restarts; a process that loads it adds whatever
 * was stored since, so an index saved by another process is never stale for long. Documents whose facts changed after
 * they were stored (a corrected title or reference) are listed by the store with their own change numbers
 * (`<prefix>:changed`); catching up indexes them again.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

/** Characters of a document's text that go into the index. */
const MAX_INDEXED_CHARS = 30_000;

interface IndexedDoc {
  id: string;
  title: string;
  reference: string;
  group: string;
  kind: string;
  text: string;
}

const OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'reference', 'group', 'text'],
  storeFields: ['title', 'reference', 'group', 'kind'],
  searchOptions: { boost: { title: 3, reference: 4, group: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
};

function createIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>(OPTIONS);
}

/** What the index holds of a document: its facts as read (corrections applied) and the start of its text. */
function indexed(doc: StoredDocument, text: string | null): IndexedDoc {
  const p = doc.parsed;
  return { id: doc.id, title: p.title ?? '', reference: p.reference ?? '', group: p.group ?? '', kind: p.kind, text: (text ?? '').slice(0, MAX_INDEXED_CHARS) };
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
      const batch = await this.store.documentsAfter(this.lastSeq, 500);
      if (batch.length === 0) break;
      for (const { id, seq } of batch) {
        if (!this.index.has(id) && (await this.put(id))) added++;
        this.lastSeq = seq;
      }
    }
    for (;;) {
      const batch = await this.store.changedAfter(this.lastChange, 500);
      if (batch.length === 0) return added;
      for (const { id, change } of batch) {
        if (await this.put(id)) added++;
        this.lastChange = change;
      }
    }
  }

  /** Index a stored document, replacing what was indexed of it; `false` when it is not stored. */
  private async put(id: string): Promise<boolean> {
    const [doc, text] = await Promise.all([this.store.getDocument(id), this.store.getText(id)]);
    if (!doc) return false;
    if (this.index.has(id)) this.index.discard(id);
    this.index.add(indexed(doc, text));
    return true;
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

  /** Documents matching `query`, best first. */
  search(query: string, limit = 10): SearchHit[] {
    let results: SearchResult[] = this.index.search(query);
    if (results.length === 0) results = this.index.search(query, { combineWith: 'OR' });
    return results.slice(0, limit).map((r) => ({
      id: String(r.id),
      score: r.score,
      title: (r['title'] as string) || null,
      reference: (r['reference'] as string) || null,
      group: (r['group'] as string) || null,
      kind: String(r['kind']),
    }));
  }
}
