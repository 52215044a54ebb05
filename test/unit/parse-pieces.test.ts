/** Unit tests of the parser's pieces on short texts written for these tests. */
import { describe, expect, it } from 'vitest';
import { canonicalGroup, canonicalQuestion } from '../../src/core/groups.ts';
import { categorize } from '../../src/parse/categories.ts';
import { findDates, findTime } from '../../src/parse/dates.ts';
import { parseDeadlineTable } from '../../src/parse/deadline-table.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { normalizeText } from '../../src/parse/normalize.ts';
import { classifyAddress, findRecommendations } from '../../src/parse/refs.ts';
import { findLeadRoles } from '../../src/parse/roles.ts';

describe('normalizeText', () => {
  it('repairs converter artefacts', () => {
    expect(normalizeText('Geneva,9\u201118\u00a0April 2018')).toBe('Geneva, 9-18 April 2018');
    expect(normalizeText('10 March 2026Submit the form')).toBe('10 March 2026 Submit the form');
    expect(normalizeText('contributionsSubmitITU\u2011T')).toContain('contributions Submit ITU-T');
    expect(normalizeText('\u201cquoted\u201d')).toBe('"quoted"');
  });
});

describe('dates and times', () => {
  it('reads ranges in every written form', () => {
    const first = (t: string) => findDates(t)[0];
    expect(first('Geneva, 12-21 May 2026')).toMatchObject({ start: '2026-05-12', end: '2026-05-21' });
    expect(first('from 6 to 17 November 2017 inclusive')).toMatchObject({ start: '2017-11-06', end: '2017-11-17' });
    expect(first('30 November - 4 December 2026')).toMatchObject({ start: '2026-11-30', end: '2026-12-04' });
    expect(first('28 December 2026 - 8 January 2027')).toMatchObject({ start: '2026-12-28', end: '2027-01-08' });
  });
  it('never reads a Question number as a date', () => {
    expect(findDates('work under Q3/20 and Q12/17')).toEqual([]);
  });
  it('reads ITU clock times', () => {
    expect(findTime('from 1200 to 1400 hours')).toEqual({ start: '12:00', end: '14:00' });
    expect(findTime('at 2359 hours UTC')).toEqual({ start: '23:59', end: null });
    expect(findTime('12:00-14:00 CET')).toEqual({ start: '12:00', end: '14:00' });
  });
});

describe('groups and Questions', () => {
  it('canonicalises group names', () => {
    expect(canonicalGroup('Study Group 20')).toBe('SG20');
    expect(canonicalGroup('ITU-T SG 13')).toBe('SG13');
    expect(canonicalGroup('sg12rg-afr')).toBe('SG12RG-AFR');
    expect(canonicalGroup('WP2/5')).toBe('SG5');
    expect(canonicalGroup('TSAG')).toBe('TSAG');
    expect(canonicalGroup('SG99')).toBeNull();
    expect(canonicalQuestion('Question 11/20')).toBe('Q11/20');
  });
  it('maps list and secretariat addresses to groups and Questions', () => {
    expect(classifyAddress('t22sg20q1@lists.itu.int')).toMatchObject({ kind: 'list', group: 'SG20', question: 'Q1/20' });
    expect(classifyAddress('tsg20rgafr@lists.itu.int')).toMatchObject({ kind: 'list', group: 'SG20RG-AFR' });
    expect(classifyAddress('tsbsg20@itu.int')).toMatchObject({ kind: 'secretariat', group: 'SG20' });
    expect(classifyAddress('someone@example.org')).toMatchObject({ kind: 'other', group: null });
  });
});

describe('deadline categories', () => {
  it.each([
    ['Send your request for a visa support letter via the registration form', 'visa'],
    ['Apply for a fellowship (registration needed first)', 'fellowship'],
    ['Member contributions needing translation', 'translated-contributions'],
    ['Ask for real-time captioning', 'captioning'],
    ['Reply to the AAP consultation of TSB Circular 12', 'consultation-reply'],
    ['Post ITU-T Member contributions', 'contributions'],
    ['Pre-registration on the group page', 'registration'],
    ['Bring your badge', 'other'],
  ])('%s -> %s', (action, category) => {
    expect(categorize(action)).toBe(category);
  });
});

