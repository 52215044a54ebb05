import { describe, expect, it } from 'vitest';
import { dueAt } from '../../src/core/time.ts';
import { quickDueAt } from '../../src/store/facts.ts';

describe('quickDueAt: due instants of UTC and Geneva deadlines without luxon', () => {
  it('gives what dueAt gives, or null, on every day from 1994 to 2036', () => {
    const times = [null, '00:00', '02:30', '12:00', '24:00'];
    let quick = 0;
    for (let t = Date.UTC(1994, 0, 1); t < Date.UTC(2036, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      for (const time of times) {
        for (const timezone of ['UTC', 'Europe/Zurich', 'Asia/Tokyo']) {
          const q = quickDueAt({ date, time, timezone });
          if (q === null) continue;
          quick++;
          expect(q).toBe(dueAt({ date, time, timezone }));
        }
      }
    }
    expect(quick).toBeGreaterThan(20_000);
  });

  it('leaves what is not written plainly to luxon', () => {
    expect(quickDueAt({ date: '2026-02-30', time: null, timezone: 'UTC' })).toBeNull();
    expect(quickDueAt({ date: '2026-5-1', time: null, timezone: 'UTC' })).toBeNull();
    expect(quickDueAt({ date: '2026-03-29', time: '12:00', timezone: 'Europe/Zurich' })).toBeNull();
    expect(quickDueAt({ date: '2026-04-30', time: '12:00', timezone: 'America/New_York' })).toBeNull();
  });
});
