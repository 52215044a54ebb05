/**
 * A store filled fast to a chosen size, for the answer latencies and the memory figure. A few hundred generated
 * documents are parsed for real (templates); each stored document is a template with a unique reference and a unique
 * closing line, so every one is a separate document with its own facts (no revision chains, no duplicates). They go
 * in through the store API (`addDocument`, 64 at a time) and the in-process search index catches up the way a
 * process does (`SearchIndex.catchUp`). Template years span 2020–2028, so about a quarter of the deadlines are
 * upcoming at the answers' "now" (1 July 2026), as in a store that has run for years.
 */
import type { Redis } from 'ioredis';
import type { ParsedDocument } from '../src/core/types.ts';
import { parseDocument } from '../src/parse/index.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';
import { anyDocument, type GenDoc } from './corpus.ts';
import type { BenchEnv } from './env.ts';
import { mapLimit, nowMs, Rng } from './util.ts';

interface Template {
  doc: GenDoc;
  parsed: ParsedDocument;
  list: string;
}

const LOAD_CONCURRENCY = 64;

function uniqueReference(ref: string | null, n: number): string | null {
  if (!ref) return null;
  return ref.replace(/(letter )(\d+)/i, `$1${n}`).replace(/(Circular )(\d+)/i, `$1${n}`).replace(/(-LS)(\d+)/i, `$1${n}`);
}

export class BulkStore {
  readonly store: DocumentStore;
  readonly index: SearchIndex;
  readonly redis: Redis;
  private readonly templates: Template[] = [];
  private readonly rng: Rng;
  private count = 0;
  /** Totals so far: ms spent storing and indexing, characters of text stored, Redis bytes the search index took. */
  readonly totals = { loadMs: 0, indexMs: 0, chars: 0, indexBytes: 0 };

  constructor(
    private readonly env: BenchEnv,
    name: string,
    private readonly templateCount: number,
  ) {
    this.redis = env.connect();
    this.store = new DocumentStore(this.redis, env.prefix(name));
    this.index = new SearchIndex(this.store);
    this.rng = new Rng(env.seed + 101);
  }

  get size(): number {
    return this.count;
  }

  private makeTemplates(): void {
    const t0 = nowMs();
    for (let i = 0; i < this.templateCount; i++) {
      const doc = anyDocument(this.rng, i + 1, 2020 + (i % 9));
      const parsed = parseDocument(doc.text);
      if (parsed.group === null) parsed.group = doc.group;
      this.templates.push({ doc, parsed, list: `t25sg${doc.sg}@lists.itu.int` });
    }
    this.env.log(`bulk: parsed ${this.templateCount} templates in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
  }

  /** Store (and index) documents until there are `target`; returns the ms spent on each part. */
  async ensure(target: number): Promise<{ loadMs: number; indexMs: number; added: number }> {
    if (this.templates.length === 0) this.makeTemplates();
    const from = this.count;
    if (target <= from) return { loadMs: 0, indexMs: 0, added: 0 };
    const ids = Array.from({ length: target - from }, (_, i) => from + i + 1);
    const now = new Date('2026-06-01T00:00:00Z');
    const t0 = nowMs();
    let chars = 0;
    await mapLimit(ids, LOAD_CONCURRENCY, async (n) => {
      const t = this.templates[n % this.templates.length] as Template;
      const parsed: ParsedDocument = { ...t.parsed, reference: uniqueReference(t.parsed.reference, n) };
      const text = `${t.doc.text}\n\nDistribution ${n}: ${this.rng.hex(8)} ${t.doc.group} ${t.list}`;
      chars += text.length;
      await this.store.addDocument(text, parsed, { name: `bulk-${n}.eml`, path: null, messageId: `<bulk-${n}@bench.sgbot.example>`, format: 'eml', subject: t.doc.subject, from: null, sentAt: null, list: null }, now);
    });
    const loadMs = nowMs() - t0;
    const memBefore = await this.env.redis.usedMemory();
    const t1 = nowMs();
    await this.index.catchUp();
    const indexMs = nowMs() - t1;
    this.totals.indexBytes += (await this.env.redis.usedMemory()) - memBefore;
    this.count = target;
    this.totals.loadMs += loadMs;
    this.totals.indexMs += indexMs;
    this.totals.chars += chars;
    this.env.log(`bulk: ${target} documents (+${ids.length}: stored in ${(loadMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s)`);
    return { loadMs, indexMs, added: ids.length };
  }
}
