/**
 * The Redis store. Every key lives under one prefix (`SGBOT_PREFIX`), so several instances and test runs share a
 * Redis safely. Documents are deduplicated by content hash and Message-ID; each fact is indexed with a link to its
 * document; a later revision of a document (same reference, higher revision or later date) supersedes its facts.
 * Corrections by the secretariat (`corrections:<id>`, see corrections.ts) are kept apart from the parse and laid over
 * it whenever a document is read or indexed, so they outlive a second ingest or a new parse of the same text.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { BytesMemo } from '../core/bytes-memo.ts';
import { SgbotError } from '../core/errors.ts';
import { deadlineFactSchema, liaisonFactSchema, meetingFactSchema, readStored as readRecord, readStoredOrNull, roleFactSchema, storedDocumentSchema } from '../core/records.ts';
import { senderVerified } from '../core/facts.ts';
import { groupOfQuestion, studyPeriodOf } from '../core/groups.ts';
import { sendTogether } from '../core/send-together.ts';
import { stableJson } from '../core/stable-json.ts';
import type { ParsedDocument } from '../core/types.ts';
import { normalizeText } from '../parse/normalize.ts';
import { baseKey } from '../parse/reference.ts';
import { correctionSchema, withCorrections, withoutCorrections, type Correction } from './correction-fields.ts';
import { dedupeRoles, type StatedRole } from './roles.ts';
import { withTitle } from './titles.ts';
import {
  deadlinePositionOf,
  indexEntries,
  mergeMeetings,
  revisionRank,
  type Cite,
  type DeadlineFact,
  type LiaisonFact,
  type MeetingFact,
  type RoleFact,
  type SourceInfo,
  type StoredDocument,
} from './facts.ts';

/** How long a worker may take to write a document before another may try (ms). */
const CLAIM_LEASE_MS = 10_000;

/** Tokens of {@link CLAIM}'s writes: the sequence number, and two tokens joined by it. */
const SEQ = '\u0001seq';
const SPLICE = '\u0001splice';
/** The sequence number a document is built with before it has one: never a real one, nor a due instant. */
const SEQ_SENTINEL = -4242424242.5;
/** A command with more tokens than this is not passed to the script (Lua's unpack takes a few thousand at most). */
const MAX_TOKENS = 4000;

/** The write commands of an index or store method, as the subset of a MULTI they use. */
interface Writes {
  set(key: string, value: string): unknown;
  hset(key: string, ...fieldValues: string[]): unknown;
  zadd(key: string, ...scoreMembers: Array<string | number>): unknown;
  sadd(key: string, ...members: string[]): unknown;
  zincrby(key: string, increment: number, member: string): unknown;
  incr(key: string): unknown;
}

/**
 * Records writes as {@link CLAIM}'s tokens: a score or argument equal to {@link SEQ_SENTINEL} becomes {@link SEQ}, and a
 * value holding `"seq":SEQ_SENTINEL` (the document's JSON) becomes {@link SPLICE} around it.
 */
class Recorder implements Writes {
  readonly commands: string[][] = [];
  /** `false` once a command is too long for the script. */
  fits = true;
  private add(cmd: string, args: Array<string | number>): this {
    const tokens = [cmd];
    const seqJson = `"seq":${SEQ_SENTINEL}`;
    for (const a of args) {
      if (a === SEQ_SENTINEL || a === String(SEQ_SENTINEL)) tokens.push(SEQ);
      else if (typeof a === 'string' && a.startsWith('{') && a.includes(seqJson)) {
        const at = a.indexOf(seqJson);
        tokens.push(SPLICE, `${a.slice(0, at)}"seq":`, a.slice(at + seqJson.length));
      } else tokens.push(String(a));
    }
    if (tokens.length > MAX_TOKENS) this.fits = false;
    this.commands.push(tokens);
    return this;
  }
  set(key: string, value: string) {
    return this.add('SET', [key, value]);
  }
  hset(key: string, ...fieldValues: string[]) {
    return this.add('HSET', [key, ...fieldValues]);
  }
  zadd(key: string, ...scoreMembers: Array<string | number>) {
    return this.add('ZADD', [key, ...scoreMembers]);
  }
  sadd(key: string, ...members: string[]) {
    return this.add('SADD', [key, ...members]);
  }
  zincrby(key: string, increment: number, member: string) {
    return this.add('ZINCRBY', [key, increment, member]);
  }
  incr(key: string) {
    return this.add('INCR', [key]);
  }
  /** The script's ARGV after its first three. */
  argv(): string[] {
    const out = [String(this.commands.length)];
    for (const c of this.commands) out.push(String(c.length), ...c);
    return out;
  }
}

/**
 * Claims a content hash for one writer, atomically, and reads what {@link DocumentStore.addDocument} needs to decide
 * what the document is. KEYS: `hash:<hash>`, `seq`, `doc:<id>`, `corrections:<id>`, `msgid:<Message-ID>:<hash8>` (''
 * when the mail has none), `base:<base key>` ('' when none). ARGV: id, claim lease (ms), key prefix with its colon,
 * then the writes that store the document as new ({@link Recorder}; none to only claim). Replies `duplicate <id>`
 * (the same Message-ID and text, or the same text, is stored), `busy <id>` (another writer holds the claim),
 * `stored <seq>` (a new document, no corrections and no document under its base key: the writes were applied, so one
 * round trip stored it), or `claimed <seq> <corrections> [<current id> <its JSON> <its corrections> <its docfacts>]`
 * with the next sequence number and, when the base key names a document, that document: the caller decides and writes.
 *
 * Writes: a count, then per command its number of tokens and the tokens; the token SEQ stands for the sequence number,
 * and SPLICE for the next two tokens joined by it (the document's JSON around its `seq`).
 */
