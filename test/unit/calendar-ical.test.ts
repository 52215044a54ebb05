/** The pure feed builder: feed names, timing of meetings, and text from documents made safe for iCalendar. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarPath, meetingTiming, parseCalendarScope, type FeedItem } from '../../src/calendar/ical.ts';
import type { Cite } from '../../src/store/facts.ts';

const source: Cite = { docId: 'abcdef0123456789abcd', reference: 'TSB Collective letter 7/20', title: 'Meeting of Study Group 20', kind: 'collective-letter', date: '2027-02-08' };
const links = { feedUrl: 'https://sgbot.example.org/ical/SG20.ics', docUrl: (id: string) => `https://sgbot.example.org/doc/${id}` };

function events(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('feed names', () => {
  it('reads groups, Questions and working parties, and refuses what is neither', () => {
    expect(parseCalendarScope('SG20')).toEqual({ kind: 'group', group: 'SG20' });
    expect(parseCalendarScope('sg12rg-afr')).toEqual({ kind: 'group', group: 'SG12RG-AFR' });
    expect(parseCalendarScope('Q4-20')).toEqual({ kind: 'question', question: 'Q4/20', group: 'SG20' });
    expect(parseCalendarScope('Q4/20')).toEqual({ kind: 'question', question: 'Q4/20', group: 'SG20' });
    expect(parseCalendarScope('WP2-5')).toEqual({ kind: 'group', group: 'SG5' });
    for (const bad of ['SG99', 'Q4-99', '4-20', 'SG20RG-XYZ', '', '../SG20', 'SG20\r\nX']) expect(parseCalendarScope(bad)).toBeNull();
  });

  it('gives one canonical path per scope, with a Question\'s slash as a dash', () => {
    expect(calendarPath('SG20')).toBe('/ical/SG20.ics');
    expect(calendarPath('Q4/20')).toBe('/ical/Q4-20.ics');
    expect(calendarPath('WP2/5')).toBe('/ical/SG5.ics');
    expect(calendarPath('TSAG')).toBe('/ical/TSAG.ics');
    expect(() => calendarPath('SG99')).toThrow(RangeError);
  });
});

describe('meeting timing', () => {
  it('is whole days, end exclusive, without an opening time or without a zone', () => {
    const allDay = { allDay: true, start: new Date(Date.UTC(2027, 4, 3)), end: new Date(Date.UTC(2027, 4, 13)) };
    expect(meetingTiming({ group: 'SG20', title: 'm', start: '2027-05-03', end: '2027-05-12', place: null })).toEqual(allDay);
    expect(meetingTiming({ group: 'SG20', title: 'm', start: '2027-05-03', end: '2027-05-12', place: null, startTime: '09:30', timezone: null })).toEqual(allDay);
  });

  it('is timed in the event\'s zone across a daylight-saving change', () => {
    // Geneva changes to summer time on 28 March 2027: 09:30 is 08:30 UTC before, 07:30 UTC after.
    const t = meetingTiming({ group: null, title: 'm', start: '2027-03-26', end: '2027-03-29', place: null, startTime: '09:30', endTime: '12:00', timezone: 'Europe/Zurich' });
    expect(t).toEqual({ allDay: false, start: new Date('2027-03-26T08:30:00Z'), end: new Date('2027-03-29T10:00:00Z') });
    const single = meetingTiming({ group: null, title: 'm', start: '2027-05-02', end: '2027-05-02', place: null, startTime: '14:00', timezone: 'Asia/Tokyo' });
    expect(single).toEqual({ allDay: false, start: new Date('2027-05-02T05:00:00Z'), end: null });
  });

  it('drops an event whose dates make no sense', () => {
    expect(meetingTiming({ group: null, title: 'm', start: '2027-05-12', end: '2027-05-03', place: null })).toBeNull();
    expect(meetingTiming({ group: null, title: 'm', start: 'soon', end: 'later', place: null })).toBeNull();
  });
});

describe('text from documents', () => {
  it('cannot add properties or events, and keeps its words', () => {
    const hostile = 'Workshop\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\nSUMMARY:pwned;x,y\\z\u0000\u000b';
    const items: FeedItem[] = [
      { kind: 'meeting', uid: 'meeting-1@sgbot', source, sequence: 3, modified: Date.UTC(2027, 1, 8), meeting: { group: 'SG20', title: hostile, start: '2027-05-03', end: '2027-05-12', place: 'Geneva\nLOCATION:elsewhere' } },
      {
        kind: 'deadline',
        uid: 'deadline-k-contributions-0@sgbot',
        source: { ...source, title: 'Title\rDESCRIPTION:forged' },
        sequence: 3,
        modified: Date.UTC(2027, 1, 8),
        deadline: { date: '2027-04-14', time: null, timezone: 'Europe/Zurich', action: `Submit\nATTACH:http://evil`, category: 'contributions', derived: false, source, group: 'SG20', questions: [], due: Date.UTC(2027, 3, 14, 21, 59, 59) },
      },
    ];
    const ics = buildCalendar({ kind: 'group', group: 'SG20' }, items, links).toString();
    // eslint-disable-next-line no-control-regex
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(ics.split('\r\n').filter((l) => /^(?:BEGIN:VEVENT|UID:|ATTACH|LOCATION:elsewhere|DESCRIPTION:forged)/.test(l))).toEqual([
      'BEGIN:VEVENT',
      'UID:meeting-1@sgbot',
      'BEGIN:VEVENT',
      'UID:deadline-k-contributions-0@sgbot',
    ]);
    const [meeting, deadline] = events(ics);
    expect(meeting?.summary).toBe('Workshop\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:pwned;x,y\\z');
    expect(meeting?.location).toBe('Geneva\nLOCATION:elsewhere');
    expect(deadline?.description).toContain('Submit\nATTACH:http://evil');
    expect(deadline?.description).toContain('Title\nDESCRIPTION:forged');
  });
});
