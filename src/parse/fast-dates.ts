/**
 * The dates of a text that writes each of them alone as "12 May 2026" (a day, a full English month name, a year):
 * the way most ITU-T lines give a date ("Geneva, 3 February 2036", "Deadline: 30 April 2036"). Such a text needs no
 * chrono: this finds its dates with one regular expression, or answers `null` when the text has anything chrono
 * might read differently — a range, a time, a weekday, an abbreviated month, a numeric date, an ordinal, a label
 * such as "D-12", or any other digit near a month name — and then chrono reads it (src/parse/dates.ts). Pure.
 */
import { MONTH_PATTERN } from './normalize.ts';

/** What dates.ts keeps of a date: ISO start and end, offset, matched text. */
export interface FastDateHit {
  start: string;
  end: string;
  index: number;
  text: string;
}

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_NUMBER = new Map(FULL_MONTHS.map((m, i) => [m, i + 1]));

/** "12 May 2026", not inside a longer word or number ("v12 May", "12 May 2026/27", "12 May 2026-05", "12 May 2026.1"). */
const SIMPLE = /(?<![\w./:-])(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) ((?:19|20)\d{2})(?![\w/:-]|\.\w)/g;
/** Every month name or abbreviation, as dates.ts recognises them. */
const ANY_MONTH = new RegExp(`\\b${MONTH_PATTERN}\\b`, 'gi');
/** Weekdays, full or short, in any case: chrono reads them with a date. */
const WEEKDAY = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b/i;
/** Numeric dates dates.ts reads ("14.03.2025", "14/03/2025", "2025-03-14"). */
const NUMERIC = /\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}/;
/** Words after a date that chrono may read as a time of that day. */
const TIME_WORD = /^[\s,]*(?:at\b|noon|midnight|morning|afternoon|evening|night|tonight|[ap]\.?m\b|(?:GMT|UTC|CES?T|EES?T|WES?T|[A-Z]{3,4}T)\b)/i;
/** How far from a date another digit or a month name makes the text one for chrono. */
const NEAR = 24;

/** Days in a month of a year. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The dates of `text` when it writes each alone as "D Month YYYY" (see the file's comment), in order; `null` when
 * chrono must read it. A text with no month name near a digit gives `null` too (dates.ts has its own cheaper check).
 *
 * @example fastDates('Geneva, 3 February 2036') // [{ start: '2036-02-03', end: '2036-02-03', index: 8, text: '3 February 2036' }]
 * @example fastDates('Geneva, 12-21 May 2036') // null (a range)
 */
export function fastDates(text: string): FastDateHit[] | null {
  if (WEEKDAY.test(text) || NUMERIC.test(text)) return null;
  const hits: FastDateHit[] = [];
  const covered: Array<[number, number]> = [];
  for (const m of text.matchAll(SIMPLE)) {
    const index = m.index;
    const end = index + m[0].length;
    const day = Number(m[1]);
    const month = MONTH_NUMBER.get(m[2] as string) as number;
    const year = Number(m[3]);
    if (day < 1 || day > daysIn(year, month)) return null;
    // Another number near it: a range, a time, a second date, a label; chrono decides.
    if (/\d/.test(text.slice(Math.max(0, index - NEAR), index)) || /\d/.test(text.slice(end, end + NEAR))) return null;
    if (TIME_WORD.test(text.slice(end, end + NEAR))) return null;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    hits.push({ start: iso, end: iso, index, text: m[0] });
    covered.push([index, end]);
  }
  if (hits.length === 0) return null;
  // Every other month name must stand far from any digit ("you may submit"), or chrono could make a date of it.
  for (const m of text.matchAll(ANY_MONTH)) {
    if (covered.some(([a, b]) => m.index >= a && m.index < b)) continue;
    if (/\d/.test(text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR))) return null;
  }
  return hits;
}