const CLAIM = `
if KEYS[5] ~= '' then
  local byMsg = redis.call('GET', KEYS[5])
  if byMsg and redis.call('EXISTS', ARGV[3] .. 'doc:' .. byMsg) == 1 then return {'duplicate', byMsg} end
end
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  if redis.call('EXISTS', KEYS[3]) == 1 then return {'duplicate', ARGV[1]} end
  return {'busy', ARGV[1]}
end
local seq = redis.call('INCR', KEYS[2])
local corrections = redis.call('LRANGE', KEYS[4], 0, -1)
local current = KEYS[6] ~= '' and redis.call('GET', KEYS[6])
if #corrections == 0 and not current and #ARGV > 3 then
  local SEQ = string.char(1) .. 'seq'
  local SPLICE = string.char(1) .. 'splice'
  local i = 5
  for c = 1, tonumber(ARGV[4]) do
    local k = tonumber(ARGV[i])
    local args = {}
    local j = i + 1
    while j <= i + k do
      local a = ARGV[j]
      if a == SEQ then
        args[#args + 1] = seq
        j = j + 1
      elseif a == SPLICE then
        args[#args + 1] = ARGV[j + 1] .. seq .. ARGV[j + 2]
        j = j + 3
      else
        args[#args + 1] = a
        j = j + 1
      end
    end
    redis.call(unpack(args))
    i = i + k + 1
  end
  return {'stored', seq}
end
if not current then return {'claimed', seq, corrections} end
local p = ARGV[3]
return {'claimed', seq, corrections, current, redis.call('GET', p .. 'doc:' .. current),
  redis.call('LRANGE', p .. 'corrections:' .. current, 0, -1), redis.call('SMEMBERS', p .. 'docfacts:' .. current)}
`;

const CLAIM_SHA = createHash('sha1').update(CLAIM).digest('hex');

/**
 * Facts in sorted sets, read in one round trip: the members of each set in a score range (its first ARGV[3], soonest
 * first, or latest first when ARGV[4] is '1'), each member once, and their facts. KEYS: the facts hash, then the
 * sorted sets. ARGV: min, max, limit, reverse. Replies `{members and scores, facts}` in the order read (set by set);
 * an empty reply when no member is in range. HMGET goes in chunks: Lua's unpack takes a few thousand values at most.
 */
const FACTS_IN = `
local out = {}
local members = {}
local seen = {}
for i = 2, #KEYS do
  local r
  if ARGV[4] == '1' then r = redis.call('ZREVRANGEBYSCORE', KEYS[i], ARGV[2], ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
  else r = redis.call('ZRANGEBYSCORE', KEYS[i], ARGV[1], ARGV[2], 'WITHSCORES', 'LIMIT', 0, ARGV[3]) end
  for j = 1, #r, 2 do
    if not seen[r[j]] then
      seen[r[j]] = true
      out[#out + 1] = r[j]
      out[#out + 1] = r[j + 1]
      members[#members + 1] = r[j]
    end
  end
end
local count = 0
if ARGV[5] == '1' then
  for i = 2, #KEYS do count = count + redis.call('ZCOUNT', KEYS[i], ARGV[1], ARGV[2]) end
end
if #members == 0 then return {{}, {}, count} end
local facts = {}
for i = 1, #members, 1000 do
  local chunk = redis.call('HMGET', KEYS[1], unpack(members, i, math.min(i + 999, #members)))
  for j = 1, #chunk do facts[#facts + 1] = chunk[j] end
end
return {out, facts, count}
`;

/**
 * A revision's meeting with what it leaves unsaid taken from the document it revises: a corrigendum that moves a
 * workshop ("the venue and the daily hours are unchanged") keeps its opening time, zone, registration, place and
 * format. Only fields the revision does not state are filled, never its dates; another group's meeting is left alone.
 */
export function inheritMeeting(revision: ParsedDocument, revised: ParsedDocument): ParsedDocument {
  const now = revision.meeting;
  const was = revised.meeting;
  if (!now || !was || now.group !== was.group) return revision;
  const time = now.startTime || !was.startTime ? {} : { startTime: was.startTime, endTime: was.endTime, timezone: was.timezone };
  const unsaid = (['registrationTime', 'place', 'format'] as const).some((k) => (now[k] ?? null) === null && (was[k] ?? null) !== null);
  if (Object.keys(time).length === 0 && !unsaid) return revision;
  return {
    ...revision,
    meeting: {
      ...now,
      ...time,
      registrationTime: now.registrationTime ?? was.registrationTime,
      place: now.place ?? was.place,
      format: now.format ?? was.format,
    },
  };
}

/** sha1 of a script, for EVALSHA. */
const FACTS_IN_SHA = createHash('sha1').update(FACTS_IN).digest('hex');

