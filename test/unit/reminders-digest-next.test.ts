/**
 * When a weekly digest is turned on, the first run announced is the instant of its cron pattern: a digest for
 * Fridays 16:30 is announced for 16:30, not 16:29. BullMQ hands back a job whose `timestamp + delay` falls a few
 * milliseconds before that instant (the timestamp is taken in the process, the delay from a later clock in Redis);
 * the fake queue here does the same arithmetic.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ReminderDeps } from '../../src/reminders/deps.ts';
import { cronOf, digestSchedulerId, setDigest } from '../../src/reminders/digest.ts';

const FRIDAY_1630_SAO_PAULO = DateTime.fromISO('2036-04-11T16:30', { zone: 'America/Sao_Paulo' }).toMillis();

function fakeDeps(scheduler: { next?: number } | undefined, prevMillis?: number) {
  const upserts: Array<{ id: string; pattern: string; tz: string }> = [];
  const queue = {
    upsertJobScheduler(id: string, repeat: { pattern: string; tz: string }) {
      upserts.push({ id, ...repeat });
      // As BullMQ: timestamp from this process, delay = next − (a clock read 7 ms later in Redis).
      const timestamp = FRIDAY_1630_SAO_PAULO - 3 * 86_400_000;
      return Promise.resolve({ timestamp, delay: FRIDAY_1630_SAO_PAULO - (timestamp + 7), opts: prevMillis === undefined ? {} : { prevMillis } });
    },
    getJobScheduler: (id: string) => Promise.resolve(upserts.some((u) => u.id === id) ? scheduler : undefined),
  };
  const deps = {
    store: { prefix: 'test', redis: { hset: () => Promise.resolve(1) } },
    queue: () => queue,
    settings: { attempts: 3, backoffMs: 100 },
    audit: { record: () => Promise.resolve() },
  } as unknown as ReminderDeps;
  return { deps, upserts };
}

const shown = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone: 'America/Sao_Paulo' }).toFormat('ccc d LLL yyyy, HH:mm'));

describe('digest first run', () => {
  it('is announced at the minute chosen: Fridays 16:30 is 16:30', async () => {
    const { deps, upserts } = fakeDeps({ next: FRIDAY_1630_SAO_PAULO });
    const { next } = await setDigest(deps, 'person:ana@example.org', { weekday: 5, time: '16:30', tz: 'America/Sao_Paulo' }, 'cli:ana');
    expect(upserts).toEqual([{ id: digestSchedulerId('person:ana@example.org'), pattern: '30 16 * * 5', tz: 'America/Sao_Paulo' }]);
    expect(next).toBe(FRIDAY_1630_SAO_PAULO);
    expect(shown(next)).toBe('Fri 11 Apr 2036, 16:30');
  });

  it('falls back on the job: its prevMillis, else its timestamp + delay to the minute', async () => {
    expect(shown((await setDigest(fakeDeps(undefined, FRIDAY_1630_SAO_PAULO).deps, 'person:a@example.org', { weekday: 5, time: '16:30', tz: 'America/Sao_Paulo' }, 'cli:a')).next)).toBe('Fri 11 Apr 2036, 16:30');
    expect(shown((await setDigest(fakeDeps(undefined).deps, 'person:a@example.org', { weekday: 5, time: '16:30', tz: 'America/Sao_Paulo' }, 'cli:a')).next)).toBe('Fri 11 Apr 2036, 16:30');
  });

  it('writes the cron pattern of the local time', () => {
    expect(cronOf({ weekday: 5, time: '16:30', tz: 'America/Sao_Paulo' })).toBe('30 16 * * 5');
    expect(cronOf({ weekday: 7, time: '08:05', tz: 'Europe/Zurich' })).toBe('5 8 * * 0');
  });
});
