/**
 * Date ranges in questions: "next week", "this month", "before April", "in May 2026", "between 1 and 15 March",
 * "until end of June", "in the next 10 days". chrono-node finds and reads the dates (day before month, as ITU-T
 * writes them); this module only adds what chrono leaves to its caller: the words around a date that make it a
 * bound ("before", "after", "until"), and the span a date stands for (a day, a week, a month, a year). Everything is
 * read in the reader's zone, relative to the asking instant.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { GROUP_MENTION } from '../src/core/groups.ts';
import { formatSpan } from '../src/core/time.ts';
import { MONTH_PATTERN } from '../src/parse/normalize.ts';

/** A date range: `from` inclusive and `to` exclusive, epoch ms; `null` is open. `words` says it for people. */
export interface DateRange {
  from: number | null;
  to: number | null;
  words: string;
}

/** The asking instant and the reader's zone, against which relative dates are read. */
export interface Clock {
  now: number;
  tz: string;
}

/** Longest text searched for a date: a question is a line, and chrono's work grows with the text. */
const MAX_DATE_TEXT = 300;

/** Words that make a date a bound or a span; read just before what chrono matched. */
const LEAD = /\b(before|after|by|until|till|til|through|up to|since|from|between|in|during|on|within|for|over)\s+(?:the\s+)?$/i;

/** Day, month and year of `date` (a wall-clock Date, as chrono's reference is). */
function ymd(date: Date): { year: number; month: number; day: number } {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Month number (1-12) of an English month name or abbreviation, 0 for none. */
export function monthNumber(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The year of a month named without one: this year's while it lasts, else next year's. */
function yearOfMonth(ref: Date, month: number): number {
  return ref.getMonth() + 1 > month ? ref.getFullYear() + 1 : ref.getFullYear();
}

/** One end (`n`: 1 or 2) of a month range: a day or a part of the month ("mid", "end of"), the month, perhaps its year. */
function monthEnd(n: number): string {
  return String.raw`(?:(?<d${n}>\d{1,2})(?:st|nd|rd|th)?\s+|(?<p${n}>early|mid|middle of|late|(?:the\s+)?end of|(?:the\s+)?beginning of|(?:the\s+)?start of)[- ]?\s*)?(?<m${n}>${MONTH_PATTERN})\.?(?:\s+(?<y${n}>(?:19|20)\d{2}))?`;
}

/** The day a part of a month ("mid", "late", none) starts (`from`) or ends (`to`) on; `last` is the month's last day. */
function partOfMonth(part: string | undefined, side: 'from' | 'to', last: number): number {
  const p = (part ?? '').toLowerCase();
  if (/early|beginning|start/.test(p)) return side === 'from' ? 1 : 10;
  if (/mid/.test(p)) return side === 'from' ? 11 : 20;
  if (/late/.test(p)) return side === 'from' ? 21 : last;
  if (/end/.test(p)) return side === 'from' ? Math.max(1, last - 6) : last;
  return side === 'from' ? 1 : last;
}

const WEEK_OF: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 5 };

const QUARTER_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 4 };

/**
 * chrono's British English reader, with the phrases a delegate uses that it does not know: "the week after next"
 * (the week two weeks from this one), "Q1 2027" and "the first quarter of 2027", "Q1" alone, and "Christmas".
 */
