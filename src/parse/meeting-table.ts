/**
 * A letter's table of meetings, one row a group: "Working Party 9A / 23-30 November 2005 / 18th November 2005 at
 * 08:00 hours Geneva time / 09:30 hours on 23rd November", or the same row run together by a converter ("Working
 * Party 5A28 April - 11 May 2021Wednesday, 21 April 2021Wednesday, 28 April 2021 at 1200 hours"). Each row gives a
 * meeting (its dates and opening time) and, when a date before the meeting follows its dates, the deadline for
 * contributions to it. Pure.
 */
import { canonicalGroup } from '../core/groups.ts';
import type { Deadline, MeetingInfo } from '../core/types.ts';
import { GENEVA_ZONE, findDates, findTime } from './dates.ts';
import { allMatches } from './matches.ts';
import { squash } from './normalize.ts';

/** What a table of meetings gives: one meeting per row, and the contribution deadlines its rows state. */
export interface MeetingRows {
  meetings: MeetingInfo[];
  deadlines: Deadline[];
}

// A row starts with its group: "Working Party 7A", "WP 9D", "Study Group 9", "SG 13", "Working Party 2/13"; a
// converter runs the cells together without a space ("Working Party 5A28 April", "…at 1200 hoursWorking Party 5B10
// - 21 May 2021…").
const ROW_GROUP = /(?<![A-Z])(Working\s+Party|WP|Study\s+Group|SG)\s?(\d{1,2}[A-Z]?(?:\/\d{1,2})?)(?=[\s/|,;:)–-]|\d|$)/g;
// The deadline's hour, in the row or in the table's heading: "at 08:00 hours Geneva time", "1600 hours UTC".
// A converter may run the heading's words on: "Deadline for contributions1600 hours UTC".
const HOUR = /(?<!\d)(\d{1,2}[:.]?\d{2})\s*(?:hours|hrs|h)(?![a-z])(?:\s*\(?(UTC|Geneva time|CET|CEST)\)?)?/i;
const DUE_HOUR = /\bat\s+(\d{1,2}[:.]?\d{2})\s*(?:hours|hrs|h)(?![a-z])(?:\s*\(?(UTC|Geneva time|CET|CEST)\)?)?/i;
// "at 1200 hours2Programme …": a flattened table runs the next heading's number on.
const CLOCK_HOURS = /(\d{1,2}[:.]?\d{2})\s*(?:hours|hrs|h)(?![a-z])/i;

const MAX_LABELS = 120;
const ROW_START = /^[\s/|]{0,6}(?:\d|[A-Z][a-z])/;

/** The rows of the first table of meetings in `text` (two rows, or one under a deadline heading), or `null`. `sector` names groups without one. */
export function meetingRows(text: string, sector: string): MeetingRows | null {
  const head = text.slice(0, 20_000);
  // A table has a few dozen rows at most: the first labels are enough, and each costs a date read.
  const labels = allMatches(ROW_GROUP, head).slice(0, MAX_LABELS);
  const meetings: MeetingInfo[] = [];
  const deadlines: Deadline[] = [];
  let tableStart = -1;
  labels.forEach((m, i) => {
    const from = m.index + m[0].length;
    const next = labels[i + 1];
    const row = head.slice(from, Math.min(next ? next.index : head.length, from + 300));
    // Dates are read only where a row's could start: a day or a name (weekday, month) after at most a cell mark.
    if (!ROW_START.test(row)) return;
    const dates = findDates(row);
    const range = dates[0];
    // The row's own dates come right after its group, in a cell of their own ("/ 23-30 November 2005", "| 14 July
    // 2027", the next line) or run on ("5A28 April - 11 May 2021"); in prose ("SG13 1 January 2001 …") only a range
    // of days, never a single one, follows a group's name.
    if (!range || range.index > 6) return;
    const gap = row.slice(0, range.index);
    if (!/^(?:\s*[/|\t\n]\s*|)$/.test(gap) && !(range.start !== range.end && /^[ ]+$/.test(gap))) return;
    if (tableStart < 0) tableStart = m.index;
    const label = squash(`${m[1] ?? ''} ${m[2] ?? ''}`);
    const group = sector === 'ITU-T' ? canonicalGroup(label) : null;
    const rest = row.slice(range.index + range.text.length);
    const due = dates[1] && dates[1].start < range.start ? dates[1] : undefined;
    // The deadline's own hour follows its date ("18th November 2005 at 08:00 hours Geneva time"; the date read may
    // take the hour in); the opening comes next ("09:30 hours on 23rd November", "Wednesday, 28 April 2021 at 1200
    // hours").
    const dueTail = due ? row.slice(due.index, due.index + due.text.length + 40) : '';
    const found = due ? DUE_HOUR.exec(dueTail) : null;
    const dueHour = found && due && found.index <= due.text.length + 2 ? found : null;
    const afterDue = due ? row.slice(due.index + (dueHour ? dueHour.index + dueHour[0].length : due.text.length)) : rest;
    const opening = CLOCK_HOURS.exec(afterDue.slice(0, 90));
    const openAt = opening ? (findTime(`${opening[1] ?? ''} hours`)?.start ?? null) : null;
    meetings.push({
      group,
      title: sector === 'ITU-T' ? `Meeting of ${label}` : `Meeting of ${sector} ${label}`,
      start: range.start,
      end: range.end,
      place: null,
      startTime: openAt,
      endTime: null,
      timezone: openAt ? GENEVA_ZONE : null,
    });
    if (due) {
      // The hour nearest the table: the heading's ("Deadline for contributions1600 hours UTC"), not an opening hour
      // in the sentence before it ("… will commence on 13 June 2017 at 0930 hours (see table below)").
      const heading = [...head.slice(Math.max(0, tableStart - 300), tableStart).matchAll(new RegExp(HOUR.source, 'gi'))].at(-1) ?? null;
      const hour = dueHour ?? heading;
      const time = hour ? (findTime(`${hour[1] ?? ''} hours`)?.start ?? null) : null;
      const zone = /UTC/i.test(hour?.[2] ?? '') ? 'UTC' : GENEVA_ZONE;
      // Two groups' contributions due the same day are one deadline for both: "Contributions to Working Party 5A and
      // Working Party 5C".
      const same = deadlines.find((d) => d.date === due.start && d.time === time && d.timezone === zone);
      if (same) same.action = `${same.action} and ${label}`;
      else deadlines.push({ date: due.start, time, timezone: zone, action: `Contributions to ${label}`, category: 'contributions', derived: false });
    }
  });
  // One row is a table too when it sits under a "Deadline for contributions" heading and gives one.
  const headed = tableStart >= 0 && /\bdeadline\b/i.test(head.slice(Math.max(0, tableStart - 300), tableStart));
  return meetings.length >= 2 || (meetings.length === 1 && deadlines.length === 1 && headed) ? { meetings, deadlines } : null;
}
