import { describe, expect, it } from 'vitest';
import { dateIn, dueAt, formatDeadline, formatOpening, resolveZone, whenWords, zoneLabel } from '../../src/core/time.ts';
import { utcOffsetZone } from '../../src/parse/dates.ts';
import { findOpeningZone } from '../../src/parse/meeting.ts';

describe('deadline times', () => {
  it('is due at the end of the Geneva day, on either side of the summer-time change', () => {
    expect(new Date(dueAt({ date: '2026-03-28', time: null, timezone: 'Europe/Zurich' })).toISOString()).toBe('2026-03-28T22:59:59.000Z');
    expect(new Date(dueAt({ date: '2026-03-29', time: null, timezone: 'Europe/Zurich' })).toISOString()).toBe('2026-03-29T21:59:59.000Z');
    expect(new Date(dueAt({ date: '2026-04-30', time: '23:59', timezone: 'UTC' })).toISOString()).toBe('2026-04-30T23:59:00.000Z');
  });

  it("shows the reader's own clock with the document's original beside it", () => {
    expect(formatDeadline({ date: '2026-04-30', time: '23:59', timezone: 'UTC' }, 'Asia/Tokyo')).toBe('Fri 1 May 2026, 08:59 (Asia/Tokyo) — original: 30 April 2026, 23:59 UTC');
    // A date with no time ends at midnight Geneva: already the next morning in Tokyo, still the afternoon in New York.
    expect(formatDeadline({ date: '2026-04-29', time: null, timezone: 'Europe/Zurich' }, 'Asia/Tokyo')).toBe('Thu 30 Apr 2026, 06:59 (Asia/Tokyo) — original: 29 April 2026 Geneva time, end of day');
    expect(formatDeadline({ date: '2026-04-29', time: null, timezone: 'Europe/Zurich' }, 'America/New_York')).toBe('Wed 29 Apr 2026, 17:59 (America/New_York) — original: 29 April 2026 Geneva time, end of day');
    expect(formatDeadline({ date: '2026-04-29', time: null, timezone: 'Europe/Zurich' }, 'Europe/Zurich')).toBe('Wed 29 Apr 2026 (end of day, Geneva)');
  });
});

describe('dateIn', () => {
  it("is the reader's calendar date, which is not the UTC one near midnight", () => {
    const lateUtc = Date.parse('2026-10-12T23:30:00Z');
    expect(dateIn(lateUtc, 'UTC')).toBe('2026-10-12');
    expect(dateIn(lateUtc, 'Asia/Tokyo')).toBe('2026-10-13');
    expect(dateIn(Date.parse('2026-10-13T02:00:00Z'), 'America/New_York')).toBe('2026-10-12');
  });
});

describe('whenWords', () => {
  // The same deadline (end of 23 Dec in Geneva) read on 6 Dec: 17 calendar days on in Geneva, 18 in Tokyo where it
  // falls on 24 Dec; answers and reminder subjects must say the same.
  const due = dueAt({ date: '2026-12-23', time: null, timezone: 'Europe/Zurich' });
  const now = Date.parse('2026-12-06T09:00:00Z');
  it('counts calendar days in the reader zone', () => {
    expect(whenWords(due, now, 'Europe/Zurich')).toBe('in 17 days');
    expect(whenWords(due, now, 'Asia/Tokyo')).toBe('in 18 days');
    expect(whenWords(due, Date.parse('2026-12-23T08:00:00Z'), 'Europe/Zurich')).toBe('today');
    expect(whenWords(due, Date.parse('2026-12-22T23:30:00Z'), 'Europe/Zurich')).toBe('today');
    expect(whenWords(due, Date.parse('2026-12-22T08:00:00Z'), 'Europe/Zurich')).toBe('tomorrow');
    expect(whenWords(due, due + 1, 'Europe/Zurich')).toBe('past');
  });
});

