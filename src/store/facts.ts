/**
 * The facts a stored document contributes to the answer indexes, each linked to its source document. Pure: turns a
 * {@link StoredDocument} into index entries; the store writes them.
 */
import { DateTime } from 'luxon';
import { ALL_GROUPS_PARTY, groupOfQuestion, groupsOn, parentGroup } from '../core/groups.ts';
import { dueAt } from '../core/time.ts';
import { senderVerified, type Cite, type DeadlineFact, type LiaisonFact, type MeetingFact, type RoleFact, type StoredDocument } from '../core/facts.ts';
import type { Deadline, ParsedDocument } from '../core/types.ts';
import { actingAddressees } from '../parse/liaison.ts';
import { findGroups } from '../parse/groups.ts';
import { bodyKey } from '../parse/meeting.ts';
import { describeDocument } from './titles.ts';

export type { Cite, CorrectedFacts, DeadlineFact, LiaisonFact, MeetingFact, RoleFact, SourceInfo, StoredDocument } from '../core/facts.ts';

/** Position in the parser's list of the `i`-th deadline of `doc.parsed.deadlines` (they differ once one is removed). */
export function deadlinePositionOf(doc: StoredDocument, i: number): number {
  return doc.corrected?.positions[i] ?? i;
}

/** One meeting from the facts of every document that gives it: the letter's facts, with every source listed. */
export function mergeMeetings(facts: readonly MeetingFact[]): MeetingFact[] {
  const out: MeetingFact[] = [];
  const rank = (m: MeetingFact) => (m.authority === 'letter' ? 2 : m.authority === 'mention' ? 0 : m.source.kind === 'collective-letter' || m.source.kind === 'circular' ? 2 : 1);
  for (const m of facts) {
    const same = out.find(
      (o) => (o.question ?? o.group ?? o.title) === (m.question ?? m.group ?? m.title) && o.start <= m.end && m.start <= o.end && Boolean(o.source.unverified) === Boolean(m.source.unverified),
    );
    if (!same) {
      out.push({ ...m, sources: [m.source] });
      continue;
    }
    const sources = [...(same.sources ?? [same.source]), m.source];
    // Side events of every source: the letter's, and the ad hoc sessions TDs announce during the meeting.
    const events = [...same.events];
    for (const e of m.events) if (!events.some((x) => x.start === e.start && x.title.toLowerCase() === e.title.toLowerCase())) events.push(e);
    events.sort((a, b) => a.start.localeCompare(b.start) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
    // A letter cancelling the meeting is one of its sources: the meeting stays listed, marked cancelled.
    same.cancelledBy ??= m.cancelledBy;
    if (rank(m) > rank(same)) {
      // The letter's facts win; what only a mention gives (an opening time) is kept.
      Object.assign(same, { ...m, startTime: m.startTime ?? same.startTime, place: m.place ?? same.place, events, cancelledBy: same.cancelledBy });
    } else {
      same.startTime ??= m.startTime;
      same.place ??= m.place;
      same.events = events;
    }
    same.sources = [...sources].sort((a, b) => Number(b.kind === 'collective-letter' || b.kind === 'circular') - Number(a.kind === 'collective-letter' || a.kind === 'circular'));
  }
  return out;
}

/** One entry of the indexes: a fact stored under `member`, listed in sorted sets with scores. */
export interface IndexEntry {
  member: string;
  fact: DeadlineFact | MeetingFact | RoleFact | LiaisonFact;
  /** [sorted-set name relative to the prefix, score] */
  sets: Array<[string, number]>;
}

/**
 * The reference a document is cited by: an addendum or corrigendum as itself ("Addendum 1 to TSB Collective letter
 * 4/21"), not as the letter it adds to.
 */
export function citedReference(p: Pick<ParsedDocument, 'reference' | 'revision'>): string | null {
  return p.reference && p.revision && /^(?:Addendum|Corrigendum|Erratum)\b/.test(p.revision) ? `${p.revision} to ${p.reference}` : p.reference;
}

/** The citation of `doc`. */
export function citeOf(doc: StoredDocument): Cite {
  const p = doc.parsed;
  const reference = citedReference(p);
  const cite: Cite = { docId: doc.id, reference, title: p.title ?? describeDocument(p, doc.source), kind: p.kind, date: p.date };
  // Fail-closed: only a passed sender check or a vouch counts (src/store/trust.ts); files ingested by hand have none.
  if (!senderVerified(doc.source)) cite.unverified = true;
  return cite;
}

/**
 * Instants of dates and deadlines, remembered: documents repeat the same few days, and luxon's zone arithmetic is
 * most of the time of indexing a document. Bounded: cleared when full.
 */
const instants = new Map<string, number>();
const INSTANTS_MAX = 20_000;

function remembered(key: string, compute: () => number): number {
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size >= INSTANTS_MAX) instants.clear();
    ms = compute();
    instants.set(key, ms);
  }
  return ms;
}

