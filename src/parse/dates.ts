/**
 * Dates and times as ITU-T documents write them. chrono-node finds dates and ranges ("12-21 May 2026",
 * "from 6 to 17 November 2017", "30 November - 4 December 2026"); only hits with an explicit day, month and year
 * are kept (a month name, or a full numeric date such as "14.03.2025" or "2025-03-14"), so "Q3/20" is never read
 * as 20 March. luxon does the arithmetic.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { fastDates } from './fast-dates.ts';
import { allMatches } from './matches.ts';
import { MONTH_PATTERN } from './normalize.ts';

/** Geneva, where a date with no stated zone lives. */
export const GENEVA_ZONE = 'Europe/Zurich';

/** A date or date range found in a text. */
export interface DateHit {
  /** ISO date `YYYY-MM-DD`. */
  start: string;
  /** ISO date; equal to `start` for a single date. */
  end: string;
  /** Offset of the hit in the searched text. */
  index: number;
  /** The matched text. */
  text: string;
}

const MONTH_NAME = new RegExp(`\\b${MONTH_PATTERN}\\b`, 'i');
// Strict, day-first: formal dates only (no "today", "in two weeks", "March" alone), which is also faster.
const parser = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));

// Numeric dates ITU documents use: "14.03.2025", "14/03/2025" (day first, as in Geneva) and ISO "2025-03-14".
const NUMERIC_DATE = String.raw`(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})`;
const NUMERIC = new RegExp(NUMERIC_DATE);
// Every date kept has an explicit year: text without one has no date (and needs no costly parse).
const HAS_YEAR = /(?:^|\D)(?:19|20)\d{2}(?!\d)/;
const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
// Removed before chrono reads the text (it mistakes "from Wednesday 17 to Friday 19 September 2025" for relative
// days), and relative labels of deadline tables ("D-12 28 February 2027", "J-30") that it would read as a day.
// A weekday or a half day in brackets after the day is noise too: "11(Tuesday) - 14(Friday) September 2007",
// "11 (afternoon) - 13 May 2005", "27 July (afternoon) to 28 July 2017", "20 to 22 (a.m.) July 2008".
// A "from" before a range whose first day has no year of its own: chrono reads "from 2 June to 11 June 2014" as the
// last day alone. A time in brackets between the two ends of a range ("9th February 2026 (09:00 local time) to
// Friday 13th February 2026") hides the range from it.
const NOISE = new RegExp(String.raw`\bfrom[ \t]+(?=(?:${WEEKDAY},?[ \t]*)?\d{1,2}(?:st|nd|rd|th)?[ \t]+${MONTH_PATTERN}\.?,?[ \t]+(?:${WEEKDAY},?[ \t]*)?(?:to|until|till|through)[ \t]+(?:${WEEKDAY},?[ \t]*)?\d)|\b${WEEKDAY}\b,?[ \t]*(?=\d|${MONTH_PATTERN}\b)|\b[DJ][ \t]?-[ \t]?\d{1,3}\b[ \t]*(?=[(\d])|(?<=\d|\d(?:st|nd|rd|th)?[ \t]+${MONTH_PATTERN}\.?)[ \t]*\([ \t]*(?:${WEEKDAY}|morning|afternoon|evening|a\.[ \t]?m\.|p\.[ \t]?m\.|full day|half[- ]day)[ \t]*\)|(?<=(?:19|20)\d{2})[ \t]*\([ \t]*\d{1,2}[:.h]\d{2}[^()\n]{0,24}\)(?=[ \t]*(?:to|until|till|through|-|\u2013)[ \t])`, 'gi');
const WEEKDAY_BEFORE = new RegExp(String.raw`\b${WEEKDAY},?[ \t]*$`, 'i');
// "on 2 and 3 March 2026" (two consecutive days) and "between 3 and 5 March" are ranges.
const DAY_AND_DAY = new RegExp(String.raw`\b(between\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+(?=(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_PATTERN}\b)`, 'gi');

