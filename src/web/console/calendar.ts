/**
 * A month calendar (weeks start on Monday, template `calendar`), with entries placed on their day cells. Pure: the
 * entries come with their day already in the viewer's zone.
 */
import { DateTime } from 'luxon';

/** Something shown on a day. */
export interface CalendarEntry {
  /** `YYYY-MM-DD` in the viewer's zone. */
  day: string;
  /** Short text in the cell. */
  text: string;
  /** Longer text on hover. */
  title: string;
  kind: 'deadline' | 'meeting';
  href: string | null;
}

/**
 * `2027-01` → the first day of that month; `null` for anything else.
 *
 * @example parseMonth('2027-01')?.toISODate() === '2027-01-01'
 */
export function parseMonth(month: string | undefined, zone: string): DateTime | null {
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const dt = DateTime.fromISO(`${month}-01`, { zone });
  return dt.isValid ? dt : null;
}

/** One day cell of the month calendar. */
export interface CalendarDay {
  iso: string;
  /** `out` for a day of another month, `today`. */
  cls: string;
  day: number;
  entries: CalendarEntry[];
}

/**
 * The month starting at `first` as weeks of day cells (weeks start on Monday), with `entries` on their days, for
 * template `calendar`; `today` (`YYYY-MM-DD`) is outlined.
 */
export function monthGrid(first: DateTime, entries: readonly CalendarEntry[], today: string): { label: string; weeks: CalendarDay[][] } {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const start = first.startOf('month').minus({ days: first.startOf('month').weekday - 1 });
  const end = first.endOf('month');
  const weeks: CalendarDay[][] = [];
  for (let week = start; week <= end; week = week.plus({ weeks: 1 })) {
    const cells: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const day = week.plus({ days: i });
      const iso = day.toISODate() ?? '';
      const inMonth = day.month === first.month;
      cells.push({ iso, cls: [inMonth ? '' : 'out', iso === today ? 'today' : ''].filter(Boolean).join(' '), day: day.day, entries: byDay.get(iso) ?? [] });
    }
    weeks.push(cells);
  }
  return { label: first.toFormat('LLLL yyyy'), weeks };
}