/** Parsed deadlines a store keeps for answers that read them again ({@link DocumentStore.readFact}); cleared when full. */
const FACT_CACHE_MAX = 5000;

type ClaimReply =
  | ['duplicate' | 'busy', string]
  | ['stored', number]
  | ['claimed', number, string[], (string | null)?, (string | null)?, string[]?, string[]?];

/** Corrections as kept (JSON), checked; one that does not read is left out (and the parse stands for its field). */
function readCorrections(corrections: readonly string[], docId: string): Correction[] {
  return corrections.flatMap((c) => readStoredOrNull(correctionSchema, c, `correction of document ${docId}`) ?? []);
}

/** A stored document's JSON, checked, with its corrections (JSON {@link Correction}s) laid over it. */
function readStoredDocument(json: string, corrections: readonly string[]): StoredDocument {
  const doc = readRecord(storedDocumentSchema, json, 'stored document');
  return withCorrections(doc, readCorrections(corrections, doc.id));
}

/** What happened to a document given to {@link DocumentStore.addDocument}. */
/**
 * `held`: a revision or addendum from a mail whose sender is not verified, of a document from a verified sender:
 * stored (nothing is lost, `doc` shows it) but not applied, so a forged mail cannot move or hide a real deadline.
 */
/**
 * Whether two documents with the same reference are one document in two versions: not when their dates fall in
 * different study periods or they name different groups.
 */
function sameDocument(a: ParsedDocument, b: ParsedDocument): boolean {
  const [pa, pb] = [studyPeriodOf(a.date), studyPeriodOf(b.date)];
  if (pa !== null && pb !== null && pa !== pb) return false;
  return a.group === null || b.group === null || a.group === b.group;
}

export type AddStatus = 'added' | 'duplicate' | 'revision' | 'older-revision' | 'addendum' | 'held';

export interface AddResult {
  status: AddStatus;
  id: string;
  /** The document this one superseded (status `revision`) or was superseded by (`older-revision`). */
  other: string | null;
}

/** sha256 of the normalised text: the same letter converted twice hashes the same. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text).replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Texts asked for in one tick, and who waits for each. */
interface TextBatch {
  ids: string[];
  waiters: Array<{ resolve: (text: string | null) => void; reject: (err: unknown) => void }>;
}

/** Documents, facts and their indexes in Redis. */
export class DocumentStore {
  readonly redis: Redis;
  readonly prefix: string;
  /** Texts asked for in this tick, read together ({@link DocumentStore.getText}). */
  private textBatch: TextBatch | null = null;
  /** {@link DocumentStore.statedRoles} as of a value of the roles version key (`roles:version`). */
  private rolesCache: { version: string; roles: Promise<readonly StatedRole[]> } | null = null;
  /** Deadline facts as last parsed, by member ({@link DocumentStore.readFact}). */
  private readonly deadlineCache = new BytesMemo<string, DeadlineFact>(FACT_CACHE_MAX);

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** Full key name for `name`. */
  key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /**
   * The counter every write that changes what the store answers increments (a document stored, re-indexed, or a
   * fact of it removed), in the same transaction: answers kept for reuse are out of date once it moves.
   */
  versionKey(): string {
    return this.key('version');
  }

