/**
 * Cancelled meetings: which stored letters a newly stored cancellation letter cancels. A cancellation names the letter
 * that announced the meeting ("announced in TSB Collective letter 4/2") or, failing that, gives the meeting's group
 * and dates, which the announcing letter's meeting shares.
 */
import { parentGroup } from '../core/groups.ts';
import { citeOf, type StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

/** Whether a letter's meeting is the one cancelled: the same study group, on overlapping days. */
function sameMeeting(doc: StoredDocument, cancelled: NonNullable<StoredDocument['parsed']['cancels']>['meeting']): boolean {
  const m = doc.parsed.meeting;
  if (!m) return false;
  const [a, b] = [m.group ?? doc.parsed.group, cancelled.group];
  if (a && b && parentGroup(a) !== parentGroup(b)) return false;
  return m.start <= cancelled.end && cancelled.start <= m.end;
}

/**
 * The stored letters whose meeting `letter` cancels (not itself, not superseded). Nothing for a letter from an
 * unverified sender: a forged cancellation must not silence real deadlines.
 */
export async function cancelledBy(store: DocumentStore, letter: StoredDocument): Promise<StoredDocument[]> {
  const cancels = letter.parsed.cancels;
  if (!cancels || citeOf(letter).unverified) return [];
  const found = new Map<string, StoredDocument>();
  const candidate = (doc: StoredDocument | null) => {
    if (doc && doc.id !== letter.id && doc.supersededBy === null && !doc.parsed.cancels && sameMeeting(doc, cancels.meeting)) found.set(doc.id, doc);
  };
  if (cancels.announcedIn) for (const doc of await store.findByReference(cancels.announcedIn)) candidate(doc);
  if (found.size === 0 && cancels.meeting.group) {
    const from = Date.parse(`${cancels.meeting.start}T00:00:00Z`) - 86_400_000;
    for (const m of await store.meetings(parentGroup(cancels.meeting.group), from, 20)) {
      if (m.authority === 'letter' && m.source.docId !== letter.id && m.start <= cancels.meeting.end) candidate(await store.getDocument(m.source.docId));
    }
  }
  return [...found.values()];
}

/**
 * The stored cancellation that cancels the meeting `letter` announces, when the cancellation came first (mail is not
 * always read in the order it was sent); `null` when none does.
 */
export async function cancellationOf(store: DocumentStore, letter: StoredDocument): Promise<StoredDocument | null> {
  const m = letter.parsed.meeting;
  const group = m?.group ?? letter.parsed.group;
  if (!m || !group || letter.parsed.cancels || letter.cancelledBy) return null;
  const from = Date.parse(`${m.start}T00:00:00Z`) - 86_400_000;
  for (const fact of await store.meetings(parentGroup(group), from, 20)) {
    if (!fact.cancelledBy || fact.start > m.end) continue;
    const cancellation = await store.getDocument(fact.cancelledBy.docId);
    if (cancellation && cancellation.id !== letter.id && (await cancelledBy(store, cancellation)).some((d) => d.id === letter.id)) return cancellation;
  }
  return null;
}
