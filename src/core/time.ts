/**
 * Instants and display of deadlines and meetings. A deadline with no time is due at the end of its day (23:59) in
 * its zone; answers show it in the reader's zone with the original beside it.
 */
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { Deadline } from './types.ts';

/**
 * Epoch milliseconds at which a deadline falls due.
 *
 * @example dueAt({ date: '2026-04-30', time: '23:59', timezone: 'UTC', … }) === Date.UTC(2026, 3, 30, 23, 59)
 */
export function dueAt(d: Pick<Deadline, 'date' | 'time' | 'timezone'>): number {
  const [h, m] = (d.time ?? '23:59').split(':').map(Number);
  const dt = DateTime.fromISO(d.date, { zone: d.timezone }).set({ hour: h ?? 23, minute: m ?? 59, second: d.time ? 0 : 59 });
  return dt.isValid ? dt.toMillis() : DateTime.fromISO(d.date, { zone: 'Europe/Zurich' }).endOf('day').toMillis();
}

/**
 * "now" for time-relative answers: the given ISO date/time read in `zone` (a bare date is the start of that day),
 * or the real clock.
 */
export function resolveNow(now: string | undefined, zone: string): number {
  if (!now) return Date.now();
  const dt = DateTime.fromISO(now, { zone });
  if (!dt.isValid) throw new RangeError(`not an ISO date or date-time: ${now}`);
  return dt.toMillis();
}

/** `true` when `zone` is an IANA zone luxon knows. */
export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Cities people name a zone by that the IANA database files under another city: Geneva keeps Zurich's time. */
const ZONE_OF_CITY: Record<string, string> = { geneva: 'Europe/Zurich', genf: 'Europe/Zurich', geneve: 'Europe/Zurich', genève: 'Europe/Zurich', itu: 'Europe/Zurich', washington: 'America/New_York', washington_dc: 'America/New_York', dc: 'America/New_York', ny: 'America/New_York', nyc: 'America/New_York', new_york_city: 'America/New_York', la: 'America/Los_Angeles', sf: 'America/Los_Angeles', san_francisco: 'America/Los_Angeles', hk: 'Asia/Hong_Kong', us_eastern: 'America/New_York', us_pacific: 'America/Los_Angeles' };

/** Fewest inhabitants of a town whose name is taken for its zone: a village's name is more often a word ("Progress"). */
const TOWN_POPULATION = 100_000;

/** A place's name as the town lists compare it: no accents, lower case ("Montréal" → "montreal"). */
function townKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** city-timezones' towns by {@link townKey} of their names (spelt with or without accents), read once. */
let townIndex: Map<string, Array<{ timezone: string; pop: number }>> | undefined;

/** Towns looked up already, with their zone or `null`. At most 1,000. */
const townZones = new Map<string, string | null>();

/**
 * The zone of the most populous town so named in city-timezones' list (Brasília, Bengaluru, Kigali, Montréal written
 * "Montreal") with at least `minPopulation` inhabitants, or `null`.
 */
function townZone(name: string, minPopulation = TOWN_POPULATION): string | null {
  const key = `${minPopulation}:${townKey(name)}`;
  const known = townZones.get(key);
  if (known !== undefined) return known;
  // The list (about 2 MB, some 30 ms to read) is read the first time a town outside the zone database's names is asked for.
  townIndex ??= (() => {
    const index = new Map<string, Array<{ timezone: string; pop: number }>>();
    const list = (createRequire(import.meta.url)('city-timezones') as { cityMapping: Array<{ city: string; city_ascii: string; timezone: string; pop: number }> }).cityMapping;
    for (const c of list) for (const n of new Set([townKey(c.city), townKey(c.city_ascii)])) index.set(n, [...(index.get(n) ?? []), { timezone: c.timezone, pop: c.pop }]);
    return index;
  })();
  const best = (townIndex.get(townKey(name)) ?? []).reduce<{ timezone: string; pop: number } | null>((a, c) => (c.pop >= minPopulation && (!a || c.pop > a.pop) ? c : a), null);
  const zone = best && isValidZone(best.timezone) ? best.timezone : null;
  if (townZones.size >= 1000) townZones.clear();
  townZones.set(key, zone);
  return zone;
}

/** The zone database's zones in lower case, listed once. */
let lowerZones: Array<[string, string]> | undefined;

