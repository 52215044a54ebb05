/**
 * Full-text search over stored documents: an inverted index kept in Redis, written a batch of documents at a time as
 * they are stored, read by every process; a search reads a bounded part of it whatever the size of the store.
 *
 * Keys (all under `<prefix>:{sidx}:`, one hash tag, so one Redis Cluster slot holds the whole index):
 * - `p:<word>`: the postings of a word, one 6-byte entry per document holding it, in increasing sequence number
 *   ({@link Entry}); newest documents are at the end, so "newest first" is a GETRANGE of the last bytes.
 * - `s:<word>`: every 256th entry's sequence number (from the 256th), so the entries of given documents are found by
 *   reading the 1.5 KB segments that hold them instead of the whole list.
 * - `x:<word>`: entries written later than their place in `p:` (a document re-indexed after a correction, or one
 *   stored out of order); a later entry for the same document wins, and an entry of zeros removes the word.
 * - `vocab`: every word, in the order first indexed (each process keeps a {@link Vocabulary} from it);
 * - `meta`: sequence number → the document's id, title, reference, group and kind, as last indexed;
 * - `done`: a bit per indexed sequence number; `seq`, `change`: how far documents and changes are indexed;
 *   `stats`: documents indexed (`n`) and words in them (`tokens`), for the ranking.
 *
 * A search takes the words of the query (the last may be the start of a word; with typos allowed, words one or two
 * edits away), reads the rarest word's newest {@link CANDIDATE_BUDGET} entries, looks those documents up in the other
 * words' postings, and ranks only them (BM25 with boosts for title, reference and group).
 */
import { z } from 'zod';
import type { SearchHit } from '../core/command.ts';
import { readStoredOrNull } from '../core/records.ts';
import { citedReference, type StoredDocument } from './facts.ts';
import { Vocabulary } from './search-vocab.ts';
import { BytesMemo } from '../core/bytes-memo.ts';
import { sendTogether } from '../core/send-together.ts';
import type { DocumentStore } from './store.ts';

/** A document's entry as the index keeps it: `[id, title, reference, group, kind]`. */
const META = z.array(z.string());

/** Characters of a document's text that go into the index. */
const MAX_INDEXED_CHARS = 30_000;

/** Longest word indexed (longer ones are identifiers or encoded data). */
const MAX_WORD = 48;

/**
 * Most documents one search considers: the newest that hold the query's rarest word. Each is looked up in the other
 * words' postings and scored; nothing else is read. A few hundred keep a search within a millisecond or two of work
 * on a busy process, and already hold the newest matches a reader pages through.
 */
export const CANDIDATE_BUDGET = 300;

/** The same budget, under the name earlier versions exported. */
export const MAX_SCORED = CANDIDATE_BUDGET;

/** When fewer than the limit match among the candidates, older windows of the rarest word are read, up to this many. */
const MAX_WINDOWS = 4;

/** Words a prefix or a typo may stand for, at most. */
const MAX_VARIANTS = 8;

/** Entries of `meta` a process keeps parsed for the hits it answers again ({@link SearchIndex.readMeta}); cleared when full. */
const META_CACHE_MAX = 5000;

/** Documents read from Redis (and written to the index) at a time when catching up. */
const BATCH = 100;

/** Bytes of an entry: sequence number (4, big-endian), occurrences in the text (1), fields and length (1). */
const ENTRY = 6;

/** Entries per segment of `p:<word>` (a sequence number in `s:<word>` for each). */
const SEGMENT = 256;

/** A word's postings shorter than this are read whole rather than by segment. */
const SMALL_BYTES = 16 * 1024;

const TITLE = 1;
const REFERENCE = 2;
const GROUP = 4;
const BOOST = { title: 3, reference: 4, group: 2 };
const K1 = 1.2;
const B = 0.7;

/** Weights of a word found by its start or with a typo, as MiniSearch gave them. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** Typo tolerance: 1 edit in words of 4 to 7 characters, 2 from 8 ("digtal" finds "digital"). */
function fuzzyOf(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

const SPACE_OR_PUNCTUATION = /^[\n\r\p{Z}\p{P}]$/u;

/** Per UTF-16 code unit below 0x10000: 0 not looked at yet, 1 a space or punctuation ({@link SPACE_OR_PUNCTUATION}), 2 not. */
const SEPARATOR = new Uint8Array(0x10000);

/** Whether code point `c` separates words: looked up once per character, then read from {@link SEPARATOR}. */
function separates(c: number): boolean {
  if (c > 0xffff) return SPACE_OR_PUNCTUATION.test(String.fromCodePoint(c));
  let known = SEPARATOR[c] as number;
  if (known === 0) SEPARATOR[c] = known = SPACE_OR_PUNCTUATION.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/**
 * The words of a text as the index keeps them: split at spaces and punctuation (`\n`, `\r`, Unicode Z and P), at
 * most {@link MAX_WORD} UTF-16 units long, lower-cased. One pass over the code points.
 */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  const end = (at: number) => {
    if (start >= 0 && at - start <= MAX_WORD) out.push(text.slice(start, at).toLowerCase());
    start = -1;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i) as number;
    if (separates(c)) end(i);
    else if (start < 0) start = i;
    i += c > 0xffff ? 2 : 1;
  }
  end(text.length);
  return out;
}

