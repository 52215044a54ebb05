/**
 * Meetings of bodies outside ITU-T that a document lists (a 3GPP liaison's "Date of Next … Meetings", an MEF
 * liaison's "forthcoming MEF meetings", a 3GPP report's calendar), read from real documents of those layouts
 * (test/fixtures/real, sources in its SOURCES.md): each with its body, dates and place; an ITU-T group's list is
 * not one of them, and none is a deadline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/parse/dates.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { bodyKey, bodyMeetings, proseBodyMeetings } from '../../src/parse/meeting.ts';
import { REAL_DIR } from '../support/real-corpus.ts';

const real = (name: string) => parseDocument(readFileSync(join(REAL_DIR, name), 'utf8'));
const listed = (name: string) => (real(name).bodyMeetings ?? []).map((m) => [m.body, m.title, m.start, m.end, m.place]);

describe("another body's next meetings", () => {
  it("a 3GPP liaison's \"Date of Next … Meetings\": each meeting's body from its name before \"#\"", () => {
    expect(listed('3gpp-ct4-ls-out-user-plane-analysis-to-ietf-dmm.txt')).toEqual([
      ['CT4', 'CT4#86', '2018-08-20', '2018-08-24', 'West Palm Beach, US'],
      ['CT', 'CT#81', '2018-09-10', '2018-09-11', 'Gold Coast, Australia'],
      ['CT4', 'CT4#86bis', '2018-10-15', '2018-10-19', 'Vilnius, Lithuania'],
    ]);
    expect(listed('3gpp-ran2-reply-ls-dynamic-plr-cc-sa2.txt')).toEqual([
      ['TSG-RAN2', 'TSG-RAN2 Meeting #104', '2018-11-12', '2018-11-16', 'Spokane, USA'],
      ['TSG-RAN2', 'TSG-RAN2 Meeting #105', '2019-02-25', '2019-03-01', 'Athens, Greece'],
    ]);
  });

  it('an MEF liaison\'s list written month first, across two months, with a place to be decided', () => {
    expect(listed('ietf-datatracker-1604-mef-forthcoming-meetings-month-first.txt')).toEqual([
      ['MEF', 'MEF meeting', '2019-01-28', '2019-01-31', 'Hong Kong'],
      ['MEF', 'MEF meeting', '2019-04-29', '2019-05-02', 'Dubrovnik, Croatia'],
      ['MEF', 'MEF meeting', '2019-07-29', '2019-08-01', null],
    ]);
    expect(real('ietf-datatracker-1604-mef-forthcoming-meetings-month-first.txt').deadlines).toEqual([]);
  });

  it("a 3GPP report's calendar of cells, column titles and month labels between its rows, read once under two headings", () => {
    const p = real('3gpp-sa2-132-report-future-meeting-calendar.txt');
    expect(p.bodyMeetings?.map((m) => [bodyKey(m.body ?? ''), m.start, m.place])).toEqual([
      ['SA2', '2019-05-13', 'Reno, Nevada, USA'],
      ['SA2', '2019-06-24', 'Sapporo, JP'],
      ['SA2', '2019-10-14', 'Split (HR), HR'],
      ['SA2', '2019-11-18', 'Reno, Nevada, USA'],
    ]);
    expect(p.deadlines).toEqual([]);
  });

  it('a list of an ITU-T group\'s meetings, and meetings already held, are not listed as another body\'s', () => {
    expect(bodyMeetings('Next SG17 meetings:\n29 August - 6 September 2027, Geneva\n', null, null)).toEqual([]);
    expect(bodyMeetings('The forthcoming MEF meetings are:\n10-13 February 2020, Ho Chi Minh City, Vietnam\n', '2020-03-01', null)).toEqual([]);
  });

  it('one key for the spellings of a body; none for an ITU-T group', () => {
    expect(['TSG-RAN2', 'RAN WG2', '3GPP TSG RAN WG2', 'RAN2'].map(bodyKey)).toEqual(['RAN2', 'RAN2', 'RAN2', 'RAN2']);
    expect(['3GPPSA2', 'TSG-SA WG2', 'SA2#130'].map(bodyKey)).toEqual(['SA2', 'SA2', 'SA2']);
    expect(bodyKey('SG17')).toBeNull();
  });

  it('reads a range across two months written month first', () => {
    expect(findDates('April 29 - May 2, 2019 - Dubrovnik')).toEqual([{ start: '2019-04-29', end: '2019-05-02', index: 0, text: 'April 29 - May 2, 2019' }]);
    // Across the new year, the year written is the end's.
    expect(findDates('held Dec. 30 - Jan. 3, 2027 in Hanoi').map((h) => [h.start, h.end])).toEqual([['2026-12-30', '2027-01-03']]);
  });
});

describe('how long a group lives is no deadline', () => {
  it('"extended the lifetime of the focus group / until 31 December 2016" sets no reply date', () => {
    const p = real('ietf-datatracker-1457-sg13-fg-lifetime-until-not-deadline.txt');
    expect(p.deadlines).toEqual([]);
    expect(p.liaison?.deadline).toBeNull();
  });
});

describe("a study group's next meeting in a liaison's running text", () => {
  it('"The first SG13 meeting of the study period will be held in Geneva, 6-17 February 2017": mentioned, under SG13', () => {
    const p = real('ietf-tracker-1504-fg-imt2020-first-sg13-meeting-of-period.txt');
    expect(p.moreMeetings?.map((m) => [m.group, m.start, m.end, m.place])).toEqual([['SG13', '2017-02-06', '2017-02-17', 'Geneva, Switzerland']]);
    expect(p.bodyMeetings).toBeUndefined();
  });
});

describe('what a review of these readings found', () => {
  const letter = (body: string) => ['INTERNATIONAL TELECOMMUNICATION UNION', 'TELECOMMUNICATION STANDARDIZATION BUREAU', '', 'Geneva, 1 July 2027', '', 'Ref: Addendum 1 to TSB Collective letter 4/21', 'Subject: Meeting of Study Group 21; Geneva, 13-22 September 2027', '', 'Dear Sir/Madam,', '', body, '', 'Yours faithfully,'].join('\n');

  it('a sentence moving two deadlines says, of each, from when it was moved', () => {
    const p = parseDocument(letter('The deadline for the submission of contributions has been extended from 25 August 2027 to 1 September 2027, and the deadline for pre-registration has been extended from 23 August 2027 to 30 August 2027.'));
    expect(p.deadlines.map((d) => [d.date, d.action])).toEqual([
      ['2027-08-30', 'Pre-registration (extended from 23 August 2027)'],
      ['2027-09-01', 'Submission of contributions (extended from 25 August 2027)'],
    ]);
  });

  it('"By 14 May 2027, contributions …" after a sentence on the meeting is still a deadline', () => {
    const p = parseDocument(letter('The next meeting of Study Group 21 will be held at ITU headquarters in Geneva from 13 to 22 September 2027.\n\nBy 1 September 2027, contributions should be submitted through Direct Document Posting.'));
    expect(p.deadlines.map((d) => d.date)).toEqual(['2027-09-01']);
  });

  it('a heading of next meetings that names no body ("Rapporteur", "ITU-T", "two") lists no other body\'s meetings', () => {
    for (const heading of ['Upcoming Rapporteur meetings:', 'Next ITU-T meetings:', 'Next two meetings:']) expect(bodyMeetings(`${heading}\n12-14 May 2027, Geneva\n`, null, null)).toEqual([]);
    expect(bodyKey('Q6/17')).toBeNull();
  });

  it('a page of such headings is read in bounded time', () => {
    const started = performance.now();
    bodyMeetings('Next meetings:\n'.repeat(20_000), null, 'MEF');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("another body's meetings told in running text", () => {
  const told = (text: string, after: string | null = null, sender: string | null = null) => proseBodyMeetings(text, after, sender).map((m) => [m.body, m.title, m.start, m.end, m.place]);

  it('an ITU-R liaison\'s "The next meeting of Working Party 5A is scheduled for …" (real, ITU-R WP 5A to external organizations)', () => {
    expect(listed('itu-r-wp5a-ls-to-mgws-external-orgs-status-line.txt')).toEqual([['Working Party 5A', 'Working Party 5A meeting', '2013-11-18', '2013-11-29', null]]);
    // Its contribution deadline in the same sentence stays a deadline, not a meeting.
    expect(real('itu-r-wp5a-ls-to-mgws-external-orgs-status-line.txt').deadlines.map((d) => d.date)).toContain('2013-11-11');
  });

  it('"its next meeting" is the body the sentence names before it, and the one after ("the following meeting") too', () => {
    const text = 'WP 5D would like to inform SG13 that its next meeting (#49) will be held in Geneva from 10 to 19 February 2027, and the following meeting (#50) is planned for 16-25 June 2027 in Tokyo, Japan.';
    expect(told(text, '2026-11-02', 'ITU-R Working Party 5D')).toEqual([
      ['WP 5D', 'WP 5D meeting #49', '2027-02-10', '2027-02-19', 'Geneva, Switzerland'],
      ['WP 5D', 'WP 5D meeting #50', '2027-06-16', '2027-06-25', 'Tokyo, Japan'],
    ]);
  });

  it('"the 40th plenary meeting of ISO/IEC JTC 1 will take place …", "SC 27 will hold its next plenary …", "our next meeting" of the sender', () => {
    expect(told('The 40th plenary meeting of ISO/IEC JTC 1 will take place in Seoul, Korea, from 8 to 12 November 2027.')).toEqual([['ISO/IEC JTC 1', 'ISO/IEC JTC 1 meeting', '2027-11-08', '2027-11-12', 'Seoul, Korea']]);
    expect(told('ISO/IEC JTC 1/SC 27 will hold its next plenary in Berlin on 20-24 September 2027.').map((m) => [bodyKey(m[0] ?? ''), m[2]])).toEqual([['SC27', '2027-09-20']]);
    expect(told('Your comments would be welcome at our next meeting, to be held 2-6 August 2027 in Montreal.', null, 'IEEE 802.1 Working Group').map((m) => [m[0], m[2], m[4]])).toEqual([['IEEE 802.1 Working Group', '2027-08-02', 'Montreal']]);
  });

  it("one key for another Sector's group however it is written; an ITU-T working party keeps none", () => {
    expect(['ITU-R WP 5D', 'WP 5D', 'Working Party 5D', 'ITU-R Working Party 5D'].map(bodyKey)).toEqual(['WP5D', 'WP5D', 'WP5D', 'WP5D']);
    expect(['ISO/IEC JTC 1/SC 27', 'JTC 1/SC 27', 'SC 27'].map(bodyKey)).toEqual(['SC27', 'SC27', 'SC27']);
    expect(['WP3/13', 'WP 2/17'].map(bodyKey)).toEqual([null, null]);
  });

  it("an ITU-T group's next meeting, a date before the letter, a deadline before the meeting and a letter's own \"next meeting\" are none", () => {
    expect(told('The next meeting of Study Group 13 will be held in Geneva from 6 to 17 September 2027.')).toEqual([]);
    expect(told('ITU-T SG17 would like to inform that its next meeting will be held from 29 August to 6 September 2027.')).toEqual([]);
    expect(told('The next meeting will be held in Geneva from 6 to 17 September 2027.', null, 'SG15')).toEqual([]);
    expect(told('The next meeting of Working Party 5A is scheduled for 18-29 November 2013.', '2014-01-10')).toEqual([]);
    expect(told('Our next meeting will consider replies submitted by 2 February 2027, before it opens.', null, 'MEF')).toEqual([]);
  });

  it('a JTC 1 document\'s "Eleventh Plenary Meeting of SC 2, Singapore, 2001-10-18/19": the place before an ISO range (real, SC 2 N 3557)', () => {
    const p = real('jtc1-sc2-n3557-doc-type-liaison-report-iso-range.txt');
    // (What else the parse gave, to tell why when it fails.)
    expect(p.bodyMeetings?.map((m) => [m.body, m.start, m.end, m.place]), JSON.stringify({ kind: p.kind, date: p.date, events: p.events })).toEqual([['SC 2', '2001-10-18', '2001-10-19', 'Singapore']]);
  });

  it('ISO ranges and dates written without spaces are dates, each pointing at its text as written', () => {
    expect(findDates('Singapore, 2001-10-18/19.')).toEqual([{ start: '2001-10-18', end: '2001-10-19', index: 11, text: '2001-10-18/19' }]);
    expect(findDates('Geneva 2008-02-25/03-01 and 2008-02-25')).toEqual([
      { start: '2008-02-25', end: '2008-03-01', index: 7, text: '2008-02-25/03-01' },
      { start: '2008-02-25', end: '2008-02-25', index: 28, text: '2008-02-25' },
    ]);
    expect(findDates('ballot (closes no later than 17SEP2006)')).toEqual([{ start: '2006-09-17', end: '2006-09-17', index: 29, text: '17SEP2006' }]);
    // A standard's or version's number before a month names no day (the IEEE 802.3 announcement of January 2026).
    expect(findDates('during the IEEE 802.3 January 2026 interim meeting series')).toEqual([]);
    expect(findDates('version 2.3 March 2026, issued on 3 March 2026')).toEqual([{ start: '2026-03-03', end: '2026-03-03', index: 34, text: '3 March 2026' }]);
    // A range that runs backwards is read as no range.
    expect(findDates('2001-10-18/12').some((d) => d.end !== d.start)).toBe(false);
  });

  it('a page of such sentences is read in bounded time', () => {
    const started = performance.now();
    proseBodyMeetings('The next meeting of ABC Forum will be held in Rome, its next meeting of the next plenary. '.repeat(20_000), null, 'MEF');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
