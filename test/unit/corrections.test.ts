/**
 * The pure part of corrections: values are checked and normalised, corrections are laid over a parse (a later one
 * wins, a removed deadline leaves a gap in the positions), a corrected time moves `due` in the deadline's own zone,
 * and a correction follows its deadline when a new parse lists the deadlines in another order.
 */
import { describe, expect, it } from 'vitest';
import { isSgbotError } from '../../src/core/errors.ts';
import type { Deadline } from '../../src/core/types.ts';
import { addedFactInput, applyCorrections, checkValue, fieldPath, withCorrections, withoutCorrections, type Correction } from '../../src/store/correction-fields.ts';
import { indexEntries, type DeadlineFact } from '../../src/store/facts.ts';
import { makeParsed, makeStored } from '../support/reminder-builders.ts';

const contributions: Deadline = { date: '2036-04-14', time: null, timezone: 'Europe/Zurich', action: 'Submit contributions', category: 'contributions', derived: true };
const registration: Deadline = { date: '2036-04-20', time: '23:59', timezone: 'UTC', action: 'Register online', category: 'registration', derived: false };

function correction(field: Correction['field'], value: string | null, extra: Partial<Correction> = {}): Correction {
  return { docId: 'aaaaaaaaaaaaaaaaaaaa', field, value, previous: null, who: 'web:tsb', at: '2036-04-01T10:00:00.000Z', ...extra };
}

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isSgbotError(err, 'E_USAGE')) return err.message;
    throw err;
  }
  throw new Error('no error');
}

describe('checkValue', () => {
  it('normalises what people type', () => {
    expect(checkValue(fieldPath('deadline.0.time'), ' 9:30 ')).toBe('09:30');
    expect(checkValue(fieldPath('group'), 'Study Group 20')).toBe('SG20');
    expect(checkValue(fieldPath('title'), '  Two   spaces ')).toBe('Two spaces');
    expect(checkValue(fieldPath('title'), '')).toBeNull();
    expect(checkValue(fieldPath('deadline.3.removed'), null)).toBe('false');
  });

  it('says the expected form of what it refuses', () => {
    expect(usage(() => checkValue(fieldPath('meeting.start'), '5 May 2036'))).toMatch(/YYYY-MM-DD/);
    expect(usage(() => checkValue(fieldPath('deadline.0.time'), '9h30'))).toMatch(/HH:MM/);
    expect(usage(() => checkValue(fieldPath('deadline.0.removed'), 'yes'))).toMatch(/"true".*"false"/);
    expect(usage(() => fieldPath('deadline.-1.date'))).toMatch(/not a fact that can be corrected/);
    expect(usage(() => fieldPath('meeting.title'))).toMatch(/meeting\.start, meeting\.end, meeting\.place/);
  });
});

describe('applyCorrections', () => {
  const parsed = makeParsed({ deadlines: [contributions, registration] });

  it('applies corrections oldest first and keeps the parse beside them', () => {
    const { parsed: out, facts } = applyCorrections(parsed, [correction('deadline.0.date', '2036-04-21'), correction('deadline.0.date', '2036-04-24'), correction('title', 'Right title')]);
    expect(out.deadlines[0]).toEqual({ ...contributions, date: '2036-04-24', derived: false });
    expect(out.title).toBe('Right title');
    expect(facts.original).toBe(parsed);
    expect(parsed.deadlines[0]?.date).toBe('2036-04-14');
    expect(facts.fields.sort()).toEqual(['deadline.0.date', 'title']);
  });

  it('leaves a removed deadline out, with a gap in the positions used by the index', () => {
    const doc = withCorrections(makeStored({ parsed: { deadlines: [contributions, registration] } }), [correction('deadline.0.removed', 'true')]);
    expect(doc.parsed.deadlines).toEqual([registration]);
    expect(doc.corrected?.positions).toEqual([1]);
    expect(indexEntries(doc).map((e) => e.member)).toEqual(['aaaaaaaaaaaaaaaaaaaa#d1']);
    expect(withoutCorrections(doc)).toEqual(makeStored({ parsed: { deadlines: [contributions, registration] } }));
  });

  it('moves due with a corrected time, in the zone the document gave', () => {
    const doc = withCorrections(makeStored({ parsed: { deadlines: [contributions, registration] } }), [correction('deadline.1.time', '12:00')]);
    const fact = indexEntries(doc).find((e) => e.member.endsWith('#d1'))?.fact as DeadlineFact;
    expect(fact.due).toBe(Date.UTC(2036, 3, 20, 12, 0));
    const endOfDay = withCorrections(doc, [correction('deadline.0.time', '10:00'), correction('deadline.0.time', null)]);
    expect((indexEntries(endOfDay)[0]?.fact as DeadlineFact).due).toBe(Date.parse('2036-04-14T21:59:59Z'));
  });

  it('follows its deadline into a parse that lists the deadlines in another order, and skips one it cannot find', () => {
    const match = { category: 'contributions' as const, action: 'Submit contributions' };
    const reordered = makeParsed({ deadlines: [registration, contributions] });
    expect(applyCorrections(reordered, [correction('deadline.0.date', '2036-04-24', { match })]).parsed.deadlines.map((d) => d.date)).toEqual(['2036-04-20', '2036-04-24']);
    const without = makeParsed({ deadlines: [registration] });
    expect(applyCorrections(without, [correction('deadline.0.date', '2036-04-24', { match })]).parsed.deadlines).toEqual([registration]);
  });
});

describe('addedFactInput', () => {
  // The console checks a form, then the store checks what the console passes on: both must take it.
  it('reads what it gave again as the same, with optional fields left empty', () => {
    const forms = [
      { kind: 'deadline', date: '2027-01-20', time: '', timezone: 'Europe/Zurich', category: 'contributions', action: 'Send the Q6/20 draft text' },
      { kind: 'event', title: 'Newcomers briefing', start: '2027-02-18', end: '', startTime: '13:00', endTime: '14:00', timezone: 'Europe/Zurich', place: '' },
      { kind: 'meeting', group: 'sg20', title: '', start: '2027-02-23', end: '2027-03-04', place: 'Geneva', startTime: '', timezone: 'Europe/Zurich' },
    ];
    for (const form of forms) {
      const once = addedFactInput.parse(form);
      expect(addedFactInput.parse(once)).toEqual(once);
    }
    expect(addedFactInput.parse(forms[0])).toMatchObject({ time: null });
    expect(addedFactInput.parse(forms[1])).toMatchObject({ end: null });
  });
});