function startMs(iso: string): number {
  return remembered(iso, () => quickDueAt({ date: iso, time: '00:00', timezone: 'Europe/Zurich' }) ?? DateTime.fromISO(iso, { zone: 'Europe/Zurich' }).toMillis());
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Day of the month of the last Sunday of `month` (1–12) of `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * {@link dueAt} without luxon for the zones deadlines are written in: UTC, and Geneva (Europe/Zurich: UTC+1, UTC+2
 * from the last Sunday of March to the last Sunday of October, as since 1996). `null` for anything else — another
 * zone, a year before 1996, a day when the clocks change, a date or time not written plainly — which luxon reads.
 */
export function quickDueAt(d: Pick<Deadline, 'date' | 'time' | 'timezone'>): number | null {
  if (d.timezone !== 'UTC' && d.timezone !== 'Europe/Zurich') return null;
  const date = ISO_DATE.exec(d.date);
  const time = d.time === null ? null : HH_MM.exec(d.time);
  if (!date || (d.time !== null && !time)) return null;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (year < 1996 || year > 2200 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const local = Date.UTC(year, month - 1, day, time ? Number(time[1]) : 23, time ? Number(time[2]) : 59, time ? 0 : 59);
  if (d.timezone === 'UTC') return local;
  const march = lastSunday(year, 3);
  const october = lastSunday(year, 10);
  if ((month === 3 && day === march) || (month === 10 && day === october)) return null;
  const summer = (month > 3 && month < 10) || (month === 3 && day > march) || (month === 10 && day < october);
  return local - (summer ? 2 : 1) * 3_600_000;
}

/** {@link dueAt}, remembered per date, time and zone. */
function dueMs(d: Deadline): number {
  return remembered(`${d.date}\u0000${d.time ?? ''}\u0000${d.timezone}`, () => quickDueAt(d) ?? dueAt(d));
}

/** Who must meet a deadline of a document: groups (with their parents) and Questions; `null` when no ITU-T group must. */
export interface DeadlineAudience {
  group: string | null;
  groups: string[];
  questions: string[];
  /** Whether the deadline holds for the whole group, not only the Questions named (a letter's contribution deadline). */
  groupWide: boolean;
}

/**
 * Who must meet deadline `d` of `p`. A letter's deadlines are its group's (and, for a regional group, its parent's).
 * A liaison's reply deadline belongs to the ITU-T groups asked to act and the Questions named for them: never to
 * the source, nor to those who got it for information. A liaison whose addressees no ITU-T group is among (SG15 to
 * IEEE 802.1) gives none: the source's `ls` shows the reply it expects. Pure.
 */
export function deadlineAudience(p: ParsedDocument, d: Deadline): DeadlineAudience | null {
  if (d.category === 'liaison-reply' && p.kind === 'liaison-statement' && p.liaison) {
    const toAll = actingAddressees(p.liaison).some((a) => a.group === null && ALL_GROUPS_PARTY.test(a.party));
    if (toAll) {
      // "For action to: all ITU-T groups": every group of the time but those it went to only for information.
      const informed = new Set((p.liaison.addressees ?? []).filter((a) => a.purpose === 'information' && a.group).map((a) => a.group));
      const groups = groupsOn(p.date ?? d.date).filter((g) => !informed.has(g) && g !== p.liaison?.from);
      return { group: null, groups, questions: [], groupWide: true };
    }
    const acting = actingAddressees(p.liaison).filter((a) => a.group !== null);
    if (acting.length === 0) {
      // No addressee could be read at all: the document's group, unless that is the source itself.
      const known = (p.liaison.addressees?.length ?? p.liaison.to.length) > 0;
      if (known || !p.group || p.group === p.liaison.from) return null;
      return { group: p.group, groups: [p.group, parentGroup(p.group)].filter(unique), questions: [], groupWide: true };
    }
    const groups = acting.flatMap((a) => [a.group as string, parentGroup(a.group as string)]).filter(unique);
    const questions = acting.flatMap((a) => a.questions).filter(unique);
    return { group: acting[0]?.group ?? null, groups, questions, groupWide: questions.length === 0 };
  }
  // A liaison's other deadlines (contributions to, registration for a meeting) are of its sender's meeting: one from a
  // body outside ITU-T ("contributions to the next WP 5D meeting are due by …") is no ITU-T group's to meet.
  if (p.kind === 'liaison-statement' && p.liaison?.from && !/^(?:TSB|ITU-T)$/i.test(p.liaison.from.trim()) && findGroups(p.liaison.from).length === 0) return { group: null, groups: [], questions: [], groupWide: false };
  const groups = p.group ? [p.group, parentGroup(p.group)].filter(unique) : [];
  // A letter convening one working party, which names the Questions that meet ("Only the Questions of this Working
  // Party (Questions 6/17, 7/17 …) will meet"): its deadlines are those Questions', not every Question's of the group.
  // A rapporteur meeting's notice, or a rapporteur's mail to the experts of Questions ("Dear Q12-14/16 experts"): the
  // deadlines of those Questions.
  const own = p.meeting?.questions ?? (p.meeting?.question ? [p.meeting.question] : (p.addressedTo ?? []));
  const questions = own.length > 0 ? own : p.kind === 'collective-letter' && p.meeting && /^Meeting of Working Party \d{1,2}\/\d{1,2}\b/i.test(p.meeting.title) ? p.questions.map((q) => q.id).filter((q) => p.group !== null && groupOfQuestion(q) === p.group) : [];
  if (questions.length > 0) return { group: p.group, groups, questions, groupWide: false };
  return { group: p.group, groups, questions: [], groupWide: true };
}

function unique<T>(x: T, i: number, all: readonly T[]): boolean {
  return all.indexOf(x) === i;
}

/**
 * Index entries of a document: deadlines (by due time, per group and Question), its meeting (by start, per group),
 * lead roles and the liaison (by date, per party).
 */
export function indexEntries(doc: StoredDocument): IndexEntry[] {
  const p = doc.parsed;
  const cite = citeOf(doc);
  const entries: IndexEntry[] = [];
  p.deadlines.forEach((d, i) => {
    // An answered liaison's reply deadline is met: nobody is asked for it any more.
    if (d.category === 'liaison-reply' && doc.answeredBy) return;
    // The deadlines of a meeting since cancelled no longer apply.
    if (doc.cancelledBy) return;
    const who = deadlineAudience(p, d);
    if (!who) return;
    const n = deadlinePositionOf(doc, i);
    const due = dueMs(d);
    const fact: DeadlineFact = { ...d, source: cite, group: who.group, questions: who.questions, due };
    if (who.groups.length > 1 && d.category === 'liaison-reply') fact.groups = who.groups;
    const sets: Array<[string, number]> = [['dl', due], ...who.groups.map((g): [string, number] => [`dl:g:${g}`, due])];
    for (const q of who.questions) sets.push([`dl:q:${q}`, due]);
    // A Question sees its study group's deadlines that hold for every Question (contributions, registration).
    if (who.groupWide) for (const g of who.groups) sets.push([`dl:gw:${g}`, due]);
    entries.push({ member: `${doc.id}#d${n}`, fact, sets });
  });
  if (p.meeting || p.moreMeetings?.length) {
    const authority = p.kind === 'collective-letter' || p.kind === 'circular' ? 'letter' : 'mention';
    // The main meeting carries the side events; a further meeting of the same letter (another group's) is its own
    // entry, filed under its own group only; a Question's own meeting, under that Question only (its study group's
    // meeting is another). A liaison may name a Question's meeting and no meeting of its own.
    const meetings = p.meeting ? [p.meeting, ...(p.moreMeetings ?? [])] : (p.moreMeetings ?? []);
    meetings.forEach((m, i) => {
      const n = p.meeting ? i : i + 1;
      // A letter is the authority on the meetings ahead of it; one it looks back on ("at its meeting in Geneva from 1 to
      // 10 December 2026") it only mentions.
      const fact: MeetingFact = { ...m, source: cite, events: n === 0 ? p.events : [], authority: p.date && m.end < p.date ? 'mention' : authority };
      if (doc.cancelledBy) fact.cancelledBy = doc.cancelledBy;
      const at = startMs(m.start);
      const own = n === 0 ? (m.group ?? p.group) : m.group;
      const groups = m.question ? [] : [...new Set([...(m.groups ?? []), ...(own ? [own] : [])])];
      const sets: Array<[string, number]> = [['mt', at], ...groups.map((g): [string, number] => [`mt:g:${g}`, at]), ...(m.questions ?? (m.question ? [m.question] : [])).map((q): [string, number] => [`mt:q:${q}`, at])];
      entries.push({ member: n === 0 ? `${doc.id}#m` : `${doc.id}#m${n}`, fact, sets });
    });
  }
  // Another body's meetings (a 3GPP liaison's "Date of Next TSG-RAN2 Meetings"), filed under that body only: the
  // meetings of ITU-T groups are listed apart from them.
  (p.bodyMeetings ?? []).forEach((m, n) => {
    const key = m.body ? bodyKey(m.body) : null;
    if (!key) return;
    const fact: MeetingFact = { ...m, source: cite, events: [], authority: 'mention' };
    entries.push({ member: `${doc.id}#b${n}`, fact, sets: [[`mt:b:${key}`, startMs(m.start)]] });
  });
  // A cancellation letter gives the meeting it cancels, marked so: merged with the letter that announced it, or
  // alone when that letter is not stored.
  if (p.cancels) {
    const m = p.cancels.meeting;
    const at = startMs(m.start);
    const fact: MeetingFact = { ...m, source: cite, events: [], authority: 'letter', cancelledBy: cite };
    const sets: Array<[string, number]> = [['mt', at], ...(m.group ? [[`mt:g:${m.group}`, at] as [string, number]] : [])];
    entries.push({ member: `${doc.id}#c`, fact, sets });
  }
  p.roles.forEach((r, n) => {
    entries.push({ member: `${doc.id}#r${n}`, fact: { source: cite, group: r.group, topic: r.topic }, sets: [['roles', doc.seq]] });
  });
  if (p.kind === 'liaison-statement' && p.liaison) {
    // Listed newest first: by its date; an undated statement with a reply date a little before that date (a statement
    // gives a few weeks to reply); with neither, when it was stored.
    const when = p.date ? startMs(p.date) : p.liaison.deadline ? startMs(p.liaison.deadline) - 45 * 86_400_000 : Date.parse(doc.ingestedAt);
    const parties = new Set<string>([p.group, p.liaison.from, ...p.liaison.to, ...p.liaison.cc].filter((x): x is string => Boolean(x)));
    const sets: Array<[string, number]> = [['ls', when]];
    // A liaison to all ITU-T groups is listed for each of them.
    if ([...p.liaison.to, ...p.liaison.cc].some((x) => ALL_GROUPS_PARTY.test(x))) for (const g of groupsOn(p.date ?? p.liaison.deadline)) parties.add(g);
    for (const party of parties) if (/^(?:SG\d+|TSAG)/.test(party)) sets.push([`ls:g:${parentGroup(party)}`, when]);
    const fact = liaisonFactOf(doc, cite);
    if (fact) entries.push({ member: `${doc.id}#ls`, fact, sets });
  }
  return entries;
}