/**
 * The IANA zone a person means by `name`: the zone itself when it is one, else the zone of the city it ends with
 * ("Europe/Geneva", "geneva", "tokyo", "new york" → Europe/Zurich, Asia/Tokyo, America/New_York), or of the largest
 * town so named ("Brasília" → America/Sao_Paulo); `null` when none.
 *
 * @example resolveZone('Europe/Geneva') === 'Europe/Zurich'
 * @example resolveZone('São Paulo') === 'America/Sao_Paulo'
 */
export function resolveZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed !== '' && isValidZone(trimmed)) return trimmed;
  // "São Paulo", "Zürich": the database spells its cities without accents.
  const city = (trimmed.split('/').pop() ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s-]+/g, '_');
  if (city === '') return null;
  if (ZONE_OF_CITY[city]) return ZONE_OF_CITY[city];
  lowerZones ??= Intl.supportedValuesOf('timeZone').map((z) => [z, z.toLowerCase()]);
  return lowerZones.find(([, z]) => z.endsWith(`/${city}`))?.[0] ?? (isTownName(trimmed) ? townZone(trimmed.normalize('NFD').replace(/\p{M}/gu, '')) : null);
}

/** Town names that are also words people write in a question ("in mobile", "on reading the letter", "nice"). */
const WORD_TOWNS = new Set(['mobile', 'reading', 'split', 'nice', 'van', 'oral', 'orange', 'bath', 'gary', 'best', 'hope']);
/** Words of time that end questions ("… in April", "… on Monday") and are no towns: never looked up. */
const TIME_WORD = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter)$/i;

/**
 * Whether `name` is written as a town's name: each word capitalised and not all capitals (an acronym, "ITU"), and not
 * a word that is also a town ("Mobile", "Reading") or a month or day ("April").
 */
function isTownName(name: string): boolean {
  const words = name.split(/[\s-]+/);
  return name.length <= 40 && !name.includes('/') && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(?:de|da|do|du|la|le|el|al)$/.test(w)) && !WORD_TOWNS.has(name.toLowerCase()) && !TIME_WORD.test(name);
}

/** How a document's zone is named beside its time: "UTC", "Geneva time", "local time (UTC+4)". */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC') return 'UTC';
  if (zone === 'Europe/Zurich') return 'Geneva time';
  return /^UTC[+-]/.test(zone) ? `local time (${zone})` : zone;
}

/**
 * A deadline as people read it: in the reader's zone, with the document's original beside it when they differ.
 *
 * @example formatDeadline({ date: '2026-04-30', time: '23:59', timezone: 'UTC' }, 'Asia/Tokyo')
 *   === 'Fri 1 May 2026, 08:59 (Asia/Tokyo) — original: 30 April 2026, 23:59 UTC'
 * @example formatDeadline({ date: '2026-04-29', time: null, timezone: 'Europe/Zurich' }, 'Asia/Tokyo')
 *   === 'Thu 30 Apr 2026, 06:59 (Asia/Tokyo) — original: 29 April 2026 Geneva time, end of day'
 */
export function formatDeadline(d: Pick<Deadline, 'date' | 'time' | 'timezone'>, readerZone: string): string {
  const original = DateTime.fromISO(d.date, { zone: d.timezone });
  const originalText = `${original.toFormat('d LLLL yyyy')}${d.time ? `, ${d.time}` : ''} ${zoneLabel(d.timezone)}`;
  if (!d.time && readerZone === d.timezone) return `${original.toFormat('ccc d LLL yyyy')} (end of day, Geneva)`;
  const local = DateTime.fromMillis(dueAt(d), { zone: readerZone });
  // A date with no time is due at the end of its Geneva (or UTC) day: in another zone that is a time, often the next day.
  if (!d.time) return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${readerZone}) — original: ${originalText}, end of day`;
  if (readerZone === d.timezone) return `${local.toFormat('ccc d LLL yyyy, HH:mm')} ${d.timezone === 'Europe/Zurich' ? '(Geneva)' : zoneLabel(d.timezone)}`;
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${readerZone}) — original: ${originalText}`;
}

