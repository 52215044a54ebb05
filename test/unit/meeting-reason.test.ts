/** Why a letter says a meeting was moved or cancelled, in the letter's own words. */
import { describe, expect, it } from 'vitest';
import { reasonGiven } from '../../commands/meeting.ts';

describe('reasonGiven', () => {
  it('finds the reason in the sentence that moves the meeting, whichever phrasing', () => {
    // Phrasing of TSB Collective letter 7/13 (postponement of the SG13 meeting of March 2027).
    expect(reasonGiven('1  Further to TSB Collective letter 5/13, I wish to inform you that, owing to works in the ITU conference rooms, the meeting of Study Group 13 has been postponed and will now be held from 12 to 23 April 2027.')).toBe('owing to works in the ITU conference rooms');
    expect(reasonGiven('The workshop has been rescheduled due to the overlap with the WTSA preparatory meeting; new dates are given below.')).toBe('due to the overlap with the WTSA preparatory meeting');
    expect(reasonGiven('Because of the public holiday declared by the host country, the meeting is cancelled.')).toBe('because of the public holiday declared by the host country');
  });

  it('gives none when no sentence that moves or cancels a meeting says why', () => {
    expect(reasonGiven('The meeting of Study Group 20 has been postponed to 10-19 May 2027. Due to the size of the agenda, contributions should be short.')).toBeNull();
    expect(reasonGiven(null)).toBeNull();
  });
});
