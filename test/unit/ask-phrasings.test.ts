/**
 * Plain-language questions to commands and arguments, through the router as every channel uses it (pure: no store).
 * Each phrasing is what a delegate types in a chat or the terminal; where one comes from a reported failure, the
 * test says so. Date ranges are checked in the reader's zone against a fixed asking instant.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { topicWords, type DeadlineArgs } from '../../commands/deadlines.ts';
import type { MeetingArgs } from '../../commands/meeting.ts';
import { topicAsked } from '../../commands/lsg.ts';
import { statedOfficers, unglued, type OfficerArgs } from '../../commands/officers.ts';
import { parseScope, unknownGroupReply } from '../../commands/scope.ts';
import { dueIn, easterSunday, rangeDays, rangeOf, splitWhen } from '../../commands/when.ts';
import { followUp, partsOf, route, withoutRemark, zoneNamed, type AskClock } from '../../src/chat/router.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { canonicalWorkingParty } from '../../src/core/groups.ts';
import { formatOpening, formatSpan } from '../../src/core/time.ts';

const registry = defaultRegistry();
const TOKYO = 'Asia/Tokyo';
/** Sunday 6 December 2026, noon in Tokyo. */
const SUNDAY_TOKYO: AskClock = { now: DateTime.fromISO('2026-12-06T12:00', { zone: TOKYO }).toMillis(), tz: TOKYO };

const at = (iso: string, tz = TOKYO) => DateTime.fromISO(iso, { zone: tz }).toMillis();

function routed(text: string, clock: AskClock = SUNDAY_TOKYO): { command: string; args: unknown } {
  const r = route(registry, text, clock);
  if ('reply' in r) return { command: `reply:${r.reply.code}`, args: r.reply };
  return { command: r.spec.name, args: r.args };
}

function deadlines(text: string, clock: AskClock = SUNDAY_TOKYO): DeadlineArgs {
  const r = routed(text, clock);
  expect(r.command, text).toBe('deadlines');
  return r.args as DeadlineArgs;
}

describe('group spellings', () => {
  // What delegates write for a group: the document style, the spaced one, lower case, the long form, the ITU-T prefix.
  it.each(['SG20', 'SG 20', 'sg20', 'Sg 20', 'SG-20', 'study group 20', 'Study Group 20', 'ITU-T SG20', 'ITU-T-SG-20', 'ITU-T Study Group 20', 'COM 20'])('%s is SG20', (text) => {
    expect(parseScope(text)).toEqual({ kind: 'group', group: 'SG20' });
    expect(parseScope(`for the ${text} meeting?`)).toEqual({ kind: 'group', group: 'SG20' });
  });

  it.each([
    ['Q4/20', { kind: 'question', question: 'Q4/20' }],
    ['q4/20', { kind: 'question', question: 'Q4/20' }],
    ['Question 4/20', { kind: 'question', question: 'Q4/20' }],
    ['WP1/20', { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }],
    ['wp 1/20', { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }],
    ['Working Party 1/20', { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }],
    ['TSAG', { kind: 'group', group: 'TSAG' }],
    ['sg12rg-afr', { kind: 'group', group: 'SG12RG-AFR' }],
    ['SG99', { kind: 'unknown', text: 'SG99' }],
    ['IoT', { kind: 'unknown', text: 'IoT' }],
  ])('%s', (text, scope) => {
    expect(parseScope(text)).toEqual(scope);
  });

  it('a working party in canonical form', () => {
    expect(canonicalWorkingParty('Working Party 3/17')).toBe('WP3/17');
    expect(canonicalWorkingParty('WP1/99')).toBeNull();
  });
});

describe('deadlines', () => {
  // Reported: "deadlines for study group 20" got "I can't answer that yet" (the words "group" and "study" were dropped one by one).
  it.each(['deadlines for study group 20', 'Deadlines for SG 20', 'deadlines sg20', 'DEADLINES FOR ITU-T SG20?', 'what are the deadlines for Study Group 20', 'SG20 deadlines', 'any SG 20 deadlines?'])(
    '%s → SG20, no dates',
    (text) => {
      expect(deadlines(text)).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, when: null, range: null, unread: null });
    },
  );

  // Reported: "what's due next week for a group". Asked on a Sunday in Tokyo: next week is Monday 7 to Sunday 13 December there.
  it.each(["what's due next week for SG20", "What's due next week for study group 20?", 'whats due for sg20 next week', 'what is due next week for ITU-T SG20', 'deadlines SG20 next week', 'SG 20 deadlines next week'])(
    '%s → SG20, 7–13 Dec 2026 in Tokyo',
    (text) => {
      expect(deadlines(text)).toMatchObject({
        scope: { kind: 'group', group: 'SG20' },
        range: { from: at('2026-12-07T00:00'), to: at('2026-12-14T00:00'), words: '7–13 Dec 2026' },
        unread: null,
      });
    },
  );

  it('"next week" is the reader\'s next week: late Sunday in Geneva is already Monday in Tokyo', () => {
    const now = Date.parse('2026-12-06T16:00:00Z');
    expect(deadlines('deadlines SG20 next week', { now, tz: 'Europe/Zurich' }).range).toMatchObject({ from: at('2026-12-07T00:00', 'Europe/Zurich'), to: at('2026-12-14T00:00', 'Europe/Zurich') });
    expect(deadlines('deadlines SG20 next week', { now, tz: TOKYO }).range).toMatchObject({ from: at('2026-12-14T00:00'), to: at('2026-12-21T00:00'), words: '14–20 Dec 2026' });
  });

  // A delegate planning a month of submissions.
  it.each(["what's due for SG 20 in May 2026", 'deadlines SG20 in May 2026', 'What is due for study group 20 in may 2026?'])('%s → May 2026', (text) => {
    expect(deadlines(text)).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, range: { from: at('2026-05-01T00:00'), to: at('2026-06-01T00:00'), words: 'May 2026' } });
  });

  it.each(['deadlines this month', "what's due this month", 'Deadlines for TSAG this month'])('%s → December 2026', (text) => {
    expect(deadlines(text).range).toEqual({ from: at('2026-12-01T00:00'), to: at('2027-01-01T00:00'), words: 'December 2026' });
  });

  // A Question's contributions for the first half of a month; no year: the next March.
  it.each(['deadlines Q4/20 between 1 and 15 March', 'deadlines for q4/20 between 1 and 15 March?', 'Deadlines Q4/20 from 1 to 15 March', 'deadlines Q4/20 1-15 March'])('%s → Q4/20, 1–15 Mar 2027', (text) => {
    expect(deadlines(text)).toMatchObject({ scope: { kind: 'question', question: 'Q4/20' }, range: { from: at('2027-03-01T00:00'), to: at('2027-03-16T00:00'), words: '1–15 Mar 2027' } });
  });

  it.each(['deadlines before April', 'deadlines before april', 'is anything due before April?', "what's due before April"])('%s → until 31 Mar 2027, all groups', (text) => {
    expect(deadlines(text)).toMatchObject({ scope: { kind: 'all' }, range: { from: null, to: at('2027-04-01T00:00'), words: 'until 31 Mar 2027' } });
  });

  // Reported as misread or refused: "the week after next" (read as next week), quarters, Christmas, abbreviated months.
  it.each([
    ['what deadlines are there the week after next', at('2026-12-14T00:00'), at('2026-12-21T00:00'), '14–20 Dec 2026'],
    ['deadlines in Q1 2027', at('2027-01-01T00:00'), at('2027-04-01T00:00'), 'January – March 2027'],
    ['SG20 deadlines in the first quarter of 2027', at('2027-01-01T00:00'), at('2027-04-01T00:00'), 'January – March 2027'],
    ['deadlines between 1 Jan and 15 Feb 2027', at('2027-01-01T00:00'), at('2027-02-16T00:00'), '1 Jan – 15 Feb 2027'],
    ['deadlines from 10 Jan to 20 Jan', at('2027-01-10T00:00'), at('2027-01-21T00:00'), '10–20 Jan 2027'],
  ])('%s', (text, from, to, words) => {
    expect(deadlines(text)).toMatchObject({ range: { from, to, words }, unread: null });
  });

  it('anything due before Christmas? ends on Christmas Eve', () => {
    expect(deadlines('anything due before Christmas?')).toMatchObject({ scope: { kind: 'all' }, range: { from: null, to: at('2026-12-25T00:00') }, unread: null });
  });

  it('past deadlines and the ones I missed include the past', () => {
    expect(deadlines('past deadlines SG20')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, all: true, unread: null });
    expect(deadlines('what deadlines did I miss for SG20')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, all: true, unread: null });
  });

  it('a working party asks about its study group, and says which', () => {
    expect(deadlines('deadlines WP1/20 next week')).toMatchObject({ scope: { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }, range: { words: '7–13 Dec 2026' } });
  });

  it('words that are neither a group nor a date are reported, not guessed', () => {
    expect(deadlines('deadlines SG20 blah')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, unread: 'blah' });
    expect(deadlines('deadlines for foo')).toMatchObject({ scope: { kind: 'unknown', text: 'foo' } });
    expect(deadlines('/deadlines SG99')).toMatchObject({ scope: { kind: 'unknown', text: 'SG99' } });
  });

  // Reported: "when is the contribution deadline for SG20" was refused ("I understood SG20 but not contribution").
  it.each([
    ['when is the contribution deadline for SG20', { kind: 'group', group: 'SG20' }, ['contributions', 'translated-contributions']],
    ['when is the registration deadline for the SG13 meeting', { kind: 'group', group: 'SG13' }, ['registration']],
    ['visa deadlines SG17', { kind: 'group', group: 'SG17' }, ['visa']],
    ['deadline for fellowship requests for study group 20', { kind: 'group', group: 'SG20' }, ['fellowship']],
    ['deadlines for contributions needing translation SG20', { kind: 'group', group: 'SG20' }, ['contributions', 'translated-contributions']],
    ['reply deadlines for Q6/17', { kind: 'question', question: 'Q6/17' }, ['liaison-reply']],
    ['when is the TAP reply due for SG20', { kind: 'group', group: 'SG20' }, ['consultation-reply']],
    ['when do we have to register for SG13', { kind: 'group', group: 'SG13' }, ['registration']],
  ])('%s → one kind of deadline', (text, scope, categories) => {
    expect(deadlines(text)).toMatchObject({ scope, categories, unread: null });
  });

  it('with no kind named, every kind', () => {
    expect(deadlines('deadlines SG20').categories).toBeNull();
    expect(deadlines('deadlines SG-20 in January 2027')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, categories: null, range: { words: 'January 2027' }, unread: null });
  });

  it('without a clock (a caller that routes only) the date phrase is kept for the command to read', () => {
    const r = route(registry, 'deadlines SG20 next week');
    expect('spec' in r && r.args).toMatchObject({ when: 'next week', range: null });
  });
});

