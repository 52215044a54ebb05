/**
 * Deadlines stated in sentences ("the deadline for replies to this consultation is 2359 hours UTC on 30 April 2026",
 * "Fellowship requests must be received by 31 March 2026 at the latest") and deadlines derived from rules stated in
 * prose, as older letters do ("contributions … at least 12 calendar days before the meeting").
 */
import type { Deadline, DeadlineCategory, DocumentKind } from '../core/types.ts';
import { categorizeHit, type CategoryHit } from './categories.ts';
import { inSections, type DeadlineSection } from './deadline-table.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, minusPeriod, type DateHit } from './dates.ts';
import { allMatches } from './matches.ts';
import { MONTH_PATTERN, squash } from './normalize.ts';

const DATE_AHEAD =
  String.raw`(?:(?:(?:\d{1,3}[:.h]?\d{2})\s*(?:[ap]\.?\s?m\.?|hours|hrs|h)?|\d{1,2}\s*[ap]\.?\s?m\.?)\s*(?:\(?(?:UTC|GMT|CET|CEST|[ECMP][SD]T|Geneva time)\)?)?,?\s*(?:on\s+)?)?(?:[A-Z][a-z]+day,?\s+)?` +
  String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_PATTERN}|${MONTH_PATTERN}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})`;
const TRIGGER = new RegExp(
  String.raw`\bdeadlines?\b|\bno later than\b|\bnot later than\b|\bNLT\b|\bat the latest\b|\bdue (?:by|on|date)\b|\b(?:is|are) due\b|\bclosing date\b|` +
    String.raw`\b(?:closes|will close|close on|closing on|cut-off date|last day (?:for|to|of)|last date (?:for|to|of))\b|\b(?:close|closing) of (?:the )?(?:ballot|voting|vote|comments?|comment period|consultation)\b|\bballot clos(?:es|ing)\b|\b(?:comment|review|consultation|ballot|voting|nomination)\s+period\s+(?:ends|will end|expires)\b|\b(?:received|submitted|arriving|sent)\s+after\s+${DATE_AHEAD}|` +
    String.raw`\b(?:by|before|until)\s+(?:the\s+)?${DATE_AHEAD}|\bmust (?:be )?(?:received|submitted|sent|reach)|\bshould (?:be )?(?:received|reach|submitted|sent)|` +
    // "by 5 pm on Tuesday of the Plenary Week (7 March)": the date in brackets after the words of a time or day
    // ("preceded by the Forum for Africa (15 September 2025)" names no time: no deadline).
    String.raw`\b(?:by|before|until)\s+(?=[^.;()]{0,60}(?:\b\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b|\bclose of business\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))[^.;()]{3,60}\(\s*${DATE_AHEAD}(?:,?\s+\d{4})?\s*\)`,
  'i',
);
// A date named a deadline by the words after it: "the 20 October 2008 NesCom submittal deadline".
const DEADLINE_AFTER = /^\s*(?:[\w-]+\s+){0,3}?(?:deadline|cut-?off|closing date)\b/i;
// A meeting on the day: "at the 10 December 2008 IEEE-SA Standards Board meeting".
const AT_MEETING_BEFORE = /\b(?:at|during)\s+the\s*$/i;
const MEETING_AFTER = /^\s*(?:[\w-]+\s+){0,5}?(?:meeting|plenary|session|conference)\b/i;
// A sentence that withdraws deadlines: "The deadlines given in TSB Collective letter 4/2 … no longer apply."
const VOIDED = /\bno longer (?:apply|applies|valid|stands?|in force)\b|\b(?:is|are|has been|have been) (?:hereby )?(?:cancelled|canceled|withdrawn|void|annulled|lifted)\b|\b(?:does|do) not apply\b|\bnot applicable\b/i;
// A liaison's "Deadline:" header field is its reply date, which the liaison's own reader takes: as a word near a date
// in the header run together on one line ("Approval: Agreed … 23 January 2013) Deadline: 31 May 2013"), it makes no
// deadline of the dates beside it.
const HEADER_DEADLINE = /\bDeadline\s*:/gi;
// (Nor is how long a group lives: "SG13 has extended the lifetime of the focus group until 31 December 2016".)
const NOT_A_DEADLINE = /\b(?:will be held|will take place|took place|was held|last meeting|previous meeting|held (?:from|on|in)|information received by|life-?time|mandate (?:of|until|runs)|term of office|(?:scheduled|planned|due|expected) to take place|to be held)\b/i;
// A date by which the secretariat, not the reader, does something: "The draft agenda will be posted by 1 April".
const SECRETARIAT_ACTS = /\b(?:will|shall) be (?:posted|published|made available|available|sent out|distributed|issued|announced|circulated|uploaded)\b|\b(?:TSB|ITU|the secretariat) will (?:post|publish|send|issue|announce|circulate|inform)\b/i;
// A date that is being replaced, or one in the past tense: "instead of 3 March 2027", "the deadline was 3 March 2024".
const OLD_DATE = /\b(?:instead of|rather than|in place of|replacing|replaces|originally|previously|formerly|initially|earlier|(?:was|were|had been)(?: (?:set|due|fixed|announced))?(?: (?:for|on|as|to))?|expired(?: on)?|closed(?: on)?|from)\s*(?:the\s+)?\(?$/i;
// A sentence that moves a deadline: a range in it ("from 3 March 2027 to 10 March 2027") ends on the new date.
const CHANGE = /\b(?:extended|changed|moved|postponed|deferred|brought forward|advanced|amended|revised|shifted|rescheduled|replaced)\b/i;
// A sentence whose subject is only a pronoun or a bare noun is about what the sentence before it said:
// "Fellowships … may be granted. Applications must reach TSB by 29 August 2011."
const ANAPHORIC = /^\s*(?:\d{1,2}\.?\s+)?(?:(?:the|these|such|all|completed|any|this)\s+)?(?:applications?|requests?|forms?|nominations?|candidatures?|they|these|such)\b/i;

/** Dates of one sentence looked at, and deadlines one sentence sets: real sentences state a handful. */
const MAX_SENTENCE_DATES = 100;
const MAX_SENTENCE_DEADLINES = 20;
/** Characters of a sentence or clause its category is read from (see {@link head}). */
const CATEGORY_REACH = 2000;

// A sentence ends at ". " before a capital, digit, quote or bullet, or at a line break; "itu.int" or "Y.4241" do not
// end one, and neither do abbreviations ("Res. 99", "No. 196", "e.g. SG17").
// A list mail's "///" between items ("/// Registration of the document: by … /// Distribution of …") ends one too.
const SENTENCE_END = /[.!?;][ \t]+(?=[A-Z0-9("'\u2022\u00B7-])|\n|[ \t]*\/{3,}[ \t]*/g;

// What a wrapped line's continuation starts with: a word or a number, not a blank line, a tab, a bullet or a dash.
const WRAPPED_ON = /^[ ]?[\p{L}\d("'“]/u;

/** A sentence of a text and its offset in it. */
export interface Sentence {
  readonly text: string;
  readonly index: number;
}

// parseDocument asks for the sentences of one text four times (prose deadlines, rules, meeting, events).
let lastText: string | null = null;
let lastSentences: readonly Sentence[] = [];

/** Split a text into sentences, keeping line breaks as sentence ends (list items are sentences too). */
// A line that is a date and little else: "29th August 2013", "Thursday, 12 March 2004", "2013-08-29".
const DATE_ALONE = /^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b[^\n]{0,30}$/;

export function sentences(text: string): readonly Sentence[] {
  if (text !== lastText) {
    lastSentences = splitSentences(text);
    lastText = text;
  }
  return lastSentences;
}

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let lineStart = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m[0] === '\n') {
      const line = text.slice(lineStart, m.index);
      lineStart = m.index + 1;
      // A mail wrapped at 72 columns goes on with its sentence on the next line: a long line that ends without a
      // stop, followed by text that is no list item or table row.
      // A line ending in a comma goes on too, however short: "CLOSING OF BALLOT: Thursday, October 2, 2008," / "at 2300 AoE".
      if ((line.trim().length >= 60 && !/[.!?:;]\s*$/.test(line)) || /,\s*$/.test(line)) {
        if (WRAPPED_ON.test(text.slice(m.index + 1, m.index + 3))) continue;
      }
      // A sentence ending in a colon with its date alone on the next line: "The closing date of this ballot is:" /
      // "29th August 2013" (not a heading over a table of dates: "Key deadlines:").
      if (/\b(?:is|are|will be|by|on|until|before)\s*:\s*$/i.test(line) && DATE_ALONE.test(text.slice(m.index + 1, m.index + 80).split('\n')[0] ?? '')) continue;
    }
    // The sentence ends before the blanks after its stop, or before the line break.
    const chunk = text.slice(start, m[0] === '\n' ? m.index : m.index + 1);
    if (m[0] !== '\n' && /\b(?:No|Res|Rev|Rec|Doc|e\.g|i\.e|Mr|Ms|Dr|Vol|Art|para|cf|Ref|Tel|approx)\.$/i.test(chunk)) continue;
    if (chunk.trim()) out.push({ text: chunk, index: start });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), index: start });
  return out;
}

// Labels that head practical-information paragraphs ("VISA SUPPORT:", "FELLOWSHIPS:", "VISAS\tRequest the…") and
// numbered section headings on a line of their own ("6   Fellowships"): the nearest one before `index`.
const PARAGRAPH_LABEL = /(?:^|\n)[ \t]*(?:([A-Z][A-Z ,&/-]{3,60})(?::|\t)|\d{1,2}\.?[ \t]+([A-Z][A-Za-z ,&/-]{2,40}?)[ \t]*(?=\n))/g;

function paragraphLabel(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 1500), index);
  const labels = allMatches(PARAGRAPH_LABEL, before);
  const last = labels.at(-1);
  return last?.[1] ?? last?.[2] ?? '';
}

// The sentence just before `i` when both belong to one paragraph (no blank line, no new numbered paragraph between).
function previousInParagraph(text: string, all: readonly Sentence[], i: number): string | null {
  const cur = all[i];
  const prev = all[i - 1];
  if (!cur || !prev) return null;
  if (/\n[ \t]*\n/.test(text.slice(prev.index + prev.text.length, cur.index)) || /^\s*\d{1,2}\.?\s/.test(cur.text)) return null;
  return prev.text;
}

// The clause of a sentence that holds one of its several dates: "the deadline of 3 March 2027 for contributions
// and that of 1 March 2027 for pre-registration" gives each date its own words.
const CLAUSE_END = /[;,]\s*|\s(?:and|while|whereas)\s/g;

/**
 * The clauses of one sentence, found once: {@link Clauses.of} gives the clause of each date hit (the sentence itself
 * when its clause names no category) without reading the sentence again per date.
 */
class Clauses {
  private readonly ends: Array<{ at: number; next: number }>;
  private readonly named = new Map<number, boolean>();

  constructor(private readonly sentence: string) {
    this.ends = allMatches(CLAUSE_END, sentence).map((m) => ({ at: m.index, next: m.index + m[0].length }));
  }

  of(hit: DateHit): string {
    // The first clause end at or after the end of the date (binary search), and the clause before it.
    const stop = hit.index + hit.text.length;
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid]?.at ?? 0) >= stop) hi = mid;
      else lo = mid + 1;
    }
    const start = lo > 0 ? (this.ends[lo - 1]?.next ?? 0) : 0;
    const end = this.ends[lo]?.at ?? this.sentence.length;
    let named = this.named.get(start);
    const clause = this.sentence.slice(start, end);
    if (named === undefined) {
      named = categorizeHit(head(clause)).category !== 'other';
      this.named.set(start, named);
    }
    return named ? clause : this.sentence;
  }
}

/**
 * The words a category is read from: at most the first {@link CATEGORY_REACH} characters. The category patterns
 * look for one word after another ("liaison … reply"), which costs time quadratic in the length of a line full
 * of the first word; no real sentence needs more to name what it asks for.
 */
function head(words: string): string {
  return words.length > CATEGORY_REACH ? words.slice(0, CATEGORY_REACH) : words;
}

function categoryIn(kind: DocumentKind, words: string, label: string, previous: string | null, sentence = words): DeadlineCategory {
  const own = categorizeHit(head(words));
  const ctx: CategoryHit | null = previous !== null && ANAPHORIC.test(sentence) ? categorizeHit(head(previous)) : null;
  const fromLabel = categorizeHit(label);
  let category: DeadlineCategory = own.category;
  if (!own.strong) {
    // The sentence before decides only what this one leaves open ("Applications … on the form in Annex 2").
    if (ctx?.strong && (own.category === 'other' || own.category === 'consultation-reply')) category = ctx.category;
    else if (fromLabel.strong) category = fromLabel.category;
    else if (own.category === 'other') category = ctx && ctx.category !== 'other' ? ctx.category : fromLabel.category === 'registration' ? 'other' : fromLabel.category;
  }
  if (category === 'other' && kind === 'liaison-statement') return 'liaison-reply';
  if (category === 'other' && /\b(?:repl|respon|answer|feedback|comments?\b|views)/i.test(sentence)) {
    category = kind === 'liaison-statement' ? 'liaison-reply' : kind === 'circular' ? 'consultation-reply' : 'other';
  }
  return category;
}

// Words that make the date after them a start: "opens 12:59 PM ET Wednesday September 6th", "registration opens on".
const OPENS = /\b(?:opens|will open|opening(?: on)?|starts|will start|begins|will begin|commences)\b[^.;]{0,40}$/i;

// The date a deadline sentence sets from one date hit, or `null`: a range counts only when the sentence moves a
// deadline ("extended from 3 March 2027 to 10 March 2027") or keeps something open until its end.
function deadlineDate(clean: string, hit: DateHit, changes: boolean): string | null {
  if (hit.start !== hit.end) return changes || /\b(?:until|till)\b/i.test(hit.text) ? hit.end : null;
  return OLD_DATE.test(clean.slice(Math.max(0, hit.index - 40), hit.index)) ? null : hit.start;
}

/**
 * Deadlines stated in sentences anywhere in `text` except inside `skip` (the key-deadlines tables).
 */
export function parseProseDeadlines(text: string, kind: DocumentKind, skip: readonly DeadlineSection[]): Deadline[] {
  const out: Deadline[] = [];
  const all = sentences(text);
  let years: Years | undefined;
  all.forEach((s, i) => {
    if (inSections(skip, s.index)) return;
    // Every date has digits (a year at least): a sentence without one sets no deadline.
    if (!/\d/.test(s.text) || !TRIGGER.test(s.text) || VOIDED.test(s.text)) return;
    // (Without the paragraph's number before it: "3 The deadline for abstracts …".)
    const clean = squash(s.text).replace(/^\d{1,2}(?:\.\d{1,2})*\s+(?=\p{Lu})/u, '');
    // A line that goes on from the one before ("… extended the lifetime of the focus group / until 31 December 2016"):
    // what that one says of it holds.
    if (/^(?:until|till)\b/i.test(clean) && i > 0 && continuesLifetime(squash(all[i - 1]?.text ?? ''))) return;
    // A sentence states a few dates; the rest of a line of thousands is not read (each costs a look around it).
    let hits = findDates(clean, MAX_SENTENCE_DATES);
    // "by 23:59 UTC, 30 October": a date without its year, in a text whose other dates give it.
    if (hits.length === 0) hits = yearlessDates(clean, (years ??= yearsOf(text)));
    // What holds for the whole sentence is read once, not once per date in it.
    const changes = CHANGE.test(clean);
    const reach = changes ? 160 : 80;
    const clauses = hits.length > 1 ? new Clauses(clean) : null;
    let whole: { label: string; previous: string | null; secretariat: boolean; zone: string } | null = null;
    let found = 0;
    for (const hit of hits) {
      // The trigger must stand near this date (within the 80 characters before it, or "at the latest" after it; 160
      // in a sentence that moves a deadline: "the deadline for … has been extended from … to …"), and no meeting
      // announcement between them.
      const near = clean.slice(Math.max(0, hit.index - reach), hit.index + hit.text.length + 20);
      // "by the 20 October 2008 NesCom submittal deadline": the word after the date, a few words on.
      const namedAfter = DEADLINE_AFTER.test(clean.slice(hit.index + hit.text.length, hit.index + hit.text.length + 50));
      if ((!TRIGGER.test(kind === 'liaison-statement' ? near.replace(HEADER_DEADLINE, ' ') : near) && !namedAfter) || NOT_A_DEADLINE.test(near)) continue;
      // "… at the 10 December 2008 IEEE-SA Standards Board meeting": a meeting's day, whatever deadline precedes it.
      if (AT_MEETING_BEFORE.test(clean.slice(Math.max(0, hit.index - 12), hit.index)) && MEETING_AFTER.test(clean.slice(hit.index + hit.text.length, hit.index + hit.text.length + 60))) continue;
      // "This ballot opens 12:59 PM ET Wednesday September 6th, 2006 and closes … no later than …": when it opens is
      // no deadline, though the word for its close follows.
      const lead = clean.slice(Math.max(0, hit.index - 50), hit.index);
      if (OPENS.test(lead) && !TRIGGER.test(lead)) continue;
      const date = deadlineDate(clean, hit, changes);
      if (!date) continue;
      whole ??= {
        label: paragraphLabel(text, s.index),
        previous: previousInParagraph(text, all, i),
        secretariat: SECRETARIAT_ACTS.test(clean),
        zone: findZone(clean) ?? GENEVA_ZONE,
      };
      const category = categoryIn(kind, clauses ? clauses.of(hit) : clean, whole.label, whole.previous, clean);
      if (category === 'other' && whole.secretariat) continue;
      const time = findTime(clean.slice(Math.max(0, hit.index - 40), hit.index + hit.text.length + 30));
      out.push({
        date,
        time: time?.start ?? null,
        timezone: whole.zone,
        action: (changes && movedAction(clean, date)) || (clean.length > 240 ? `${clean.slice(0, 237)}...` : clean),
        category,
        derived: false,
      });
      if (++found >= MAX_SENTENCE_DEADLINES) break;
    }
  });
  return out;
}

// "the deadline for the submission of contributions … has been extended from 25 August 2027 to 1 September 2027".
const MOVED_FROM = /\bdeadline (?:for|of) (?:the )?(?<what>[^.;]{5,120}?)\s+(?:(?:has|have|had|is|was|are|were)\s+(?:been\s+)?)?(?<how>extended|changed|moved|postponed|deferred|brought forward|advanced|rescheduled)\s+from\s+(?<from>[^.;]{4,40}?)\s+(?:to|until|till)\b/gi;

/**
 * What a sentence that moves a deadline to `date` asks, and from when it was moved: "Submission of … (extended from
 * 25 August 2027)"; of a sentence moving two, the clause whose new date is `date`.
 */
function movedAction(sentence: string, date: string): string | null {
  for (const m of sentence.matchAll(MOVED_FROM)) {
    const to = findDates(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40))[0];
    if (!m.groups || to?.start !== date) continue;
    const what = m.groups['what'] as string;
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} (${(m.groups['how'] as string).toLowerCase()} from ${m.groups['from'] as string})`;
  }
  return null;
}