  /**
   * Store a parsed document unless it is already stored, and index its facts. Idempotent: the same content (or the
   * same Message-ID) gives `duplicate` and changes nothing. Two round trips to Redis: one script claims the content
   * hash and reads what the decision needs ({@link CLAIM}), one transaction writes the document, its facts and what a
   * revision or addendum changes in the document it replaces.
   */
  async addDocument(text: string, given: ParsedDocument, source: SourceInfo, now = new Date()): Promise<AddResult> {
    // Every stored document has a title people can read: the parser's, or one from the mail or the text.
    const parsed = withTitle(given, source, text);
    const hash = contentHash(text);
    const id = hash.slice(0, 20);
    const r = this.redis;
    const base = baseKey(parsed.kind, parsed.reference);
    const msgKey = source.messageId ? this.key(`msgid:${source.messageId}:${hash.slice(0, 8)}`) : '';
    const keys = [this.key(`hash:${hash}`), this.key('seq'), this.key(`doc:${id}`), this.correctionsKey(id), msgKey, base ? this.key(`base:${base}`) : ''];
    // Written at once by the claim when the document turns out new, with no corrections and nothing under its base
    // key (most documents): then one round trip stores it.
    const asNew = new Recorder();
    const draft: StoredDocument = { id, hash, seq: SEQ_SENTINEL, ingestedAt: now.toISOString(), source, parsed, baseKey: base, supersededBy: null };
    this.queueStore(asNew, draft, text, 'added', msgKey);
    const args = [...keys, id, CLAIM_LEASE_MS, this.key(''), ...(asNew.fits ? asNew.argv() : [])];
    let claim: ClaimReply;
    try {
      claim = (await r.evalsha(CLAIM_SHA, keys.length, ...args)) as ClaimReply;
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      claim = (await r.eval(CLAIM, keys.length, ...args)) as ClaimReply;
    }
    if (claim[0] === 'stored') return { status: 'added', id, other: null };
    if (claim[0] !== 'claimed') {
      if (claim[0] === 'duplicate') return { status: 'duplicate', id: claim[1], other: null };
      throw new SgbotError('E_BUSY', `Another worker is storing the same document (${id}) right now; try again in a minute.`);
    }
    const [, seq, corrections, currentId, currentJson, currentCorrections, currentFacts] = claim;

    const stored: StoredDocument = { id, hash, seq, ingestedAt: now.toISOString(), source, parsed, baseKey: base, supersededBy: null };
    // Corrections made to this text before (stored again after its record was lost) still win over this parse.
    const doc = withCorrections(stored, readCorrections(corrections, id));
    const facts = doc.parsed;

    const m = r.multi();
    let status: AddStatus = 'added';
    let other: string | null = null;
    const found = currentId && currentJson ? readStoredDocument(currentJson, currentCorrections ?? []) : null;
    // The same number in another study period or of another group (TSB Collective letter 3/13 of 2017 and of 2026)
    // is another document; of the two, the later one is what a revision to come would revise.
    const current = found && sameDocument(found.parsed, facts) ? found : null;
    if (found && !current && (facts.date ?? '') < (found.parsed.date ?? '')) doc.baseKey = null;
    // Sender trust decides before revision numbers (src/store/trust.ts): an unverified mail never replaces or
    // overlays a verified document, whatever revision it claims; a verified one always replaces an unverified one.
    const verified = senderVerified(source);
    if (current && !verified && senderVerified(current.source)) {
      status = 'held';
      other = current.id;
      doc.supersededBy = current.id;
    } else if (current && parsed.revision && /^Addendum/.test(parsed.revision)) {
      status = 'addendum';
      other = current.id;
      this.queueOverlay(m, current, currentFacts ?? [], facts);
    } else if (current) {
      other = current.id;
      const newer =
        (verified && !senderVerified(current.source)) ||
        revisionRank(parsed.revision) > revisionRank(current.parsed.revision) ||
        (revisionRank(parsed.revision) === revisionRank(current.parsed.revision) && (facts.date ?? '') >= (current.parsed.date ?? ''));
      if (newer) {
        status = 'revision';
        doc.parsed = inheritMeeting(doc.parsed, current.parsed);
        this.queueUnindex(m, current.id, currentFacts ?? []);
        current.supersededBy = id;
        m.set(this.key(`doc:${current.id}`), JSON.stringify(withoutCorrections(current)));
      } else {
        status = 'older-revision';
        doc.supersededBy = current.id;
        // The current revision keeps what it leaves unsaid of its meeting from this older one, read after it.
        const fuller = inheritMeeting(current.parsed, doc.parsed);
        if (fuller !== current.parsed && current.supersededBy === null) {
          const meetingOf = (member: string) => member === `${current.id}#m`;
          const updated = { ...current, parsed: fuller };
          this.queueUnindex(m, current.id, currentFacts ?? [], meetingOf);
          this.queueIndex(m, updated, meetingOf);
          m.set(this.key(`doc:${current.id}`), JSON.stringify(withoutCorrections(updated)));
        }
      }
    }

    this.queueStore(m, doc, text, status, msgKey);
    await m.exec();
    return { status, id, other };
  }

  /** The writes that store `doc` (its text, keys and indexes) once its status is known. */
  private queueStore(m: Writes, doc: StoredDocument, text: string, status: AddStatus, msgKey: string): void {
    const { id, hash, seq, baseKey: base } = doc;
    const facts = doc.parsed;
    m.incr(this.versionKey());
    m.set(this.key(`doc:${id}`), JSON.stringify(withoutCorrections(doc)));
    m.set(this.key(`hash:${hash}`), id);
    m.set(this.key(`text:${id}`), text);
    m.zadd(this.key('docs'), seq, id);
    if (msgKey) m.set(msgKey, id);
    if (facts.reference) m.sadd(this.key(`ref:${normRef(facts.reference)}`), id);
    if (facts.group) m.zincrby(this.key('groups'), 1, facts.group);
    if (base && status !== 'older-revision' && status !== 'addendum' && status !== 'held') m.set(this.key(`base:${base}`), id);
    if (status !== 'older-revision' && status !== 'held') this.queueIndex(m, doc);
  }

  /** Index the facts of `doc` (those `keep` accepts) in transaction `m`: one command per key written, not per fact. */
  private queueIndex(m: Writes, doc: StoredDocument, keep: (member: string) => boolean = () => true): void {
    let roles = false;
    const facts: string[] = [];
    const docfacts: string[] = [];
    const sets = new Map<string, Array<number | string>>();
    for (const e of indexEntries(doc)) {
      if (!keep(e.member)) continue;
      facts.push(e.member, JSON.stringify(e.fact));
      for (const [set, score] of e.sets) {
        const members = sets.get(set);
        if (members) members.push(score, e.member);
        else sets.set(set, [score, e.member]);
        docfacts.push(`${set}\u0000${e.member}`);
        if (set === 'roles') roles = true;
      }
    }
    if (facts.length > 0) m.hset(this.key('facts'), ...facts);
    for (const [set, members] of sets) m.zadd(this.key(set), ...members);
    if (docfacts.length > 0) m.sadd(this.key(`docfacts:${doc.id}`), ...docfacts);
    if (roles) this.queueRolesChanged(m);
  }

