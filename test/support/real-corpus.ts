/**
 * The parser scored on test/fixtures/real: public documents of many layouts (ITU-T LS templates old and new, IETF
 * Datatracker pages and mails, 3GPP/ETSI, ISO/IEC and other bodies, letters and circulars), rewritten in the
 * project's words with their layout and facts kept (sources in that folder's SOURCES.md). Each field a document's
 * `.expected.json` states is compared with what `parseDocument` reads.
 *
 * Run as a script for the table: `npx tsx test/support/real-corpus.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalGroup } from '../../src/core/groups.ts';
import type { ParsedDocument } from '../../src/core/types.ts';
import { parseDocument } from '../../src/parse/index.ts';

export const REAL_DIR = join(import.meta.dirname, '../fixtures/real');

interface ExpectedParty {
  party: string;
  questions?: string[];
}

export interface ExpectedReal {
  kind: string;
  group?: string;
  title?: string;
  date?: string;
  liaison?: {
    from: string | null;
    action: ExpectedParty[];
    comment: ExpectedParty[];
    information: ExpectedParty[];
    purpose: string | null;
    deadline: string | null;
    repliesTo: string[];
    senderQuestions?: string[];
  };
  meetings?: Array<{ group?: string; start: string; end: string; place?: string; openingTime?: string; registrationTime?: string }>;
  deadlines?: Array<{ date: string; what: string }>;
}

/** One field's outcome: the document, the field, and what was expected and read. */
export interface FieldResult {
  file: string;
  field: string;
  ok: boolean;
  expected: unknown;
  got: unknown;
}

/** Names of a party compared loosely: case, spaces, "ITU-T", "WG"/"working group" do not matter. */
export function partyKey(party: string): string {
  const g = canonicalGroup(party);
  if (g) return g;
  if (/^ITU-[TRD]$/i.test(party.trim())) return party.trim().toLowerCase();
  return party
    .toLowerCase()
    // "JTC1/SC6" and "JTC 1/SC 6" are one body.
    .replace(/\b(jtc|sc|wg)\s+(?=\d)/g, '$1')
    .replace(/\bitu-[tr]\b|\bwg\b|\bworking group\b|\bthe\b|[()"'.,]/g, ' ')
    .replace(/\bworking party\s*/g, 'wp ')
    .replace(/\bwp\s+(?=\d)/g, 'wp')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two party keys name the same body: equal, or the words of one are all in the other ("ietf rtg" and "ietf routing area rtg"). */
export function sameParty(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.split(' ');
  const y = b.split(' ');
  return x.length > 0 && y.length > 0 && (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w))) && Math.min(x.length, y.length) >= 2;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)];
  const y = [...new Set(b)];
  return x.length === y.length && x.every((p) => y.some((q) => sameParty(p, q))) && y.every((q) => x.some((p) => sameParty(p, q)));
}

