/**
 * Corrections of wrongly parsed facts, the pure part: which fields may be corrected, how a value is checked, and how
 * a document's corrections are laid over the parser's result. No I/O; `corrections.ts` stores them and the store
 * applies them whenever it reads or indexes a document, so a correction wins over any later parse of the same text.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { canonicalGroup } from '../core/groups.ts';
import { SgbotError } from '../core/errors.ts';
import { deadlineSchema, meetingInfoSchema } from '../core/records.ts';
import { isValidZone } from '../core/time.ts';
import { DEADLINE_CATEGORIES, type Deadline, type DeadlineCategory, type MeetingInfo, type ParsedDocument } from '../core/types.ts';
import type { CorrectedFacts, StoredDocument } from '../core/facts.ts';

/** A fact that may be corrected: top-level fields, meeting fields, or one deadline (by its index in parsed.deadlines). */
export type CorrectionField =
  | 'group'
  | 'reference'
  | 'title'
  | 'date'
  | 'meeting.start'
  | 'meeting.end'
  | 'meeting.place'
  | 'meeting.startTime'
  | `deadline.${number}.date`
  | `deadline.${number}.time`
  | `deadline.${number}.category`
  | `deadline.${number}.action`
  | `deadline.${number}.removed`
  | AddedField;

/** The field of a correction that adds a missing fact (its `added` says what). */
export type AddedField = `added.${AddedFact['kind']}`;

/**
 * A fact the parser missed, added by the secretariat: a deadline (kept after the parsed ones, at `slot`, 1000 or
 * more, so that its index member `<id>#d<slot>` never meets a parsed deadline's position), the meeting, a side event
 * of the meeting, or the meeting's opening time.
 */
export type AddedFact =
  | { kind: 'deadline'; slot: number; deadline: Deadline }
  | { kind: 'meeting'; meeting: MeetingInfo }
  | { kind: 'event'; event: MeetingInfo }
  | { kind: 'opening'; time: string; timezone: string };

/** An added fact as stored: its stable id (`a` and 10 hex digits) and the fact. */
export type AddedFactRecord = AddedFact & { id: string };

/** Positions of added deadlines start here; parsed deadlines are numbered 0 to 999 at most (see {@link fieldPath}). */
export const FIRST_ADDED_SLOT = 1000;

/**
 * One correction, as stored and audited. `previous` is the value just before it (the parser's value for the first
 * correction of a field).
 *
 * @example { docId: '3f9a…', field: 'deadline.0.date', value: '2027-04-21', previous: '2027-04-14',
 *   who: 'web:secretariat@itu.int', at: '2027-02-03T10:00:00.000Z', reason: 'the letter says 21 April' }
 */
export interface Correction {
  docId: string;
  field: CorrectionField;
  value: string | null;
  previous: string | null;
  who: string;
  at: string;
  reason?: string;
  /**
   * For a deadline field: category and action of the deadline as the parser gave them, so that the correction still
   * finds its deadline when a later parse of the same text lists the deadlines in another order.
   */
  match?: { category: DeadlineCategory; action: string };
  /** For a correction that adds a missing fact (`added.*` fields): the fact. */
  added?: AddedFactRecord;
}

const addedFactRecordSchema: z.ZodType<AddedFactRecord> = z.discriminatedUnion('kind', [
  z.looseObject({ id: z.string(), kind: z.literal('deadline'), slot: z.number().int(), deadline: deadlineSchema }),
  z.looseObject({ id: z.string(), kind: z.literal('meeting'), meeting: meetingInfoSchema }),
  z.looseObject({ id: z.string(), kind: z.literal('event'), event: meetingInfoSchema }),
  z.looseObject({ id: z.string(), kind: z.literal('opening'), time: z.string(), timezone: z.string() }),
]);

/** A correction as kept in Redis, checked when read back. */
export const correctionSchema: z.ZodType<Correction> = z.looseObject({
  docId: z.string(),
  field: z.custom<CorrectionField>((v) => typeof v === 'string' && v.length > 0, 'a field name'),
  value: z.string().nullable(),
  previous: z.string().nullable(),
  who: z.string(),
  at: z.string(),
  reason: z.string().optional(),
  match: z.looseObject({ category: z.enum(DEADLINE_CATEGORIES), action: z.string() }).optional(),
  added: addedFactRecordSchema.optional(),
});

/** Longest free text accepted for a title, reference, place or action. */
const MAX_TEXT = 500;

