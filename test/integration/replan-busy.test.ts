/**
 * A re-plan of every family that meets one another worker is planning right now (at start-up: the plan of a letter
 * just stored) does not fail: it plans the others, passes that one over and asks for the next run to come back.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { remKeys } from '../../src/reminders/keys.ts';
import { markReplan, replanIfMarked } from '../../src/reminders/replan.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';

const redisUrl = inject('redisUrl');
let e: ReminderEnv;

beforeAll(async () => {
  e = startReminderEnv({ redisUrl, prefix: `it-replan-busy-${process.pid}`, smtpPort: 1, startAt: '2036-03-20T10:00:00Z' });
  await e.deps.roster.put(makePerson('ana@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }]));
});
afterAll(async () => {
  await e.close();
});

describe('replanIfMarked', () => {
  it('passes over a family being planned, plans the rest, and keeps the mark for the next run', async () => {
    const a = await e.store(letter({ n: 7, sg: 20, rows: [['20 April 2036', 'Submit ITU-T Member contributions']] }));
    const b = await e.store(letter({ n: 8, sg: 20, rows: [['22 April 2036', 'Submit ITU-T Member contributions']] }).replace('Study Group 20', 'Study Group 20 (second)'));
    await scheduleDocument(e.deps, a.id);
    await scheduleDocument(e.deps, b.id);
    const keys = remKeys(e.deps.store.prefix);
    const redis = e.deps.store.redis;
    // Another worker holds the planning lock of the first family.
    await redis.set(keys.lock('collective-letter:collectiveletter7/20'), 'other-worker', 'PX', 60_000);
    await markReplan(redis, e.deps.store.prefix);
    await expect(replanIfMarked(e.deps)).resolves.toBe(1);
    expect(await redis.exists(`${e.deps.store.prefix}:reminders:replan`)).toBe(1);
    await redis.del(keys.lock('collective-letter:collectiveletter7/20'));
    await expect(replanIfMarked(e.deps)).resolves.toBe(2);
    expect(await redis.exists(`${e.deps.store.prefix}:reminders:replan`)).toBe(0);
  });
});