// A document names the same few days again and again: luxon checks each calendar day once.
const isoDays = new Map<string, string | null>();

function iso(c: chrono.ParsedComponents): string | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  const key = `${y}-${m}-${d}`;
  let day = isoDays.get(key);
  if (day === undefined) {
    const dt = DateTime.fromObject({ year: y, month: m, day: d });
    day = dt.isValid ? dt.toISODate() : null;
    if (isoDays.size >= 20000) isoDays.clear();
    isoDays.set(key, day);
  }
  return day;
}

// A reference run into the date after it by a converter: "Circular Letter7/LCCE/7916 December 2020" is letter 79 of
// 16 December 2020, "5/LCCE/676 March 2017" letter 67 of 6 March 2017. The day is the shortest day-number a date can
// start with; the reference keeps the rest.
const GLUED_TO_REFERENCE = new RegExp(String.raw`\/(\d{1,4}?)([12]\d|3[01]|0?[1-9])(?=\s+${MONTH_PATTERN}\.?\s+(?:19|20)\d{2}(?!\d))`, 'gi');

// A range across two months written month first: "April 29 - May 2, 2019", which the day-first reader takes apart.
const MONTH_FIRST_RANGE = new RegExp(String.raw`\b(${MONTH_PATTERN}\.?)([ \t]+)(\d{1,2}(?:st|nd|rd|th)?)([ \t]*[-–][ \t]*)(${MONTH_PATTERN}\.?)([ \t]+)(\d{1,2}(?:st|nd|rd|th)?)(,?[ \t]+(?:19|20)\d{2})\b`, 'gi');

// A table's cells glued together: a date's year run into the next cell's day or word ("13-21 June 20176 June 2017",
// "6 June 2017Tuesday"), a name into a range of days ("Working Party 5D13-21 June 2017").
const YEAR_GLUED_DAY = new RegExp(String.raw`(?<=\b\d{1,2}[ \t]+${MONTH_PATTERN}\.?[ \t]+(?:19|20)\d{2})(?=\d{1,2}[ \t]+${MONTH_PATTERN}\.?[ \t]+(?:19|20)\d{2}(?!\d)|[A-Z][a-z])`, 'gi');
const NAME_GLUED_DAYS = new RegExp(String.raw`(?<=[A-Za-z])(?=\d{1,2}[ \t]*[-–][ \t]*\d{1,2}[ \t]+${MONTH_PATTERN}\b)`, 'gi');

// A day that is the end of a version or standard's number: "IEEE 802.3 January 2026", "version 2.3 March 2026" name
// no 3 January or 3 March. Its dot becomes a joining character (same length) so that no date starts there.
const NUMBER_BEFORE_MONTH = new RegExp(String.raw`(?<=\d)\.(?=\d{1,2}[ \t]+${MONTH_PATTERN}\b)`, 'gi');

