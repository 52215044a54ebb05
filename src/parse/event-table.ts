/**
 * A page's table of events with a deadline column, as a web page copied to text leaves it, one cell a line (an ITU
 * fellowships page: "ITU-R Event(s) | Deadline for fellowship application | …", then per event its name, its town,
 * its dates and the deadline). Each row gives an event, and what is due for it by the date in that column. Pure.
 */
import type { Deadline, MeetingInfo } from '../core/types.ts';
import { categorize } from './categories.ts';
import { GENEVA_ZONE, findDates } from './dates.ts';
import { squash } from './normalize.ts';

// The table's heading row: an "Event(s)" column and a "Deadline for …" one, what is due said in up to two lines.
const HEADING = /^[ \t]*(?:[\w-]+[ \t]+)?Events?(?:\(s\))?[ \t]+Deadline[ \t]+for[ \t]*([^\n]{0,60})(?:\n[ \t]*([a-z][^\n]{0,60}))?/im;
// A line that names an event.
const EVENT = /\b(?:Workshop|Seminar|Forum|Symposium|Conference|Meeting|Assembly|Summit|Training|Course|Colloquium|Webinar|Group)\b/;
// A line holding a date and nothing else but a place before it: "20-23 May 2024", "Addis Ababa, Ethiopia, 20-23 May 2024".
const ONLY_DATE = /^[ \t]*(?:(\p{Lu}[\p{L}' .-]+(?:,[ \t]*\p{Lu}[\p{L}' .-]+)?)[ \t]*,[ \t]*)?(\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+\p{L}+\.?[ \t]+\d{4})[ \t]*$/u;
// A town and its country on a line of their own: "Shanghai, China", "Addis Ababa, Ethiopia,".
const PLACE = /^[ \t]*(\p{Lu}[\p{L}' .-]+,[ \t]*\p{Lu}[\p{L}' .-]+?)[ \t]*,?[ \t]*$/u;
/** Rows read at most: a page lists a few dozen events. */
const MAX_ROWS = 60;

/** The events of such a table and their deadlines; none when the text has no such table. */
export function eventTable(text: string): { events: MeetingInfo[]; deadlines: Deadline[] } {
  const heading = HEADING.exec(text.slice(0, 60_000));
  if (!heading) return { events: [], deadlines: [] };
  const due = squash(`${heading[1] ?? ''} ${heading[2] ?? ''}`).replace(/[|:]+$/, '').trim();
  const lines = text.slice(heading.index + heading[0].length, heading.index + heading[0].length + 30_000).split('\n');
  const events: MeetingInfo[] = [];
  const deadlines: Deadline[] = [];
  for (let i = 0; i < lines.length - 1 && events.length < MAX_ROWS; i++) {
    const when = ONLY_DATE.exec(lines[i] ?? '');
    const range = when?.[2] ? findDates(when[2])[0] : undefined;
    if (!when || !range) continue;
    // The deadline is the next line's one date.
    const next = lines.slice(i + 1, i + 3).find((l) => l.trim() !== '') ?? '';
    const deadline = /^[ \t]*\d{1,2}[ \t]+\p{L}+\.?[ \t]+\d{4}[ \t]*$/u.test(next) ? findDates(next)[0] : undefined;
    if (!deadline || deadline.start > range.start) continue;
    // The event's name and town are on the lines just above its dates.
    const above = lines.slice(Math.max(0, i - 3), i).filter((l) => l.trim() !== '');
    const placeLine = when[1] ? null : (above.at(-1) ?? '');
    const place = when[1]?.trim() ?? (placeLine ? (PLACE.exec(placeLine)?.[1]?.trim() ?? null) : null);
    const title = [...above].reverse().find((l) => EVENT.test(l) && !PLACE.test(l))?.trim();
    if (!title) continue;
    events.push({ group: null, title, start: range.start, end: range.end, place, startTime: null, endTime: null, timezone: null });
    const what = due ? `${due[0]?.toUpperCase() ?? ''}${due.slice(1)}` : 'Deadline';
    deadlines.push({ date: deadline.start, time: null, timezone: GENEVA_ZONE, action: `${what} for ${title}${place ? ` (${place}, ${squash(when[2] ?? '')})` : ''}`, category: categorize(due), derived: false });
  }
  return { events, deadlines };
}
