/**
 * The current deadlines of a document family (a base): every deadline of its documents that the store still indexes
 * (a revision unindexes the letter it replaces; an addendum unindexes the categories it restates), keyed so that the
 * same deadline keeps its key across revisions. Deadlines that came in a mail whose sender check failed are left
 * out: nothing acts on the strength of an unverified mail.
 */
import { deadlineFactSchema, readStoredOrNull } from '../core/records.ts';
import { groupOfQuestion, parentGroup } from '../core/groups.ts';
import { deadlinePositionOf, type DeadlineFact, type StoredDocument } from '../store/facts.ts';
import type { DocumentStore } from '../store/store.ts';
import { senderVerified } from '../store/trust.ts';
import type { DeadlineRecord, RemKeys } from './keys.ts';
import { keyDeadlines, type KeyedInput } from './plan.ts';

/** A current deadline with its key and the document it comes from. */
export interface CurrentDeadline {
  key: string;
  fact: DeadlineFact;
  doc: StoredDocument;
  record: DeadlineRecord;
}

/**
 * The Questions a deadline concerns: those the fact names (for a liaison reply, the Questions asked to act); for a
 * liaison reply that names none, the Questions of the groups asked to act that the liaison's text mentions.
 */
export function questionsOf(fact: DeadlineFact, doc: StoredDocument): string[] {
  if (fact.questions.length > 0 || fact.category !== 'liaison-reply') return fact.questions;
  const groups = new Set((fact.groups ?? (fact.group ? [fact.group] : [])).map(parentGroup));
  return doc.parsed.questions.map((q) => q.id).filter((q) => groups.has(groupOfQuestion(q) ?? ''));
}

/** The record the planner keeps of a current deadline. */
export function recordOf(key: string, base: string, fact: DeadlineFact, doc: StoredDocument): DeadlineRecord {
  return {
    key,
    base,
    docId: doc.id,
    due: fact.due,
    date: fact.date,
    time: fact.time,
    timezone: fact.timezone,
    action: fact.action,
    category: fact.category,
    group: fact.group,
    ...(fact.groups ? { groups: fact.groups } : {}),
    questions: questionsOf(fact, doc),
    source: fact.source,
    messageId: doc.source.messageId,
  };
}

/** Ids of the documents of `base` the planner has seen, plus the store's current document of it. */
async function docIdsOf(store: DocumentStore, keys: RemKeys, base: string): Promise<string[]> {
  const ids = new Set(await store.redis.smembers(keys.baseDocs(base)));
  if (base.startsWith('doc:')) ids.add(base.slice(4));
  else {
    const current = await store.redis.get(store.key(`base:${base}`));
    if (current) ids.add(current);
  }
  return [...ids];
}

/** The documents of `base` that no later revision replaced (verified or not). */
export async function familyDocuments(store: DocumentStore, keys: RemKeys, base: string): Promise<StoredDocument[]> {
  const docs = await Promise.all((await docIdsOf(store, keys, base)).map((id) => store.getDocument(id)));
  return docs.filter((d): d is StoredDocument => d !== null && d.supersededBy === null);
}

/**
 * The current, verified deadlines of `base`, keyed. Reads the facts the store keeps for the deadlines of the base's
 * documents (`<docId>#d<n>` in the facts hash): a fact the store unindexed (replaced by a revision or an addendum) is
 * no longer there.
 */
export async function currentDeadlines(store: DocumentStore, keys: RemKeys, base: string): Promise<CurrentDeadline[]> {
  return keyedDeadlines(store, base, await familyDocuments(store, keys, base));
}

/**
 * {@link currentDeadlines} of `base` among the given documents of that base (for callers that found the family
 * another way, such as the calendar feeds, which read the store's indexes rather than the planner's records).
 */
export async function keyedDeadlines(store: DocumentStore, base: string, family: readonly StoredDocument[]): Promise<CurrentDeadline[]> {
  const docs = family.filter((d) => d.parsed.deadlines.length > 0);
  if (docs.length === 0) return [];
  // Positions in the parser's list: a deadline the secretariat removed leaves a gap, and the others keep their keys.
  const members = docs.flatMap((doc) =>
    doc.parsed.deadlines.map((_, i) => {
      const n = deadlinePositionOf(doc, i);
      return { doc, n, member: `${doc.id}#d${n}` };
    }),
  );
  const raw = await store.redis.hmget(store.key('facts'), ...members.map((m) => m.member));
  const inputs: Array<KeyedInput<DeadlineFact & { docId: string }>> = [];
  members.forEach(({ doc, n }, i) => {
    const json = raw[i];
    if (!json) return;
    const fact = readStoredOrNull(deadlineFactSchema, json, `deadline fact ${doc.id}#d${n}`);
    if (!fact) return;
    // The document is asked too: a fact indexed under an older, laxer rule may lack its mark.
    if (!fact.source.unverified && senderVerified(doc.source)) inputs.push({ fact: { ...fact, docId: doc.id }, seq: doc.seq, position: n });
  });
  return keyDeadlines(base, inputs).map(({ key, fact }) => {
    const doc = docs.find((d) => d.id === fact.docId) as StoredDocument;
    const { docId: _docId, ...plain } = fact;
    return { key, fact: plain, doc, record: recordOf(key, base, plain, doc) };
  });
}