// An ISO date range as ISO/IEC JTC 1 writes one: "2001-10-18/19", "2008-02-25/03-01".
const ISO_RANGE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ \t]*\/[ \t]*(?:(0[1-9]|1[0-2])-)?(0[1-9]|[12]\d|3[01])\b(?![-/.]\d)/g;
// A date written without spaces, as military and some SDO mail writes it: "17SEP2006", "03Oct2019".
const GLUED_DATE = /\b(0?[1-9]|[12]\d|3[01])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)((?:19|20)\d{2})\b/gi;
const HAS_GLUED_DATE = new RegExp(GLUED_DATE.source, 'i');
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The text chrono reads, and for each of its offsets the offset in the original text. */
function cleanForChrono(text: string): { clean: string; origin: (i: number) => number } {
  const edits: Array<{ at: number; len: number; put: string }> = [];
  for (const m of allMatches(YEAR_GLUED_DAY, text)) edits.push({ at: m.index, len: 0, put: ' ' });
  for (const m of allMatches(NAME_GLUED_DAYS, text)) edits.push({ at: m.index, len: 0, put: ' ' });
  // Written day first with the same characters (so that offsets within it still point into the text as written).
  for (const m of allMatches(MONTH_FIRST_RANGE, text)) edits.push({ at: m.index, len: m[0].length, put: `${m[3]}${m[2]}${m[1]}${m[4]}${m[7]}${m[6]}${m[5]}${m[8]}` });
  for (const m of allMatches(NOISE, text)) edits.push({ at: m.index, len: m[0].length, put: '' });
  for (const m of allMatches(NUMBER_BEFORE_MONTH, text)) edits.push({ at: m.index, len: 1, put: '_' });
  for (const m of allMatches(GLUED_DATE, text)) edits.push({ at: m.index, len: m[0].length, put: `${m[1]} ${m[2]} ${m[3]}` });
  // Written with month names: "2001-10-18/19" → "18 October 2001 - 19 October 2001".
  for (const m of allMatches(ISO_RANGE, text)) {
    const [year, month, day, toMonth, toDay] = [m[1], Number(m[2]), Number(m[3]), Number(m[4] ?? m[2]), Number(m[5])];
    if (toMonth * 100 + toDay > month * 100 + day) edits.push({ at: m.index, len: m[0].length, put: `${day} ${MONTH_NAMES[month - 1]} ${year} - ${toDay} ${MONTH_NAMES[toMonth - 1]} ${year}` });
  }
  for (const m of allMatches(GLUED_TO_REFERENCE, text)) {
    if (Number(m[2]) >= 1 && Number(m[2]) <= 31) edits.push({ at: m.index + 1 + (m[1]?.length ?? 0), len: 0, put: ' ' });
  }
  for (const m of allMatches(DAY_AND_DAY, text)) {
    const [a, b] = [Number(m[2]), Number(m[3])];
    if (b > a && (b === a + 1 || m[1])) edits.push({ at: m.index + (m[1]?.length ?? 0), len: m[0].length - (m[1]?.length ?? 0), put: `${a}-` });
  }
  if (edits.length === 0) return { clean: text, origin: (i) => i };
  edits.sort((x, y) => x.at - y.at);
  let clean = '';
  let from = 0;
  // Pairs (clean offset, original offset) where a kept stretch of the original text starts.
  const anchors: Array<[number, number]> = [];
  for (const e of edits) {
    if (e.at < from) continue;
    anchors.push([clean.length, from]);
    clean += text.slice(from, e.at);
    anchors.push([clean.length, e.at]);
    clean += e.put;
    from = e.at + e.len;
  }
  anchors.push([clean.length, from]);
  clean += text.slice(from);
  // The last anchor at or before `i`, by binary search: a line of thousands of weekdays makes thousands of anchors.
  const origin = (i: number): number => {
    let lo = 0;
    let hi = anchors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((anchors[mid]?.[0] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    const best = anchors[lo] ?? [0, 0];
    // Inside a stretch written anew at another length, no further than that stretch's last character in the original.
    const next = anchors[lo + 1];
    return next ? Math.max(best[1], Math.min(best[1] + (i - best[0]), next[1] - 1)) : best[1] + (i - best[0]);
  };
  return { clean, origin };
}

/** Dates of one text at most: no line, sentence or table of a real document holds more. */
export const MAX_DATES = 500;
/** Texts longer than this are read by chrono a chunk at a time, so that reading stops at {@link MAX_DATES}. */
const CHUNK = 16 * 1024;
/** How far past its chunk a date that starts in it is read: longer than any date or range as written. */
const OVERLAP = 256;

/** Memoised dates of a text; `complete` when they are all its dates (fewer than were asked for). */
interface Known {
  hits: DateHit[];
  complete: boolean;
}

const cache = new Map<string, Known>();
// The last long text read: the deadlines table, its lines and its body are often one and the same long line.
let lastLong: { text: string; known: Known } | null = null;

/** Forget memoised dates: {@link parseDocument} starts every document afresh, so memory stays bounded by one document. */
export function resetDateCache(): void {
  cache.clear();
  lastLong = null;
}

/**
 * The first `limit` dates of `text`. A long text is read in chunks of {@link CHUNK} characters (each with
 * {@link OVERLAP} more, so a date across the cut is read whole in the chunk it starts in); reading stops once
 * `limit` dates are found, so a line of a million dates costs what its first few hundred do.
 */
const MIDNIGHT_END = /(?<![\d:.])24[:.]00(?![\d:])/g;

function parseDates(raw: string, limit: number): Known {
  if (!HAS_YEAR.test(raw) || !(MONTH_NAME.test(raw) || NUMERIC.test(raw) || HAS_GLUED_DATE.test(raw))) return { hits: [], complete: true };
  // "08 Nov 2019, 24:00 UTC": the end of the day, which the date reader takes for no time at all (and drops the date
  // with it). "23:59" has as many characters, so every index still points into the text as written.
  const text = raw.includes('24') ? raw.replace(MIDNIGHT_END, '23:59') : raw;
  if (text === raw) return parseRead(text, limit);
  const read = parseRead(text, limit);
  return { ...read, hits: read.hits.map((h) => ({ ...h, text: raw.slice(h.index, h.index + h.text.length) })) };
}

function parseRead(text: string, limit: number): Known {
  if (text.length <= CHUNK + OVERLAP) return { hits: fastDates(text) ?? parseChunk(text, 0, text.length), complete: true };
  const hits: DateHit[] = [];
  for (let at = 0; at < text.length; at += CHUNK) {
    // A chunk starts at the end of the last date kept when that date runs past the cut.
    const last = hits.at(-1);
    const from = Math.max(at, last ? last.index + last.text.length : 0);
    for (const hit of parseChunk(text.slice(from, Math.min(text.length, at + CHUNK + OVERLAP)), from, at + CHUNK)) {
      hits.push(hit);
      if (hits.length >= limit) return { hits, complete: false };
    }
  }
  return { hits, complete: true };
}

/** The dates of `chunk` (found at `offset` in its text) that start before `stop` (an offset in the text). */
function parseChunk(chunk: string, offset: number, stop: number): DateHit[] {
  const text = chunk;
  const hits: DateHit[] = [];
  const { clean, origin } = cleanForChrono(text);
  // A fixed reference date keeps results independent of the clock; only explicit years are accepted anyway.
  for (const r of parser.parse(clean, new Date(Date.UTC(2000, 0, 1)))) {
    // chrono includes a leading "on"/"from" in its text, and a stray number before a date ("12 28 February 2027").
    const lead = /^(?:(?:on|from|between|the|of)\s+|\d{1,4}\s+(?=\d{1,2}\s))*/i.exec(r.text)?.[0].length ?? 0;
    const body = r.text.slice(lead);
    const named = MONTH_NAME.test(body);
    const numeric = named ? null : NUMERIC.exec(body);
    if (!named && !numeric) continue;
    if (numeric) {
      // A numeric date inside a longer number or name ("Y.1.2.2025", "v2025-01-02") is not a date.
      const at = r.index + lead + numeric.index;
      if (/[\w./-]$/.test(clean.slice(Math.max(0, at - 1), at)) || /^(?:[\w/]|[.-]\d)/.test(clean.slice(at + numeric[0].length))) continue;
    }
    const endComp = r.end ?? null;
    const yearKnown = r.start.isCertain('year') || (endComp?.isCertain('year') ?? false);
    if (!yearKnown || !r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const start = iso(r.start);
    if (!start) continue;
    const end = endComp ? iso(endComp) : start;
    if (!end || end < start) continue;
    let index = origin(r.index + lead);
    const stopAt = origin(r.index + r.text.length - 1) + 1;
    // The weekday written before the date belongs to it ("Friday, 14 March 2025").
    const weekday = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, index - 12), index));
    if (weekday) index -= weekday[0].length;
    if (offset + index >= stop) break;
    hits.push({ start, end, index: offset + index, text: text.slice(index, stopAt) });
  }
  return hits;
}

