/**
 * The Redis store. Every key lives under one prefix (`SGBOT_PREFIX`), so several instances and test runs share a
 * Redis safely. Documents are deduplicated by content hash and Message-ID; each fact is indexed with a link to its
 * document; a later revision of a document (same reference, higher revision or later date) supersedes its facts.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SgbotError } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import { normalizeText } from '../parse/normalize.ts';
import { baseKey } from '../parse/reference.ts';
import {
  indexEntries,
  revisionRank,
  type DeadlineFact,
  type LiaisonFact,
  type MeetingFact,
  type RoleFact,
  type SourceInfo,
  type StoredDocument,
} from './facts.ts';

/** How long a worker may take to write a document before another may try (ms). */
const CLAIM_LEASE_MS = 10_000;

/** What happened to a document given to {@link DocumentStore.addDocument}. */
/**
 * `held`: a revision or addendum from a mail whose sender check failed, of a document that came from a verified
 * sender: stored (nothing is lost, `doc` shows it) but not applied, so a forged mail cannot move a real deadline.
 */
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

/** Documents, facts and their indexes in Redis. */
export class DocumentStore {
  readonly redis: Redis;
  readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** Full key name for `name`. */
  key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /**
   * Store a parsed document unless it is already stored, and index its facts. Idempotent: the same content (or the
   * same Message-ID) gives `duplicate` and changes nothing.
   */
  async addDocument(text: string, parsed: ParsedDocument, source: SourceInfo, now = new Date()): Promise<AddResult> {
    const hash = contentHash(text);
    const id = hash.slice(0, 20);
    const r = this.redis;
    if (source.messageId) {
      const byMsg = await r.get(this.key(`msgid:${source.messageId}:${hash.slice(0, 8)}`));
      if (byMsg && (await r.exists(this.key(`doc:${byMsg}`)))) return { status: 'duplicate', id: byMsg, other: null };
    }
    // The hash is claimed with a lease while the document is written, so two workers given the same text at once
    // store it once; a worker that dies mid-write frees the claim when the lease ends.
    const claimed = await r.set(this.key(`hash:${hash}`), id, 'PX', CLAIM_LEASE_MS, 'NX');
    if (claimed === null) {
      if (await r.exists(this.key(`doc:${id}`))) return { status: 'duplicate', id, other: null };
      throw new SgbotError('E_BUSY', `Another worker is storing the same document (${id}) right now; try again in a minute.`);
    }

    const seq = await r.incr(this.key('seq'));
    const base = baseKey(parsed.kind, parsed.reference);
    const doc: StoredDocument = { id, hash, seq, ingestedAt: now.toISOString(), source, parsed, baseKey: base, supersededBy: null };

    let status: AddStatus = 'added';
    let other: string | null = null;
    const currentId = base ? await r.get(this.key(`base:${base}`)) : null;
    const current = currentId ? await this.getDocument(currentId) : null;
    if (current && source.auth?.verdict === 'fail' && current.source.auth?.verdict !== 'fail') {
      status = 'held';
      other = current.id;
      doc.supersededBy = current.id;
    } else if (current && parsed.revision && /^Addendum/.test(parsed.revision)) {
      status = 'addendum';
      other = current.id;
      await this.overlay(current, parsed);
    } else if (current) {
      other = current.id;
      const newer =
        revisionRank(parsed.revision) > revisionRank(current.parsed.revision) ||
        (revisionRank(parsed.revision) === revisionRank(current.parsed.revision) && (parsed.date ?? '') >= (current.parsed.date ?? ''));
      if (newer) {
        status = 'revision';
        await this.unindex(current.id);
        current.supersededBy = id;
        await r.set(this.key(`doc:${current.id}`), JSON.stringify(current));
      } else {
        status = 'older-revision';
        doc.supersededBy = current.id;
      }
    }

    const m = r.multi();
    m.set(this.key(`doc:${id}`), JSON.stringify(doc));
    m.set(this.key(`hash:${hash}`), id);
    m.set(this.key(`text:${id}`), text);
    m.zadd(this.key('docs'), seq, id);
    if (source.messageId) m.set(this.key(`msgid:${source.messageId}:${hash.slice(0, 8)}`), id);
    if (parsed.reference) m.sadd(this.key(`ref:${normRef(parsed.reference)}`), id);
    if (parsed.group) m.zincrby(this.key('groups'), 1, parsed.group);
    if (base && status !== 'older-revision' && status !== 'addendum' && status !== 'held') m.set(this.key(`base:${base}`), id);
    if (status !== 'older-revision' && status !== 'held') this.queueIndex(m, doc);
    await m.exec();
    return { status, id, other };
  }