const TOP = ['group', 'reference', 'title', 'date'] as const;
const MEETING = ['start', 'end', 'place', 'startTime'] as const;
const DEADLINE = ['date', 'time', 'category', 'action', 'removed'] as const;

/** A correction field taken apart. */
export type FieldPath =
  | { kind: 'top'; name: (typeof TOP)[number] }
  | { kind: 'meeting'; name: (typeof MEETING)[number] }
  | { kind: 'deadline'; n: number; name: (typeof DEADLINE)[number] };

const FIELD_FORMS = `${TOP.join(', ')}, ${MEETING.map((m) => `meeting.${m}`).join(', ')}, or deadline.N.${DEADLINE.join('|')} (N counts the parsed deadlines from 0)`;

/**
 * Take a field name apart.
 *
 * @example fieldPath('deadline.2.date') → { kind: 'deadline', n: 2, name: 'date' }
 * @throws SgbotError E_USAGE for a name that is not a correctable field.
 */
export function fieldPath(field: string): FieldPath {
  if ((TOP as readonly string[]).includes(field)) return { kind: 'top', name: field as (typeof TOP)[number] };
  let m = /^meeting\.(start|end|place|startTime)$/.exec(field);
  if (m) return { kind: 'meeting', name: m[1] as (typeof MEETING)[number] };
  m = /^deadline\.(0|[1-9]\d{0,2})\.(date|time|category|action|removed)$/.exec(field);
  if (m) return { kind: 'deadline', n: Number(m[1]), name: m[2] as (typeof DEADLINE)[number] };
  throw new SgbotError('E_USAGE', `"${field}" is not a fact that can be corrected. Correctable fields: ${FIELD_FORMS}.`);
}

function isoDate(field: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid) return value;
  throw new SgbotError('E_USAGE', `"${value}" is not a date for ${field}: write it as YYYY-MM-DD, for example 2027-04-14.`);
}

function text(field: string, value: string): string {
  const t = value.replace(/\s+/g, ' ').trim();
  if (t.length > MAX_TEXT) throw new SgbotError('E_USAGE', `The value of ${field} is ${t.length} characters long; at most ${MAX_TEXT} are accepted.`);
  return t;
}

/**
 * Check and normalise the value of a correction (trimmed; an empty string counts as no value).
 *
 * @example checkValue(fieldPath('deadline.0.time'), '9:30') === '09:30'
 * @example checkValue(fieldPath('group'), 'Study Group 20') === 'SG20'
 * @throws SgbotError E_USAGE saying the expected form: dates YYYY-MM-DD, times HH:MM, a known category or group.
 */
/** `9:30` or `09:30` as `09:30`; anything else is refused, saying how to write it. */
function hhmm(field: string, value: string, orElse: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new SgbotError('E_USAGE', `"${value}" is not a time for ${field}: write it as HH:MM (24-hour, for example 09:30), ${orElse}.`);
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`;
}

export function checkValue(path: FieldPath, raw: string | null): string | null {
  const value = raw === null ? null : raw.trim() || null;
  const field = path.kind === 'top' ? path.name : path.kind === 'meeting' ? `meeting.${path.name}` : `deadline.${path.n}.${path.name}`;
  const required = (what: string): string => {
    if (value === null) throw new SgbotError('E_USAGE', `${field} cannot be empty: give ${what}.`);
    return value;
  };
  if (path.kind === 'top') {
    if (value === null) return null;
    if (path.name === 'date') return isoDate(field, value);
    if (path.name === 'group') {
      const g = canonicalGroup(value);
      if (!g) throw new SgbotError('E_USAGE', `"${value}" is not a known study group: write it as SG20, TSAG or SG12RG-AFR, or leave it empty for none.`);
      return g;
    }
    return text(field, value) || null;
  }
  if (path.kind === 'meeting') {
    if (path.name === 'place') return value === null ? null : text(field, value) || null;
    if (path.name === 'startTime') return value === null ? null : hhmm(field, value, 'or leave it empty when the letter gives none');
    return isoDate(field, required('a date as YYYY-MM-DD'));
  }
  switch (path.name) {
    case 'date':
      return isoDate(field, required('a date as YYYY-MM-DD'));
    case 'time':
      return value === null ? null : hhmm(field, value, 'or leave it empty for the end of the day');
    case 'category': {
      const c = required(`one of ${DEADLINE_CATEGORIES.join(', ')}`);
      if (!(DEADLINE_CATEGORIES as readonly string[]).includes(c)) {
        throw new SgbotError('E_USAGE', `"${c}" is not a deadline category. Use one of: ${DEADLINE_CATEGORIES.join(', ')}.`);
      }
      return c;
    }
    case 'action':
      return text(field, required('what must be done, in words'));
    case 'removed': {
      if (value === null || value === 'false') return 'false';
      if (value === 'true') return 'true';
      throw new SgbotError('E_USAGE', `${field} is "true" (the parser found a deadline that is not one) or "false" (keep it), not "${value}".`);
    }
  }
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
const TIME_FORM = /^([01]\d|2[0-3]):[0-5]\d$/;
const FORMATS = ['in-person', 'hybrid', 'virtual'] as const;

const dateIn = (what: string) =>
  z
    .string({ error: `Give ${what} as YYYY-MM-DD.` })
    .trim()
    .refine((v) => DATE_FORM.test(v) && DateTime.fromISO(v).isValid, { error: (i) => `"${String(i.input)}" is not a date for ${what}: give it as YYYY-MM-DD, for example 2027-04-14.` });
const timeIn = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => TIME_FORM.test(v), { error: (i) => `"${String(i.input)}" is not a time for ${what}: give it as HH:MM, 24-hour, for example 09:30.` });
/** An optional time: empty, absent or `null` (a form checked once already) is none. */
const optionalTime = (what: string) => z.union([z.literal(''), z.null(), timeIn(what)]).optional().transform((v) => v || null);
const zoneIn = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .refine(isValidZone, { error: (i) => `"${String(i.input)}" is not a time zone: choose one from the list (for example Europe/Zurich or UTC).` });
const textIn = (what: string, required: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim())
    .refine((v) => !required || v !== '', { error: `Say ${what}.` })
    .refine((v) => v.length <= MAX_TEXT, { error: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} is longer than ${MAX_TEXT} characters.` });