/**
 * All full dates (day, month, explicit year) and date ranges in `text`, in order: "12-21 May 2026",
 * "Friday, 14 March 2025", "March 14, 2025", "14th of March 2025", "on 2 and 3 March 2026", and the numeric forms
 * "14.03.2025", "14/03/2025" (day first) and "2025-03-14". A number without a year ("Q3/20", "H.264") is never a
 * date. At most the first `limit` ({@link MAX_DATES}) are found: reading stops there. Results are memoised until
 * {@link resetDateCache}: a document asks about the same lines several times.
 *
 * @example findDates('Geneva, 12-21 May 2026')  // [{ start: '2026-05-12', end: '2026-05-21', … }]
 */
export function findDates(text: string, limit = MAX_DATES): DateHit[] {
  const known = text.length < 20000 ? cache.get(text) : lastLong?.text === text ? lastLong.known : undefined;
  if (known && (known.complete || known.hits.length >= limit)) return known.hits.length > limit ? known.hits.slice(0, limit) : known.hits;
  const found = parseDates(text, limit);
  if (text.length < 20000) {
    if (cache.size > 5000) cache.clear();
    cache.set(text, found);
  } else {
    lastLong = { text, known: found };
  }
  return found.hits;
}

/** `true` when `text` holds a full date: reading stops at the first one. */
export function hasDate(text: string): boolean {
  return findDates(text, 1).length > 0;
}