  private queueIndex(m: ReturnType<Redis['multi']>, doc: StoredDocument): void {
    for (const e of indexEntries(doc)) {
      m.hset(this.key('facts'), e.member, JSON.stringify(e.fact));
      for (const [set, score] of e.sets) {
        m.zadd(this.key(set), score, e.member);
        m.sadd(this.key(`docfacts:${doc.id}`), `${set}\u0000${e.member}`);
      }
    }
  }

  /** Remove every fact of a document from the indexes (the document itself stays, marked superseded). */
  private async unindex(docId: string, only?: (member: string, set: string) => boolean): Promise<void> {
    const entries = await this.redis.smembers(this.key(`docfacts:${docId}`));
    const m = this.redis.multi();
    for (const entry of entries) {
      const [set = '', member = ''] = entry.split('\u0000');
      if (only && !only(member, set)) continue;
      m.zrem(this.key(set), member);
      m.hdel(this.key('facts'), member);
      m.srem(this.key(`docfacts:${docId}`), entry);
    }
    await m.exec();
  }

  // An addendum replaces the base document's deadlines of the categories it restates, and its meeting if it gives one.
  private async overlay(base: StoredDocument, addendum: ParsedDocument): Promise<void> {
    const categories = new Set(addendum.deadlines.map((d) => d.category));
    const replaced = new Set<string>();
    base.parsed.deadlines.forEach((d, n) => {
      if (categories.has(d.category)) replaced.add(`${base.id}#d${n}`);
    });
    if (addendum.meeting) replaced.add(`${base.id}#m`);
    await this.unindex(base.id, (member) => replaced.has(member));
  }

  /** A stored document by id, or `null`. */
  async getDocument(id: string): Promise<StoredDocument | null> {
    const raw = await this.redis.get(this.key(`doc:${id}`));
    return raw ? (JSON.parse(raw) as StoredDocument) : null;
  }

  /** The stored text of a document. */
  async getText(id: string): Promise<string | null> {
    return this.redis.get(this.key(`text:${id}`));
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

  private async factsIn<T>(set: string, min: number | string, max: number | string, limit: number, reverse = false): Promise<T[]> {
    const members = reverse
      ? await this.redis.zrevrangebyscore(this.key(set), max, min, 'LIMIT', 0, limit)
      : await this.redis.zrangebyscore(this.key(set), min, max, 'LIMIT', 0, limit);
    if (members.length === 0) return [];
    const raw = await this.redis.hmget(this.key('facts'), ...members);
    return raw.filter((x): x is string => x !== null).map((x) => JSON.parse(x) as T);
  }

  /**
   * Deadlines of a group (`SG20`), a Question (`Q4/20`) or all, due at or after `from` (epoch ms; `-inf` for all),
   * soonest first.
   */
  async deadlines(scope: { group?: string; question?: string }, from: number | '-inf', limit = 200): Promise<DeadlineFact[]> {
    const set = scope.question ? `dl:q:${scope.question}` : scope.group ? `dl:g:${scope.group}` : 'dl';
    return this.factsIn<DeadlineFact>(set, from, '+inf', limit);
  }

  /** Meetings of a group (or all) starting at or after `from`, soonest first; `reverse` for the latest before. */
  async meetings(group: string | null, from: number, limit = 20, reverse = false): Promise<MeetingFact[]> {
    const set = group ? `mt:g:${group}` : 'mt';
    return reverse ? this.factsIn<MeetingFact>(set, '-inf', from, limit, true) : this.factsIn<MeetingFact>(set, from, '+inf', limit);
  }

  /** Liaison statements of a group (from, to or copied) or all, newest first. */
  async liaisons(group: string | null, limit = 50): Promise<LiaisonFact[]> {
    return this.factsIn<LiaisonFact>(group ? `ls:g:${group}` : 'ls', '-inf', '+inf', limit, true);
  }

  /** Every lead-role statement found in current documents. */
  async roles(): Promise<RoleFact[]> {
    return this.factsIn<RoleFact>('roles', '-inf', '+inf', 10_000);
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
export function normRef(reference: string): string {
  return reference.toLowerCase().replace(/\btsb\b/g, '').replace(/[\s-]+/g, '');
}