describe('key-deadlines tables', () => {
  const cats = (t: string) => parseDeadlineTable(normalizeText(t)).map((d) => `${d.date} ${d.category}`);
  it('reads cells glued without separators and two rows on one line', () => {
    expect(cats('Key deadlines:\n2 March 2027Submit contributions needing translation4 April 2027Pre-registration\nI wish you a good meeting.')).toEqual([
      '2027-03-02 translated-contributions',
      '2027-04-04 registration',
    ]);
  });
  it('reads date-last rows joined by " / " and ignores the header row', () => {
    expect(cats('Key deadlines:\nAction / Date\nAsk for captioning / 3 May 2027\nPost contributions / 20 May 2027\n\nYours faithfully,')).toEqual([
      '2027-05-03 captioning',
      '2027-05-20 contributions',
    ]);
  });
  it('does not take a date inside an action for a row', () => {
    expect(cats('Key deadlines:\n9 June 2027\t- Return the form of TSB Circular 7 (1 May 2027)\n\nYours faithfully,')).toEqual(['2027-06-09 consultation-reply']);
  });
});

describe('whole documents', () => {
  const letter = [
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    'Geneva, 3 April 2009',
    'Ref: TSB Collective letter 7/15',
    'Subject: Meeting of Study Group 15; Geneva, 1-12 June 2009',
    'Dear Sir/Madam,',
    '1 I invite you to the meeting of Study Group 15, to be held at ITU headquarters from 1 to 12 June 2009.',
    '2 Contributions must reach TSB at least 12 calendar days before the start of the meeting.',
    '3 Contributions for which translation is requested must be received two months before the meeting.',
    'Yours faithfully,',
  ].join('\n');
  it('derives deadlines from rules stated in prose, and flags them', () => {
    const p = parseDocument(letter);
    expect(p).toMatchObject({ kind: 'collective-letter', group: 'SG15', date: '2009-04-03', reference: 'TSB Collective letter 7/15' });
    expect(p.meeting).toMatchObject({ start: '2009-06-01', end: '2009-06-12', place: 'Geneva, Switzerland' });
    expect(p.deadlines.map((d) => [d.date, d.category, d.derived])).toEqual([
      ['2009-04-01', 'translated-contributions', true],
      ['2009-05-20', 'contributions', true],
    ]);
  });
  it('invents nothing for a letter without date, reference or deadlines', () => {
    const p = parseDocument('Dear colleagues,\nPlease find the photos of the reception attached.\nBest regards');
    expect(p).toMatchObject({ kind: 'other', group: null, date: null, reference: null, meeting: null, deadlines: [], liaison: null });
  });
  it('keeps hostile text as text', () => {
    const p = parseDocument('LIAISON STATEMENT\nSource: ITU-T SG11\nTitle: LS on <!channel> codes <@U123>\nFor action to: ITU-T SG13\nDeadline: 4 May 2027');
    expect(p.title).toBe('LS on <!channel> codes <@U123>');
    expect(p.liaison).toMatchObject({ from: 'SG11', to: ['SG13'], purpose: 'action', deadline: '2027-05-04' });
  });
  it('keeps both names of a Recommendation', () => {
    expect(findRecommendations('draft ITU-T Y.4999 (ex Y.twin-farm) on farms')).toEqual([{ id: 'Y.4999', ex: 'Y.twin-farm', title: null }]);
  });
  it('finds lead roles but not the general rule', () => {
    const text = 'Any study group may be designated as the lead study group for ITU-T studies forming a programme.\nITU-T SG17 is the lead study group on security.';
    expect(findLeadRoles(text, null)).toEqual([{ group: 'SG17', topic: 'security' }]);
  });
});