const SUPERSEDED_BEFORE =
  /\b(?:instead of|rather than|in place of|replacing|replaces|(?:originally|previously|initially|first)(?:\s+(?:planned|scheduled|announced|foreseen|set))?(?:\s+(?:for|on|as|to be held(?:\s+(?:on|from))?))?|formerly)\s*(?:the\s+)?[(:]?\s*$/i;

/**
 * `true` when the document gives the date of `hit` only as the one it replaces: "(originally planned for 8-19 March
 * 2027)", "instead of 8 to 19 March 2027".
 */
export function isSuperseded(text: string, hit: DateHit): boolean {
  return SUPERSEDED_BEFORE.test(text.slice(Math.max(0, hit.index - 50), hit.index));
}

/** The first single date or range in `text`, or `null`. */
export function firstDate(text: string): DateHit | null {
  return findDates(text)[0] ?? null;
}

/** A clock time range: `HH:mm` strings. */
export interface TimeRange {
  start: string;
  end: string | null;
}

const HHMM = String.raw`(\d{1,2})[:.h]?(\d{2})`;
const RANGE = new RegExp(String.raw`\b${HHMM}\s*(?:hours|hrs|h)?\s*(?:-|to|until|and)\s*${HHMM}\s*(?:hours|hrs|h)\b`, 'i');
const RANGE_COLON = new RegExp(String.raw`\b(\d{1,2})[:.](\d{2})\s*(?:-|to|until)\s*(\d{1,2})[:.](\d{2})\b`, 'i');
const SINGLE = new RegExp(String.raw`\b${HHMM}\s*(?:hours|hrs|h)\b|\b(\d{1,2}):(\d{2})\b(?!\s*(?:-|to)\s*\d)`, 'i');

const ZONED_TIME = /\b([01]\d|2[0-4])([0-5]\d)\s*(?:AoE|UTC|GMT|CES?T|[ECMP][SD]T)\b/i;

const TWELVE_HOUR = /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?/i;

function hhmm(h: string | undefined, m: string | undefined): string | null {
  const hh = Number(h);
  const mm = Number(m);
  if (!Number.isInteger(hh) || !Number.isInteger(mm) || hh > 24 || mm > 59) return null;
  return `${String(hh === 24 ? 23 : hh).padStart(2, '0')}:${String(hh === 24 ? 59 : mm).padStart(2, '0')}`;
}

/**
 * The first clock time or time range in `text`: "from 1200 to 1400 hours", "12:00-14:00", "2359 hours".
 *
 * @example findTime('on 2 March 2026 from 1200 to 1400 hours')  // { start: '12:00', end: '14:00' }
 */
export function findTime(text: string): TimeRange | null {
  const r = RANGE.exec(text) ?? RANGE_COLON.exec(text);
  if (r) {
    const start = hhmm(r[1], r[2]);
    const end = hhmm(r[3], r[4]);
    if (start && end) return { start, end };
  }
  // "4:00PM", "1:00 pm", "9 a.m.": a 12-hour time (only a single one: a range is written in 24-hour form above).
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]) % 12 + (/p/i.test(twelve[3] ?? '') ? 12 : 0);
    const start = Number(twelve[1]) <= 12 ? hhmm(String(hour), twelve[2] ?? '00') : null;
    if (start) return { start, end: null };
  }
  // "at 2300 AoE", "1600 UTC": four digits before a zone are a time.
  const zoned = ZONED_TIME.exec(text);
  if (zoned) {
    const start = hhmm(zoned[1], zoned[2]);
    if (start) return { start, end: null };
  }
  const s = SINGLE.exec(text);
  if (s) {
    const start = hhmm(s[1] ?? s[3], s[2] ?? s[4]);
    if (start) return { start, end: null };
  }
  return null;
}

