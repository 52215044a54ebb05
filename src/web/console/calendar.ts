/**
 * A month calendar as an HTML table (weeks start on Monday), with entries placed on their day cells. Pure: the
 * entries come with their day already in the viewer's zone.
 */
import { DateTime } from 'luxon';
import { h } from './layout.ts';

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

/** The HTML table of the month starting at `first`, with `entries` in their cells; `today` (`YYYY-MM-DD`) is outlined. */
export function monthGrid(first: DateTime, entries: readonly CalendarEntry[], today: string): string {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const start = first.startOf('month').minus({ days: first.startOf('month').weekday - 1 });
  const end = first.endOf('month');
  const rows: string[] = [];
  for (let week = start; week <= end; week = week.plus({ weeks: 1 })) {
    const cells: string[] = [];
    for (let i = 0; i < 7; i++) {
      const day = week.plus({ days: i });
      const iso = day.toISODate() ?? '';
      const inMonth = day.month === first.month;
      const cls = [inMonth ? '' : 'out', iso === today ? 'today' : ''].filter(Boolean).join(' ');
      const items = (byDay.get(iso) ?? []).map((e) => {
        const inner = `<span class="entry ${e.kind}" title="${h(e.title)}">${h(e.text)}</span>`;
        return e.href ? `<a href="${h(e.href)}">${inner}</a>` : inner;
      });
      cells.push(`<td data-date="${iso}"${cls ? ` class="${cls}"` : ''}><div class="day">${day.day}</div>${items.join('')}</td>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  const head = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => `<th scope="col">${d}</th>`).join('');
  return `<table class="calendar" aria-label="${h(first.toFormat('LLLL yyyy'))}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
