import { describe, expect, it } from 'vitest';
import { fastDates } from '../../src/parse/fast-dates.ts';

describe('fastDates: dates written alone as "12 May 2026", without chrono', () => {
  it('reads a lone date, with its offset and text', () => {
    expect(fastDates('Geneva, 3 February 2036')).toEqual([{ start: '2036-02-03', end: '2036-02-03', index: 8, text: '3 February 2036' }]);
    expect(fastDates('Deadline: 30 April 2036. Please register by the May portal.')).toEqual([{ start: '2036-04-30', end: '2036-04-30', index: 10, text: '30 April 2036' }]);
  });

  it.each([
    ['a range', 'Geneva, 12-21 May 2036'],
    ['a range across months', '30 November - 4 December 2026'],
    ['a time', '30 April 2036, 23:59'],
    ['a time word', '30 April 2036 at noon'],
    ['a zone', '30 April 2036 CET'],
    ['a weekday', 'Friday, 14 March 2025'],
    ['an abbreviated month', '14 Mar 2025'],
    ['an ordinal', '14th March 2025'],
    ['a numeric date', '3 February 2036 (14.03.2025)'],
    ['a relative label', 'D-12 28 February 2027'],
    ['two days joined', 'on 2 and 3 March 2026'],
    ['an impossible day', '31 February 2026'],
    ['upper case', '12 MAY 2026'],
    ['no date at all', 'Study Group 20 meets in May'],
  ])('leaves %s to chrono', (_what, text) => {
    expect(fastDates(text)).toBeNull();
  });
});
