/**
 * The events of a calendar feed, read from the store: the current meetings (with their side events) and deadlines
 * of a group or Question, each with a UID that survives revisions of its document. Deadlines are keyed exactly as
 * the reminder planner keys them ({@link keyedDeadlines}), so a revised letter that moves a deadline moves the
 * calendar event instead of adding one. Facts from a mail whose sender check failed are left out, as the planner
 * leaves them out: a forged letter must not put events in delegates' calendars.
 */
import { familyDocuments, keyedDeadlines } from '../reminders/current.ts';
import { remKeys } from '../reminders/keys.ts';
import { baseOf, shortHash } from '../reminders/plan.ts';
import type { StoredDocument } from '../store/facts.ts';
import type { DocumentStore } from '../store/store.ts';
import { senderVerified } from '../store/trust.ts';
import type { CalendarScope, FeedItem } from './ical.ts';

/** Most facts of each kind one feed reads. */
const MAX_DEADLINES = 2000;
const MAX_MEETINGS = 200;

type DocOf = (id: string) => Promise<StoredDocument | null>;

/** A reader of stored documents that reads each one once. */
function documentCache(store: DocumentStore): DocOf {
  const seen = new Map<string, Promise<StoredDocument | null>>();
  return (id) => {
    let doc = seen.get(id);
    if (!doc) seen.set(id, (doc = store.getDocument(id)));
    return doc;
  };
}

function versionOf(doc: StoredDocument): { sequence: number; modified: number } {
  return { sequence: doc.seq, modified: Date.parse(doc.ingestedAt) };
}

async function deadlineItems(store: DocumentStore, scope: CalendarScope, since: number, docOf: DocOf): Promise<FeedItem[]> {
  const facts = await store.deadlines({ group: scope.group }, since, MAX_DEADLINES);
  const inScope = new Set(facts.map((f) => f.source.docId));
  const bases = new Map<string, StoredDocument[]>();
  for (const doc of await Promise.all([...inScope].map(docOf))) {
    if (doc) bases.set(baseOf(doc), [...(bases.get(baseOf(doc)) ?? []), doc]);
  }
  const keys = remKeys(store.prefix);
  const items: Array<Extract<FeedItem, { kind: 'deadline' }>> = [];
  for (const [base, docs] of bases) {
    // The key of a deadline depends on every current document of its family (an addendum restating a category
    // replaces the earlier ones), not only on those that fall in this feed's window.
    const family = new Map([...docs, ...(await familyDocuments(store, keys, base))].map((d) => [d.id, d]));
    for (const c of await keyedDeadlines(store, base, [...family.values()])) {
      if (!inScope.has(c.doc.id) || c.fact.due < since) continue;
      if (scope.kind === 'question' && c.record.questions.length > 0 && !c.record.questions.includes(scope.question)) continue;
      items.push({ kind: 'deadline', uid: `deadline-${c.key}@sgbot`, deadline: c.fact, source: c.fact.source, ...versionOf(c.doc) });
    }
  }
  return items.sort((a, b) => a.deadline.due - b.deadline.due || a.uid.localeCompare(b.uid));
}

async function meetingItems(store: DocumentStore, scope: CalendarScope, since: number, docOf: DocOf): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  const taken = new Set<string>();
  // Two documents announcing the same meeting (a letter and its revision are one base; a letter and a circular are
  // two) give one event: the one of the earliest document, whose UID then stays put.
  const facts = await store.meetings(scope.group, since, MAX_MEETINGS);
  const docs = await Promise.all(facts.map((f) => docOf(f.source.docId)));
  const ordered = facts.map((fact, i) => ({ fact, doc: docs[i] })).sort((a, b) => (a.doc?.seq ?? 0) - (b.doc?.seq ?? 0));
  for (const { fact, doc } of ordered) {
    const same = `${fact.group ?? ''}|${fact.start}|${fact.end}`;
    if (!doc || fact.source.unverified || !senderVerified(doc.source) || taken.has(same)) continue;
    taken.add(same);
    const base = shortHash(baseOf(doc));
    const { events, source, ...meeting } = fact;
    items.push({ kind: 'meeting', uid: `meeting-${base}@sgbot`, meeting, source, ...versionOf(doc) });
    const titles = new Map<string, number>();
    for (const event of events) {
      const title = shortHash(event.title.toLowerCase().replace(/\s+/g, ' ').trim(), 8);
      const n = titles.get(title) ?? 0;
      titles.set(title, n + 1);
      const uid = `side-event-${base}-${title}${n > 0 ? `-${n}` : ''}@sgbot`;
      items.push({ kind: 'side-event', uid, meeting: event, partOf: meeting.title, source, ...versionOf(doc) });
    }
  }
  return items;
}

/**
 * The events of the feed of `scope`: meetings starting and deadlines due at or after `since` (epoch ms), meetings
 * first, then deadlines, each in the store's order (soonest first).
 */
export async function feedItems(store: DocumentStore, scope: CalendarScope, since: number): Promise<FeedItem[]> {
  const docOf = documentCache(store);
  const [meetings, deadlines] = await Promise.all([meetingItems(store, scope, since, docOf), deadlineItems(store, scope, since, docOf)]);
  return [...meetings, ...deadlines];
}