  /** Role facts change in transaction `m`: processes drop their cached {@link DocumentStore.statedRoles}. */
  private queueRolesChanged(m: Writes): void {
    m.incr(this.key('roles:version'));
  }

  /**
   * Remove from the indexes, in transaction `m`, the facts of a document listed in `entries` (its `docfacts` set;
   * the document itself stays, marked superseded by the caller), or only those `only` accepts.
   */
  private queueUnindex(m: ReturnType<Redis['multi']>, docId: string, entries: readonly string[], only?: (member: string, set: string) => boolean): void {
    let roles = false;
    const members: string[] = [];
    const removed: string[] = [];
    const sets = new Map<string, string[]>();
    for (const entry of entries) {
      const [set = '', member = ''] = entry.split('\u0000');
      if (only && !only(member, set)) continue;
      const inSet = sets.get(set);
      if (inSet) inSet.push(member);
      else sets.set(set, [member]);
      members.push(member);
      removed.push(entry);
      if (set === 'roles') roles = true;
    }
    for (const [set, inSet] of sets) m.zrem(this.key(set), ...inSet);
    if (members.length > 0) m.hdel(this.key('facts'), ...members);
    if (removed.length > 0) m.srem(this.key(`docfacts:${docId}`), ...removed);
    if (roles) this.queueRolesChanged(m);
  }

  // An addendum replaces the base document's deadlines of the categories it restates, and its meeting if it gives one.
  private queueOverlay(m: ReturnType<Redis['multi']>, base: StoredDocument, baseFacts: readonly string[], addendum: ParsedDocument): void {
    const categories = new Set(addendum.deadlines.map((d) => d.category));
    const replaced = new Set<string>();
    base.parsed.deadlines.forEach((d, i) => {
      if (categories.has(d.category)) replaced.add(`${base.id}#d${deadlinePositionOf(base, i)}`);
    });
    if (addendum.meeting) replaced.add(`${base.id}#m`);
    this.queueUnindex(m, base.id, baseFacts, (member) => replaced.has(member));
  }

  /**
   * Re-index the facts of a document whose facts changed (a correction, a new parse). `before` and `after` are the
   * document as read before and after the change. Facts of `before` that were not indexed (an addendum replaced them)
   * stay out; a superseded document stays unindexed. Its reference and group indexes follow, and the change is
   * listed for the search index ({@link DocumentStore.changedAfter}).
   */
  async reindex(before: StoredDocument, after: StoredDocument): Promise<void> {
    const id = after.id;
    const entries = await this.redis.smembers(this.key(`docfacts:${id}`));
    const indexed = new Set(entries.map((e) => e.split('\u0000')[1] ?? ''));
    const replaced = new Set(indexEntries(before).map((e) => e.member).filter((member) => !indexed.has(member)));
    const change = await this.redis.incr(this.key('changes:seq'));
    const m = this.redis.multi();
    this.queueUnindex(m, id, entries);
    if (after.supersededBy === null) this.queueIndex(m, after, (member) => !replaced.has(member));
    const [was, is] = [before.parsed, after.parsed];
    if (was.reference !== is.reference) {
      if (was.reference) m.srem(this.key(`ref:${normRef(was.reference)}`), id);
      if (is.reference) m.sadd(this.key(`ref:${normRef(is.reference)}`), id);
    }
    if (was.group !== is.group) {
      if (was.group) m.zincrby(this.key('groups'), -1, was.group);
      if (is.group) m.zincrby(this.key('groups'), 1, is.group);
      m.zremrangebyscore(this.key('groups'), '-inf', 0);
    }
    m.zadd(this.key('changed'), change, id);
    m.incr(this.versionKey());
    await m.exec();
  }

  /**
   * Whether the stored index entries and facts of `doc` are those this version derives from its parse: a newer sgbot
   * may file the same parse differently (a deadline under the Questions a working party's letter names).
   */
  async indexIsCurrent(doc: StoredDocument): Promise<boolean> {
    const entries = doc.supersededBy === null ? indexEntries(doc) : [];
    const want = new Set(entries.flatMap((e) => e.sets.map(([set]) => `${set}\u0000${e.member}`)));
    const [have, facts] = await Promise.all([
      this.redis.smembers(this.key(`docfacts:${doc.id}`)),
      entries.length > 0 ? this.redis.hmget(this.key('facts'), ...entries.map((e) => e.member)) : Promise.resolve([] as Array<string | null>),
    ]);
    if (have.length !== want.size || have.some((x) => !want.has(x))) return false;
    // Compared as values: a fact read back from JSON may hold its keys in another order.
    return entries.every((e, i) => facts[i] === JSON.stringify(e.fact) || (facts[i] != null && stableJson(JSON.parse(facts[i])) === stableJson(e.fact)));
  }

  /**
   * Replace the parse of a stored document (a better parser read its text again) and re-index its facts; the
   * document's corrections still win over the new parse. Returns the document as now read.
   *
   * @throws SgbotError E_NOT_FOUND when no such document is stored.
   */
  async replaceParse(id: string, parsed: ParsedDocument): Promise<StoredDocument> {
    const before = await this.getDocument(id);
    if (!before) throw new SgbotError('E_NOT_FOUND', `No document ${id} is stored.`);
    const stored: StoredDocument = { ...withoutCorrections(before), parsed };
    await this.redis.set(this.key(`doc:${id}`), JSON.stringify(stored));
    const after = withCorrections(stored, await this.corrections(id));
    await this.reindex(before, after);
    return after;
  }