const groupIn = z
  .string({ error: 'Choose the study group.' })
  .trim()
  .transform((v, ctx) => {
    const g = canonicalGroup(v);
    if (!g) ctx.addIssue({ code: 'custom', message: `"${v}" is not a known study group: write it as SG20, TSAG or SG12RG-AFR.` });
    return g ?? '';
  });

/**
 * What a form posts to add a missing fact, checked (every field a string; unknown fields are ignored). The console's
 * route parses the form with it and {@link addFact} checks again, so both refuse the same input with the same words;
 * what it gives reads again as itself (an empty optional field becomes `null`, and `null` is taken).
 *
 * @example addedFactInput.parse({ kind: 'deadline', date: '2027-05-02', time: '', timezone: 'Europe/Zurich',
 *   category: 'contributions', action: 'Submit contributions' })
 */
export const addedFactInput = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('deadline'),
        date: dateIn('the date of the deadline'),
        time: optionalTime('the deadline'),
        timezone: zoneIn,
        category: z.enum(DEADLINE_CATEGORIES, { error: `Choose the kind of deadline: one of ${DEADLINE_CATEGORIES.join(', ')}.` }),
        action: textIn('what is due', true),
      }),
      z.object({
        kind: z.literal('meeting'),
        group: groupIn,
        title: textIn('the title of the meeting', false),
        start: dateIn('the first day of the meeting'),
        end: dateIn('the last day of the meeting'),
        place: textIn('the place', false),
        startTime: optionalTime('the opening'),
        timezone: zoneIn,
        format: z.enum(FORMATS, { error: 'Say whether the meeting is in person, hybrid or virtual.' }).optional(),
      }),
      z.object({
        kind: z.literal('event'),
        title: textIn('what the side event or briefing is', true),
        start: dateIn('the day of the side event'),
        end: z.union([z.literal(''), z.null(), dateIn('the last day of the side event')]).optional().transform((v) => v || null),
        startTime: optionalTime('the start of the side event'),
        endTime: optionalTime('the end of the side event'),
        timezone: zoneIn,
        place: textIn('the place', false),
      }),
      z.object({ kind: z.literal('opening'), time: timeIn('the opening'), timezone: zoneIn }),
    ],
    { error: 'Say which fact to add: a deadline, a meeting, a side event or an opening time.' },
  )
  .superRefine((v, ctx) => {
    const end = v.kind === 'meeting' ? v.end : v.kind === 'event' ? v.end : null;
    if ((v.kind === 'meeting' || v.kind === 'event') && end && end < v.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `The ${v.kind === 'meeting' ? 'meeting' : 'side event'} would end (${end}) before it starts (${v.start}).` });
    }
  });

/** A checked form, as {@link addedFactInput} gives it. */
export type AddedFactInput = z.infer<typeof addedFactInput>;