describe('date ranges', () => {
  const clock = SUNDAY_TOKYO;
  it.each([
    ['this week', '2026-11-30', '2026-12-07', '30 Nov – 6 Dec 2026'],
    ['last week', '2026-11-23', '2026-11-30', '23–29 Nov 2026'],
    ['next month', '2027-01-01', '2027-02-01', 'January 2027'],
    ['tomorrow', '2026-12-07', '2026-12-08', 'Mon 7 Dec 2026'],
    ['this year', '2026-01-01', '2027-01-01', '2026'],
    ['in March', '2027-03-01', '2027-04-01', 'March 2027'],
    ['from March to May', '2027-03-01', '2027-06-01', 'March – May 2027'],
    ['between March and May', '2027-03-01', '2027-06-01', 'March – May 2027'],
  ])('%s', (phrase, from, to, words) => {
    expect(rangeOf(phrase, clock)).toEqual({ from: at(`${from}T00:00`), to: at(`${to}T00:00`), words });
  });

  it.each([
    ['by 20 April', null, '2027-04-21', 'until 20 Apr 2027'],
    ['until end of June', null, '2027-07-01', 'until 30 Jun 2027'],
    ['after 10 May', '2027-05-11', null, 'from 11 May 2027'],
    ['since 1 December', '2026-12-01', null, 'from 1 Dec 2026'],
  ])('%s (one bound)', (phrase, from, to, words) => {
    expect(rangeOf(phrase, clock)).toEqual({ from: from && at(`${from}T00:00`), to: to && at(`${to}T00:00`), words });
  });

  it('"in the next 10 days" runs from now', () => {
    expect(rangeOf('in the next 10 days', clock)).toEqual({ from: clock.now, to: at('2026-12-17T00:00'), words: 'now to 16 Dec 2026' });
  });

  it('a month without a year that is not over yet is this one; one that is over is next year\'s', () => {
    expect(rangeOf('in December', clock)?.words).toBe('December 2026');
    expect(rangeOf('in November', clock)?.words).toBe('November 2027');
    expect(rangeOf('in November 2026', clock)?.words).toBe('November 2026');
  });

  it('no date, no range', () => {
    expect(rangeOf('SG20', clock)).toBeNull();
    expect(rangeOf('Q4/20', clock)).toBeNull();
  });

  it('formats spans and opening times for people', () => {
    expect(formatSpan(at('2026-12-28T00:00'), at('2027-01-04T00:00'), TOKYO)).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(formatOpening({ start: '2027-05-10', startTime: '14:30', timezone: 'Europe/Zurich' }, TOKYO)).toBe('Mon 10 May 2027, 21:30 (Asia/Tokyo) — original: 10 May 2027, 14:30 Geneva time');
    // A time without a zone is the town's, when the zone database names the town; else the place's local time.
    expect(formatOpening({ start: '2026-12-09', startTime: '09:00', timezone: null, place: 'Muscat, Oman' }, TOKYO)).toBe('Wed 9 Dec 2026, 14:00 (Asia/Tokyo) — original: 9 December 2026, 09:00 Asia/Muscat');
    expect(formatOpening({ start: '2025-09-17', startTime: '09:30', timezone: null, place: 'Kampala, Uganda' }, 'Africa/Lagos')).toBe('Wed 17 Sep 2025, 07:30 (Africa/Lagos) — original: 17 September 2025, 09:30 Africa/Kampala');
    expect(formatOpening({ start: '2026-12-09', startTime: '09:00', timezone: null, place: 'Sophia Antipolis, France' }, TOKYO)).toBe('Wed 9 Dec 2026, 09:00 local time (Sophia Antipolis, France)');
    expect(formatOpening({ start: '2027-04-12', startTime: null, timezone: null }, TOKYO)).toBeNull();
  });
});