/** A line that a group's lifetime runs on from ("… extended the lifetime of the focus group" / "until …"): no stop ends it. */
function continuesLifetime(previous: string): boolean {
  return !/[.!?:;]\s*$/.test(previous) && /\b(?:life-?time|mandate|term of office)\b/i.test(previous.slice(-160));
}

// A month written just before a year: "at the November, 2006 plenary".
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH_PATTERN}\.?,?\s*$`, 'i');

/** What a text says of the years of its dates, read once per document and only when a date without a year needs it. */
interface Years {
  /** The first full date (ISO), or the 1st of January of the one year the text names when it has no full date. */
  after: string | null;
  /** The years the text writes each day with ("6 July 2015" → `07-06` → 2015), for a day it also writes without. */
  byDay: Map<string, Set<string>>;
  /** `after` is only the one year the text names, no day of it: a day without a year is in that year. */
  yearOnly?: boolean;
}

function yearsOf(text: string): Years {
  const head = text.slice(0, 20_000);
  const full = findDates(head, MAX_SENTENCE_DATES);
  const byDay = new Map<string, Set<string>>();
  for (const d of full) {
    const day = d.start.slice(5);
    const set = byDay.get(day) ?? new Set<string>();
    set.add(d.start.slice(0, 4));
    byDay.set(day, set);
  }
  if (full[0]) return { after: full[0].start, byDay };
  // No full date: "Kaleidoscope 2022 … The deadline for submissions is 20 June" is 2022's when that is its only year.
  // A year with its month ("at the November, 2006 plenary") names a time of its own, not the text's year.
  const named = new Set([...head.matchAll(/(?<![\d./-])(?:19|20)\d{2}(?![\d./-])/g)].filter((m) => !MONTH_BEFORE.test(head.slice(Math.max(0, m.index - 16), m.index))).map((m) => m[0]));
  return { after: named.size === 1 ? `${[...named][0]}-01-01` : null, byDay, yearOnly: true };
}

const YEARLESS = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_PATTERN})\b(?!\s*,?\s*\d{4})|\b(${MONTH_PATTERN})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})`, 'gi');
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// "Friday, 26 February", "Fri 26 Feb", "Tuesday 7th April": the weekday just before the day.
const WEEKDAY_BEFORE = /\b(Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*(?:the\s+)?$/i;
// "26 February (Friday)": the weekday just after it.
const WEEKDAY_AFTER = /^[^()]{3,20}\(\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s*\)/i;
const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * Dates written without a year in `sentence` ("30 October", "November 2"), each given the year the text writes the
 * same day with elsewhere ("Submit by July 6" and "Deadline: 6 July 2015"), else the year that puts it on or after
 * the text's first full date and nearest to it; none when the text has no year to go by.
 */
function yearlessDates(sentence: string, years: Years): DateHit[] {
  const after = years.after;
  if (!after) return [];
  const out: DateHit[] = [];
  for (const m of allMatches(YEARLESS, sentence)) {
    const day = Number(m[1] ?? m[4]);
    const month = MONTH_NUMBER[(m[2] ?? m[3] ?? '').slice(0, 3).toLowerCase()];
    if (!month || day < 1 || day > 31) continue;
    const base = Number(after.slice(0, 4));
    const iso = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const written = years.byDay.get(iso(base).slice(5));
    // The weekday written with it ("Friday, 26 February") keeps only the years where the day falls so.
    const weekday = WEEKDAY_BEFORE.exec(sentence.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? WEEKDAY_AFTER.exec(sentence.slice(m.index, m.index + m[0].length + 14))?.[1];
    const want = weekday ? WEEKDAYS.indexOf(weekday.slice(0, 3).toLowerCase()) : -1;
    const fits = (y: number) => !Number.isNaN(Date.parse(iso(y))) && (want < 0 || new Date(`${iso(y)}T12:00:00Z`).getUTCDay() === want);
    let year: number | null = null;
    if (written?.size === 1) year = Number([...written][0]);
    else if (years.yearOnly) year = fits(base) ? base : null;
    else {
      // The year that puts the day nearest the text's first full date, before or after it: a deadline ahead of the
      // meeting a letter announces is the meeting's year, not the next.
      const distance = (y: number) => Math.abs(Date.parse(iso(y)) - Date.parse(after));
      year = [base - 1, base, base + 1].filter(fits).sort((a, b) => distance(a) - distance(b))[0] ?? null;
    }
    if (year === null) continue;
    const date = iso(year);
    if (Number.isNaN(Date.parse(date))) continue;
    out.push({ start: date, end: date, index: m.index, text: m[0] });
    if (out.length >= 10) break;
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60,
};

const RULE = new RegExp(
  String.raw`\b(\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\s*(?:\((?:\d{1,3}|[a-z-]{3,12})\)\s*)?(calendar\s+)?(days?|weeks?|months?)\s+` +
    String.raw`(?:before|prior to|ahead of)\s+(?:the\s+)?(?:(?:start|beginning|opening|first day)(?:\s+date)?\s+of\s+(?:the\s+)?)?(?:meeting|event|session)`,
  'i',
);

/**
 * Deadlines derived from rules stated in prose, relative to the meeting start (ISO date). Only recognised
 * categories are derived, and only where the document states no explicit deadline of that category.
 *
 * @example deriveRuleDeadlines('Contributions should reach TSB at least 12 calendar days before the meeting.', '2011-10-10', [])
 *   // [{ date: '2011-09-28', category: 'contributions', derived: true, … }]
 */
export function deriveRuleDeadlines(text: string, meetingStart: string, explicit: readonly Deadline[]): Deadline[] {
  // Sentences are pieces of the text cut at blanks: when the text states no rule, no sentence does.
  if (!/before|prior to|ahead of/i.test(text) || !RULE.test(text)) return [];
  const have = new Set(explicit.map((d) => d.category));
  const out: Deadline[] = [];
  for (const s of sentences(text)) {
    const m = RULE.exec(s.text);
    if (!m?.[1] || !m[3]) continue;
    // (Without the paragraph's number before it: "3 The deadline for abstracts …".)
    const clean = squash(s.text).replace(/^\d{1,2}(?:\.\d{1,2})*\s+(?=\p{Lu})/u, '');
    const category = categoryIn('collective-letter', clean, paragraphLabel(text, s.index), null);
    if (category === 'other' || category === 'consultation-reply' || category === 'liaison-reply' || have.has(category)) continue;
    const amount = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
    const unit = m[3].toLowerCase().startsWith('day') ? 'days' : m[3].toLowerCase().startsWith('week') ? 'weeks' : 'months';
    have.add(category);
    out.push({
      date: minusPeriod(meetingStart, amount, unit),
      time: null,
      timezone: GENEVA_ZONE,
      action: clean.length > 240 ? `${clean.slice(0, 237)}...` : clean,
      category,
      derived: true,
    });
  }
  return out;
}
