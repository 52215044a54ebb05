/**
 * Whether a stored document's sender is verified, and what changes when it becomes so (a re-check that passed, or
 * the secretariat vouching for it). Fail-closed: only a `pass` of the sender check (`src/ingest/sender-auth.ts`) or
 * a vouch counts. A document with no check at all was not mail: a file an operator ingested from the command line
 * (or the demo's sample inbox), or mail read with `SGBOT_SENDER_AUTH=off`; the operator who chose it vouches for it.
 */
import { SgbotError } from '../core/errors.ts';
import { senderVerified } from '../core/facts.ts';
import type { AuditLog } from './audit.ts';
import { withCorrections, withoutCorrections } from './correction-fields.ts';
import { deadlinePositionOf, indexEntries, revisionRank, type StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

/** The sender check kept with a document (`source.auth`), with what a re-check or a vouch adds. */
export interface AuthRecord {
  /** `pass`, `vouched`; or, unverified: `fail`, `temperror`, `untrusted`, `none`, `unknown`. */
  verdict: string;
  /** Why, for people: `no DKIM signature; SPF softfail from 203.0.113.5; DMARC none for itu.int → unverified (none)`. */
  summary: string;
  /** ISO time of the last check (a re-check). */
  checkedAt?: string;
  /** Re-checks made after a DNS error. */
  tries?: number;
  /** Who vouched (a vouch), and the check it overrode. */
  vouchedBy?: string;
  vouchedAt?: string;
  was?: { verdict: string; summary: string };
}

export { senderVerified } from '../core/facts.ts';

/** The sender check of a document, with the fields a re-check or a vouch adds. */
export function authRecordOf(doc: StoredDocument): AuthRecord | null {
  return doc.source.auth ?? null;
}

/** What {@link setSenderAuth} did to the document's place among its revisions. */
export type TrustChange = 'unchanged' | 'reindexed' | 'current' | 'addendum' | 'older-revision';

/**
 * Replace the sender check of stored document `id` and re-index its facts (each fact carries whether its source is
 * verified). A document that becomes verified and had been held back (a revision from an unverified mail of a
 * verified letter) or was an older revision is applied now: it replaces the current document of its family when
 * that one is unverified or older, and an addendum lays its facts over the current document.
 *
 * @throws SgbotError E_NOT_FOUND when no such document is stored.
 */
export async function setSenderAuth(store: DocumentStore, id: string, auth: AuthRecord): Promise<{ doc: StoredDocument; change: TrustChange }> {
  const before = await store.getDocument(id);
  if (!before) throw new SgbotError('E_NOT_FOUND', `No document ${id} is stored.`);
  const stored: StoredDocument = { ...withoutCorrections(before), source: { ...before.source, auth } };
  const corrections = await store.corrections(id);
  const wasVerified = senderVerified(before.source);
  const verified = senderVerified(stored.source);
  if (before.supersededBy === null || !verified || wasVerified) {
    await saveDocument(store, id, stored);
    const after = withCorrections(stored, corrections);
    if (before.supersededBy !== null) return { doc: after, change: 'unchanged' };
    await store.reindex(before, after);
    return { doc: after, change: 'reindexed' };
  }

  // Verified now, and set aside before: apply it as if it had come verified.
  const currentId = stored.baseKey ? await store.redis.get(store.key(`base:${stored.baseKey}`)) : null;
  const current = currentId && currentId !== id ? await store.getDocument(currentId) : null;
  if (!current) {
    await saveDocument(store, id, stored);
    return { doc: withCorrections(stored, corrections), change: 'unchanged' };
  }
  const applied: StoredDocument = { ...stored, supersededBy: null };
  const doc = withCorrections(applied, corrections);
  if (doc.parsed.revision && /^Addendum/.test(doc.parsed.revision)) {
    await saveDocument(store, id, applied);
    await indexFresh(store, doc);
    await unindexRestated(store, current, doc);
    return { doc, change: 'addendum' };
  }
  const newer =
    !senderVerified(current.source) ||
    revisionRank(doc.parsed.revision) > revisionRank(current.parsed.revision) ||
    (revisionRank(doc.parsed.revision) === revisionRank(current.parsed.revision) && (doc.parsed.date ?? '') >= (current.parsed.date ?? ''));
  if (!newer) {
    const older: StoredDocument = { ...stored, supersededBy: current.id };
    await saveDocument(store, id, older);
    return { doc: withCorrections(older, corrections), change: 'older-revision' };
  }
  const replaced: StoredDocument = { ...withoutCorrections(current), supersededBy: id };
  await store.redis.multi().set(store.key(`doc:${current.id}`), JSON.stringify(replaced)).set(store.key(`doc:${id}`), JSON.stringify(applied)).set(store.key(`base:${stored.baseKey ?? ''}`), id).incr(store.versionKey()).exec();
  // The replaced document leaves the indexes (it is superseded now), and this one enters them.
  await store.reindex(current, withCorrections(replaced, await store.corrections(current.id)));
  await indexFresh(store, doc);
  return { doc, change: 'current' };
}

/** Write a document's record, and move the store's version with it (answers kept for reuse are out of date). */
async function saveDocument(store: DocumentStore, id: string, doc: StoredDocument): Promise<void> {
  await store.redis.multi().set(store.key(`doc:${id}`), JSON.stringify(doc)).incr(store.versionKey()).exec();
}

/** Index the facts of a document that has none indexed (it was held back), through the store's re-index. */
async function indexFresh(store: DocumentStore, doc: StoredDocument): Promise<void> {
  // Every kind of fact left out, so that each of this document's enters (further and other bodies' meetings too).
  const { moreMeetings: _more, bodyMeetings: _bodies, cancels: _cancels, ...rest } = doc.parsed;
  const bare: StoredDocument = { ...doc, parsed: { ...rest, deadlines: [], meeting: null, events: [], roles: [], liaison: null } };
  await store.reindex(bare, doc);
}

/** Remove from the indexes the facts of `base` that addendum `addendum` restates (deadline categories, meeting). */
async function unindexRestated(store: DocumentStore, base: StoredDocument, addendum: StoredDocument): Promise<void> {
  const categories = new Set(addendum.parsed.deadlines.map((d) => d.category));
  const replaced = new Set<string>();
  base.parsed.deadlines.forEach((d, i) => {
    if (categories.has(d.category)) replaced.add(`${base.id}#d${deadlinePositionOf(base, i)}`);
  });
  if (addendum.parsed.meeting) replaced.add(`${base.id}#m`);
  const known = new Set(indexEntries(base).map((e) => e.member));
  const entries = await store.redis.smembers(store.key(`docfacts:${base.id}`));
  const m = store.redis.multi();
  for (const entry of entries) {
    const [set = '', member = ''] = entry.split('\u0000');
    if (!replaced.has(member) || !known.has(member)) continue;
    m.zrem(store.key(set), member);
    m.hdel(store.key('facts'), member);
    m.srem(store.key(`docfacts:${base.id}`), entry);
  }
  m.incr(store.versionKey());
  await m.exec();
}

/** What {@link vouchDocument} needs. */
export interface VouchDeps {
  store: DocumentStore;
  audit: AuditLog;
}

/**
 * The secretariat vouches for a document whose sender check did not pass: it counts as verified from now on (its
 * facts act: reminders, calendars, revisions), and the vouch is audited with who made it and the check it overrode.
 * Re-plan its reminders after. Returns `false` (and changes nothing) when the document was verified already.
 *
 * @throws SgbotError E_NOT_FOUND when no such document is stored.
 */
export async function vouchDocument(deps: VouchDeps, id: string, who: string, opts: { reason?: string; now?: Date } = {}): Promise<{ vouched: boolean; doc: StoredDocument; change: TrustChange }> {
  const doc = await deps.store.getDocument(id);
  if (!doc) throw new SgbotError('E_NOT_FOUND', `No document ${id} is stored.`);
  if (senderVerified(doc.source)) return { vouched: false, doc, change: 'unchanged' };
  const was = authRecordOf(doc) ?? { verdict: 'none', summary: 'not checked' };
  const at = (opts.now ?? new Date()).toISOString();
  const auth: AuthRecord = {
    verdict: 'vouched',
    summary: `vouched for by ${who} on ${at.slice(0, 10)}; the sender check said: ${was.summary}`,
    vouchedBy: who,
    vouchedAt: at,
    was: { verdict: was.verdict, summary: was.summary },
  };
  const result = await setSenderAuth(deps.store, id, auth);
  await deps.audit.record({
    who,
    action: 'document.vouched',
    target: id,
    result: 'ok',
    details: { reference: doc.parsed.reference, group: doc.parsed.group, from: doc.source.from, was: was.summary, change: result.change, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
  return { vouched: true, doc: result.doc, change: result.change };
}

