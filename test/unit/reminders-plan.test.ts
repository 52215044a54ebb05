/**
 * Reminder instants (local 09:00 on the day, N days before, in the reader's zone, across DST changes) and the
 * identity of deadlines across revisions.
 */
import { describe, expect, it } from 'vitest';
import { dueAt } from '../../src/core/time.ts';
import { baseOf, deadlineKey, keyDeadlines, offsetDays, parseReminderJobId, reminderInstants, reminderJobId } from '../../src/reminders/plan.ts';

const iso = (xs: Array<{ offset: string; at: number }>) => xs.map((x) => [x.offset, new Date(x.at).toISOString()]);
const zurichEndOfDay = (date: string) => dueAt({ date, time: null, timezone: 'Europe/Zurich' });

describe('reminderInstants', () => {
  it('gives 09:00 Geneva 7 days, 1 day before and on the day for a deadline 10 days ahead (14 days is already past)', () => {
    const now = Date.parse('2036-04-04T10:00:00Z');
    const due = zurichEndOfDay('2036-04-14');
    expect(new Date(due).toISOString()).toBe('2036-04-14T21:59:59.000Z');
    expect(iso(reminderInstants(due, 'Europe/Zurich', now))).toEqual([
      ['7d', '2036-04-07T07:00:00.000Z'],
      ['1d', '2036-04-13T07:00:00.000Z'],
      ['0d', '2036-04-14T07:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 local across the spring change: 08:00 UTC the day before it, 07:00 UTC on and after it', () => {
    // Summer time begins in Europe on Sunday 30 March 2036.
    const due = zurichEndOfDay('2036-03-31');
    const now = Date.parse('2036-03-01T00:00:00Z');
    expect(iso(reminderInstants(due, 'Europe/Zurich', now, { offsets: ['2d', '1d', '0d'] }))).toEqual([
      ['2d', '2036-03-29T08:00:00.000Z'],
      ['1d', '2036-03-30T07:00:00.000Z'],
      ['0d', '2036-03-31T07:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 local across the autumn change, once each day', () => {
    // Winter time comes back on Sunday 26 October 2036; 02:00-03:00 happens twice that night.
    const due = zurichEndOfDay('2036-10-27');
    const got = reminderInstants(due, 'Europe/Zurich', Date.parse('2036-10-01T00:00:00Z'), { offsets: ['2d', '1d', '0d'] });
    expect(iso(got)).toEqual([
      ['2d', '2036-10-25T07:00:00.000Z'],
      ['1d', '2036-10-26T08:00:00.000Z'],
      ['0d', '2036-10-27T08:00:00.000Z'],
    ]);
  });

  it("uses the reader's own zone and calendar: a UTC deadline read in Tokyo is due the next morning there", () => {
    const due = dueAt({ date: '2036-04-30', time: '23:59', timezone: 'UTC' });
    const got = reminderInstants(due, 'Asia/Tokyo', Date.parse('2036-04-01T00:00:00Z'));
    // 0d would be 1 May 09:00 JST = 00:00 UTC, after the deadline (23:59 UTC on 30 April): left out.
    expect(iso(got)).toEqual([
      ['14d', '2036-04-17T00:00:00.000Z'],
      ['7d', '2036-04-24T00:00:00.000Z'],
      ['1d', '2036-04-30T00:00:00.000Z'],
    ]);
  });

  it('follows the US change, which is on another date than Europe', () => {
    // US summer time begins on Sunday 9 March 2036.
    const due = dueAt({ date: '2036-03-11', time: '12:00', timezone: 'America/New_York' });
    const got = reminderInstants(due, 'America/New_York', Date.parse('2036-03-01T00:00:00Z'), { offsets: ['7d', '1d'] });
    expect(iso(got)).toEqual([
      ['7d', '2036-03-04T14:00:00.000Z'],
      ['1d', '2036-03-10T13:00:00.000Z'],
    ]);
  });

  it('leaves out instants in the past, at or after the due instant, and duplicates', () => {
    const due = dueAt({ date: '2036-04-14', time: '08:30', timezone: 'Europe/Zurich' });
    // The morning-of reminder (09:00) would come after the deadline (08:30).
    expect(iso(reminderInstants(due, 'Europe/Zurich', Date.parse('2036-04-01T00:00:00Z'), { offsets: ['1d', '0d', '1d'] }))).toEqual([['1d', '2036-04-13T07:00:00.000Z']]);
    expect(reminderInstants(due, 'Europe/Zurich', due + 1)).toEqual([]);
    // Exactly now is not in the future.
    expect(reminderInstants(due, 'Europe/Zurich', Date.parse('2036-04-13T07:00:00Z'), { offsets: ['1d'] })).toEqual([]);
  });

  it('takes another hour and refuses offsets and hours it cannot read', () => {
    const due = zurichEndOfDay('2036-04-14');
    expect(iso(reminderInstants(due, 'Europe/Zurich', 0, { offsets: ['3d'], hour: 17 }))).toEqual([['3d', '2036-04-11T15:00:00.000Z']]);
    expect(() => reminderInstants(due, 'Europe/Zurich', 0, { offsets: ['3h'] })).toThrow(/offset in days/);
    expect(() => reminderInstants(due, 'Europe/Zurich', 0, { hour: 24 })).toThrow(/0-23/);
    expect(() => reminderInstants(due, 'Mars/Olympus', 0)).toThrow(/time zone/);
    expect(offsetDays('14d')).toBe(14);
  });
});

describe('deadline identity', () => {
  const base = 'collective-letter:collectiveletter5/20';
  const fact = (category: 'contributions' | 'registration', due: number, id: string) => ({ category, due, id });

  it('gives a revised letter the same key for the same deadline with its new due date', () => {
    const first = keyDeadlines(base, [{ fact: fact('contributions', 1, 'a'), seq: 1, position: 0 }]);
    const revised = keyDeadlines(base, [{ fact: fact('contributions', 2, 'b'), seq: 7, position: 3 }]);
    expect(first[0]?.key).toBe(revised[0]?.key);
    expect(first[0]?.key).toBe(deadlineKey(base, 'contributions', 0));
    expect(revised[0]?.fact.due).toBe(2);
    expect(deadlineKey('collective-letter:collectiveletter6/20', 'contributions', 0)).not.toBe(first[0]?.key);
  });

  it('takes each category from the latest document that states it, ranked by position', () => {
    const got = keyDeadlines(base, [
      { fact: fact('contributions', 10, 'base-c'), seq: 1, position: 0 },
      { fact: fact('registration', 20, 'base-r'), seq: 1, position: 1 },
      { fact: fact('registration', 21, 'add1-r'), seq: 2, position: 0 },
      { fact: fact('contributions', 11, 'base-c2'), seq: 1, position: 2 },
    ]);
    expect(got.map((g) => [g.key.replace(/^[0-9a-f]+-/, ''), g.fact.id])).toEqual([
      ['contributions-0', 'base-c'],
      ['contributions-1', 'base-c2'],
      ['registration-0', 'add1-r'],
    ]);
  });

  it('keys a document without a reference by its id, and job ids round-trip', () => {
    expect(baseOf({ id: 'abc', baseKey: null })).toBe('doc:abc');
    expect(baseOf({ id: 'abc', baseKey: base })).toBe(base);
    const dk = deadlineKey(base, 'liaison-reply', 0);
    const id = reminderJobId(dk, 'person:ana@example.org', 'esc2d', 2091000000000);
    expect(id).toMatch(/^rem-[0-9a-f]{12}-liaison-reply-0-[0-9a-f]{10}-esc2d-2091000000000$/);
    expect(id).not.toContain(':');
    expect(parseReminderJobId(id)).toEqual({ deadlineKey: dk, offset: 'esc2d', at: 2091000000000 });
    expect(parseReminderJobId('chg-x')).toBeNull();
  });
});