const parser = chrono.en.GB.clone();
/** Years read alone ("in 2026"): chrono's filter of unlikely readings drops any text that is only digits. */
const BARE_YEARS = new WeakSet<chrono.ParsedResult>();
parser.parsers.unshift(
  {
    pattern: () => /(?<![\w])(?:the\s+)?week\s+after\s+next(?![\w])/i,
    extract: (context) => {
      const d = new Date(context.refDate.getTime());
      d.setDate(d.getDate() + 14);
      return ymd(d);
    },
  },
  {
    pattern: () => /(?<![\w/])(?:Q([1-4])|(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+quarter(?:\s+of)?)\s+((?:19|20)\d{2})(?!\d)/i,
    extract: (context, match) => {
      const q = match[1] ? Number(match[1]) : (QUARTER_WORDS[(match[2] ?? '').toLowerCase()] ?? 1);
      const year = Number(match[3]);
      const last = new Date(year, 3 * q, 0);
      return context.createParsingResult(match.index ?? 0, match[0], { year, month: 3 * q - 2, day: 1 }, { year, month: 3 * q, day: last.getDate() });
    },
  },
  {
    // "Q1" with no year: the next first quarter not wholly past (this year's while it lasts).
    pattern: () => /(?<![\w/])(?:Q([1-4])|(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+quarter)(?!\s*(?:of\s+)?(?:19|20)\d{2})(?![\w/])/i,
    extract: (context, match) => {
      const q = match[1] ? Number(match[1]) : (QUARTER_WORDS[(match[2] ?? '').toLowerCase()] ?? 1);
      const ref = context.refDate;
      const year = ref.getMonth() + 1 > 3 * q ? ref.getFullYear() + 1 : ref.getFullYear();
      const last = new Date(year, 3 * q, 0);
      return context.createParsingResult(match.index ?? 0, match[0], { year, month: 3 * q - 2, day: 1 }, { year, month: 3 * q, day: last.getDate() });
    },
  },
  {
    // "feb to mid march", "mid feb to end of march 2027", "1 feb to 10 mar": a range whose ends are months or parts
    // of months. chrono does not join two ranges ("mid feb" is one) into one, nor read "feb" alone as a month.
    pattern: () => new RegExp(String.raw`(?<![\w])${monthEnd(1)}\s+(?:to|until|till|through|[-–])\s+${monthEnd(2)}(?![\w])`, 'i'),
    extract: (context, match) => {
      const g = match.groups ?? {};
      const m1 = monthNumber(g.m1 ?? '');
      const m2 = monthNumber(g.m2 ?? '');
      const y1Given = g.y1 ? Number(g.y1) : null;
      const y2Given = g.y2 ? Number(g.y2) : null;
      const y1 = y1Given ?? (y2Given !== null ? (m2 < m1 ? y2Given - 1 : y2Given) : yearOfMonth(context.refDate, m1));
      const y2 = y2Given ?? (m2 < m1 ? y1 + 1 : y1);
      const last = new Date(y2, m2, 0).getDate();
      const from = g.d1 ? Number(g.d1) : partOfMonth(g.p1, 'from', 31);
      const to = g.d2 ? Number(g.d2) : partOfMonth(g.p2, 'to', last);
      return context.createParsingResult(match.index ?? 0, match[0], { year: y1, month: m1, day: from }, { year: y2, month: m2, day: to });
    },
  },
  {
    // "early March", "mid-Feb", "late May 2027": the first, middle or last ten days or so of the month.
    pattern: () => new RegExp(String.raw`(?<![\w])(early|mid|middle of|late)[- ]?(${MONTH_PATTERN})\.?(?:\s+((?:19|20)\d{2}))?(?![\w])`, 'i'),
    extract: (context, match) => {
      const month = monthNumber(match[2] ?? '');
      const year = match[3] ? Number(match[3]) : yearOfMonth(context.refDate, month);
      const last = new Date(year, month, 0).getDate();
      const part = (match[1] ?? '').toLowerCase();
      const [from, to] = part === 'early' ? [1, 10] : part === 'late' ? [21, last] : [11, 20];
      return context.createParsingResult(match.index ?? 0, match[0], { year, month, day: from }, { year, month, day: to });
    },
  },
  {
    // "the first half of April", "second half of May 2027": days 1-15, or the 16th to the month's end.
    pattern: () => new RegExp(String.raw`(?<![\w])(?:the\s+)?(first|1st|second|2nd|last)\s+half\s+(?:of\s+)?(${MONTH_PATTERN})\.?(?:\s+((?:19|20)\d{2}))?(?![\w])`, 'i'),
    extract: (context, match) => {
      const month = monthNumber(match[2] ?? '');
      const year = match[3] ? Number(match[3]) : yearOfMonth(context.refDate, month);
      const last = new Date(year, month, 0).getDate();
      const [from, to] = /^(?:first|1st)$/i.test(match[1] ?? '') ? [1, 15] : [16, last];
      return context.createParsingResult(match.index ?? 0, match[0], { year, month, day: from }, { year, month, day: to });
    },
  },
  {
    // "the 1st week of jan", "second week of March": days 1-7, 8-14 … of the month; the last week its last seven.
    pattern: () => new RegExp(String.raw`(?<![\w])(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+(?:of|in)\s+(${MONTH_PATTERN})\.?(?:\s+((?:19|20)\d{2}))?(?![\w])`, 'i'),
    extract: (context, match) => {
      const month = monthNumber(match[2] ?? '');
      const year = match[3] ? Number(match[3]) : yearOfMonth(context.refDate, month);
      const last = new Date(year, month, 0).getDate();
      const n = WEEK_OF[(match[1] ?? '').toLowerCase()] ?? 1;
      const [from, to] = n === 5 ? [last - 6, last] : [7 * n - 6, 7 * n];
      return context.createParsingResult(match.index ?? 0, match[0], { year, month, day: from }, { year, month, day: to });
    },
  },
  {
    // "this quarter", "next quarter", "last quarter": the calendar quarter.
    pattern: () => /(?<![\w])(this|next|last|previous)\s+quarter(?![\w])/i,
    extract: (context, match) => {
      const ref = context.refDate;
      const shift = /next/i.test(match[1] ?? '') ? 1 : /this/i.test(match[1] ?? '') ? 0 : -1;
      const q0 = Math.floor(ref.getMonth() / 3) + shift;
      const year = ref.getFullYear() + Math.floor(q0 / 4);
      const q = ((q0 % 4) + 4) % 4;
      const last = new Date(year, 3 * q + 3, 0).getDate();
      return context.createParsingResult(match.index ?? 0, match[0], { year, month: 3 * q + 1, day: 1 }, { year, month: 3 * q + 3, day: last });
    },
  },
  {
    // "in 2026", "during 2027", "before 2027": the whole year (chrono reads a year standing alone as nothing). A year
    // inside a longer date ("May 2026") is read with it: the longer reading wins.
    pattern: () => /(?<=\b(?:in|during|of|for|since|before|after|until|till|by|from|through|throughout|year)\s+)((?:19|20)\d{2})(?![\w/.:-]|\s*[-–]\s*\d)/i,
    extract: (context, match) => {
      const year = Number(match[1]);
      const result = context.createParsingResult(match.index ?? 0, match[0], { year, month: 1, day: 1 }, { year, month: 12, day: 31 });
      BARE_YEARS.add(result);
      return result;
    },
  },
  {
    pattern: () => /(?<![\w])(?:Christmas|x-?mas)(?:\s+(Eve|Day))?(?![\w])/i,
    extract: (context, match) => context.createParsingComponents({ month: 12, day: /eve/i.test(match[1] ?? '') ? 24 : 25 }).imply('year', context.refDate.getFullYear()),
  },
);
parser.refiners = parser.refiners.map((refiner) =>
  refiner.constructor.name === 'UnlikelyFormatFilter'
    ? { refine: (context, results) => { const kept = new Set(refiner.refine(context, results)); return results.filter((r) => kept.has(r) || BARE_YEARS.has(r)); } }
    : refiner,
);

/**
 * `text` as chrono should read it: group names blanked (chrono reads "Q4/20" as 20 April and "study group 20 next
 * week" as 20:00), and "between A and B" written as the "from A to B" chrono reads as a range. Lengths are kept, so
 * offsets are the same in both.
 */
/**
 * "before May", "until May for SG20": chrono reads the month "May" alone (it is also a verb) only after "in" or before
 * ", "; the comma is written in.
 */
function mayAsMonth(text: string): string {
  return text.replace(/\b((?:before|until|till|by|after|through|from|to)\s+May)\b(?!\s*,|\s*\d)\s*/gi, '$1, ');
}

function forChrono(text: string): string {
  return text
    .replace(GROUP_MENTION, (m) => ' '.repeat(m.length))
    // "Jan 10": chrono's British reader takes the number for a year ('10); the day first, same length, it reads a day.
    .replace(new RegExp(String.raw`\b(${MONTH_PATTERN})(\.?)\s+(\d{1,2})(st|nd|rd|th)?\b(?!\s*[:.]\d)`, 'gi'), (_m, month: string, dot: string, day: string, ord = '') => `${day}${ord} ${month}${dot}`)
    // "may/june": a range of months.
    .replace(new RegExp(String.raw`\b(${MONTH_PATTERN})\/(${MONTH_PATTERN})\b`, 'gi'), (_m, a: string, b: string) => `${a}-${b}`)
    .replace(/\bbetween(\s+\S.*?\s)and(\s)/gi, (_m, a: string, b: string) => `from   ${a}to ${b}`)
    // chrono reads "from 1" of "from 1 Jan to 15 Feb" as one o'clock; without the "from" it reads the range.
    .replace(/\bfrom(?=\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?\s+to\s)/gi, '    ')
    // … and "from 1" of "between 1 and 20 July" (read "from 1 to 20 July"), a day before the month both days are of.
    .replace(new RegExp(String.raw`\bfrom(?=\s+\d{1,2}(?:st|nd|rd|th)?\s+to\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_PATTERN})\b)`, 'gi'), '    ')
    // "the end of the year", "end of 2026": the end of that December (chrono reads neither), the same length.
    .replace(/\b(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b/gi, (m) => 'end of December'.padEnd(m.length))
    .replace(/\b(?:the\s+)?end\s+of\s+((?:19|20)\d{2})\b/gi, (m, year: string) => (m.length >= 15 ? `end of Dec ${year}`.padStart(m.length) : `31 Dec ${year}`.padStart(m.length)));
}

/** Numbers that are groups, Questions or working parties, not dates: "SG20", "Q4/20", "WP1/20", "study group 13" ("Q1" alone is a quarter). */
const GROUP_NUMBERS = /\bSG\s?\d{1,2}(?:RG-[A-Z]{2,5})?\b|\b(?:WP|Q)\s?\d{1,2}\/\d{1,2}\b|\bstudy group \d{1,2}\b|\bQuestion \d{1,2}\/\d{1,2}\b|\bWorking Party \d\/\d{1,2}\b/gi;
/** What chrono could read as a date or time: a digit, or the start of a month's, a day's or a relative word. */
const DATE_HINT = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmr|tmrw|yesterday|now|next|last|this|ago|later|week|month|year|day|hour|min|sec|noon|midnight|morning|afternoon|evening|night|weekend|quarter|fortnight|within|past|coming|until|till|before|after|since|from|between|end|beginning|mid|early|late|first|second|third|fourth|fifth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+(?:few|couple)|couple|several|half)/i;

/**
 * The date phrase in `text` and the text without it: "SG20 next week" → `{ when: 'next week', rest: 'SG20 ' }`.
 * `when` is `null` when there is no date; the first date phrase is taken, later ones stay in `rest`.
 */
export function splitWhen(asked: string): { when: string | null; rest: string } {
  if (asked.length > MAX_DATE_TEXT) return { when: null, rest: asked };
  // "after Easter", "before Easter 2027": a day chrono does not know, read by rangeOf as its date.
  const easter = /\b(?:before|after|until|till|since|by|from)\s+Easter(?:\s+(?:Sunday|Monday))?(?:\s+(?:19|20)\d{2})?\b/i.exec(asked);
  if (easter) return { when: easter[0], rest: `${asked.slice(0, easter.index)} ${asked.slice(easter.index + easter[0].length)}` };
  // Most questions name a group and no date ("SG20", "Q4/20"): no word chrono could read, no need to ask it.
  if (!DATE_HINT.test(asked.replace(GROUP_NUMBERS, ' '))) return { when: null, rest: asked };
  const text = mayAsMonth(asked);
  const masked = forChrono(text);
  const found = parser.parse(masked, new Date(Date.UTC(2026, 0, 1)))[0];
  if (!found) return { when: null, rest: asked };
  // The lead as written: "between"/"from" before a range chrono reads without it.
  const lead = LEAD.exec(masked.slice(0, found.index)) ?? LEAD.exec(text.slice(0, found.index));
  const start = lead ? lead.index : found.index;
  const end = found.index + found.text.length;
  return { when: masked.slice(start, end).replace(/\s+/g, ' ').trim(), rest: `${text.slice(0, start)} ${text.slice(end)}` };
}

/** The calendar days `range` covers in zone `tz`, as ISO dates: `from` inclusive, `to` exclusive; `null` is open. */
export function rangeDays(range: Pick<DateRange, 'from' | 'to'>, tz: string): { from: string | null; to: string | null } {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).toISODate() ?? '';
  return { from: range.from === null ? null : day(range.from), to: range.to === null ? null : day(range.to) };
}

/**
 * Whether something due at `due` (epoch ms), on the day `date` its document wrote, falls in `range` read in zone `tz`:
 * its instant does, or its written date is one of the range's days ("30 April, 23:59 UTC" is April's even where it is
 * already 1 May).
 */
export function dueIn(range: Pick<DateRange, 'from' | 'to'>, tz: string, d: { due: number; date: string }): boolean {
  if ((range.from === null || d.due >= range.from) && (range.to === null || d.due < range.to)) return true;
  const days = rangeDays(range, tz);
  return (days.from === null || d.date >= days.from) && (days.to === null || d.date < days.to);
}

/** The reader's wall-clock time as a Date in this process's zone: chrono computes "next week" in local time. */
function localReference(now: number, tz: string): Date {
  const t = DateTime.fromMillis(now, { zone: tz });
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

type Unit = 'instant' | 'day' | 'week' | 'month' | 'year';

/** A date chrono read, as the span it stands for: [start, end) in the reader's zone. */
interface Span {
  start: DateTime;
  end: DateTime;
  unit: Unit;
  /** The year was given (or follows from "next week"), not guessed. */
  yearCertain: boolean;
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, few: 3, couple: 2, 'couple of': 2 };

/** A count of days, weeks …: digits or one of {@link NUMBER_WORDS} ("couple of" before "couple"). */
const COUNT_WORD = String.raw`(?:\d+|${Object.keys(NUMBER_WORDS).sort((x, y) => y.length - x.length).join('|')})`;

/** A window back from now: "the past month", "the last 30 days", "past two weeks", "last 10 days". */
const LOOK_BACK = new RegExp(String.raw`\b(?:(?:the\s+)?past|the\s+last|the\s+previous|last(?=\s+${COUNT_WORD}\s))\s+(?:(${COUNT_WORD})\s+)?(days?|weeks?|months?|years?)\b`, 'i');

const COUNT = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple|few)\s+(?:days?|weeks?|months?|years?)\b/i;

function dayOf(c: chrono.ParsedComponents, tz: string): DateTime {
  return DateTime.fromObject({ year: c.get('year') ?? undefined, month: c.get('month') ?? undefined, day: c.get('day') ?? undefined }, { zone: tz });
}

/** Start of the Sunday-first week of `d`: chrono moves "next week" by Sunday-first weeks. */
function sundayWeek(d: DateTime): DateTime {
  return d.startOf('day').minus({ days: d.weekday % 7 });
}

function spanOf(c: chrono.ParsedComponents, text: string, clock: Clock): Span {
  const today = DateTime.fromMillis(clock.now, { zone: clock.tz }).startOf('day');
  const day = dayOf(c, clock.tz);
  const yearCertain = c.isCertain('year');
  if (c.isCertain('hour')) {
    const at = day.set({ hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 });
    return { start: at, end: at, unit: 'instant', yearCertain };
  }
  if (/\bweeks?\b/i.test(text) && !COUNT.test(text) && !/\bweek\s+(?:of|in)\s/i.test(text)) {
    // "this/next/last week": the ISO week (Monday to Sunday) that many weeks from the reader's.
    const weeks = Math.round(sundayWeek(day).diff(sundayWeek(today), 'weeks').weeks);
    const start = today.startOf('week').plus({ weeks });
    return { start, end: start.plus({ weeks: 1 }), unit: 'week', yearCertain: true };
  }
  if (/\bmonths?\b/i.test(text) && !COUNT.test(text)) {
    const start = day.startOf('month');
    return { start, end: start.plus({ months: 1 }), unit: 'month', yearCertain: true };
  }
  if (/\byears?\b/i.test(text) && !COUNT.test(text)) {
    const start = day.startOf('year');
    return { start, end: start.plus({ years: 1 }), unit: 'year', yearCertain: true };
  }
  if (!c.isCertain('day') && c.isCertain('month')) {
    const start = day.startOf('month');
    return { start, end: start.plus({ months: 1 }), unit: 'month', yearCertain };
  }
  return { start: day.startOf('day'), end: day.startOf('day').plus({ days: 1 }), unit: 'day', yearCertain };
}

/** Easter Sunday of `year` (Gregorian; the anonymous algorithm): month 1–12 and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** `phrase` with "Easter" (Sunday, or Monday) written as its date, of the year named or the asking year. */
function withEaster(phrase: string, clock: Clock): string {
  return phrase.replace(/\bEaster(\s+(?:Sunday|Monday))?(?:\s+((?:19|20)\d{2}))?\b/i, (_m, which: string | undefined, written: string | undefined) => {
    const year = written ? Number(written) : DateTime.fromMillis(clock.now, { zone: clock.tz }).year;
    const { month, day } = easterSunday(year);
    const date = DateTime.fromObject({ year, month, day }).plus({ days: /monday/i.test(which ?? '') ? 1 : 0 });
    return date.toFormat('d LLLL yyyy');
  });
}

/**
 * The range a date phrase means, asked at `clock.now` in `clock.tz`, or `null` when there is no date in it.
 *
 * - a day, week, month or year ("15 March", "next week", "this month", "in May 2026", "next year"): all of it;
 * - "between 1 and 15 March", "from March to May", "now until 15 January": from the start of the first to the end of
 *   the second;
 * - "before April": until the start; "by 20 April", "until end of June": until the end; "after 10 May": from the
 *   end; "since 1 March", "from 1 March": from the start;
 * - "in the next 10 days", "within two weeks": from now to the end of that day.
 *
 * A date without a year ("March") is the next one not wholly past: "in March" asked in December is next March;
 * with `past` (a question in the past tense), the latest one begun: last March.
 *
 * @example rangeOf('next week', { now: <Sun 6 Dec 2026 12:00 in Tokyo>, tz: 'Asia/Tokyo' })
 *   // { from: <Mon 7 Dec 2026 00:00 Tokyo>, to: <Mon 14 Dec 2026 00:00 Tokyo>, words: '7–13 Dec 2026' }
 */
export function rangeOf(phrase: string, clock: Clock, opts: { past?: boolean } = {}): DateRange | null {
  if (phrase.length > MAX_DATE_TEXT) return null;
  // "in the past month", "the last 30 days", "past two weeks": a window up to now (not the calendar's "last month").
  const back = LOOK_BACK.exec(phrase);
  if (back) {
    const n = back[1] ? (NUMBER_WORDS[back[1].toLowerCase()] ?? Number(back[1])) : 1;
    const unit = (back[2] ?? 'day').toLowerCase().replace(/s$/, '') as 'day' | 'week' | 'month' | 'year';
    if (Number.isFinite(n) && n > 0 && n <= 1000) {
      const now = DateTime.fromMillis(clock.now, { zone: clock.tz });
      const from = now.minus({ [`${unit}s`]: n }).startOf('day').toMillis();
      return { from, to: clock.now, words: formatSpan(from, clock.now, clock.tz, clock.now) };
    }
  }
  const masked = forChrono(mayAsMonth(withEaster(phrase, clock)));
  const found = parser.parse(masked, localReference(clock.now, clock.tz))[0];
  if (!found) return null;
  const lead = (LEAD.exec(masked.slice(0, found.index))?.[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const first = spanOf(found.start, found.text, clock);
  const now = DateTime.fromMillis(clock.now, { zone: clock.tz });
  let from: DateTime | null;
  let to: DateTime | null;
  let yearCertain = first.yearCertain;
  if (found.end) {
    const last = spanOf(found.end, found.text, clock);
    yearCertain = first.yearCertain || last.yearCertain;
    from = first.unit === 'instant' ? first.start : first.start;
    to = last.end < from ? last.end.plus({ years: 1 }) : last.end;
    // A span read as one ("mid-Feb", "this quarter") bounded by the word before it: "before mid-Feb" ends where it
    // starts, "by mid-Feb" where it ends, "after" starts at its end.
    if (lead === 'before') [from, to] = [null, from];
    else if (['by', 'until', 'till', 'til', 'through', 'up to'].includes(lead)) from = null;
    else if (lead === 'after') [from, to] = [to, null];
    else if (lead === 'since') to = null;
  } else if (lead === 'before' && !/\bend\s+of\b/i.test(found.text)) [from, to] = [null, first.start];
  // "before the end of March" is "by the end of March": the 31st is still before the end.
  else if (lead === 'before') [from, to] = [null, first.end];
  else if (['by', 'until', 'till', 'til', 'through', 'up to'].includes(lead)) [from, to] = [null, first.end];
  else if (lead === 'after') [from, to] = [first.end, null];
  else if (lead === 'since' || lead === 'from') [from, to] = [first.start, null];
  else if (COUNT.test(found.text) && first.start > now.startOf('day')) [from, to] = [now, first.end];
  // "within the next month", "over the next week": from now for that long, not the calendar month after this one.
  else if ((lead === 'within' || lead === 'over') && /\bnext\s+(?:week|month|year)\b/i.test(found.text)) {
    const unit = /week/i.test(found.text) ? 'weeks' : /month/i.test(found.text) ? 'months' : 'years';
    [from, to] = [now, now.plus({ [unit]: 1 })];
  }
  else [from, to] = [first.start, first.end];
  // Asked in the past tense ("which deadlines did we miss in April"), a month or day without a year is the latest
  // one begun.
  if (opts.past && !yearCertain && from !== null && from > now) {
    from = from.minus({ years: 1 });
    to = to?.minus({ years: 1 }) ?? null;
  }
  // A month or day without a year that is wholly past is next year's ("since 1 December" may well be past).
  else if (!yearCertain && !opts.past && to !== null && to <= now) {
    from = from?.plus({ years: 1 }) ?? null;
    to = to?.plus({ years: 1 }) ?? null;
  }
  const fromMs = from?.toMillis() ?? null;
  const toMs = to?.toMillis() ?? null;
  return { from: fromMs, to: toMs, words: formatSpan(fromMs, toMs, clock.tz, clock.now) };
}
