/**
 * iCalendar feeds of a group or a Question: its meetings, their side events and its deadlines, built with
 * ical-generator from {@link FeedItem}s. Pure: the items come from {@link feedItems} (src/calendar/feed-items.ts).
 *
 * Every instant is written in UTC and every all-day date as a plain date, so no VTIMEZONE is needed. UIDs are
 * stable across revisions of a document (see {@link FeedItem.uid}); SEQUENCE, DTSTAMP and LAST-MODIFIED come from
 * the document version an event was read from, so a revised letter makes clients update the event, and the same
 * store gives the same bytes (which the web route turns into an ETag).
 */
import ical, { ICalEventStatus, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { canonicalGroup, canonicalQuestion, groupOfQuestion } from '../core/groups.ts';
import { CATEGORY_LABELS, KIND_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import type { MeetingInfo } from '../core/types.ts';
import type { Cite, DeadlineFact } from '../store/facts.ts';

/**
 * What a feed is about. A Question's feed holds its study group's meetings and the deadlines that concern the
 * Question: the group's general ones and those addressed to it (not those of the group's other Questions).
 * A working party has no facts of its own in the store: `WP2/5` is the feed of SG5.
 */
export type CalendarScope = { kind: 'group'; group: string } | { kind: 'question'; question: string; group: string };

/** How often calendar clients should fetch the feed again (s): the REFRESH-INTERVAL / X-PUBLISHED-TTL hint. */
export const REFRESH_SECONDS = 3600;

/**
 * The scope a feed name stands for, or `null` when it names no ITU-T group or Question. Questions are written with
 * `-` or `/` (`Q4-20`, `Q4/20`), groups as people write them (`SG20`, `sg20`, `TSAG`, `SG12RG-AFR`, `WP2-5`).
 *
 * @example parseCalendarScope('Q4-20') → { kind: 'question', question: 'Q4/20', group: 'SG20' }
 * @example parseCalendarScope('SG99') === null
 */
export function parseCalendarScope(name: string): CalendarScope | null {
  const s = name.trim().replace(/^((?:Q|WP)\s?\d{1,2})-(\d{1,2}|TSAG)$/i, '$1/$2');
  const question = /^Q/i.test(s) ? canonicalQuestion(s) : null;
  const ofQuestion = question ? groupOfQuestion(question) : null;
  if (question && ofQuestion) return { kind: 'question', question, group: ofQuestion };
  const group = canonicalGroup(s);
  return group && !/^Q/i.test(s) ? { kind: 'group', group } : null;
}

/** The name people read: `SG20`, `Q4/20`. */
export function scopeLabel(scope: CalendarScope): string {
  return scope.kind === 'group' ? scope.group : scope.question;
}

/**
 * Canonical path of the feed of a group or Question, relative to the public address: a Question's `/` becomes `-`
 * (`/ical/Q4%2F20.ics` is served too, but a path without an encoded slash survives every proxy and client).
 *
 * @example calendarPath('SG20') === '/ical/SG20.ics'
 * @example calendarPath('Q4/20') === '/ical/Q4-20.ics'
 * @throws RangeError when `scope` is not a group or a Question.
 */
export function calendarPath(scope: string): string {
  const parsed = parseCalendarScope(scope);
  if (!parsed) throw new RangeError(`"${scope}" is not an ITU-T group or Question`);
  return `/ical/${scopeLabel(parsed).replace('/', '-')}.ics`;
}

interface ItemBase {
  /**
   * Stable identity: `deadline-<deadlineKey>@sgbot` (the reminder planner's key), `meeting-<hash of document
   * base>@sgbot`, `side-event-<hash of base>-<hash of title>[-n]@sgbot`.
   */
  uid: string;
  source: Cite;
  /** Store sequence number of the document version the event comes from: grows with every revision. */
  sequence: number;
  /** When that document version was stored (epoch ms): DTSTAMP and LAST-MODIFIED. */
  modified: number;
}

/** One event of a feed. */
export type FeedItem =
  | (ItemBase & { kind: 'deadline'; deadline: DeadlineFact })
  | (ItemBase & { kind: 'meeting'; meeting: MeetingInfo & { cancelledBy?: Cite } })
  | (ItemBase & { kind: 'side-event'; meeting: MeetingInfo; partOf: string });

/** Links a feed's events carry. */
export interface FeedLinks {
  /** Address of the feed itself. */
  feedUrl: string;
  /** Address of a stored document's page. */
  docUrl: (docId: string) => string;
}

// ical-generator escapes `\`, `;`, `,` and turns line breaks into `\n`; other control characters are not allowed in
// a TEXT value at all, and a converted document can carry them (form feeds, vertical tabs, NULs).
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trim();
}

function sourceLines(source: Cite, links: FeedLinks): string[] {
  const label = [source.reference ?? KIND_LABELS[source.kind], source.title].filter(Boolean).join(' — ');
  return [`Source: ${label}`, links.docUrl(source.docId)];
}

type Timing = { allDay: true; start: Date; end: Date } | { allDay: false; start: Date; end: Date | null };

/**
 * When a meeting or side event takes place: timed (UTC instants) when both its opening time and its zone are
 * known, otherwise whole days (the end date is exclusive in iCalendar, hence the extra day).
 */
export function meetingTiming(m: MeetingInfo): Timing | null {
  const first = DateTime.fromISO(m.start, { zone: 'utc' });
  const last = DateTime.fromISO(m.end, { zone: 'utc' });
  if (!first.isValid || !last.isValid || last < first) return null;
  if (!m.startTime || !m.timezone) return { allDay: true, start: first.toJSDate(), end: last.plus({ days: 1 }).toJSDate() };
  const start = DateTime.fromISO(`${m.start}T${m.startTime}`, { zone: m.timezone });
  if (!start.isValid) return null;
  // Without a closing time, a multi-day meeting runs to the end of its last day; a one-day event is its start.
  const end = m.endTime
    ? DateTime.fromISO(`${m.end}T${m.endTime}`, { zone: m.timezone })
    : m.end > m.start
      ? DateTime.fromISO(m.end, { zone: m.timezone }).plus({ days: 1 })
      : null;
  return { allDay: false, start: start.toJSDate(), end: end?.isValid && end > start ? end.toJSDate() : null };
}

function meetingDescription(item: Extract<FeedItem, { meeting: MeetingInfo }>, links: FeedLinks): string {
  const m = item.meeting;
  const lines: string[] = [];
  if (item.kind === 'meeting' && item.meeting.cancelledBy) lines.push(`Cancelled by ${item.meeting.cancelledBy.reference ?? item.meeting.cancelledBy.title ?? 'a later letter'}.`);
  if (item.kind === 'side-event') lines.push(`Side event of: ${item.partOf}`);
  if (m.startTime && !m.timezone) lines.push(`Starts at ${m.startTime}${m.endTime ? `, ends at ${m.endTime}` : ''} local time (time zone not stated).`);
  else if (m.startTime && m.timezone) lines.push(`Opens at ${m.startTime} (${m.timezone}).`);
  return [...lines, ...sourceLines(item.source, links)].join('\n');
}

/**
 * The iCalendar feed of `scope` with `items`, named for the scope, with a refresh hint.
 *
 * @example buildCalendar({ kind: 'group', group: 'SG20' }, items, links).toString() // "BEGIN:VCALENDAR…"
 */
export function buildCalendar(scope: CalendarScope, items: readonly FeedItem[], links: FeedLinks): ICalCalendar {
  const label = scopeLabel(scope);
  const cal = ical({
    name: `ITU-T ${label}: meetings and deadlines`,
    description:
      scope.kind === 'group'
        ? `Meetings, side events and deadlines of ITU-T ${label}, from the documents sgbot has read.`
        : `Meetings of ITU-T ${scope.group}, its general deadlines and those addressed to ${label}, from the documents sgbot has read.`,
    prodId: { company: 'sgbot', product: 'sgbot', language: 'EN' },
    url: links.feedUrl,
    ttl: REFRESH_SECONDS,
  });
  for (const item of items) {
    const common = {
      id: item.uid,
      sequence: item.sequence,
      stamp: new Date(item.modified),
      lastModified: new Date(item.modified),
      url: links.docUrl(item.source.docId),
      transparency: ICalEventTransparency.TRANSPARENT,
    };
    if (item.kind === 'deadline') {
      const d = item.deadline;
      const description = [d.action, `Due as stated: ${formatDeadline(d, d.timezone)}`, ...(d.derived ? ['Derived from a rule in the document.'] : []), ...sourceLines(item.source, links)];
      cal.createEvent({
        ...common,
        start: new Date(d.due),
        summary: clean(`${d.group ?? label} deadline: ${CATEGORY_LABELS[d.category]}`),
        description: clean(description.join('\n')),
      });
      continue;
    }
    const timing = meetingTiming(item.meeting);
    if (!timing) continue;
    // A cancelled meeting stays in the feed as cancelled: calendars that had it mark it so instead of keeping it.
    const cancelledBy = item.kind === 'meeting' ? item.meeting.cancelledBy : undefined;
    cal.createEvent({
      ...common,
      ...timing,
      ...(cancelledBy ? { status: ICalEventStatus.CANCELLED } : {}),
      summary: clean(`${cancelledBy ? 'CANCELLED: ' : ''}${item.meeting.title}`),
      ...(item.meeting.place ? { location: clean(item.meeting.place) } : {}),
      description: clean(meetingDescription(item, links)),
    });
  }
  return cal;
}