  /**
   * Mark a liaison statement answered by a stored reply: its reply deadline leaves the indexes (so it leaves
   * `deadlines` and the reminder plan) and its liaison fact names the reply. Returns whether anything changed.
   */
  async markAnswered(id: string, by: Cite): Promise<boolean> {
    return this.markBy(id, 'answeredBy', by);
  }

  /**
   * Mark a letter's meeting cancelled by a stored cancellation letter: its deadlines leave the indexes (so they leave
   * `deadlines` and the reminder plan) and its meeting is listed as cancelled. Returns whether anything changed.
   */
  async markCancelled(id: string, by: Cite): Promise<boolean> {
    return this.markBy(id, 'cancelledBy', by);
  }

  /** Record on document `id` that another document (`by`) answers or cancels it, and index it again. */
  private async markBy(id: string, field: 'answeredBy' | 'cancelledBy', by: Cite): Promise<boolean> {
    const before = await this.getDocument(id);
    if (!before || before[field]?.docId === by.docId || by.docId === id) return false;
    const stored: StoredDocument = { ...withoutCorrections(before), [field]: by };
    await this.redis.set(this.key(`doc:${id}`), JSON.stringify(stored));
    await this.reindex(before, withCorrections(stored, await this.corrections(id)));
    return true;
  }

  /** Redis list of the corrections of a document, oldest first (JSON {@link Correction}s). */
  correctionsKey(id: string): string {
    return this.key(`corrections:${id}`);
  }

  /** Corrections of a document, oldest first. */
  async corrections(id: string): Promise<Correction[]> {
    return readCorrections(await this.redis.lrange(this.correctionsKey(id), 0, -1), id);
  }

  /**
   * Documents whose facts changed after they were stored (corrected, parsed again), after change number `afterChange`,
   * with their change numbers, oldest change first.
   */
  async changedAfter(afterChange: number, limit = 1000): Promise<Array<{ id: string; change: number }>> {
    const raw = await this.redis.zrangebyscore(this.key('changed'), `(${afterChange}`, '+inf', 'WITHSCORES', 'LIMIT', 0, limit);
    const out: Array<{ id: string; change: number }> = [];
    for (let i = 0; i < raw.length; i += 2) out.push({ id: raw[i] ?? '', change: Number(raw[i + 1]) });
    return out;
  }

  /** A stored document by id, as read: with its corrections applied (see {@link StoredDocument.corrected}), or `null`. */
  async getDocument(id: string): Promise<StoredDocument | null> {
    let raw: string | null;
    let corrections: string[];
    try {
      [raw, corrections] = await sendTogether<[string | null, string[]]>(this.redis, () => [this.redis.get(this.key(`doc:${id}`)), this.redis.lrange(this.correctionsKey(id), 0, -1)]);
    } catch (cause) {
      throw new SgbotError('E_STORE', `Redis could not read document ${id}.`, { cause });
    }
    if (!raw) return null;
    return readStoredDocument(raw, corrections);
  }

  /**
   * Documents by id as {@link DocumentStore.getDocument} reads each (`null` when not stored), with their stored texts,
   * in one round trip.
   */
  async documentsWithText(ids: readonly string[]): Promise<Array<{ doc: StoredDocument | null; text: string | null }>> {
    if (ids.length === 0) return [];
    const replies = await sendTogether(this.redis, () =>
      ids.map((id) =>
        Promise.all([this.redis.get(this.key(`doc:${id}`)), this.redis.lrange(this.correctionsKey(id), 0, -1), this.redis.get(this.key(`text:${id}`))]).catch((cause: unknown) => {
          throw new SgbotError('E_STORE', `Redis could not read document ${id}.`, { cause });
        }),
      ),
    );
    return replies.map(([raw, corrections, text]) => ({ doc: raw ? readStoredDocument(raw, corrections) : null, text }));
  }

  /**
   * The stored text of a document. Texts asked for in the same tick (the snippets of an answer) are read with one
   * MGET: one write to the socket and one reply instead of one per text.
   */
  getText(id: string): Promise<string | null> {
    return new Promise((resolve, reject) => {
      let batch = this.textBatch;
      if (!batch) {
        const started: TextBatch = (batch = this.textBatch = { ids: [], waiters: [] });
        queueMicrotask(() => {
          this.textBatch = null;
          this.redis.mget(started.ids.map((x) => this.key(`text:${x}`))).then(
            (texts) => started.waiters.forEach((w, i) => w.resolve(texts[i] ?? null)),
            (err: unknown) => started.waiters.forEach((w) => w.reject(err)),
          );
        });
      }
      batch.ids.push(id);
      batch.waiters.push({ resolve, reject });
    });
  }

  /** Documents whose reference matches `reference` (spacing and case ignored), current revision first. */
  async findByReference(reference: string): Promise<StoredDocument[]> {
    const ids = await this.redis.smembers(this.key(`ref:${normRef(reference)}`));
    const docs = (await Promise.all(ids.map((id) => this.getDocument(id)))).filter((d): d is StoredDocument => d !== null);
    return docs.sort((a, b) => Number(a.supersededBy !== null) - Number(b.supersededBy !== null) || b.seq - a.seq);
  }

