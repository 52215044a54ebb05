/**
 * Dates and times as ITU-T documents write them. chrono-node finds dates and ranges ("12-21 May 2026",
 * "from 6 to 17 November 2017", "30 November - 4 December 2026"); only hits with an explicit day, a month name and
 * a year are kept, so "Q3/20" is never read as 20 March. luxon does the arithmetic.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
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
const parser = chrono.en.GB;

function iso(c: chrono.ParsedComponents): string | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  const dt = DateTime.fromObject({ year: y, month: m, day: d });
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * All full dates (day, month name, year) and date ranges in `text`, in order.
 *
 * @example findDates('Geneva, 12-21 May 2026')  // [{ start: '2026-05-12', end: '2026-05-21', … }]
 */
export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  // A fixed reference date keeps results independent of the clock; only explicit years are accepted anyway.
  for (const r of parser.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    if (!MONTH_NAME.test(r.text)) continue;
    const endComp = r.end ?? null;
    const yearKnown = r.start.isCertain('year') || (endComp?.isCertain('year') ?? false);
    if (!yearKnown || !r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const start = iso(r.start);
    if (!start) continue;
    const end = endComp ? iso(endComp) : start;
    if (!end || end < start) continue;
    // chrono includes a leading "on"/"from" in its text; report the date itself.
    const lead = /^(?:on|from|between|the|of)\s+/i.exec(r.text)?.[0].length ?? 0;
    hits.push({ start, end, index: r.index + lead, text: r.text.slice(lead) });
  }
  return hits;
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
const SINGLE = new RegExp(String.raw`\b${HHMM}\s*(?:hours|hrs)\b|\b(\d{1,2}):(\d{2})\b(?!\s*(?:-|to)\s*\d)`, 'i');

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
export function findZone(text: string): string | null {
  if (/\b(?:UTC|GMT|Z(?:ulu)? time)\b/.test(text)) return 'UTC';
  if (/\b(?:CET|CEST|Geneva time|Swiss time|Geneva local time)\b|\ball times (?:are )?(?:in )?Geneva\b|\btimes? Geneva\b/i.test(text))
    return GENEVA_ZONE;
  return null;
}

/** `iso` minus an amount of days, weeks or months, as an ISO date (calendar arithmetic by luxon). */
export function minusPeriod(isoDate: string, amount: number, unit: 'days' | 'weeks' | 'months'): string {
  return DateTime.fromISO(isoDate).minus({ [unit]: amount }).toISODate() ?? isoDate;
}

/** Parse one date written as text ("30 April 2026"); `null` if it is not a full date. */
export function parseOneDate(text: string): string | null {
  return firstDate(text)?.start ?? null;
}