/**
 * Check what a form posts to add a fact: the input, or the first problem in words.
 *
 * @example checkAddedFact({ kind: 'opening', time: '25:00', timezone: 'UTC' }) → { error: '"25:00" is not a time…' }
 */
export function checkAddedFact(raw: unknown): { input: AddedFactInput; error?: never } | { input?: never; error: string } {
  const r = addedFactInput.safeParse(raw);
  if (r.success) return { input: r.data };
  return { error: r.error.issues[0]?.message ?? 'The form is not complete.' };
}

/**
 * The fact `input` adds to `doc`'s parse (`parsed`: corrections applied): a deadline at `slot`; a meeting titled
 * "<group> meeting" when no title is given; a side event of the document's meeting group.
 */
export function addedFact(parsed: ParsedDocument, input: AddedFactInput, slot: number): AddedFact {
  switch (input.kind) {
    case 'deadline':
      return { kind: 'deadline', slot, deadline: { date: input.date, time: input.time, timezone: input.timezone, action: input.action, category: input.category, derived: false } };
    case 'meeting': {
      const meeting: MeetingInfo = { group: input.group, title: input.title || `${input.group} meeting`, start: input.start, end: input.end, place: input.place || null, startTime: input.startTime, timezone: input.timezone };
      if (input.format) meeting.format = input.format;
      return { kind: 'meeting', meeting };
    }
    case 'event':
      return {
        kind: 'event',
        event: { group: parsed.meeting?.group ?? parsed.group, title: input.title, start: input.start, end: input.end ?? input.start, place: input.place || null, startTime: input.startTime, endTime: input.endTime, timezone: input.timezone },
      };
    case 'opening':
      return { kind: 'opening', time: input.time, timezone: input.timezone };
  }
}

/** An added fact in words, for the audit log and the corrections list: "2027-05-02 23:59 Europe/Zurich, contributions: Submit …". */
export function describeAdded(f: AddedFact): string {
  const at = (date: string, time: string | null | undefined, zone: string | null | undefined) => `${date}${time ? ` ${time}` : ''}${zone ? ` ${zone}` : ''}`;
  switch (f.kind) {
    case 'deadline':
      return `${at(f.deadline.date, f.deadline.time, f.deadline.timezone)}, ${f.deadline.category}: ${f.deadline.action}`;
    case 'meeting':
      return `${f.meeting.title}, ${f.meeting.start} to ${f.meeting.end}${f.meeting.startTime ? `, opening ${f.meeting.startTime} ${f.meeting.timezone ?? ''}`.trimEnd() : ''}${f.meeting.place ? `, ${f.meeting.place}` : ''}${f.meeting.format ? ` (${f.meeting.format})` : ''}`;
    case 'event':
      return `${f.event.title}, ${at(f.event.start, f.event.startTime, f.event.startTime ? f.event.timezone : null)}${f.event.end !== f.event.start ? ` to ${f.event.end}` : ''}${f.event.place ? `, ${f.event.place}` : ''}`;
    case 'opening':
      return `opening at ${f.time} ${f.timezone}`;
  }
}

/**
 * Lay one added fact over `parsed` (corrections so far applied). Added deadlines are returned, to go after the
 * parsed ones; an added meeting takes the meeting's place (the secretariat's word wins over a later parse that finds
 * one); a side event goes after the parsed ones; an opening time is set on the meeting, and skipped when there is
 * none. Returns whether it applied.
 */
function applyAdded(parsed: ParsedDocument, f: AddedFact, deadlines: Array<{ slot: number; deadline: Deadline }>): boolean {
  if (f.kind === 'deadline') deadlines.push({ slot: f.slot, deadline: structuredClone(f.deadline) });
  else if (f.kind === 'meeting') parsed.meeting = structuredClone(f.meeting);
  else if (f.kind === 'event') parsed.events.push(structuredClone(f.event));
  else {
    if (!parsed.meeting) return false;
    parsed.meeting.startTime = f.time;
    parsed.meeting.timezone = f.timezone;
  }
  return true;
}

/**
 * The position in `original.deadlines` a deadline correction applies to, or `null` when no deadline there is the one
 * it was made for (a later parse found other deadlines). Tried in turn: the same position with the same category and
 * action; the only deadline with that category and action; the same position with the same category.
 */
export function deadlinePosition(original: ParsedDocument, n: number, match: Correction['match']): number | null {
  const at = original.deadlines[n];
  if (!match) return at ? n : null;
  if (at && at.category === match.category && at.action === match.action) return n;
  const same = original.deadlines.flatMap((d, i) => (d.category === match.category && d.action === match.action ? [i] : []));
  if (same.length === 1) return same[0] ?? null;
  return at && at.category === match.category ? n : null;
}