/** Titles compared loosely: case, spacing, quotes and dashes do not matter, and one may end where the other goes on. */
export function sameTitle(got: string | null, want: string): boolean {
  const key = (t: string) => t.toLowerCase().replace(/[\s"'\u201c\u201d\u2018\u2019\u2013\u2014_-]+/g, ' ').replace(/[.;:,…]+$/, '').trim();
  const g = key(got ?? '');
  const w = key(want);
  return g.length >= 8 && (g === w || w.startsWith(g) || g.startsWith(w));
}

/** Places compared by the town read: "Geneva, Switzerland" is right for "ITU headquarters, Geneva". */
export function samePlace(got: string | null, want: string): boolean {
  const town = got?.toLowerCase().split(/[,(]/)[0]?.trim() ?? '';
  return town.length >= 3 && want.toLowerCase().includes(town);
}

function refKey(ref: string): string {
  return ref.toLowerCase().replace(/[\s\u2013\u2014_-]+/g, '');
}

export function loadReal(): Array<{ file: string; text: string; expected: ExpectedReal }> {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(REAL_DIR, file), 'utf8'),
      expected: JSON.parse(readFileSync(join(REAL_DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as ExpectedReal,
    }));
}

/** Compare one document; the liaison fields of the must-hold are `from`, `to`, `cc`, `purpose` and `deadline`. */
export function scoreDocument(file: string, got: ParsedDocument, exp: ExpectedReal): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, ok: boolean, expected: unknown, value: unknown) => out.push({ file, field, ok, expected, got: value });
  add('kind', got.kind === exp.kind, exp.kind, got.kind);
  if (exp.title) add('title', sameTitle(got.title, exp.title), exp.title, got.title);
  if (exp.date) add('date', got.date === exp.date, exp.date, got.date);
  const el = exp.liaison;
  if (el) {
    const li = got.liaison;
    const addressees = li?.addressees ?? [];
    const parties = (purposes: string[]) => addressees.filter((a) => purposes.includes(a.purpose)).map((a) => partyKey(a.party));
    add('from', li !== null && sameParty(partyKey(li.from ?? ''), partyKey(el.from ?? '')), el.from, li?.from ?? null);
    const wantTo = [...el.action, ...el.comment].map((p) => partyKey(p.party));
    add('to', sameSet(parties(['action', 'comment']), wantTo), wantTo, parties(['action', 'comment']));
    const wantCc = el.information.map((p) => partyKey(p.party));
    add('cc', sameSet(parties(['information']), wantCc), wantCc, parties(['information']));
    add('purpose', (li?.purpose ?? null) === el.purpose, el.purpose, li?.purpose ?? null);
    add('deadline', (li?.deadline ?? null) === el.deadline, el.deadline, li?.deadline ?? null);
    const wantQ = [...el.action, ...el.comment].flatMap((p) => p.questions ?? []);
    const gotQ = addressees.filter((a) => a.purpose !== 'information').flatMap((a) => a.questions);
    add('actionQuestions', sameSet(gotQ, wantQ), wantQ, gotQ);
    const gotRefs = (li?.repliesTo ?? []).map(refKey);
    const wantRefs = el.repliesTo.map(refKey);
    add('repliesTo', wantRefs.every((r) => gotRefs.some((g) => g.includes(r) || r.includes(g))) && gotRefs.length <= Math.max(wantRefs.length, 0) + 1, el.repliesTo, li?.repliesTo ?? []);
  }
  if (exp.deadlines) {
    const want = [...new Set(exp.deadlines.map((d) => d.date))].sort();
    const have = [...new Set(got.deadlines.map((d) => d.date))].sort();
    // A deadline worked out from a rule the letter states ("two months before the meeting") is marked derived.
    const stated = [...new Set(got.deadlines.filter((d) => !d.derived).map((d) => d.date))].sort();
    add('deadlines.found', want.every((d) => have.includes(d)), want, have);
    // More deadlines on a date than the document gives there is one invented too (a sentence under the table read as a row).
    const perDate = (list: readonly { date: string }[]) => list.reduce((m, d) => m.set(d.date, (m.get(d.date) ?? 0) + 1), new Map<string, number>());
    const wantPer = perDate(exp.deadlines);
    const extra = [...perDate(got.deadlines.filter((d) => !d.derived))].filter(([date, n]) => wantPer.has(date) && n > (wantPer.get(date) ?? 0)).map(([date]) => `${date} (one more than given)`);
    add('deadlines.invented', stated.every((d) => want.includes(d) || d === el?.deadline) && extra.length === 0, want, [...stated, ...extra]);
  } else if (el) {
    // A liaison whose only deadline is its reply deadline.
    const have = [...new Set(got.deadlines.map((d) => d.date))];
    add('deadlines.invented', have.every((d) => d === el.deadline), el.deadline ? [el.deadline] : [], have);
  }
  // A liaison statement mentions meetings; it announces none (the collective letter does).
  // Every meeting the document announces is scored: the first is its main meeting; the others may be further
  // meetings (a letter for two groups) or side events (a workshop the day before).
  if (exp.meetings && exp.kind !== 'liaison-statement') {
    const main = got.meeting ? [got.meeting] : [];
    const all = [...main, ...(got.moreMeetings ?? []), ...got.events];
    exp.meetings.forEach((m, i) => {
      if (!m.start || !m.end) return;
      const announced = i === 0 ? main : all;
      // (Several groups meeting the same days, each its own entry: the one of the group expected.)
      const expectedGroup = canonicalGroup(m.group ?? '');
      const sameDays = announced.filter((a) => a.start === m.start && a.end === m.end);
      const hit = sameDays.find((a) => expectedGroup !== null && (a.group === expectedGroup || (a.groups ?? []).includes(expectedGroup))) ?? sameDays[0] ?? null;
      const seen = hit ?? (i === 0 ? (main[0] ?? null) : null);
      add('meeting.dates', hit !== null, `${m.start}..${m.end}`, announced.length > 0 ? announced.map((a) => `${a.start}..${a.end}`).join(', ') : null);
      if (m.openingTime) add('meeting.opening', seen?.startTime === m.openingTime, m.openingTime, seen?.startTime ?? null);
      if (m.registrationTime) add('meeting.registration', seen?.registrationTime === m.registrationTime, m.registrationTime, seen?.registrationTime ?? null);
      // A side event with no place of its own is held where its meeting is (as /meeting shows it).
      const place = seen?.place ?? (seen && main[0] && seen.start >= main[0].start && seen.end <= main[0].end ? main[0].place : null);
      if (m.place) add('meeting.place', samePlace(place, m.place), m.place, place);
      // A letter for several groups meeting together lists them all in `groups`.
      const group = canonicalGroup(m.group ?? '');
      if (group) add('meeting.group', seen?.group === group || (seen?.groups ?? []).includes(group), m.group, seen?.groups ?? seen?.group ?? null);
    });
  }
  return out;
}

