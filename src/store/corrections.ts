/**
 * Corrections of wrongly parsed facts by the secretariat (web console). A correction is kept per document in Redis
 * (`<prefix>:corrections:<docId>`, oldest first), apart from the parse; the store lays the corrections over the parse
 * whenever it reads or indexes the document, so a correction wins over a second ingest or a new parse of the same
 * text. Each correction re-indexes the document's facts (a corrected deadline date moves the deadline in `/deadlines`
 * and in the reminder planner's view), is audited (`fact.corrected`), and then calls `afterCorrect` (re-plan reminders).
 *
 * Limits: a corrected reference is indexed and searched under its new words, but the document keeps the base key of
 * its parsed reference, so revisions are still matched by that one.
 */
import { randomUUID } from 'node:crypto';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { SgbotError } from '../core/errors.ts';
import { readStoredOrNull } from '../core/records.ts';
import type { AuditLog } from './audit.ts';
import {
  addedFact,
  checkAddedFact,
  checkValue,
  correctionSchema,
  currentValue,
  deadlinePosition,
  describeAdded,
  fieldPath,
  FIRST_ADDED_SLOT,
  type AddedFactRecord,
  type Correction,
  type CorrectionField,
  type FieldPath,
} from './correction-fields.ts';
import type { StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

export type { AddedFact, AddedFactInput, AddedFactRecord, Correction, CorrectionField } from './correction-fields.ts';
export { addedFactInput, checkAddedFact, describeAdded } from './correction-fields.ts';

export interface CorrectionDeps {
  store: DocumentStore;
  audit: AuditLog;
  /** called after a correction is stored, e.g. to re-plan reminders */
  afterCorrect?: (docId: string) => Promise<void>;
}

/** How long one correction may hold its document (ms) before another may start. */
const LOCK_MS = 10_000;
const MAX_REASON = 1000;

async function withDocumentLock<T>(store: DocumentStore, docId: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${store.correctionsKey(docId)}:lock`;
  const token = randomUUID();
  if ((await store.redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === null) {
    throw new SgbotError('E_BUSY', `Someone else is correcting document ${docId} right now; try again in a few seconds.`);
  }
  try {
    return await fn();
  } finally {
    await store.redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, lock, token);
  }
}

async function documentOf(store: DocumentStore, docId: string): Promise<StoredDocument> {
  const doc = /^[0-9a-f]{20}$/.test(docId) ? await store.getDocument(docId) : null;
  if (!doc) throw new SgbotError('E_NOT_FOUND', `No document "${docId}" is stored: give the 20-character id shown with the document.`);
  return doc;
}

/** Check that `path` names a fact the document has. */
function checkTarget(doc: StoredDocument, path: FieldPath, field: string): void {
  if (path.kind === 'meeting' && !doc.parsed.meeting) {
    throw new SgbotError('E_USAGE', `No meeting was read from this document, so ${field} cannot be corrected.`);
  }
  if (path.kind === 'deadline') {
    const count = (doc.corrected?.original ?? doc.parsed).deadlines.length;
    if (path.n >= count) {
      throw new SgbotError(
        'E_USAGE',
        count === 0
          ? `No deadline was read from this document, so ${field} cannot be corrected.`
          : `This document has ${count} parsed deadline(s), numbered 0 to ${count - 1}; there is no deadline ${path.n}.`,
      );
    }
  }
}

/** Check that the meeting still ends on or after its start once `value` is set. */
function checkMeeting(doc: StoredDocument, path: FieldPath, value: string | null): void {
  const meeting = doc.parsed.meeting;
  if (path.kind !== 'meeting' || !meeting || path.name === 'place' || value === null) return;
  const start = path.name === 'start' ? value : meeting.start;
  const end = path.name === 'end' ? value : meeting.end;
  if (end < start) throw new SgbotError('E_USAGE', `The meeting would end (${end}) before it starts (${start}); correct the other date first.`);
}

/**
 * Correct one fact of a stored document: validate, store, re-index, audit (`fact.corrected`), call `afterCorrect`.
 * Returns the document as now read (corrections applied) and the correction.
 *
 * @example await correctFact(deps, { docId, field: 'deadline.0.date', value: '2027-04-21', who: 'web:ana@itu.int' })
 * @throws SgbotError E_NOT_FOUND for an unknown document; E_USAGE for an unknown field, a value of the wrong form
 *   (dates YYYY-MM-DD, times HH:MM, a known category), a value equal to the current one, or a missing `who`;
 *   E_BUSY when the same document is being corrected at that moment.
 */
export async function correctFact(
  deps: CorrectionDeps,
  // The union names the fields for callers; a form posts any string, checked here.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  input: { docId: string; field: CorrectionField | string; value: string | null; who: string; reason?: string },
): Promise<{ doc: StoredDocument; correction: Correction }> {
  const { store, audit } = deps;
  const { who, reason } = whoAndWhy(input);
  const path = fieldPath(input.field);
  const field = input.field as CorrectionField;
  const value = checkValue(path, input.value);
  await documentOf(store, input.docId);

  const { doc, correction } = await withDocumentLock(store, input.docId, async () => {
    const before = await documentOf(store, input.docId);
    checkTarget(before, path, field);
    checkMeeting(before, path, value);
    const previous = currentValue(before, path);
    if (previous === value) throw new SgbotError('E_USAGE', `${field} is already ${value === null ? 'empty' : `"${value}"`}; nothing to correct.`);
    const correction: Correction = { docId: before.id, field, value, previous, who, at: new Date().toISOString(), ...(reason ? { reason } : {}) };
    if (path.kind === 'deadline') {
      const parsed = (before.corrected?.original ?? before.parsed).deadlines[path.n];
      if (parsed) correction.match = { category: parsed.category, action: parsed.action };
    }
    await store.redis.rpush(store.correctionsKey(before.id), JSON.stringify(correction));
    const after = await documentOf(store, before.id);
    await store.reindex(before, after);
    return { doc: after, correction };
  });

  await audit.record({
    who,
    action: 'fact.corrected',
    target: doc.id,
    result: 'ok',
    details: { field, previous: correction.previous, value: correction.value, ...(reason ? { reason } : {}), reference: doc.parsed.reference },
  });
  if (deps.afterCorrect) await deps.afterCorrect(doc.id);
  return { doc, correction };
}

/** Who and why, checked as for a correction. */
function whoAndWhy(input: { who: string; reason?: string | undefined }): { who: string; reason: string | undefined } {
  const who = input.who.trim();
  if (!who) throw new SgbotError('E_USAGE', 'Say who makes the correction (the signed-in account).');
  const reason = input.reason?.trim() || undefined;
  if (reason && reason.length > MAX_REASON) throw new SgbotError('E_USAGE', `The reason is ${reason.length} characters long; at most ${MAX_REASON} are accepted.`);
  return { who, reason };
}

/**
 * Add a fact the parser missed (a deadline, the meeting, a side event, the opening time), as a correction of the
 * document: it outlives a second ingest and a new parse, is laid over the parse by the same path as the other
 * corrections (after the parsed facts), is indexed at once (an added deadline is in `/deadlines` of the document's
 * group), audited (`fact.added`), and the document's reminders are planned again (`afterCorrect`). `fact` is what a
 * form posts ({@link checkAddedFact}). Returns the document as now read and the added fact with its stable id.
 *
 * @example await addFact(deps, { docId, fact: { kind: 'deadline', date: '2027-05-02', time: '12:00',
 *   timezone: 'Europe/Zurich', category: 'contributions', action: 'Submit contributions' }, who: 'web:ana@itu.int' })
 * @throws SgbotError E_NOT_FOUND for an unknown document; E_USAGE for input of the wrong form (the message says
 *   what to write), a meeting added where there is one, an event or opening time where there is no meeting, an
 *   opening time where there is one; E_BUSY when the same document is being corrected at that moment.
 */
export async function addFact(deps: CorrectionDeps, input: { docId: string; fact: unknown; who: string; reason?: string }): Promise<{ doc: StoredDocument; added: AddedFactRecord }> {
  const { store } = deps;
  const { who, reason } = whoAndWhy(input);
  const checked = checkAddedFact(input.fact);
  if (checked.error !== undefined) throw new SgbotError('E_USAGE', checked.error);
  const fact = checked.input;
  await documentOf(store, input.docId);

  const { doc, added } = await withDocumentLock(store, input.docId, async () => {
    const before = await documentOf(store, input.docId);
    const meeting = before.parsed.meeting;
    if (fact.kind === 'meeting' && meeting) throw new SgbotError('E_USAGE', `This document already gives a meeting (${meeting.title}); correct its dates or place instead.`);
    if ((fact.kind === 'event' || fact.kind === 'opening') && !meeting) throw new SgbotError('E_USAGE', `This document gives no meeting: add the meeting first, then its ${fact.kind === 'event' ? 'side events' : 'opening time'}.`);
    if (fact.kind === 'opening' && meeting?.startTime) throw new SgbotError('E_USAGE', `The meeting already opens at ${meeting.startTime}; change it in the Meeting correction form (meeting.startTime) instead.`);
    const existing = await store.corrections(before.id);
    const slots = existing.flatMap((c) => (c.added?.kind === 'deadline' ? [c.added.slot] : []));
    const slot = Math.max(FIRST_ADDED_SLOT - 1, ...slots) + 1;
    if (slot > 9999) throw new SgbotError('E_USAGE', 'This document has too many added deadlines already.');
    const record: AddedFactRecord = { ...addedFact(before.parsed, fact, slot), id: `a${randomUUID().replace(/-/g, '').slice(0, 10)}` };
    const correction: Correction = { docId: before.id, field: `added.${record.kind}`, value: describeAdded(record), previous: null, who, at: new Date().toISOString(), added: record, ...(reason ? { reason } : {}) };
    await store.redis.rpush(store.correctionsKey(before.id), JSON.stringify(correction));
    const after = await documentOf(store, before.id);
    await store.reindex(before, after);
    return { doc: after, added: record };
  });

  await afterAddedChange(deps, 'fact.added', doc, added, who, reason);
  return { doc, added };
}

/** Audit an added fact's coming or going (`action`), with what it was, and plan the document's reminders again. */
async function afterAddedChange(deps: CorrectionDeps, action: string, doc: StoredDocument, fact: AddedFactRecord, who: string, reason: string | undefined): Promise<void> {
  await deps.audit.record({
    who,
    action,
    target: doc.id,
    result: 'ok',
    details: { kind: fact.kind, id: fact.id, fact: describeAdded(fact), ...(reason ? { reason } : {}), reference: doc.parsed.reference },
  });
  if (deps.afterCorrect) await deps.afterCorrect(doc.id);
}

/**
 * Take back a fact added with {@link addFact}: its correction is removed, the document re-indexed, the removal
 * audited (`fact.added.removed`, with what it was), and the reminders planned again (an added deadline's reminders
 * stop). Returns the document as now read and the fact removed.
 *
 * @throws SgbotError E_NOT_FOUND for an unknown document or an id that names no fact added to it; E_BUSY.
 */
export async function removeAddedFact(deps: CorrectionDeps, input: { docId: string; id: string; who: string; reason?: string }): Promise<{ doc: StoredDocument; removed: AddedFactRecord }> {
  const { store } = deps;
  const { who, reason } = whoAndWhy(input);
  await documentOf(store, input.docId);
  const { doc, removed } = await withDocumentLock(store, input.docId, async () => {
    const before = await documentOf(store, input.docId);
    const key = store.correctionsKey(before.id);
    const stored = (await store.redis.lrange(key, 0, -1)).map((raw) => ({ raw, c: readStoredOrNull(correctionSchema, raw, `correction of document ${before.id}`) }));
    const found = stored.find(({ c }) => c?.added?.id === input.id);
    const raw = found?.raw;
    const removedFact = found?.c?.added;
    if (!raw || !removedFact) throw new SgbotError('E_NOT_FOUND', `No fact "${input.id}" was added to this document (it may have been removed already).`);
    await store.redis.lrem(key, 1, raw);
    const after = await documentOf(store, before.id);
    await store.reindex(before, after);
    return { doc: after, removed: removedFact };
  });
  await afterAddedChange(deps, 'fact.added.removed', doc, removed, who, reason);
  return { doc, removed };
}

/** The facts added to a document and still there, oldest first, with who added them and when. */
export async function addedFactsOf(store: DocumentStore, docId: string): Promise<Array<{ fact: AddedFactRecord; who: string; at: string; reason?: string }>> {
  return (await store.corrections(docId)).flatMap((c) => (c.added ? [{ fact: c.added, who: c.who, at: c.at, ...(c.reason ? { reason: c.reason } : {}) }] : []));
}

/**
 * All corrections of a document, oldest first (an empty list for a document never corrected). A deadline correction
 * names the deadline's position in the current parse, which differs from the one it was made with when a new parse
 * listed the deadlines in another order.
 */
export async function correctionsOf(store: DocumentStore, docId: string): Promise<Correction[]> {
  const [doc, corrections] = await Promise.all([store.getDocument(docId), store.corrections(docId)]);
  const original = doc?.corrected?.original ?? doc?.parsed;
  if (!original) return corrections;
  return corrections.map((c) => {
    const m = /^deadline\.(\d+)\.(\w+)$/.exec(c.field);
    if (!m) return c;
    const n = deadlinePosition(original, Number(m[1]), c.match);
    return n === null || n === Number(m[1]) ? c : { ...c, field: `deadline.${n}.${m[2] ?? ''}` as CorrectionField };
  });
}

const TOP_LABELS = { group: 'Study group', reference: 'Reference', title: 'Title', date: 'Date of the document' } as const;
const DEADLINE_LABELS = { date: 'date (YYYY-MM-DD)', time: 'time (HH:MM, empty for end of day)', category: 'category', action: 'what to do', removed: 'not a deadline (true/false)' } as const;

/**
 * Which fields of a document can be corrected, with their current values (corrections applied), for a form.
 * Deadlines are numbered by their position in the parser's list, removed ones included (so they can be restored).
 *
 * @example correctableFields(doc)[0] → { field: 'group', label: 'Study group', value: 'SG20' }
 */
export function correctableFields(doc: StoredDocument): Array<{ field: CorrectionField; label: string; value: string | null }> {
  const out: Array<{ field: CorrectionField; label: string; value: string | null }> = [];
  for (const name of ['group', 'reference', 'title', 'date'] as const) {
    out.push({ field: name, label: TOP_LABELS[name], value: currentValue(doc, { kind: 'top', name }) });
  }
  if (doc.parsed.meeting) {
    out.push({ field: 'meeting.start', label: 'Meeting start (YYYY-MM-DD)', value: doc.parsed.meeting.start });
    out.push({ field: 'meeting.end', label: 'Meeting end (YYYY-MM-DD)', value: doc.parsed.meeting.end });
    out.push({ field: 'meeting.place', label: 'Meeting place', value: doc.parsed.meeting.place });
    out.push({ field: 'meeting.startTime', label: 'Meeting opens at (HH:MM)', value: doc.parsed.meeting.startTime ?? null });
  }
  const count = (doc.corrected?.original ?? doc.parsed).deadlines.length;
  for (let n = 0; n < count; n++) {
    const category = currentValue(doc, { kind: 'deadline', n, name: 'category' });
    const title = `Deadline ${n + 1}${category ? ` (${CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category})` : ''}`;
    for (const name of ['date', 'time', 'category', 'action', 'removed'] as const) {
      out.push({ field: `deadline.${n}.${name}`, label: `${title}: ${DEADLINE_LABELS[name]}`, value: currentValue(doc, { kind: 'deadline', n, name }) });
    }
  }
  return out;
}