describe('a meeting opening in a zone given as an offset', () => {
  // A regional group's letter: "The meeting will open at 0900 hours local time (UTC+4)" (Muscat).
  it('reads the offset from the opening sentence, and converts it for the reader with the original beside it', () => {
    const text = 'The meeting will be held in Muscat, Oman. The meeting will open at 0900 hours local time (UTC+4). Registration …';
    expect(findOpeningZone(text)).toBe('UTC+4');
    const m = { start: '2026-12-09', startTime: '09:00', timezone: 'UTC+4', place: 'Muscat, Oman' };
    expect(formatOpening(m, 'Asia/Tokyo')).toBe('Wed 9 Dec 2026, 14:00 (Asia/Tokyo) — original: 9 December 2026, 09:00 local time (UTC+4)');
    expect(formatOpening(m, 'UTC+4')).toBe('Wed 9 Dec 2026, 09:00 local time (UTC+4)');
  });

  it('reads offsets as documents write them, and no offset where there is none', () => {
    expect(utcOffsetZone('at 1000 hours (GMT+05:30)')).toBe('UTC+5:30');
    expect(utcOffsetZone('starting 14:00 UTC − 3')).toBe('UTC-3');
    expect(utcOffsetZone('at 2359 hours UTC on 2 February')).toBeNull();
    expect(findOpeningZone('The meeting will open at 0930 hours. All deadlines are 2359 hours UTC+1.')).toBeNull();
    expect(zoneLabel('Europe/Zurich')).toBe('Geneva time');
  });

  it('reads UTC itself from an opening "from 14:00 to 16:00 UTC", wrapped over lines (an IETF interim announcement)', () => {
    const text = 'The Common Control and Measurement Plane (ccamp) WG will hold\na virtual interim meeting on 2026-09-15 from 14:00 to 16:00 UTC.\n\nAgenda: 14:00 UTC+2';
    expect(findOpeningZone(text)).toBe('UTC');
    const m = { start: '2026-09-15', startTime: '14:00', timezone: 'UTC', place: 'virtual' };
    expect(formatOpening(m, 'Asia/Tokyo')).toMatch(/^Tue 15 Sep 2026, 23:00 \(Asia\/Tokyo\) — original: 15 September 2026, 14:00 /);
  });
});

describe('zones as people name them', () => {
  it('takes IANA names as they are, Geneva (which the database files under Zurich) and a city for its zone, and nothing else', () => {
    expect(resolveZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveZone('UTC')).toBe('UTC');
    expect(resolveZone('Europe/Geneva')).toBe('Europe/Zurich');
    expect(resolveZone('geneva')).toBe('Europe/Zurich');
    expect(resolveZone('tokyo')).toBe('Asia/Tokyo');
    expect(resolveZone('New York')).toBe('America/New_York');
    expect(resolveZone('Atlantis/Nowhere')).toBeNull();
    expect(resolveZone('')).toBeNull();
  });

  it('reads a town the zone database does not name by the largest town so named, and no word as a town', () => {
    expect(resolveZone('Brasília')).toBe('America/Sao_Paulo');
    expect(resolveZone('Bengaluru')).toBe('Asia/Kolkata');
    expect(resolveZone('New Delhi')).toBe('Asia/Kolkata');
    expect(resolveZone('Ottawa')).toBe('America/Toronto');
    expect(resolveZone('Washington')).toBe('America/New_York');
    // A village named like a word ("Progress", 146 inhabitants) is not taken for it; months and words are no towns.
    for (const word of ['Progress', 'March', 'May', 'total', 'English', 'person', 'mobile', 'Mobile', 'reading', 'Split', 'Nice']) expect(resolveZone(word)).toBeNull();
    // "ITU time" is Geneva's; an acronym is no town ("Itu", Brazil).
    expect(resolveZone('ITU')).toBe('Europe/Zurich');
    // The list spells it "Montréal"; people write "Montreal".
    expect(resolveZone('Montreal')).toBe('America/Montreal');
  });

  // TSB Circular 148 (2007): a workshop in Montreal opening "at 1030 hours" with no zone; a rapporteurs' mail on the
  // SG16 list (2001) for a meeting in Launceston, Tasmania.
  it("converts a time a letter gives in a meeting place's own time, a small town's too", () => {
    const workshop = { start: '2007-07-13', startTime: '10:30', timezone: null, place: 'Montreal, Canada' };
    expect(formatOpening(workshop, 'Asia/Tokyo')).toBe('Fri 13 Jul 2007, 23:30 (Asia/Tokyo) — original: 13 July 2007, 10:30 America/Montreal');
    expect(formatOpening({ start: '2001-02-05', startTime: '09:00', timezone: null, place: 'Launceston, Tasmania' }, 'Europe/Zurich')).toBe('Sun 4 Feb 2001, 23:00 (Europe/Zurich) — original: 5 February 2001, 09:00 Australia/Hobart');
  });
});