export function scoreAll(): FieldResult[] {
  return loadReal().flatMap(({ file, text, expected }) => scoreDocument(file, parseDocument(text), expected));
}

/** Share of right fields per field name, and over the liaison must-hold fields. */
export function summary(results: readonly FieldResult[]): Record<string, { right: number; total: number }> {
  const out: Record<string, { right: number; total: number }> = {};
  for (const r of results) {
    const s = (out[r.field] ??= { right: 0, total: 0 });
    s.total += 1;
    if (r.ok) s.right += 1;
  }
  const must = results.filter((r) => ['from', 'to', 'cc', 'purpose', 'deadline'].includes(r.field));
  out['liaison (from, to, cc, purpose, deadline)'] = { right: must.filter((r) => r.ok).length, total: must.length };
  return out;
}

/**
 * The layout key of each file from SOURCES.md's table ("L1" ITU-T template … "L6" meeting announcements; see there),
 * by file name without extension.
 */
export function layouts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(REAL_DIR, 'SOURCES.md'), 'utf8').split('\n')) {
    const m = /^\|\s*([\w.-]+)\s*\|\s*(L\d+m?)\b/.exec(line);
    if (m?.[1] && m[2]) out.set(m[1], m[2]);
  }
  return out;
}

/** {@link summary}'s liaison fields (from, to, cc, purpose, deadline) per layout of {@link layouts}. */
export function liaisonByLayout(results: readonly FieldResult[]): Record<string, { right: number; total: number }> {
  const keys = layouts();
  const out: Record<string, { right: number; total: number }> = {};
  for (const r of results) {
    if (!['from', 'to', 'cc', 'purpose', 'deadline'].includes(r.field)) continue;
    const s = (out[keys.get(r.file.replace(/\.txt$/, '')) ?? 'unlisted'] ??= { right: 0, total: 0 });
    s.total += 1;
    if (r.ok) s.right += 1;
  }
  return out;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const results = scoreAll();
  for (const [field, s] of Object.entries(summary(results))) console.log(`${field.padEnd(45)} ${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)}%)`);
  const byLayout = Object.entries(liaisonByLayout(results)).sort(([a], [b]) => a.localeCompare(b));
  for (const [layout, s] of byLayout) console.log(`${`liaison fields, layout ${layout}`.padEnd(45)} ${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)}%)`);
  if (process.argv.includes('--misses')) for (const r of results.filter((x) => !x.ok)) console.log(`${r.file} ${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`);
}