/** The liaison fact a stored statement gives (as the index holds it), `null` for a document that is none. */
export function liaisonFactOf(doc: StoredDocument, cite: Cite = citeOf(doc)): LiaisonFact | null {
  const p = doc.parsed;
  if (p.kind !== 'liaison-statement' || !p.liaison) return null;
  const fact: LiaisonFact = { source: cite, group: p.group, liaison: p.liaison };
  // The sender's own meetings only ("CT4#86", not the parent plenary "CT#81" a CT4 statement also lists).
  const sender = p.liaison.from ? bodyKey(p.liaison.from) : null;
  const own = sender ? (p.bodyMeetings ?? []).filter((m) => m.body && bodyKey(m.body) === sender) : [];
  if (own.length > 0) fact.senderMeetings = own.slice(0, 3);
  if (doc.answeredBy) fact.answeredBy = doc.answeredBy;
  if (!p.date && doc.source.sentAt) fact.received = doc.source.sentAt.slice(0, 10);
  return fact;
}

/** Rank of a revision marker: none 0, `Rev.N`/`Corrigendum N` N; addenda are overlays and rank 0. */
export function revisionRank(revision: string | null): number {
  const m = /^(?:Rev\.|Corrigendum\s)(\d+)/.exec(revision ?? '');
  return m ? Number(m[1]) : 0;
}