/** Length bucket of a document of `tokens` words: 2·log2, so about ±20 %. */
function lengthBucket(tokens: number): number {
  return Math.min(31, Math.round(2 * Math.log2(tokens + 1)));
}

function bucketLength(bucket: number): number {
  return 2 ** (bucket / 2) - 1;
}

/** One entry of a word's postings: how the document holds the word. 0 means it does not. */
type Entry = number;

function entryOf(tf: number, flags: number, bucket: number): Entry {
  return (Math.min(255, tf) << 8) | (bucket << 3) | flags;
}

function writeEntry(buf: Buffer, offset: number, seq: number, entry: Entry): void {
  buf.writeUInt32BE(seq, offset);
  buf.writeUInt16BE(entry, offset + 4);
}

/** What the index holds of a document. */
interface Indexed {
  seq: number;
  /** JSON [id, title, reference, group, kind], stored in `meta`. */
  meta: string;
  tokens: number;
  /** word → entry. */
  entries: Map<string, Entry>;
}

interface Fields {
  title: string;
  reference: string;
  group: string;
}

function fieldsOf(doc: StoredDocument): Fields {
  const p = doc.parsed;
  return { title: p.title ?? '', reference: citedReference(p) ?? '', group: p.group ?? '' };
}

/** word → entry for a document's text words (`counts`, `tokens` in all) and fields. */
function entriesOf(counts: Map<string, number>, tokens: number, fields: Fields): Map<string, Entry> {
  const flags = new Map<string, number>();
  const mark = (text: string, flag: number) => {
    for (const w of wordsOf(text)) flags.set(w, (flags.get(w) ?? 0) | flag);
  };
  mark(fields.title, TITLE);
  mark(fields.reference, REFERENCE);
  mark(fields.group, GROUP);
  const bucket = lengthBucket(tokens);
  const out = new Map<string, Entry>();
  for (const [w, tf] of counts) out.set(w, entryOf(tf, flags.get(w) ?? 0, bucket));
  for (const [w, f] of flags) if (!counts.has(w)) out.set(w, entryOf(0, f, bucket));
  return out;
}

function countWords(text: string): { counts: Map<string, number>; tokens: number } {
  const counts = new Map<string, number>();
  const words = wordsOf(text.slice(0, MAX_INDEXED_CHARS));
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, tokens: words.length };
}

function indexedOf(doc: StoredDocument, text: string | null): Indexed {
  const { counts, tokens } = countWords(text ?? '');
  const f = fieldsOf(doc);
  return { seq: doc.seq, meta: JSON.stringify([doc.id, f.title, f.reference, f.group, doc.parsed.kind]), tokens, entries: entriesOf(counts, tokens, f) };
}

/**
 * Writes a batch of new documents: skips any already indexed (bit set in `done`), appends each word's entries to its
 * postings (or to `x:` when they would land before its last entry), a skip point every {@link SEGMENT} entries, new
 * words to `vocab`. KEYS: done, seq, vocab, meta, stats, then p, s, x per word. ARGV: document count, then seq,
 * meta, tokens per document, then word, entries per word. Returns the number of documents written.
 */
const WRITE = `
local nd = tonumber(ARGV[1])
local skip = {}
local skipping = false
local a = 2
local maxseq = 0
local written = 0
for i = 1, nd do
  local seq = tonumber(ARGV[a])
  if redis.call('SETBIT', KEYS[1], seq, 1) == 1 then
    skip[seq] = true
    skipping = true
  else
    redis.call('HSET', KEYS[4], ARGV[a], ARGV[a + 1])
    redis.call('HINCRBY', KEYS[5], 'n', 1)
    redis.call('HINCRBY', KEYS[5], 'tokens', ARGV[a + 2])
    written = written + 1
  end
  if seq > maxseq then maxseq = seq end
  a = a + 3
end
if maxseq > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], maxseq) end
if written == 0 then return 0 end
local k = 6
while a <= #ARGV do
  local word = ARGV[a]
  local entries = ARGV[a + 1]
  if skipping then
    local keep = {}
    for o = 1, #entries, 6 do
      if not skip[struct.unpack('>I4', entries, o)] then keep[#keep + 1] = string.sub(entries, o, o + 5) end
    end
    entries = table.concat(keep)
  end
  if #entries > 0 then
    local len = redis.call('STRLEN', KEYS[k])
    local inorder = true
    if len > 0 then
      inorder = struct.unpack('>I4', entries, 1) > struct.unpack('>I4', redis.call('GETRANGE', KEYS[k], len - 6, len - 1), 1)
    elseif redis.call('EXISTS', KEYS[k + 2]) == 0 then
      redis.call('RPUSH', KEYS[3], word)
    end
    if inorder then
      redis.call('APPEND', KEYS[k], entries)
      local n0 = len / 6
      local n1 = n0 + #entries / 6
      local j = math.max(256, math.ceil(n0 / 256) * 256)
      while j < n1 do
        local o = (j - n0) * 6 + 1
        redis.call('APPEND', KEYS[k + 1], string.sub(entries, o, o + 3))
        j = j + 256
      end
    else
      redis.call('APPEND', KEYS[k + 2], entries)
    end
  end
  a = a + 2
  k = k + 3
end
return written
`;