  /** Number of stored documents. */
  async count(): Promise<number> {
    return this.redis.zcard(this.key('docs'));
  }

  /** Ids of documents stored after sequence number `afterSeq`, with their sequence numbers. */
  async documentsAfter(afterSeq: number, limit = 1000): Promise<Array<{ id: string; seq: number }>> {
    const raw = await this.redis.zrangebyscore(this.key('docs'), `(${afterSeq}`, '+inf', 'WITHSCORES', 'LIMIT', 0, limit);
    const out: Array<{ id: string; seq: number }> = [];
    for (let i = 0; i < raw.length; i += 2) out.push({ id: raw[i] ?? '', seq: Number(raw[i + 1]) });
    return out;
  }

  /** Groups that have stored documents, most documents first. */
  async groupsWithDocuments(): Promise<string[]> {
    return this.redis.zrevrange(this.key('groups'), 0, -1);
  }

  /**
   * Members of `sets` (each member once) in a score range, with their scores and facts, in one round trip
   * ({@link FACTS_IN}): each set's first `limit`, in the order read.
   */
  private async readFacts(sets: readonly string[], min: number | string, max: number | string, limit: number, reverse: boolean): Promise<Array<{ member: string; score: number; raw: Buffer | null }>> {
    return (await this.readCounted(sets, min, max, limit, reverse, false)).read;
  }

  /**
   * {@link readFacts}, and with `count` how many members the sets hold in the score range in all (summed over the
   * sets), in the same round trip.
   */
  private async readCounted(sets: readonly string[], min: number | string, max: number | string, limit: number, reverse: boolean, count: boolean): Promise<{ read: Array<{ member: string; score: number; raw: Buffer | null }>; count: number }> {
    const keys = [this.key('facts'), ...sets.map((s) => this.key(s))];
    const args = [...keys, String(min), String(max), String(limit), reverse ? '1' : '0', count ? '1' : '0'];
    // Read as Buffers: a fact becomes a string only when it is parsed (or not at all, see {@link DocumentStore.readFact}).
    let reply: [Buffer[], Array<Buffer | null>, number];
    try {
      reply = (await this.redis.callBuffer('EVALSHA', FACTS_IN_SHA, keys.length, ...args)) as typeof reply;
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      reply = (await this.redis.callBuffer('EVAL', FACTS_IN, keys.length, ...args)) as typeof reply;
    }
    const [pairs, facts, total] = reply;
    const read: Array<{ member: string; score: number; raw: Buffer | null }> = [];
    for (let i = 0; i < pairs.length; i += 2) read.push({ member: pairs[i]?.toString() ?? '', score: Number(pairs[i + 1]?.toString()), raw: facts[i / 2] ?? null });
    return { read, count: Number(total) };
  }

  /**
   * A fact as stored (`raw`, its JSON), checked against `schema`; `null` when it does not read. With `cache`, a fact
   * read before with the very same bytes is the object read then ({@link BytesMemo}).
   */
  private readFact<T>(schema: z.ZodType<T>, member: string, raw: Buffer | null, cache?: BytesMemo<string, T>): T | null {
    if (raw === null) return null;
    // Most reads of an answer are facts read before: no closure, no string for those.
    const known = cache?.peek(member, raw);
    if (known !== undefined) return known;
    const parse = (text: string) => readStoredOrNull(schema, text, `fact ${member}`);
    return cache ? cache.read(member, raw, parse) : parse(raw.toString());
  }

  /** The facts of one index set, checked against `schema`; a fact that does not read is left out (`sgbot reparse` writes the index again). */
  private async factsIn<T>(schema: z.ZodType<T>, set: string, min: number | string, max: number | string, limit: number, reverse = false, cache?: BytesMemo<string, T>): Promise<T[]> {
    const read = await this.readFacts([set], min, max, limit, reverse);
    const out: T[] = [];
    for (const x of read) {
      const fact = this.readFact(schema, x.member, x.raw, cache);
      if (fact) out.push(fact);
    }
    return out;
  }

  /**
   * Deadlines of a group (`SG20`), a Question (`Q4/20`) or all, due at or after `from` (epoch ms; `-inf` for all),
   * soonest first. A deadline read before with the same stored bytes is the same object as then: do not modify what
   * it returns.
   */
  async deadlines(scope: { group?: string; question?: string }, from: number | '-inf', limit = 200): Promise<DeadlineFact[]> {
    return (await this.deadlinesCounted(scope, from, limit, false)).facts;
  }

  /**
   * The first `limit` deadlines of `scope` due at or after `from`, and (with `count`) how many there are in all, as
   * {@link countDeadlines} counts them: one round trip.
   */
  async deadlinesCounted(scope: { group?: string; question?: string }, from: number | '-inf', limit: number, count = true): Promise<{ facts: DeadlineFact[]; count: number }> {
    const sets = deadlineSets(scope);
    const { read, count: total } = await this.readCounted(sets, from, '+inf', limit, false, count);
    // A Question: its own deadlines and its group's deadlines for every Question, merged soonest first.
    const merged = sets.length === 1 ? read : read.sort((a, b) => a.score - b.score || a.member.localeCompare(b.member)).slice(0, limit);
    const facts: DeadlineFact[] = [];
    for (const x of merged) {
      const fact = this.readFact(deadlineFactSchema, x.member, x.raw, this.deadlineCache);
      if (fact) facts.push(fact);
    }
    return { facts, count: total };
  }

