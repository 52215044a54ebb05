/**
 * Instants and display of deadlines and meetings. A deadline with no time is due at the end of its day (23:59) in
 * its zone; answers show it in the reader's zone with the original beside it.
 */
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
  const originalText = `${original.toFormat('d LLLL yyyy')}${d.time ? `, ${d.time}` : ''} ${d.timezone === 'UTC' ? 'UTC' : 'Geneva time'}`;
  if (!d.time && readerZone === d.timezone) return `${original.toFormat('ccc d LLL yyyy')} (end of day, Geneva)`;
  const local = DateTime.fromMillis(dueAt(d), { zone: readerZone });
  // A date with no time is due at the end of its Geneva (or UTC) day: in another zone that is a time, often the next day.
  if (!d.time) return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${readerZone}) — original: ${originalText}, end of day`;
  if (readerZone === d.timezone) return `${local.toFormat('ccc d LLL yyyy, HH:mm')} ${d.timezone === 'UTC' ? 'UTC' : '(Geneva)'}`;
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${readerZone}) — original: ${originalText}`;
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

/** Whole days from `now` (ms) until `at` (ms), rounded down; negative when past. */
export function daysUntil(at: number, now: number): number {
  return Math.floor((at - now) / 86_400_000);
}