/**
 * Writes what a correction changed in an indexed document: its `meta`, and an entry in `x:` for each word whose entry
 * changed (zeros for a word it no longer has). KEYS: meta, change, vocab, then p, x per word. ARGV: seq, meta,
 * change number, then word, entry per word.
 */
const REWRITE = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if tonumber(ARGV[3]) > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], ARGV[3]) end
local k = 4
for a = 4, #ARGV, 2 do
  if redis.call('EXISTS', KEYS[k]) == 0 and redis.call('EXISTS', KEYS[k + 1]) == 0 then redis.call('RPUSH', KEYS[3], ARGV[a]) end
  redis.call('APPEND', KEYS[k + 1], ARGV[a + 1])
  k = k + 2
end
return 1
`;

export type { SearchHit } from '../core/command.ts';

/** What the last search read: for tests and the bench (bounded work). */
export interface SearchWork {
  /** Documents looked up and scored. */
  candidates: number;
  /** Postings bytes read. */
  bytes: number;
  /** Redis commands sent. */
  commands: number;
  /** Round trips. */
  roundTrips: number;
}

/** A word a query word may stand for. */
interface Variant {
  word: string;
  weight: number;
}

/** What the first round trip tells of a word. */
interface Head {
  /** Bytes of `p:<word>`. */
  len: number;
  /** Sequence numbers at entries SEGMENT, 2·SEGMENT, …. */
  skips: Uint32Array;
  /** Entries of `x:<word>` in order, later ones winning. */
  extra: Array<[number, Entry]>;
}

/** Entries of a word read so far: ranges of `p:<word>` (by entry index) and their bytes. */
interface Loaded {
  ranges: Array<{ from: number; buf: Buffer }>;
}

function decodeExtra(buf: Buffer | null): Array<[number, Entry]> {
  const out: Array<[number, Entry]> = [];
  if (!buf) return out;
  for (let o = 0; o + ENTRY <= buf.length; o += ENTRY) out.push([buf.readUInt32BE(o), buf.readUInt16BE(o + 4)]);
  return out;
}

function decodeSkips(buf: Buffer | null): Uint32Array {
  if (!buf) return new Uint32Array(0);
  const out = new Uint32Array(buf.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32BE(i * 4);
  return out;
}

/** Entry of `seq` in a sorted buffer of entries, or `undefined`. */
function findIn(buf: Buffer, seq: number): Entry | undefined {
  let lo = 0;
  let hi = buf.length / ENTRY - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = buf.readUInt32BE(mid * ENTRY);
    if (s === seq) return buf.readUInt16BE(mid * ENTRY + 4);
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Whether one of `ranges` holds entry `entry`. */
function covers(ranges: ReadonlyArray<{ from: number; buf: Buffer }>, entry: number): boolean {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k] as { from: number; buf: Buffer };
    if (entry >= r.from && entry < r.from + r.buf.length / ENTRY) return true;
  }
  return false;
}

/** Whether `ranges` hold a word's whole postings (`len` bytes). */
function readWhole(ranges: ReadonlyArray<{ from: number; buf: Buffer }>, len: number): boolean {
  for (const r of ranges) if (r.from === 0 && r.buf.length === len) return true;
  return false;
}

/** Place of `seq` in `seqs` (decreasing), or -1. */
function placeOf(seqs: Uint32Array, seq: number): number {
  let lo = 0;
  let hi = seqs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = seqs[mid] as number;
    if (s === seq) return mid;
    if (s > seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Room for the entries one window sorts, reused by every search (filled and read with no await in between). */
let packedEntries = new Float64Array(4096);

function scratch(n: number): Float64Array {
  if (packedEntries.length < n) packedEntries = new Float64Array(Math.max(n, packedEntries.length * 2));
  return packedEntries.subarray(0, n);
}

/** The document search index of one store. */
export class SearchIndex {
  private readonly store: DocumentStore;
  private readonly budget: number;
  private readonly vocab = new Vocabulary();
  private vocabRead = 0;
  private lastSeq = 0;
  private lastChange = 0;
  private loaded = false;
  /** Entries of `meta` as last read, by sequence number, with the bytes they were read from ({@link SearchIndex.readMeta}). */
  private readonly metaCache = new BytesMemo<number, readonly string[]>(META_CACHE_MAX);
  /** What the last search read. */
  lastWork: SearchWork = { candidates: 0, bytes: 0, commands: 0, roundTrips: 0 };

  constructor(store: DocumentStore, options: { budget?: number } = {}) {
    this.store = store;
    this.budget = options.budget ?? CANDIDATE_BUDGET;
  }

  private key(name: string): string {
    return this.store.key(`{sidx}:${name}`);
  }

  private keyBuf(kind: 'p' | 's' | 'x', word: string): string {
    return this.key(`${kind}:${word}`);
  }

  /** Words in the process's vocabulary (for the memory figure). */
  get vocabularySize(): number {
    return this.vocab.size;
  }

  /**
   * Start from the index in Redis: its vocabulary, and the documents and changes stored since it was written (indexed
   * now). A whole-index blob an earlier version saved (`<prefix>:search`) is deleted.
   */
  async load(): Promise<void> {
    const [seq, change] = await this.store.redis.mget(this.key('seq'), this.key('change'));
    this.lastSeq = Number(seq ?? 0);
    this.lastChange = Number(change ?? 0);
    await this.store.redis.del(this.store.key('search'), this.store.key('search:seq'), this.store.key('search:change'));
    this.loaded = true;
    await this.catchUp();
  }

  /**
   * Index documents stored after the last one this process saw, unless another process did; index again those whose
   * facts changed since the last catch-up (corrections); read words other processes added. Returns how many documents
   * this process wrote.
   */
  async catchUp(): Promise<number> {
    if (!this.loaded) {
      this.loaded = true;
      const [seq, change] = await this.store.redis.mget(this.key('seq'), this.key('change'));
      this.lastSeq = Number(seq ?? 0);
      this.lastChange = Number(change ?? 0);
    }
    let added = 0;
    for (;;) {
      const [batch, changes, words] = await Promise.all([
        this.store.documentsAfter(this.lastSeq, BATCH),
        this.store.changedAfter(this.lastChange, BATCH),
        this.store.redis.lrange(this.key('vocab'), this.vocabRead, this.vocabRead + 9_999),
      ]);
      this.vocab.add(words);
      this.vocabRead += words.length;
      if (batch.length > 0) {
        added += await this.write(batch);
        this.lastSeq = batch.at(-1)?.seq ?? this.lastSeq;
      }
      if (changes.length > 0 && batch.length < BATCH) {
        for (const c of changes) await this.rewrite(c.id, c.change);
        this.lastChange = changes.at(-1)?.change ?? this.lastChange;
      }
      if (batch.length < BATCH && changes.length < BATCH && words.length < 10_000) break;
    }
    // Words this process itself just added.
    for (;;) {
      const words = await this.store.redis.lrange(this.key('vocab'), this.vocabRead, this.vocabRead + 9_999);
      this.vocab.add(words);
      this.vocabRead += words.length;
      if (words.length < 10_000) break;
    }
    return added;
  }

  /** Index the documents of `batch` no process has indexed yet; returns how many this call wrote. */
  private async write(batch: Array<{ id: string; seq: number }>): Promise<number> {
    const bits = (await this.store.redis.call('BITFIELD', this.key('done'), ...batch.flatMap((b) => ['GET', 'u1', String(b.seq)]))) as number[];
    const todo = batch.filter((_, i) => bits[i] !== 1);
    if (todo.length === 0) return 0;
    const indexed: Indexed[] = [];
    for (const { doc, text } of await this.store.documentsWithText(todo.map((b) => b.id))) if (doc) indexed.push(indexedOf(doc, text));
    if (indexed.length === 0) return 0;
    indexed.sort((a, b) => a.seq - b.seq);
    const perWord = new Map<string, Array<[number, Entry]>>();
    for (const d of indexed) {
      for (const [w, e] of d.entries) {
        let list = perWord.get(w);
        if (!list) perWord.set(w, (list = []));
        list.push([d.seq, e]);
      }
    }
    const keys = [this.key('done'), this.key('seq'), this.key('vocab'), this.key('meta'), this.key('stats')];
    const args: Array<string | Buffer> = [String(indexed.length)];
    for (const d of indexed) args.push(String(d.seq), d.meta, String(d.tokens));
    for (const [w, list] of perWord) {
      keys.push(this.keyBuf('p', w), this.keyBuf('s', w), this.keyBuf('x', w));
      const buf = Buffer.allocUnsafe(list.length * ENTRY);
      list.forEach(([seq, e], i) => writeEntry(buf, i * ENTRY, seq, e));
      args.push(w, buf);
    }
    return Number(await this.store.redis.eval(WRITE, keys.length, ...keys, ...args));
  }

  /** Index again the fields of a document whose facts changed; the words of its text stay as indexed. */
  private async rewrite(id: string, change: number): Promise<void> {
    const [doc, text] = await Promise.all([this.store.getDocument(id), this.store.getText(id)]);
    if (!doc) return;
    const redis = this.store.redis;
    const [done, was] = await sendTogether(redis, () => [redis.getbit(this.key('done'), doc.seq), redis.hget(this.key('meta'), String(doc.seq))] as const);
    // Not indexed yet: it will be, as it now reads.
    if (done !== 1 || typeof was !== 'string') return;
    const [, title = '', reference = '', group = ''] = readStoredOrNull(META, was, `search entry ${doc.seq}`) ?? [];
    const { counts, tokens } = countWords(text ?? '');
    const before = entriesOf(counts, tokens, { title, reference, group });
    const now = indexedOf(doc, text);
    const keys = [this.key('meta'), this.key('change'), this.key('vocab')];
    const args: Array<string | Buffer> = [String(doc.seq), now.meta, String(change)];
    for (const w of new Set([...before.keys(), ...now.entries.keys()])) {
      const e = now.entries.get(w) ?? 0;
      if ((before.get(w) ?? 0) === e) continue;
      const buf = Buffer.allocUnsafe(ENTRY);
      writeEntry(buf, 0, doc.seq, e);
      keys.push(this.keyBuf('p', w), this.keyBuf('x', w));
      args.push(w, buf);
    }
    await this.store.redis.eval(REWRITE, keys.length, ...keys, ...args);
  }

  /** Kept for callers: the index is written to Redis as documents are indexed, so there is nothing left to save. */
  async save(): Promise<void> {
    await Promise.resolve();
  }

  /**
   * Documents matching `query`, best first: those holding every word (the last may be the start of a word), then, when
   * fewer than `limit`, allowing a typo per word ({@link fuzzyOf}), then any of the words. At most
   * {@link CANDIDATE_BUDGET} documents are scored per try: the newest holding the rarest word.
   */
  async search(query: string, limit = 10): Promise<SearchHit[]> {
    const words = [...new Set(wordsOf(query))];
    this.lastWork = { candidates: 0, bytes: 0, commands: 0, roundTrips: 0 };
    if (words.length === 0) return [];
    const q = new Query(this, words);
    let results = await q.run(true, false, limit);
    if (results.matched < limit) {
      const typos = await q.run(true, true, limit);
      // Every document holding the words as written comes before those found through a typo of one of them.
      if (typos.matched > results.matched) {
        const exact = new Set(results.top.map((r) => r.seq));
        results = { ...typos, top: [...results.top, ...typos.top.filter((r) => !exact.has(r.seq))].slice(0, limit) };
      }
    }
    const partial = results.matched === 0;
    if (partial) results = await q.run(false, true, limit);
    const top = results.top;
    if (top.length === 0) return [];
    const metas = await this.send((r) => [r.hmgetBuffer(this.key('meta'), ...top.map((x) => String(x.seq)))]);
    const hits: SearchHit[] = [];
    top.forEach((r, i) => {
      const meta = this.readMeta(r.seq, (metas[0] as Array<Buffer | null>)[i] ?? null);
      if (!meta) return;
      const [id = '', title = '', reference = '', group = '', kind = ''] = meta;
      const hit: SearchHit = { id, score: r.score, title: title || null, reference: reference || null, group: group || null, kind, terms: r.terms };
      if (partial && words.length > 1) hit.partial = true;
      hits.push(hit);
    });
    return hits;
  }

  /**
   * A document's entry in `meta` as stored (`raw`), checked; `null` when it does not read. An entry read before with
   * the very same bytes is the array read then (no JSON.parse, no schema check): a correction writes other bytes, so
   * it is read anew.
   */
  private readMeta(seq: number, raw: Buffer | null): readonly string[] | null {
    if (!raw || raw.length === 0) return null;
    return this.metaCache.read(seq, raw, (text) => readStoredOrNull(META, text, `search entry ${seq}`));
  }

  /**
   * @internal One round trip of commands ({@link sendTogether}), issued by `build` on the connection it is given;
   * counted in {@link SearchIndex.lastWork}.
   */
  async send(build: (r: DocumentStore['redis']) => Array<Promise<unknown>>): Promise<unknown[]> {
    const redis = this.store.redis;
    let issued = 0;
    const replies = await sendTogether<unknown[]>(redis, () => {
      const sent = build(redis);
      issued = sent.length;
      return sent;
    });
    this.lastWork.commands += issued;
    this.lastWork.roundTrips++;
    return replies;
  }

  /** @internal */
  postingsKey(kind: 'p' | 's' | 'x', word: string): string {
    return this.keyBuf(kind, word);
  }

  /** @internal */
  statsKey(): string {
    return this.key('stats');
  }

  /** @internal */
  get candidateBudget(): number {
    return this.budget;
  }

  /** @internal */
  variants(word: string, last: boolean, typos: boolean): Variant[] {
    const out: Variant[] = [{ word, weight: 1 }];
    const seen = new Set([word]);
    if (last && word.length >= 3) {
      for (const w of this.vocab.withPrefix(word, MAX_VARIANTS)) {
        if (seen.has(w)) continue;
        seen.add(w);
        out.push({ word: w, weight: (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (w.length - word.length)) });
      }
    }
    const edits = typos ? fuzzyOf(word) : 0;
    if (edits > 0) {
      for (const { word: w, distance } of this.vocab.near(word, edits, MAX_VARIANTS)) {
        if (seen.has(w)) continue;
        seen.add(w);
        out.push({ word: w, weight: (FUZZY_WEIGHT * word.length) / (word.length + distance) });
      }
    }
    return out;
  }
}

interface Ranked {
  seq: number;
  score: number;
  terms: string[];
}

/** The words a candidate (at place `i` of a window) holds, in the order the terms and their variants are scored. */
function termsAt(present: ReadonlyArray<{ variants: Variant[] }>, found: Map<string, Uint16Array>, i: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < present.length; k++) {
    const variants = (present[k] as { variants: Variant[] }).variants;
    for (let j = 0; j < variants.length; j++) {
      const word = (variants[j] as Variant).word;
      if ((found.get(word) as Uint16Array)[i] !== 0) out.push(word);
    }
  }
  return out;
}

/**
 * The best `limit` matches offered, by score then newest: what sorting all of them and keeping the first `limit`
 * gives (a document offered twice, from two windows, is the same match twice).
 */
class Top {
  private readonly seqs: number[] = [];
  private readonly scores: number[] = [];
  /** Where each was found: its window's entries and its place there (to tell its words). */
  private readonly founds: Array<Map<string, Uint16Array>> = [];
  private readonly places: number[] = [];

  constructor(private readonly limit: number) {}

  offer(seq: number, score: number, found: Map<string, Uint16Array>, place: number): void {
    const n = this.seqs.length;
    if (this.limit <= 0 || (n === this.limit && !Top.before(score, seq, this.scores[n - 1] as number, this.seqs[n - 1] as number))) return;
    // After every one it does not come before (stable, as a sort is).
    let at = n;
    while (at > 0 && Top.before(score, seq, this.scores[at - 1] as number, this.seqs[at - 1] as number)) at--;
    this.seqs.splice(at, 0, seq);
    this.scores.splice(at, 0, score);
    this.founds.splice(at, 0, found);
    this.places.splice(at, 0, place);
    if (this.seqs.length > this.limit) {
      this.seqs.pop();
      this.scores.pop();
      this.founds.pop();
      this.places.pop();
    }
  }

  private static before(score: number, seq: number, otherScore: number, otherSeq: number): boolean {
    return score > otherScore || (score === otherScore && seq > otherSeq);
  }

  ranked(present: ReadonlyArray<{ variants: Variant[] }>): Ranked[] {
    return this.seqs.map((seq, i) => ({ seq, score: this.scores[i] as number, terms: termsAt(present, this.founds[i] as Map<string, Uint16Array>, this.places[i] as number) }));
  }
}

/** One search: the words' heads and postings read once and shared by its tries (exact, typos, any word). */
class Query {
  private readonly heads = new Map<string, Head>();
  private readonly loaded = new Map<string, Loaded>();
  private n = 1;
  private avgTokens = 1;
  private statsRead = false;

  constructor(
    private readonly index: SearchIndex,
    private readonly words: string[],
  ) {}

  /** Read the heads of words not read yet (and the index's counts), in one round trip. */
  private async readHeads(words: string[]): Promise<void> {
    const want = [...new Set(words)].filter((w) => !this.heads.has(w));
    if (want.length === 0 && this.statsRead) return;
    const ix = this.index;
    const res = await ix.send((r) => {
      const sent: Array<Promise<unknown>> = [];
      if (!this.statsRead) sent.push(r.hmget(ix.statsKey(), 'n', 'tokens'));
      for (const w of want) sent.push(r.strlen(ix.postingsKey('p', w)), r.getBuffer(ix.postingsKey('s', w)), r.getBuffer(ix.postingsKey('x', w)));
      return sent;
    });
    let i = 0;
    if (!this.statsRead) {
      const [n, tokens] = res[i++] as Array<string | null>;
      this.n = Math.max(1, Number(n ?? 0));
      this.avgTokens = Math.max(1, Number(tokens ?? 0) / this.n);
      this.statsRead = true;
    }
    for (const w of want) {
      const len = Number(res[i++]);
      const skips = decodeSkips(res[i++] as Buffer | null);
      const extra = decodeExtra(res[i++] as Buffer | null);
      this.heads.set(w, { len, skips, extra });
      this.index.lastWork.bytes += skips.length * 4 + extra.length * ENTRY;
    }
  }

  private df(word: string): number {
    const h = this.heads.get(word);
    return h ? h.len / ENTRY + h.extra.length : 0;
  }

  /**
   * Ranked matches: with `all`, documents holding every word (else any), looked for among the newest documents of the
   * rarest word first. The best `limit` of them, best first, and how many matched (a document found in two windows
   * counts twice).
   */
  async run(all: boolean, typos: boolean, limit: number): Promise<{ top: Ranked[]; matched: number }> {
    const ix = this.index;
    const perWord = this.words.map((w, i) => ix.variants(w, i === this.words.length - 1, typos));
    await this.readHeads(perWord.flat().map((v) => v.word));
    const terms = perWord
      .map((variants) => variants.filter((v) => this.df(v.word) > 0))
      .map((variants) => ({ variants, df: variants.reduce((a, v) => a + this.df(v.word), 0) }));
    if (all && terms.some((t) => t.variants.length === 0)) return { top: [], matched: 0 };
    const present = terms.filter((t) => t.variants.length > 0).sort((a, b) => a.df - b.df);
    if (present.length === 0) return { top: [], matched: 0 };
    const budget = ix.candidateBudget;
    const top = new Top(limit);
    let matched = 0;
    const rarest = present[0] as (typeof present)[number];
    const sources = all ? [rarest] : present;
    for (let window = 0; window < MAX_WINDOWS; window++) {
      // Newest entries of the rarest word (with AND) or of every word (OR): one window of the budget each.
      const candidates = await this.window(
        sources.flatMap((t) => t.variants.map((v) => v.word)),
        window,
        budget,
      );
      if (candidates.length === 0) break;
      ix.lastWork.candidates += candidates.length;
      const found = await this.lookup(
        present.flatMap((t) => t.variants.map((v) => v.word)),
        candidates,
      );
      // Per candidate (by its place in `candidates`): its score, and how many of the query's words it holds.
      const n = candidates.length;
      const score = new Float64Array(n);
      const words = new Uint16Array(n);
      const lastTerm = new Int32Array(n).fill(-1);
      present.forEach((t, k) => {
        for (const v of t.variants) {
          const idf = Math.log(1 + (this.n - this.df(v.word) + 0.5) / (this.df(v.word) + 0.5));
          const entries = found.get(v.word) as Uint16Array;
          for (let i = 0; i < n; i++) {
            const e = entries[i] as Entry;
            if (e === 0) continue;
            score[i] = (score[i] as number) + v.weight * idf * this.weigh(e);
            if (lastTerm[i] !== k) {
              lastTerm[i] = k;
              words[i] = (words[i] as number) + 1;
            }
          }
        }
      });
      for (let i = 0; i < n; i++) {
        const x = score[i] as number;
        if (x > 0 && (!all || words[i] === present.length)) {
          matched++;
          top.offer(candidates[i] as number, x, found, i);
        }
      }
      if (matched >= limit || !all) break;
      if (candidates.length < budget) break;
    }
    return { top: top.ranked(present), matched };
  }

  /** BM25 of the text occurrences, plus the boosts of the fields that hold the word. */
  private weigh(e: Entry): number {
    const tf = e >> 8;
    const flags = e & 7;
    const len = bucketLength((e >> 3) & 31);
    const text = tf > 0 ? (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / this.avgTokens)) : 0;
    return text + (flags & TITLE ? BOOST.title : 0) + (flags & REFERENCE ? BOOST.reference : 0) + (flags & GROUP ? BOOST.group : 0);
  }

  /**
   * Sequence numbers of the documents in window `window` (0: the newest `budget` entries of each word, 1: the
   * `budget` before, …), newest first, at most `budget` in all; entries written out of place (`x:`) join window 0.
   */
  private async window(words: string[], window: number, budget: number): Promise<Uint32Array> {
    const ix = this.index;
    const reads: Array<{ word: string; from: number; to: number }> = [];
    for (const w of words) {
      const total = (this.heads.get(w)?.len ?? 0) / ENTRY;
      const to = total - window * budget;
      if (to <= 0) continue;
      reads.push({ word: w, from: Math.max(0, to - budget), to });
    }
    const bufs = reads.length ? await ix.send((r) => reads.map((x) => r.getrangeBuffer(ix.postingsKey('p', x.word), x.from * ENTRY, x.to * ENTRY - 1))) : [];
    // Every entry read, and in window 0 each word's latest out-of-place entry of a document when it holds the word,
    // packed as seq·2¹⁶ + entry: sorted, a document's entries are together, newest document last.
    let count = 0;
    for (const buf of bufs) count += Math.floor((buf as Buffer).length / ENTRY);
    const corrections: Array<[number, Entry]> = [];
    if (window === 0) {
      for (const w of words) {
        const extra = this.heads.get(w)?.extra ?? [];
        if (extra.length === 0) continue;
        const corrected = new Map<number, Entry>();
        for (const [seq, e] of extra) corrected.set(seq, e);
        for (const [seq, e] of corrected) if (e !== 0) corrections.push([seq, e]);
      }
    }
    const packed = scratch(count + corrections.length);
    let at = 0;
    reads.forEach((r, i) => {
      const buf = bufs[i] as Buffer;
      ix.lastWork.bytes += buf.length;
      this.remember(r.word, r.from, buf);
      for (let o = 0; o + ENTRY <= buf.length; o += ENTRY) packed[at++] = buf.readUInt32BE(o) * 0x10000 + buf.readUInt16BE(o + 4);
    });
    for (const [seq, e] of corrections) packed[at++] = seq * 0x10000 + e;
    packed.sort();
    // Newest first: each document once, when any of its entries is not zero.
    const out = new Uint32Array(Math.min(budget, at));
    let kept = 0;
    for (let i = at - 1; i >= 0 && kept < out.length; ) {
      const seq = Math.floor((packed[i] as number) / 0x10000);
      let held = 0;
      for (; i >= 0 && Math.floor((packed[i] as number) / 0x10000) === seq; i--) held |= (packed[i] as number) % 0x10000;
      if (held !== 0) out[kept++] = seq;
    }
    return kept === out.length ? out : out.subarray(0, kept);
  }

  private remember(word: string, from: number, buf: Buffer): void {
    let l = this.loaded.get(word);
    if (!l) this.loaded.set(word, (l = { ranges: [] }));
    l.ranges.push({ from, buf });
  }

  /**
   * Entries of each of `words` for the documents `seqs` that hold it, in one round trip: read by segment (found from
   * the skip points), or whole when that is fewer bytes; ranges this query read before are not read again. Entries
   * written out of place win.
   */
  private async lookup(words: string[], seqs: Uint32Array): Promise<Map<string, Uint16Array>> {
    const ix = this.index;
    const reads: Array<{ word: string; from: number; to: number }> = [];
    for (const word of new Set(words)) {
      const head = this.heads.get(word) as Head;
      const total = head.len / ENTRY;
      let l = this.loaded.get(word);
      if (!l) this.loaded.set(word, (l = { ranges: [] }));
      if (readWhole(l.ranges, head.len)) continue;
      const ranges = l.ranges;
      // Segments to read, in decreasing order (as `seqs` is), each once.
      const need: number[] = [];
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i] as number;
        // Segment k holds entries [k·SEGMENT, (k+1)·SEGMENT); skips[k-1] is the first sequence number of segment k.
        let lo = 0;
        let hi = head.skips.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((head.skips[mid] as number) <= seq) lo = mid + 1;
          else hi = mid;
        }
        const first = lo * SEGMENT;
        const last = Math.min(total, first + SEGMENT) - 1;
        if (first < total && !(covers(ranges, first) && covers(ranges, last)) && need[need.length - 1] !== lo) need.push(lo);
      }
      if (need.length === 0) continue;
      if (head.len <= SMALL_BYTES || need.length * SEGMENT * ENTRY >= head.len) {
        reads.push({ word, from: 0, to: total });
        continue;
      }
      let prev: { word: string; from: number; to: number } | null = null;
      for (let k = need.length - 1; k >= 0; k--) {
        const from = (need[k] as number) * SEGMENT;
        const to = Math.min(total, from + SEGMENT);
        if (prev && prev.to === from) prev.to = to;
        else reads.push((prev = { word, from, to }));
      }
    }
    if (reads.length > 0) {
      const bufs = await ix.send((r) => reads.map((x) => r.getrangeBuffer(ix.postingsKey('p', x.word), x.from * ENTRY, x.to * ENTRY - 1)));
      reads.forEach((r, i) => {
        const buf = bufs[i] as Buffer;
        ix.lastWork.bytes += buf.length;
        this.remember(r.word, r.from, buf);
      });
    }
    // Per word, the entry of each of `seqs` (by its place; 0 where the word's postings do not hold it).
    const out = new Map<string, Uint16Array>();
    for (const word of new Set(words)) {
      const found = new Uint16Array(seqs.length);
      const ranges = this.loaded.get(word)?.ranges ?? [];
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i] as number;
        for (let k = 0; k < ranges.length; k++) {
          const e = findIn((ranges[k] as { buf: Buffer }).buf, seq);
          if (e !== undefined) {
            found[i] = e;
            break;
          }
        }
      }
      for (const [seq, e] of this.heads.get(word)?.extra ?? []) {
        const i = placeOf(seqs, seq);
        if (i >= 0) found[i] = e;
      }
      out.set(word, found);
    }
    return out;
  }
}