/** An instant for people, in `zone`: "Sun 6 Dec 2026, 05:37 (Europe/Zurich)". */
export function formatInstant(at: number | string, zone: string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return `${DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

/** A date range for people: "12–21 May 2026". */
export function formatRange(start: string, end: string): string {
  const s = DateTime.fromISO(start);
  const e = DateTime.fromISO(end);
  if (start === end) return s.toFormat('ccc d LLLL yyyy');
  if (s.year === e.year && s.month === e.month) return `${s.toFormat('d')}–${e.toFormat('d LLLL yyyy')}`;
  if (s.year === e.year) return `${s.toFormat('d LLLL')} – ${e.toFormat('d LLLL yyyy')}`;
  return `${s.toFormat('d LLLL yyyy')} – ${e.toFormat('d LLLL yyyy')}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Calendar days already worked out, by zone and minute (zone offsets are whole minutes): answers list the same instants again and again. */
const days = new Map<string, number>();
const DAYS_MAX = 50_000;

/** The calendar day of `ms` in `zone`, as days since 1970-01-01. */
function localDay(ms: number, zone: string): number {
  const key = `${zone}\u0000${Math.floor(ms / 60_000)}`;
  const known = days.get(key);
  if (known !== undefined) return known;
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
  if (days.size >= DAYS_MAX) days.clear();
  days.set(key, day);
  return day;
}

/**
 * The calendar date of `ms` in `zone`, as YYYY-MM-DD: "today" for a reader there.
 *
 * @example dateIn(Date.parse('2026-10-11T23:30Z'), 'Asia/Tokyo') === '2026-10-12'
 */
export function dateIn(ms: number, zone: string): string {
  return new Date(localDay(ms, zone) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Today's date where meeting dates are counted: Geneva's calendar day (a meeting's dates are the venue's, and most
 * meetings are in Geneva), so that a meeting ends, for every reader, when its last day ends there.
 *
 * @example meetingDay(Date.parse('2026-03-14T23:30Z')) === '2026-03-15'
 */
export function meetingDay(ms: number): string {
  return dateIn(ms, 'Europe/Zurich');
}

/**
 * How far off `at` is for a reader in `zone`, as people count it: by calendar days between today and that day there
 * ("today", "tomorrow", "in 18 days"), or "past". The same words in answers, reminder subjects and pages.
 *
 * @example whenWords(Date.parse('2026-12-23T22:59Z'), Date.parse('2026-12-06T09:00Z'), 'Asia/Tokyo') === 'in 18 days'
 */
export function whenWords(at: number, now: number, zone: string): string {
  if (at < now) return 'past';
  const days = localDay(at, zone) - localDay(now, zone);
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/**
 * A range of instants for people, in `zone`: `from` inclusive, `to` exclusive, `null` open. Whole days read as
 * days ("7–13 Dec 2026", "28 Dec 2026 – 3 Jan 2027"), a whole month or year as that ("May 2026", "2027"), an open end
 * as "until 31 Mar 2027" or "from 11 May 2027"; a bound that is not midnight (the asking instant) as "now".
 *
 * @example formatSpan(Date.parse('2026-12-06T15:00Z'), Date.parse('2026-12-13T15:00Z'), 'Asia/Tokyo') === '7–13 Dec 2026'
 */
export function formatSpan(from: number | null, to: number | null, zone: string, now?: number): string {
  const f = from === null ? null : DateTime.fromMillis(from, { zone });
  const t = to === null ? null : DateTime.fromMillis(to, { zone });
  const isNow = (d: DateTime) => now !== undefined && d.toMillis() === now;
  const midnight = (d: DateTime) => d.toMillis() === d.startOf('day').toMillis();
  // The last day of an exclusive end at midnight is the day before it.
  const lastDay = (d: DateTime) => (midnight(d) ? d.minus({ days: 1 }) : d);
  const day = (d: DateTime) => (isNow(d) ? 'now' : d.toFormat(midnight(d) ? 'd LLL yyyy' : 'd LLL yyyy, HH:mm'));
  if (f && t) {
    if (+f.startOf('year') === +f && +t === +f.plus({ years: 1 })) return f.toFormat('yyyy');
    if (+f.startOf('month') === +f && +t === +f.plus({ months: 1 })) return f.toFormat('LLLL yyyy');
    if (+f.startOf('month') === +f && +t.startOf('month') === +t && f.year === t.minus({ days: 1 }).year) return `${f.toFormat('LLLL')} – ${t.minus({ days: 1 }).toFormat('LLLL yyyy')}`;
    if (isNow(f)) return `now to ${day(lastDay(t))}`;
    if (!midnight(f) || !midnight(t)) return `${day(f)} – ${day(lastDay(t))}`;
    const l = lastDay(t);
    if (+l === +f) return f.toFormat('ccc d LLL yyyy');
    if (f.year === l.year && f.month === l.month) return `${f.toFormat('d')}–${l.toFormat('d LLL yyyy')}`;
    if (f.year === l.year) return `${f.toFormat('d LLL')} – ${l.toFormat('d LLL yyyy')}`;
    return `${f.toFormat('d LLL yyyy')} – ${l.toFormat('d LLL yyyy')}`;
  }
  if (t) return `until ${day(lastDay(t))}`;
  if (f) return `from ${day(f)}`;
  return 'any time';
}

/**
 * The zone of a meeting's town when its letter gives a time without one ("Kampala, Uganda" → Africa/Kampala), if the
 * zone database names that town; `null` otherwise (the time stays the place's local time).
 *
 * @example placeZone('Muscat, Oman') === 'Asia/Muscat'
 */
export function placeZone(place: string | null | undefined): string | null {
  const town = place?.split(',')[0]?.trim() ?? '';
  if (town === '' || /^(?:virtual|online|e-?meeting)$/i.test(town) || town.includes('/')) return null;
  // (A document names a real place: a town smaller than one a person would name a zone by counts too, Launceston.)
  return resolveZone(town) ?? townZone(town, PLACE_POPULATION);
}

/** Fewest inhabitants of a town a document names as a meeting's place whose zone is taken for it. */
const PLACE_POPULATION = 20_000;

/**
 * When a meeting opens, for people: in the reader's zone with the letter's time beside it, as for deadlines; a time
 * the letter gives without a zone is the local time of the place. `null` when the letter gives no time.
 *
 * @example formatOpening({ start: '2027-05-10', startTime: '14:30', timezone: 'Europe/Zurich', place: 'Geneva' }, 'Asia/Tokyo')
 *   === 'Mon 10 May 2027, 21:30 (Asia/Tokyo) — original: 10 May 2027, 14:30 Geneva time'
 */
export function formatOpening(m: { start: string; startTime?: string | null; timezone?: string | null; place?: string | null }, readerZone: string): string | null {
  if (!m.startTime) return null;
  const zone = m.timezone ?? placeZone(m.place);
  if (zone) return formatDeadline({ date: m.start, time: m.startTime, timezone: zone }, readerZone);
  return `${DateTime.fromISO(m.start).toFormat('ccc d LLL yyyy')}, ${m.startTime} local time${m.place ? ` (${m.place})` : ''}`;
}

/**
 * A side event's or session's time for people: its start and end in the reader's zone, the document's time beside
 * them; the local time of the place when the document gives no zone; the dates alone when it gives no time.
 *
 * @example formatEventTime({ start: '2027-05-03', end: '2027-05-03', startTime: '12:30', endTime: '13:30', timezone: 'Europe/Zurich' }, 'Asia/Tokyo')
 *   === 'Mon 3 May 2027, 19:30–20:30 (Asia/Tokyo) — original: 3 May 2027, 12:30–13:30 Geneva time'
 */
export function formatEventTime(
  e: { start: string; end: string; startTime?: string | null; endTime?: string | null; timezone?: string | null; place?: string | null },
  readerZone: string,
): string {
  if (!e.startTime) return formatRange(e.start, e.end);
  const span = `${e.startTime}${e.endTime ? `–${e.endTime}` : ''}`;
  const zone = e.timezone ?? placeZone(e.place);
  if (!zone) return `${DateTime.fromISO(e.start).toFormat('ccc d LLL yyyy')}, ${span} local time${e.place && e.place !== 'virtual' ? ` (${e.place})` : ''}`;
  const zoneName = zoneLabel(zone);
  const at = (time: string) => DateTime.fromMillis(dueAt({ date: e.start, time, timezone: zone }), { zone: readerZone });
  const start = at(e.startTime);
  const end = e.endTime ? at(e.endTime) : null;
  const original = `${DateTime.fromISO(e.start).toFormat('d LLLL yyyy')}, ${span} ${zoneName}`;
  const local = `${start.toFormat('ccc d LLL yyyy, HH:mm')}${end ? `–${end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL, HH:mm')}` : ''}`;
  if (readerZone === zone) return `${local} (${zoneName})`;
  return `${local} (${readerZone}) — original: ${original}`;
}