function setTop(p: ParsedDocument, name: FieldPath & { kind: 'top' }, value: string | null): void {
  if (name.name === 'group') p.group = value;
  else if (name.name === 'reference') p.reference = value;
  else if (name.name === 'title') p.title = value;
  else p.date = value;
}

function setDeadline(d: Deadline, name: (typeof DEADLINE)[number], value: string | null): void {
  if (name === 'date' && value) {
    d.date = value;
    // A date the secretariat gives is stated, no longer computed from a rule of the letter.
    d.derived = false;
  } else if (name === 'time') d.time = value;
  else if (name === 'category' && value) d.category = value as DeadlineCategory;
  else if (name === 'action' && value) d.action = value;
}

/**
 * A document's parse with its corrections laid over it, oldest first (a later correction of a field wins). Removed
 * deadlines leave `parsed.deadlines`; {@link CorrectedFacts.positions} keeps where each remaining one was in the
 * parser's list, so index members and reminder keys stay those of the parse. Corrections that no longer find their
 * deadline or meeting are skipped.
 */
export function applyCorrections(original: ParsedDocument, corrections: readonly Correction[]): { parsed: ParsedDocument; facts: CorrectedFacts } {
  const parsed: ParsedDocument = structuredClone(original);
  const removed = new Set<number>();
  const fields = new Set<string>();
  const added: Array<{ slot: number; deadline: Deadline }> = [];
  for (const c of corrections) {
    if (c.added) {
      if (applyAdded(parsed, c.added, added)) fields.add(`added.${c.added.id}`);
      continue;
    }
    let path: FieldPath;
    try {
      path = fieldPath(c.field);
    } catch {
      continue;
    }
    if (path.kind === 'top') setTop(parsed, path, c.value);
    else if (path.kind === 'meeting') {
      if (!parsed.meeting) continue;
      if (path.name === 'place' || path.name === 'startTime') parsed.meeting[path.name] = c.value;
      else if (c.value) parsed.meeting[path.name] = c.value;
    } else {
      const n = deadlinePosition(original, path.n, c.match);
      const d = n === null ? undefined : parsed.deadlines[n];
      if (n === null || !d) continue;
      if (path.name === 'removed') {
        if (c.value === 'true') removed.add(n);
        else removed.delete(n);
      } else setDeadline(d, path.name, c.value);
      fields.add(`deadline.${n}.${path.name}`);
      continue;
    }
    fields.add(c.field);
  }
  const all = parsed.deadlines;
  const kept = all.flatMap((_, i) => (removed.has(i) ? [] : [i]));
  // Added deadlines come after the parsed ones, at their own slots.
  const positions = [...kept, ...added.map((a) => a.slot)];
  parsed.deadlines = [...kept.map((i) => all[i] as Deadline), ...added.map((a) => a.deadline)];
  return {
    parsed,
    facts: {
      original,
      positions,
      removed: [...removed].sort((a, b) => a - b).map((position) => ({ position, deadline: all[position] as Deadline })),
      fields: [...fields],
    },
  };
}

/** `doc` as read: its corrections applied (`corrected` set), or `doc` itself when it has none. */
export function withCorrections(doc: StoredDocument, corrections: readonly Correction[]): StoredDocument {
  if (corrections.length === 0) return doc;
  const { parsed, facts } = applyCorrections(doc.parsed, corrections);
  return { ...doc, parsed, corrected: facts };
}

/** `doc` as it is kept in Redis: the parser's result, without the corrections laid over it. */
export function withoutCorrections(doc: StoredDocument): StoredDocument {
  if (!doc.corrected) return doc;
  const { corrected, ...rest } = doc;
  return { ...rest, parsed: corrected.original };
}

/** The current value of `path` in a document as read (corrections applied). */
export function currentValue(doc: StoredDocument, path: FieldPath): string | null {
  const p = doc.parsed;
  if (path.kind === 'top') return p[path.name];
  if (path.kind === 'meeting') return p.meeting ? (p.meeting[path.name] ?? null) : null;
  const removed = doc.corrected?.removed.find((r) => r.position === path.n);
  if (path.name === 'removed') return removed ? 'true' : 'false';
  const i = doc.corrected ? doc.corrected.positions.indexOf(path.n) : path.n;
  const d = removed?.deadline ?? (i >= 0 ? p.deadlines[i] : undefined);
  return d ? d[path.name] : null;
}