describe('meeting', () => {
  const meeting = (text: string): MeetingArgs => {
    const r = routed(text);
    expect(r.command, text).toBe('meeting');
    return r.args as MeetingArgs;
  };

  // Reported: "what time does the meeting open" got "I can't answer that yet".
  it.each([
    ['what time does the meeting open', { kind: 'all' }],
    ['What time does the SG13 meeting open?', { kind: 'group', group: 'SG13' }],
    ['what time does the sg 13 meeting start', { kind: 'group', group: 'SG13' }],
    ['when does study group 13 open', { kind: 'group', group: 'SG13' }],
    ['When does the ITU-T SG20 meeting begin?', { kind: 'group', group: 'SG20' }],
    ['what time is the opening plenary of TSAG', { kind: 'group', group: 'TSAG' }],
  ])('%s → opening time', (text, scope) => {
    expect(meeting(text)).toMatchObject({ scope, focus: 'time', unread: null });
  });

  it.each([
    ['where is the next SG13 meeting', { kind: 'group', group: 'SG13' }],
    ['Where is the next SG 13 meeting?', { kind: 'group', group: 'SG13' }],
    ['where will study group 20 meet', { kind: 'group', group: 'SG20' }],
    ['where is the WP1/20 meeting held', { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }],
  ])('%s → place', (text, scope) => {
    expect(meeting(text)).toMatchObject({ scope, focus: 'place' });
  });

  it.each(['when is the next SG13 meeting', 'sg13 next meeting', '/meeting SG13', 'next meeting of study group 13'])('%s → the whole answer', (text) => {
    expect(meeting(text)).toMatchObject({ scope: { kind: 'group', group: 'SG13' }, focus: null, unread: null });
  });

  it('a question about a meeting sgbot cannot answer keeps the group, to point at what it can', () => {
    expect(meeting('how many delegates registered for the SG13 meeting')).toMatchObject({ scope: { kind: 'group', group: 'SG13' }, unread: 'how many delegates registered for the SG13 meeting' });
  });
});

describe('officers', () => {
  const officers = (text: string): OfficerArgs => {
    const r = routed(text);
    expect(r.command, text).toBe('officers');
    return r.args as OfficerArgs;
  };

  it.each([
    ['who is the rapporteur of Q4/20', 'rapporteur', { kind: 'question', question: 'Q4/20' }],
    ["Who's the rapporteur for Question 4/20?", 'rapporteur', { kind: 'question', question: 'Q4/20' }],
    ['who are the associate rapporteurs for q11/20', 'associate-rapporteur', { kind: 'question', question: 'Q11/20' }],
    ['who is the chair of study group 17', 'chair', { kind: 'group', group: 'SG17' }],
    ['who chairs WP1/20', 'chair', { kind: 'group', group: 'SG20', workingParty: 'WP1/20' }],
    ['who is the vice-chair of SG 17?', 'vice-chair', { kind: 'group', group: 'SG17' }],
    ['rapporteur of Q6/5', 'rapporteur', { kind: 'question', question: 'Q6/5' }],
    ['Q9/5 rapporteur?', 'rapporteur', { kind: 'question', question: 'Q9/5' }],
    ['who is the chair of the SG13 meeting', 'chair', { kind: 'group', group: 'SG13' }],
    ['/officers ITU-T SG20', null, { kind: 'group', group: 'SG20' }],
  ])('%s', (text, role, scope) => {
    expect(officers(text)).toEqual({ role, scope });
  });

  it('reads names beside roles in documents', () => {
    const td = 'Source:\tRapporteur, Question 11/20\nContact:\tChidi Okafor\tE-mail: chidi.okafor@example.ng\n\tRapporteur, Q11/20\n\tNigeria\nContact:\tHui Zhang\tE-mail: zhanghui@example.cn\n\tAssociate Rapporteur, Q11/20\n';
    expect(statedOfficers(td, null)).toEqual([
      { name: 'Chidi Okafor', email: 'chidi.okafor@example.ng', kind: 'rapporteur', scope: 'Q11/20' },
      { name: 'Hui Zhang', email: 'zhanghui@example.cn', kind: 'associate-rapporteur', scope: 'Q11/20' },
    ]);
    expect(statedOfficers('The meeting was chaired by the Rapporteur, Mr Laurent Girard (France).', 'Q6/5')).toEqual([{ name: 'Laurent Girard', email: null, kind: 'rapporteur', scope: 'Q6/5' }]);
    // A flattened PDF (test/fixtures/real/meeting-cl-2-17-2017-sg17-with-workshop.txt) runs the words of a name together.
    expect(statedOfficers('drawn up with the Chairman of the study group MrJin-HoKang (Republic of Korea),isin AnnexB.', null, 'SG17')).toEqual([{ name: 'Jin-Ho Kang', email: null, kind: 'sg-chair', scope: 'SG17' }]);
    expect(['McDonald', 'DeMarco', 'MacArthurSmith', 'Arnold Weber'].map(unglued)).toEqual(['McDonald', 'DeMarco', 'MacArthur Smith', 'Arnold Weber']);
    expect(statedOfficers('The meeting was chaired by the Rapporteur, Mr Laurent Girard (France).', null)).toEqual([]);
    expect(statedOfficers('Opened by the Chair of Working Party 1/20, Ms Ana Silva.', null)).toEqual([{ name: 'Ana Silva', email: null, kind: 'wp-chair', scope: 'WP1/20' }]);
  });

  // The signature of a counsellor forwarding an SG15 liaison to the CCAMP list (test/fixtures/real).
  it('reads a counsellor from a signature', () => {
    expect(statedOfficers('Best regards,\nHiro Oda\nCounsellor, ITU-T SG15\n', null)).toEqual([{ name: 'Hiro Oda', email: null, kind: 'secretariat', scope: 'SG15' }]);
  });

  // The copy line of a flattened 2000 rapporteur-meeting notice (test/fixtures/real): "Name, Role" entries run together.
  it('reads a run-together "Name, Role" list without giving a role to the name after it', () => {
    const line = 'To Experts of ITU-T SG16 Q.12/16 Cc Mr. P-L. Brunner, Chairman of SG16 Mr. H. Visser, Vice-Chairman of SG16 Mr. G. Rossi, Chairman of WP2/16 Mr. M. Conti, ITU-TSB';
    expect(statedOfficers(line, null).map((o) => `${o.kind} ${o.scope} ${o.name}`).sort()).toEqual(['sg-chair SG16 P-L. Brunner', 'vice-chair SG16 H. Visser', 'wp-chair WP2/16 G. Rossi']);
  });

  // Phrasings of real collective letters and slides (SG20's CL 3/20 and overview in the shared seeds; SG13's and
  // SG17's letters of 2016–2017 in test/fixtures/real) and of an IEEE 802.1 liaison's "To:" line.
  it.each([
    ['A draft agenda, prepared by Mr Hyoung Jun Kim (Republic of Korea), Chair, SG20, will be posted.', null, { name: 'Hyoung Jun Kim', kind: 'sg-chair', scope: 'SG20' }],
    ['Mr Hyoung Jun Kim (Chair, ITU-T SG20) opened the session.', null, { name: 'Hyoung Jun Kim', kind: 'sg-chair', scope: 'SG20' }],
    ['drawn up in agreement with Mr Lukas Brenner, Chairman of Study Group 13, and issued', null, { name: 'Lukas Brenner', kind: 'sg-chair', scope: 'SG13' }],
    ['drawn up with the Chairman of the study group, Mr Jin-Ho Kang (Republic of Korea)', 'SG17', { name: 'Jin-Ho Kang', kind: 'sg-chair', scope: 'SG17' }],
    ['To: Oscar Hadid, Chair Q9/15 (oscar.hadid@example.org)', null, { name: 'Oscar Hadid', kind: 'rapporteur', scope: 'Q9/15' }],
    ['a time plan, drawn up by the Chairman of the Study Group 15, Dr Walter Brandt(USA), are in Annexes B and C', null, { name: 'Walter Brandt', kind: 'sg-chair', scope: 'SG15' }],
    ['drawn up with the Chairman of the Study Group (Mr Arnold Weber, USA) and its management team', 'SG9', { name: 'Arnold Weber', kind: 'sg-chair', scope: 'SG9' }],
    ['SG20RG-LATAM Chairman: Juan Pablo Martín\n', null, { name: 'Juan Pablo Martín', kind: 'sg-chair', scope: 'SG20RG-LATAM' }],
  ])('finds the officer in "%s"', (text, group, want) => {
    expect(statedOfficers(text, null, group)).toEqual([{ ...want, email: null }]);
  });

  it('names nobody where a place stands before a role', () => {
    expect(statedOfficers('Geneva, Switzerland, Chair, TSAG', null)).toEqual([]);
    expect(statedOfficers('drawn up with the Chairman of the study group, Mr Jin-Ho Kang', null)).toEqual([]);
  });
});