  /** How many deadlines of `scope` fall due at or after `from`. */
  async countDeadlines(scope: { group?: string; question?: string }, from: number): Promise<number> {
    const counts = await Promise.all(deadlineSets(scope).map((set) => this.redis.zcount(this.key(set), from, '+inf')));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Meetings of a group (or all) starting at or after `from`, soonest first; `reverse` for the latest before. */
  async meetings(group: string | null, from: number, limit = 20, reverse = false): Promise<MeetingFact[]> {
    // A Question ("Q13/15"): its own meetings, which its study group's list does not hold.
    const set = group ? (/^Q\d{1,2}\/\d{1,2}$/.test(group) ? `mt:q:${group}` : `mt:g:${group}`) : 'mt';
    // Letters, TDs and reports that give the same meeting are one meeting, the letter's: read a few more to merge.
    const read = limit * 4 + 8;
    const facts = reverse ? await this.factsIn(meetingFactSchema, set, '-inf', from, read, true) : await this.factsIn(meetingFactSchema, set, from, '+inf', read);
    return mergeMeetings(facts).slice(0, limit);
  }

  /** Meetings of a body outside ITU-T (its {@link bodyKey}, `RAN2`, `MEF`) from `from`, soonest first. */
  async bodyMeetings(key: string, from: number, limit = 10): Promise<MeetingFact[]> {
    return mergeMeetings(await this.factsIn(meetingFactSchema, `mt:b:${key}`, from, '+inf', limit * 4)).slice(0, limit);
  }

  /** Liaison statements of a group (from, to or copied) or all, newest first. */
  async liaisons(group: string | null, limit = 50): Promise<LiaisonFact[]> {
    return this.factsIn(liaisonFactSchema, group ? `ls:g:${group}` : 'ls', '-inf', '+inf', limit, true);
  }

  /** Every lead-role statement found in current documents (at most 10,000, the earliest stored first). */
  async roles(): Promise<RoleFact[]> {
    return this.factsIn(roleFactSchema, 'roles', '-inf', '+inf', 10_000);
  }

  /**
   * The lead roles current documents state, once per (group, topic) with the latest document stating it (see
   * {@link dedupeRoles}). Kept in memory until role facts change (in any process: each change bumps the
   * `roles:version` key), so a call costs one GET while nothing changed. Do not modify what it returns.
   */
  async statedRoles(): Promise<readonly StatedRole[]> {
    const version = (await this.redis.get(this.key('roles:version'))) ?? '0';
    if (this.rolesCache?.version !== version) {
      // Read after the version: a change made meanwhile bumps it again, and the next call reads once more.
      const roles = this.readStatedRoles();
      this.rolesCache = { version, roles };
      roles.catch(() => {
        if (this.rolesCache?.roles === roles) this.rolesCache = null;
      });
    }
    return this.rolesCache.roles;
  }

  private async readStatedRoles(): Promise<readonly StatedRole[]> {
    const raw = await this.redis.zrange(this.key('roles'), 0, -1, 'WITHSCORES');
    const members: Array<{ member: string; seq: number }> = [];
    for (let i = 0; i < raw.length; i += 2) members.push({ member: raw[i] ?? '', seq: Number(raw[i + 1]) });
    const facts: Array<{ fact: RoleFact; seq: number }> = [];
    const CHUNK = 5000;
    for (let i = 0; i < members.length; i += CHUNK) {
      const chunk = members.slice(i, i + CHUNK);
      const json = await this.redis.hmget(this.key('facts'), ...chunk.map((m) => m.member));
      json.forEach((j, n) => {
        const fact = j ? readStoredOrNull(roleFactSchema, j, `fact ${chunk[n]?.member ?? ''}`) : null;
        if (fact) facts.push({ fact, seq: chunk[n]?.seq ?? 0 });
      });
    }
    return Object.freeze(dedupeRoles(facts));
  }

  /** Check that Redis answers; a clear error when it does not. */
  async ping(url: string): Promise<void> {
    try {
      await this.redis.ping();
    } catch (err) {
      throw new SgbotError(
        'E_STORE',
        `Cannot reach Redis at ${url}. Start one (for example: redis-server --port 6379) or set REDIS_URL to a running server.`,
        { cause: err },
      );
    }
  }
}

/** Reference key: lower case, no spaces, no "TSB". */
/**
 * The sorted sets of deadlines of a Question (its own, and its study group's that hold for every Question), a group,
 * or all. A deadline is in at most one of a Question's two sets: one naming Questions is not group-wide.
 */
function deadlineSets(scope: { group?: string; question?: string }): string[] {
  if (scope.question) {
    const g = groupOfQuestion(scope.question);
    return g ? [`dl:q:${scope.question}`, `dl:gw:${g}`] : [`dl:q:${scope.question}`];
  }
  return [scope.group ? `dl:g:${scope.group}` : 'dl'];
}

export function normRef(reference: string): string {
  return reference.toLowerCase().replace(/\btsb\b/g, '').replace(/[\s\u2010-\u2015\u2212-]+/g, '');
}