/**
 * The time zone a text states for its times: `UTC` for UTC/GMT, Geneva for "Geneva time", CET/CEST; `null` if none.
 */
// CST is left out: it is also China's.
const AMERICAN_ZONES: Record<string, string> = { P: 'America/Los_Angeles', M: 'America/Denver', C: 'America/Chicago', E: 'America/New_York' };

export function findZone(text: string): string | null {
  const offset = utcOffsetZone(text);
  if (offset) return offset;
  if (/\b(?:UTC|GMT|Z(?:ulu)? time)\b/.test(text)) return 'UTC';
  // IEEE's "Anywhere on Earth": the last zone to reach a day's end, UTC−12.
  if (/\bAoE\b|\bAnywhere on Earth\b/i.test(text)) return 'UTC-12';
  // North American zones written by their abbreviations (IEEE and IETF mails): "4:00PM PDT", "noon EST".
  const american = /\b(P|M|E)[SD]T\b|\bC[D]T\b/.exec(text);
  if (american) return AMERICAN_ZONES[american[1] ?? 'C'] ?? null;
  // … and by their names: "10:00 AM Pacific time", "noon Eastern".
  const named = /\b(Pacific|Mountain|Central|Eastern)(?:\s+(?:Standard|Daylight))?\s+time\b/i.exec(text);
  if (named?.[1]) return AMERICAN_ZONES[named[1][0]?.toUpperCase() ?? ''] ?? null;
  if (/\b(?:CET|CEST|Geneva time|Swiss time|Geneva local time)\b|\ball times (?:are )?(?:in )?Geneva\b|\btimes? Geneva\b/i.test(text))
    return GENEVA_ZONE;
  return null;
}

/**
 * A fixed offset from UTC as a zone luxon reads: "local time (UTC+4)" → `UTC+4`, "GMT+05:30" → `UTC+5:30`; `null`
 * when the text gives none (a bare "UTC" is {@link findZone}'s).
 */
export function utcOffsetZone(text: string): string | null {
  const m = /\b(?:UTC|GMT)\s?([+\-\u2212\u2013])\s?(\d{1,2})(?:[:.]?(\d{2}))?(?!\d)/.exec(text);
  if (!m?.[2] || Number(m[2]) > 14) return null;
  const minutes = m[3] && m[3] !== '00' ? `:${m[3]}` : '';
  return `UTC${m[1] === '+' ? '+' : '-'}${Number(m[2])}${minutes}`;
}

/** `iso` minus an amount of days, weeks or months, as an ISO date (calendar arithmetic by luxon). */
export function minusPeriod(isoDate: string, amount: number, unit: 'days' | 'weeks' | 'months'): string {
  return DateTime.fromISO(isoDate).minus({ [unit]: amount }).toISODate() ?? isoDate;
}

/** Parse one date written as text ("30 April 2026"); `null` if it is not a full date. */
export function parseOneDate(text: string): string | null {
  return firstDate(text)?.start ?? null;
}