describe('more phrasings', () => {
  // Reported as refused: liaisons asked about in other words, and "what's coming up".
  it.each([
    ['any liaisons for SG13 to answer', 'ls', { scope: { kind: 'group', group: 'SG13' } }],
    ['which liaisons did SG17 send', 'ls', { scope: { kind: 'group', group: 'SG17' } }],
    ["what's coming up for Question 2/13", 'deadlines', { scope: { kind: 'question', question: 'Q2/13' }, unread: null }],
    ["what's the next meeting of TSAG and where", 'meeting', { scope: { kind: 'group', group: 'TSAG' }, focus: 'place', unread: null }],
    ['when does SG9 meet and where', 'meeting', { scope: { kind: 'group', group: 'SG9' }, focus: 'place', unread: null }],
    ['where is the SG3 meeting in April 2018', 'meeting', { scope: { kind: 'group', group: 'SG3' }, focus: 'place', unread: null }],
    ['when is the newcomers briefing for SG20', 'meeting', { scope: { kind: 'group', group: 'SG20' }, unread: null }],
    ['is there a workshop at the next SG17 meeting', 'meeting', { scope: { kind: 'group', group: 'SG17' }, unread: null }],
  ])('%s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });
});

describe('one document, asked about in words', () => {
  it.each([
    ['what is SG15-LS103 about?', 'SG15-LS103'],
    ['tell me about TSAG-LS11', 'TSAG-LS11'],
    ['what does SG20-LS88 ask?', 'SG20-LS88'],
    ['who is the contact for SG20-LS112', 'SG20-LS112'],
    ['who sent SG17-LS45?', 'SG17-LS45'],
    ['show me TSB Circular 106', 'TSB Circular 106'],
    ["what's TSB Collective letter 3/20 about?", 'TSB Collective letter 3/20'],
    ['details of CL 7/13', 'CL 7/13'],
    ['SG20-TD870/WP1?', 'SG20-TD870/WP1'],
    ['hi, could you please tell me about SG15-LS103?', 'SG15-LS103'],
  ])('%s → doc %s', (text, ref) => {
    // (A question around the reference is kept with it, for the answer's first line.)
    expect(routed(text)).toMatchObject({ command: 'doc', args: { ref } });
  });

  // "show" and "find" are command words too; a sentence that starts with one is read as the sentence it is.
  it.each([
    ['show me the liaisons of SG17', 'ls', { scope: { kind: 'group', group: 'SG17' } }],
    ['show me the deadlines for SG20', 'deadlines', { scope: { kind: 'group', group: 'SG20' }, unread: null }],
    ['find the next SG13 meeting', 'meeting', { scope: { kind: 'group', group: 'SG13' }, unread: null }],
    ["please show me SG20's meetings", 'meeting', { scope: { kind: 'group', group: 'SG20' }, unread: null }],
    ["what are SG20's deadlines", 'deadlines', { scope: { kind: 'group', group: 'SG20' }, unread: null }],
    ['next meeting of Study Group Thirteen', 'meeting', { scope: { kind: 'group', group: 'SG13' }, unread: null }],
    ['deadlines for study group twenty-one please', 'deadlines', { scope: { kind: 'group', group: 'SG21' }, unread: null }],
    ['show SG15-LS103', 'doc', { ref: 'SG15-LS103' }],
  ])('%s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });
});

describe('phrasings reported refused in the third round', () => {
  it.each([
    ["when's the registration deadline for SG13?", 'deadlines', { scope: { kind: 'group', group: 'SG13' }, categories: ['registration'], unread: null }],
    ["where's the SG13 arab regional group meeting", 'meeting', { scope: { kind: 'group', group: 'SG13RG-ARB' }, focus: 'place', unread: null }],
    ['meeting of the African regional group of SG12', 'meeting', { scope: { kind: 'group', group: 'SG12RG-AFR' }, unread: null }],
    ["who's lead study group for security", 'lsg', {}],
    ['rapporteur q11/20', 'officers', { role: 'rapporteur', scope: { kind: 'question', question: 'Q11/20' } }],
    ['who is the secretariat contact for SG17', 'officers', { role: 'secretariat', scope: { kind: 'group', group: 'SG17' } }],
    ['did IETF send anything to SG15', 'ls', { scope: { kind: 'group', group: 'SG15' }, from: 'IETF' }],
    ['what did JTC 1/SC 27 ask SG17', 'ls', { scope: { kind: 'group', group: 'SG17' }, from: 'JTC 1/SC 27' }],
    ['sg17 liaisons.', 'ls', { scope: { kind: 'group', group: 'SG17' }, from: null }],
    ["what are SG17's lead roles", 'lsg', { query: 'SG17' }],
    ['find documents about quantum', 'search', { words: 'quantum' }],
    // The search asked without its slash; a group named as a meeting would be, without the word "meeting".
    ['search workshop', 'search', { words: 'workshop' }],
    ['which sg does cable tv?', 'lsg', { query: 'who leads work on cable tv' }],
    ["wasn't the sg13 meeting supposed to be in March?", 'meeting', { scope: { kind: 'group', group: 'SG13' }, moved: true }],
    ['which study group works on quantum?', 'lsg', { query: 'who leads work on quantum' }],
    ['liaisons from the Broadband Forum', 'ls', { scope: { kind: 'all' }, from: 'BBF' }],
    ['did the Broadband Forum send anything to SG12?', 'ls', { scope: { kind: 'group', group: 'SG12' }, from: 'BBF' }],
    ['what ls did sg15 send that needs a reply?', 'ls', { scope: { kind: 'group', group: 'SG15' }, from: 'SG15', replyAsked: true }],
    ['search for digital twin', 'search', { words: 'digital twin' }],
    ['when is the next tsag?', 'meeting', { scope: { kind: 'group', group: 'TSAG' }, unread: null }],
    ["where's the next sg13", 'meeting', { scope: { kind: 'group', group: 'SG13' }, focus: 'place', unread: null }],
    ['docs mentioning Y.4250', 'search', { words: 'Y.4250' }],
    ['anything about MPLS-TP?', 'search', { words: 'MPLS-TP' }],
    ['sg11 meeting dates and opening time', 'meeting', { scope: { kind: 'group', group: 'SG11' }, focus: 'time', unread: null }],
    ['any side events around the SG20 meeting?', 'meeting', { scope: { kind: 'group', group: 'SG20' }, unread: null }],
    ['is SG21 meeting in september?', 'meeting', { scope: { kind: 'group', group: 'SG21' }, unread: null }],
    ['ITU-T SG17 meeting - where?', 'meeting', { scope: { kind: 'group', group: 'SG17' }, focus: 'place', unread: null }],
    ["what's due in Q1?", 'deadlines', { scope: { kind: 'all' }, when: 'in Q1', unread: null }],
    ["what's on in Q1", 'deadlines', { scope: { kind: 'all' }, when: 'in Q1', unread: null }],
    ["when is the SG20 meeting and what's the contribution deadline?", 'deadlines', { scope: { kind: 'group', group: 'SG20' }, categories: ['contributions', 'translated-contributions'] }],
  ])('%s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });

  it('several groups at once are each answered', () => {
    expect(deadlines('Is there anything due for SG 13 or SG 11 before March???')).toMatchObject({ scope: { kind: 'group', group: 'SG13' }, more: [{ kind: 'group', group: 'SG11' }], when: 'before March', unread: null });
    expect(deadlines('deadlines SG20 and Q6/17')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, more: [{ kind: 'question', question: 'Q6/17' }], unread: null });
    expect(deadlines('deadlines SG20 and SG99')).toMatchObject({ scope: { kind: 'unknown' } });
  });

  it('a plain question starting with a typo of a command that only reads is answered as that command', () => {
    const r = route(registry, 'deadlnes sg20', SUNDAY_TOKYO);
    expect('spec' in r && { command: r.spec.name, readAs: r.readAs }).toEqual({ command: 'deadlines', readAs: 'I read "deadlnes" as /deadlines.' });
    // A slash command with a typo is asked about; a command that acts is never run from a typo; short words are left.
    expect(routed('/deadlnes sg20').command).toBe('reply:E_UNKNOWN_COMMAND');
    expect(routed('broadcst hello everyone').command).toBe('reply:E_UNKNOWN_COMMAND');
    expect(routed('is there anything new').command).not.toBe('ls');
  });

  it('still says what it cannot read about a meeting', () => {
    expect(routed('is interpretation provided at the SG20 meeting')).toMatchObject({ command: 'meeting', args: { scope: { kind: 'group', group: 'SG20' }, unread: 'is interpretation provided at the SG20 meeting' } });
  });

  it('"Q1" with no year is the next first quarter; "before the end of March" includes the 31st', () => {
    // Asked on Sunday 6 December 2026 in Tokyo.
    expect(rangeOf('in Q1', SUNDAY_TOKYO)).toMatchObject({ from: at('2027-01-01T00:00'), to: at('2027-04-01T00:00') });
    expect(rangeOf('in Q4', SUNDAY_TOKYO)).toMatchObject({ from: at('2026-10-01T00:00'), to: at('2027-01-01T00:00') });
    expect(rangeOf('before the end of March', SUNDAY_TOKYO)).toMatchObject({ from: null, to: at('2027-04-01T00:00') });
    expect(rangeOf('before March', SUNDAY_TOKYO)).toMatchObject({ from: null, to: at('2027-03-01T00:00') });
  });

  it('leftover words name a topic, joining words do not', () => {
    expect(topicWords('on Y.4250')).toEqual(['Y.4250']);
    expect(topicWords('and')).toEqual([]);
    expect(topicWords('whenever convenient')).toEqual(['whenever', 'convenient']);
  });
});

describe('phrasings reported refused or misread in the fourth round', () => {
  it.each([
    // A document named by its reference, whatever is asked of it.
    ['SG20-LS88 reply date?', 'doc', { ref: 'SG20-LS88' }],
    ['what does circ 412 ask member states', 'doc', { ref: 'circ 412' }],
    ['tsb circular 241 deadline', 'doc', { ref: 'tsb circular 241' }],
    ['what did sg20 reply to SG13-LS96', 'doc', { ref: 'SG13-LS96' }],
    // Liaisons asked about in other words, with their sender or addressee.
    ['does sg20 owe anyone an LS reply', 'ls', { scope: { kind: 'group', group: 'SG20' } }],
    ['what replies is SG15 waiting for', 'ls', { scope: { kind: 'group', group: 'SG15' } }],
    ['which LS does SG17 have to answer in january', 'ls', { scope: { kind: 'group', group: 'SG17' } }],
    ['ls from jtc1 sc27 - whats the deadline', 'ls', { scope: { kind: 'all' }, from: 'jtc1 sc27', to: null }],
    ['ls from TSAG on stale work items - deadline?', 'ls', { scope: { kind: 'group', group: 'TSAG' }, from: 'TSAG' }],
    ['LS sent by SG13 to SC42?', 'ls', { scope: { kind: 'group', group: 'SG13' }, from: 'SG13', to: 'SC42' }],
    ['ls to IEEE 802.1 from sg15 reply due?', 'ls', { scope: { kind: 'group', group: 'SG15' }, from: 'SG15', to: 'IEEE 802.1' }],
    // Deadlines without the word.
    ['TSAG due this week', 'deadlines', { scope: { kind: 'group', group: 'TSAG' }, when: 'this week' }],
    ['tsag stuff due this quarter', 'deadlines', { scope: { kind: 'group', group: 'TSAG' }, when: 'this quarter' }],
    ['sg17 anything this month?', 'deadlines', { scope: { kind: 'group', group: 'SG17' }, when: 'this month' }],
    ['what do i need to submit for SG11 over the next 3 weeks', 'deadlines', { scope: { kind: 'group', group: 'SG11' } }],
    ['when does tsag registration close', 'deadlines', { scope: { kind: 'group', group: 'TSAG' }, categories: ['registration'] }],
    ['when do contribs close for SG21 sept meeting', 'deadlines', { scope: { kind: 'group', group: 'SG21' }, categories: ['contributions', 'translated-contributions'] }],
    ['sg 13 in Q1 2027', 'deadlines', { scope: { kind: 'group', group: 'SG13' }, when: 'in Q1 2027' }],
    // Meetings asked about by a detail the answer gives.
    ['is the SG13 RG-ARB meeting hybrid or in person', 'meeting', { scope: { kind: 'group', group: 'SG13RG-ARB' }, unread: null }],
    ['SG17 WP3 meeting - can I join remotely?', 'meeting', { scope: { kind: 'group', group: 'SG17', workingParty: 'WP3/17' }, unread: null }],
    ['sg2 wp1 meeting in march cancelled?', 'meeting', { scope: { kind: 'group', group: 'SG2', workingParty: 'WP1/2' }, unread: null }],
    ['sg3 meeting where & when', 'meeting', { scope: { kind: 'group', group: 'SG3' }, focus: 'place', unread: null }],
    ['sg21 meeting sept 2027 dates?', 'meeting', { scope: { kind: 'group', group: 'SG21' }, unread: null }],
    ['newcomers briefing sg20 what time', 'meeting', { scope: { kind: 'group', group: 'SG20' }, focus: null, unread: null }],
    ['is the sg9 meeting virtual?', 'meeting', { scope: { kind: 'group', group: 'SG9' }, unread: null }],
    // Officers and numbers.
    ['who is assoc rapporteur of Q11/20', 'officers', { role: 'associate-rapporteur', scope: { kind: 'question', question: 'Q11/20' } }],
    ['sg21 counsellor?', 'officers', { role: 'secretariat', scope: { kind: 'group', group: 'SG21' } }],
    ['tsag secretariat', 'officers', { role: 'secretariat', scope: { kind: 'group', group: 'TSAG' } }],
    ['whats X.1286', 'rec', { number: 'X.1286' }],
    ['which contribution proposed Y.DA-water', 'search', { words: 'Y.DA-water' }],
  ])('%s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });

  it.each([
    ['who handles sg11 at tsb', 'officers', { role: 'secretariat', scope: { kind: 'group', group: 'SG11' } }],
    ['which LSs did sg17 send out', 'ls', { scope: { kind: 'group', group: 'SG17' } }],
    ['what does SG11-LS58 ask SG13 and by when', 'doc', { ref: 'SG11-LS58' }],
    ['COM 13-C45 who submitted it and what about', 'doc', { ref: 'COM 13-C45' }],
    ['sg3 mtg opening time pls', 'meeting', { scope: { kind: 'group', group: 'SG3' }, focus: 'time', unread: null }],
    ['sg11 mtg venue + opening time', 'meeting', { scope: { kind: 'group', group: 'SG11' }, unread: null }],
    ['is sg17 the lead sg for AI security', 'lsg', { query: 'AI security' }],
    ['srv6 stuff?', 'search', { words: 'srv6' }],
    ['why was sg13 postponed', 'meeting', { scope: { kind: 'group', group: 'SG13' }, unread: null }],
    ['why was the WP1/2 meeting called off', 'meeting', { scope: { kind: 'group', group: 'SG2', workingParty: 'WP1/2' }, unread: null }],
    ['sg 20 may 2027 meeting opens when', 'meeting', { scope: { kind: 'group', group: 'SG20' }, focus: 'time', month: { month: 5, year: 2027 } }],
    ['sg20 may meeting opening time', 'meeting', { scope: { kind: 'group', group: 'SG20' }, month: { month: 5, year: null } }],
    ['when may I register for the SG20 meeting', 'deadlines', { scope: { kind: 'group', group: 'SG20' } }],
    ['who is the TSB director', 'officers', { role: 'director' }],
    ['tsb director?', 'officers', { role: 'director' }],
  ])('fifth round: %s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });

  it.each([
    ['which liaisons did sg5 send', 'ls', { scope: { kind: 'group', group: 'SG5' }, from: 'SG5' }],
    ['what did the IETF ask SG11 about SRv6', 'ls', { scope: { kind: 'group', group: 'SG11' }, from: 'IETF', topic: 'SRv6' }],
    ['SG17 LS on CG-AISEC-STRAT - who is it addressed to and deadline', 'ls', { scope: { kind: 'group', group: 'SG17' }, topic: 'CG-AISEC-STRAT' }],
    ['LS from TSAG to all study groups - what do they want and by when', 'ls', { from: 'TSAG', to: 'all study groups' }],
    ['is there a plenary of sg17 in april 2027?', 'meeting', { scope: { kind: 'group', group: 'SG17' }, month: { month: 4, year: 2027 } }],
    ['what time is the sg21 contribution clinic', 'meeting', { scope: { kind: 'group', group: 'SG21' }, focus: null }],
    ['fellowship deadline for the SG 12 meeting in may', 'deadlines', { scope: { kind: 'group', group: 'SG12' }, when: null, categories: ['fellowship'] }],
    ['who should I contact at TSB about TSAG', 'officers', { role: 'secretariat', scope: { kind: 'group', group: 'TSAG' } }],
    ["what time does the sg20 meeting open, I'm in Tokyo", 'meeting', { scope: { kind: 'group', group: 'SG20' }, focus: 'time', unread: null }],
    ['what is TD870 about', 'doc', { ref: 'TD870' }],
    ["what's in SG2-R3", 'doc', { ref: 'SG2-R3' }],
    ['did anyone reply to SG13-LS96', 'doc', { ref: 'SG13-LS96' }],
    ['where is the sg3 regional group for africa meeting', 'meeting', { scope: { kind: 'group', group: 'SG3RG-AFR' } }],
    ['visa letter deadline SG 15 june meeting', 'deadlines', { scope: { kind: 'group', group: 'SG15' }, when: null, categories: ['visa'] }],
    ['last day to ask for a fellowship for the sg11 march meeting', 'deadlines', { scope: { kind: 'group', group: 'SG11' }, when: null, categories: ['fellowship'] }],
    ['has SG2 received anything from the IAB about e164.arpa', 'ls', { scope: { kind: 'group', group: 'SG2' }, from: 'IAB', topic: 'e164.arpa' }],
    ['what did the IETF say about the SRv6 conformance work in SG11', 'ls', { scope: { kind: 'group', group: 'SG11' }, from: 'IETF', topic: 'SRv6 conformance work' }],
    ['sg21 contribution clinic', 'meeting', { scope: { kind: 'group', group: 'SG21' } }],
    ['wp3/17 start time', 'meeting', { scope: { kind: 'group', group: 'SG17', workingParty: 'WP3/17' } }],
    ['AI-native workshop start time', 'meeting', { scope: { kind: 'unknown' } }],
    ['what did sg13 send to sc42', 'ls', { scope: { kind: 'group', group: 'SG13' }, to: 'sc42' }],
    ['who chaired sg17 in 2017', 'officers', { role: 'chair', scope: { kind: 'group', group: 'SG17' }, year: 2017 }],
    ['who was tsag chairman in 2017', 'officers', { role: 'chair', scope: { kind: 'group', group: 'TSAG' }, year: 2017 }],
    ['any open consultations right now', 'deadlines', { scope: { kind: 'all' }, categories: ['consultation-reply'] }],
    ['liaisons with a deadline this month', 'ls', { due: 'this month' }],
    ['when did sg17 last meet', 'meeting', { scope: { kind: 'group', group: 'SG17' }, past: true }],
    ['meetings next month', 'meeting', { monthAhead: 1 }],
    ['what ls did sg15 send to ieee 802.1', 'ls', { scope: { kind: 'group', group: 'SG15' }, from: 'SG15', to: 'ieee 802.1' }],
    ['where was the sg12 meeting in 2019', 'meeting', { scope: { kind: 'group', group: 'SG12' }, year: 2019, month: null }],
    ['what did sg13 ask jtc1 sc42', 'ls', { scope: { kind: 'group', group: 'SG13' }, from: 'SG13', to: 'jtc1 sc42' }],
    ['what does tsag want from the study groups', 'ls', { scope: { kind: 'group', group: 'TSAG' }, from: 'TSAG', to: 'study groups' }],
    ['when do i have to get my contrib in for sg3', 'deadlines', { scope: { kind: 'group', group: 'SG3' }, categories: ['contributions', 'translated-contributions'] }],
    ['lead sg for iot?', 'lsg', { query: 'iot' }],
    ['post quantum stuff in sg17?', 'search', { words: 'post quantum' }],
    ['is sg13 still in march?', 'meeting', { scope: { kind: 'group', group: 'SG13' } }],
  ])('sixth round: %s → %s', (text, command, args) => {
    const r = routed(text);
    expect(r.command).toBe(command);
    expect(r.args).toMatchObject(args);
  });

  it('still says what it cannot read: interpretation at a meeting, a question about nothing sgbot keeps', () => {
    expect(routed('will there be interpretation at the TSAG meeting')).toMatchObject({ command: 'meeting', args: { unread: 'will there be interpretation at the TSAG meeting' } });
    expect(routed('whats the wifi password at CICG').command).toBe('reply:E_NO_ANSWER');
  });

  it('reads the dates delegates write', () => {
    // Asked on Sunday 6 December 2026 in Tokyo.
    const range = (phrase: string) => rangeOf(phrase, SUNDAY_TOKYO);
    expect(range('from Jan 10 to Feb 5')).toMatchObject({ from: at('2027-01-10T00:00'), to: at('2027-02-06T00:00') });
    expect(range('before xmas')).toMatchObject({ from: null, to: at('2026-12-25T00:00') });
    expect(range('by mid-Feb')).toMatchObject({ from: null, to: at('2027-02-21T00:00') });
    expect(range('early march')).toMatchObject({ from: at('2027-03-01T00:00'), to: at('2027-03-11T00:00') });
    expect(range('1st week of jan')).toMatchObject({ from: at('2027-01-01T00:00'), to: at('2027-01-08T00:00') });
    expect(range('this quarter')).toMatchObject({ from: at('2026-10-01T00:00'), to: at('2027-01-01T00:00') });
    expect(range('within the next month')).toMatchObject({ from: SUNDAY_TOKYO.now, to: at('2027-01-06T12:00') });
    expect(range('in may/june')).toMatchObject({ from: at('2027-05-01T00:00'), to: at('2027-07-01T00:00') });
    // Ranges whose ends are months or parts of months: chrono reads neither "feb" alone nor two spans as one range.
    expect(range('between feb and mid march')).toMatchObject({ from: at('2027-02-01T00:00'), to: at('2027-03-21T00:00') });
    expect(range('from mid-feb to end of march')).toMatchObject({ from: at('2027-02-11T00:00'), to: at('2027-04-01T00:00') });
    expect(range('from early march to late april 2027')).toMatchObject({ from: at('2027-03-01T00:00'), to: at('2027-05-01T00:00') });
    expect(range('between 20 dec and mid jan')).toMatchObject({ from: at('2026-12-20T00:00'), to: at('2027-01-21T00:00') });
    expect(splitWhen('sg20 deadlines between feb and mid march')).toMatchObject({ when: 'from feb to mid march' });
  });

  it('a date due in a range: its instant or its written day, not the first day after it', () => {
    const march = rangeOf('in march 2027', SUNDAY_TOKYO);
    if (!march) throw new Error('no range');
    // 31 March, end of day in Geneva, is 1 April in Tokyo: still March's, by the day the document wrote.
    expect(dueIn(march, SUNDAY_TOKYO.tz, { due: Date.parse('2027-03-31T21:59:00Z'), date: '2027-03-31' })).toBe(true);
    expect(dueIn(march, SUNDAY_TOKYO.tz, { due: Date.parse('2027-04-01T21:59:00Z'), date: '2027-04-01' })).toBe(false);
  });
});

describe('a question of several parts', () => {
  it('is split where a new question starts, each part keeping the group the first names', () => {
    expect(partsOf('when is the wp3/17 meeting and will there be an sg17 plenary?')).toEqual(['when is the wp3/17 meeting', 'will there be an sg17 plenary?']);
    expect(partsOf("sg12 meeting dates + contribution deadline + who's the counsellor")).toEqual(['sg12 meeting dates', 'contribution deadline for sg12', "who's the counsellor for sg12"]);
    expect(partsOf("where's the tsag meeting and who's the tsb contact")).toEqual(["where's the tsag meeting", "who's the tsb contact for tsag"]);
    expect(partsOf('is the tsag jan meeting in person? when can i get my badge')).toEqual(['is the tsag jan meeting in person', 'when can i get my badge for tsag']);
    // One question, even with "and" in it; a slash command is never split.
    expect(partsOf('deadlines for SG13 and SG11')).toEqual([]);
    expect(partsOf('/deadlines SG20; SG13')).toEqual([]);
  });
});

describe('lsg', () => {
  // Reported: "which group leads on quantum computing" was answered 'Not found … for "which group leads on quantum computing"'.
  it.each([
    ['which group leads on quantum computing', 'quantum computing'],
    ['who leads IoT identification', 'IoT identification'],
    ['which study group is the lead on smart cities', 'smart cities'],
    ['who is the lead study group for security', 'security'],
    ['digital twins', 'digital twins'],
  ])('%s is about %s', (query, topic) => {
    expect(topicAsked(query)).toBe(topic);
  });
});

describe('liaisons awaiting a reply', () => {
  it.each(['which liaisons need a reply from SG17', 'Which liaison statements need a reply from study group 17?', 'liaisons awaiting SG17\'s reply', 'LSs awaiting a reply from sg 17', 'what does SG17 need to reply to?'])('%s → ls SG17', (text) => {
    const r = routed(text);
    expect(r.command).toBe('ls');
    expect(r.args).toMatchObject({ scope: { kind: 'group', group: 'SG17' } });
  });
});

describe('liaison statements asked by sender, addressee or topic words (a first trial of the forty-seventh round)', () => {
  it.each([
    ['what does sg13 owe TSAG', { scope: { kind: 'group', group: 'SG13' }, from: 'TSAG' }],
    ['which liaisons from TSAG must SG13 answer', { scope: { kind: 'group', group: 'SG13' }, from: 'TSAG' }],
    ['what does SG13 need to reply to from TSAG', { scope: { kind: 'group', group: 'SG13' }, from: 'TSAG' }],
    ['what does sg16 owe 3GPP', { scope: { kind: 'group', group: 'SG16' }, from: '3GPP' }],
    ['any LS from 3GPP to sg16?', { scope: { kind: 'group', group: 'SG16' }, from: '3GPP' }],
    ['which liaisons did we send to IEEE', { scope: { kind: 'all' }, to: 'IEEE' }],
    ['what does sg13 owe', { scope: { kind: 'group', group: 'SG13' } }],
  ])('%s → ls', (text, args) => {
    const r = routed(text);
    expect(r.command, text).toBe('ls');
    expect(r.args).toMatchObject(args);
  });

  it('a statement named by topic words before "LS" is read as "the LS on" them; a sender or a kind of statement is not a topic', () => {
    for (const [text, topic] of [
      ['who has to answer the emergency calls LS', 'emergency calls'],
      ['did SG13 get the SG17 IoT security LS for action?', 'IoT security'],
      ['who is the contact for the fronthaul timing LS', 'fronthaul timing'],
      ['deadline to reply to the SG17 LS about IoT security and who needs to reply?', 'IoT security'],
    ] as const) {
      const r = routed(text);
      expect(r.command, text).toBe('ls');
      expect(r.args, text).toMatchObject({ topic });
    }
    expect(routed("what's the latest SG17 LS").args).toMatchObject({ scope: { kind: 'group', group: 'SG17' }, topic: null });
  });
});

describe('more phrasings of the forty-seventh round', () => {
  it('the contributions deadline asked as when they must be in, or where they are sent', () => {
    expect(deadlines('when are contributions due for TSAG')).toMatchObject({ scope: { kind: 'group', group: 'TSAG' }, categories: ['contributions', 'translated-contributions'] });
    expect(deadlines('when do contributions need to be in for SG20')).toMatchObject({ scope: { kind: 'group', group: 'SG20' }, categories: ['contributions', 'translated-contributions'] });
    expect(deadlines('who do I send my contribution to for the muscat meeting')).toMatchObject({ categories: ['contributions', 'translated-contributions'], unread: 'muscat' });
  });

  it("a Recommendation's consultation, the meeting that would approve it, the texts a group puts forward", () => {
    for (const text of ['tap consultation for G.9806.1', 'which meeting would approve G.9806.1?', 'where is G.9806.1?']) expect(routed(text)).toMatchObject({ command: 'rec', args: { number: 'G.9806.1' } });
    for (const text of ['what work items are proposed for consent for Q11/20?', 'what is Q11/20 proposing for consent']) expect(routed(text)).toMatchObject({ command: 'rec', args: { number: 'Q11/20', step: 'consented' } });
  });

  it('news from a body is its statements; "all meetings in March" lists them', () => {
    for (const text of ['any news from IETF?', 'what did 3GPP send us', 'what did IETF send']) {
      const r = routed(text);
      expect(r.command, text).toBe('ls');
      expect((r.args as { from: string | null }).from, text).toMatch(/^(?:IETF|3GPP)$/);
    }
    expect(routed('all meetings in march 2027').args).toMatchObject({ scope: { kind: 'all' }, month: { month: 3, year: 2027 } });
  });

  it('statements asked to a body to reply, or from one to a group "needing action"; "until when does fg imt-2020 run?" is no span of a question before', () => {
    expect(routed('any LS asking IEEE 802.1 to reply?')).toMatchObject({ command: 'ls', args: { to: 'IEEE 802.1' } });
    expect(routed('liaisons from ietf to sg11 needing action')).toMatchObject({ command: 'ls', args: { scope: { kind: 'group', group: 'SG11' }, from: 'ietf' } });
    expect(followUp('until when does fg imt-2020 run?', 'when is the SG13 meeting')).toBeUndefined();
  });

  it('a statement named, and a thing of it asked in a word after a dash or before it ("… liaison to sc42 - contacts?")', () => {
    for (const text of ['machine learning terminology liaison to sc42 - contacts?', 'contacts for the machine learning terminology liaison to sc42']) {
      const r = routed(text);
      expect(r.command, text).toBe('ls');
      expect(r.args, text).toMatchObject({ topic: 'machine learning terminology', to: 'sc42', contactsAsked: true });
    }
  });

  it('a workshop named alone is asked when it is', () => {
    expect(routed('ai native networks workshop').command).toBe('meeting');
  });
});

describe('what sgbot cannot answer', () => {
  it('says so, with the nearest command', () => {
    const r = route(registry, 'how much does a coffee cost at the Montbrillant building');
    expect('reply' in r && r.reply).toMatchObject({ ok: false, code: 'E_NO_ANSWER' });
    if ('reply' in r) expect(r.reply.notes[0]).toMatch(/^The closest I can do: search the stored documents/);
    // A group and something due is a deadlines question: "can I still register for TSAG" is TSAG's registration deadline.
    expect(routed('can I still register for TSAG')).toMatchObject({ command: 'deadlines', args: { scope: { kind: 'group', group: 'TSAG' }, categories: ['registration'] } });
    const reg = route(registry, 'can I still register for the next TSAG');
    if ('reply' in reg) expect.unreachable('a registration question about TSAG is read');
  });
});

describe('the known groups', () => {
  // Reported: the list omitted groups sgbot accepts (SG3, SG11, SG12, SG15 of this period; earlier ones; regional groups).
  it('lists every group sgbot accepts', async () => {
    const ctx = {
      store: { groupsWithDocuments: () => Promise.resolve(['SG13', 'SG12RG-AFR', 'SG9']) },
      curated: { groupTitles: { '2025-2028': { SG2: 'x', SG20: 'y' } } },
    } as unknown as CommandContext;
    const reply = await unknownGroupReply(ctx, 'SG99');
    const known = (reply.data as { known: string[] }).known;
    for (const g of ['SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG12RG-AFR', 'SG13', 'SG15', 'SG17', 'SG20', 'SG21', 'TSAG', 'SG9', 'SG16', 'SG1']) expect(known).toContain(g);
    expect(reply.notes[0]).toBe('Known groups: SG2, SG3, SG5, SG9, SG11, SG12, SG12RG-AFR, SG13, SG15, SG17, SG20, SG21, TSAG.');
    expect(reply.notes[1]).toMatch(/^Also accepted, from earlier study periods: SG1, SG4, .*SG16, SG19\.$/);
  });
});

describe('a zone named for the times ("…, New York time")', () => {
  it('is read from the last words before "time", and the question goes on without them', () => {
    expect(zoneNamed('what time does the SG11 meeting in March start, New York time?')).toEqual({ zone: 'America/New_York', rest: 'what time does the SG11 meeting in March start?' });
    expect(zoneNamed('when does TSAG open in Tokyo time')).toEqual({ zone: 'Asia/Tokyo', rest: 'when does TSAG open' });
    expect(zoneNamed('in new york time, when does it open?')).toEqual({ zone: 'America/New_York', rest: 'when does it open?' });
    expect(zoneNamed('what time does SG17 open (Tokyo time)?')).toEqual({ zone: 'Asia/Tokyo', rest: 'what time does SG17 open?' });
    // Where the asker is, said after the question.
    expect(zoneNamed("When does the next TSAG meeting start? I'm dialling in from Tokyo.")).toEqual({ zone: 'Asia/Tokyo', rest: 'When does the next TSAG meeting start?' });
    expect(zoneNamed('what time is the SG13 opening? We are based in Nairobi')).toEqual({ zone: 'Africa/Nairobi', rest: 'what time is the SG13 opening?' });
    expect(zoneNamed("I'm in Geneva this week")).toBeNull();
  });

  it('"after Easter": Easter Sunday of the year asked in, computed', () => {
    expect([2024, 2026, 2027].map(easterSunday)).toEqual([{ month: 3, day: 31 }, { month: 4, day: 5 }, { month: 3, day: 28 }]);
    expect(splitWhen('what sg15 deadlines are there after Easter?').when).toBe('after Easter');
    const after = rangeOf('after Easter', { now: Date.parse('2027-04-02T07:00:00Z'), tz: 'Africa/Cairo' });
    expect(after?.words).toBe('from 29 Mar 2027');
  });

  it('a year alone after "in", "since", "before" is that year, whose bounds the word before sets', () => {
    const clock = { now: Date.parse('2026-03-02T09:00:00Z'), tz: 'Europe/Paris' };
    const days = (phrase: string) => {
      const r = rangeOf(phrase, clock);
      return r && rangeDays(r, clock.tz);
    };
    expect(days('in 2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(days('since 2025')).toEqual({ from: '2025-01-01', to: null });
    expect(days('before 2027')).toEqual({ from: null, to: '2027-01-01' });
    // Inside a longer date the year is read with it.
    expect(days('in May 2026')).toEqual({ from: '2026-05-01', to: '2026-06-01' });
    expect(splitWhen('SG17 liaisons in 2026').when).toBe('in 2026');
    // A number that is no year after a word, or a year in a Recommendation's name, is no date.
    expect(splitWhen('Recommendation X.1361 2026').when).toBeNull();
    expect(splitWhen('status of Y.2026').when).toBeNull();
  });

  it('a remark after the question is no part of it', () => {
    expect(withoutRemark('when does study group 13 meet next? need to book flights from Tokyo')).toBe('when does study group 13 meet next?');
    expect(withoutRemark('registration deadline for SG12? thanks!')).toBe('registration deadline for SG12?');
    expect(withoutRemark('list the TSAG deadlines pls')).toBe('list the TSAG deadlines');
    // A remark naming a group says which one: kept.
    expect(withoutRemark("when is the next meeting? I'm on SG17")).toBe("when is the next meeting? I'm on SG17");
    expect(withoutRemark('is TSAG hybrid? is there interpretation?')).toBe('is TSAG hybrid? is there interpretation?');
    expect(zoneNamed('when does TSAG open, Geneva time?')?.zone).toBe('Europe/Zurich');
  });
  it('is none in "what time", "opening time", "local time" or "summer time"', () => {
    for (const q of ['what time does the meeting start', 'what is the opening time', 'deadlines in local time', 'what time is it in summer time']) expect(zoneNamed(q)).toBeNull();
  });
});
