/**
 * `digest on friday 16:30` on real Redis and BullMQ announces its first run at 16:30 in the asker's zone — the
 * instant the job scheduler keeps — for every minute asked, never a minute early.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeDigestCommand } from '../../commands/digest.ts';
import { createRegistry } from '../../commands/index.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CommandSpec, CuratedRoles } from '../../src/core/command.ts';
import { digestSchedulerId } from '../../src/reminders/digest.ts';
import { DIGEST_QUEUE } from '../../src/reminders/payload.ts';
import type { SearchIndex } from '../../src/store/search.ts';
import { makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';
import { DateTime } from 'luxon';

const redisUrl = inject('redisUrl');
let e: ReminderEnv;

beforeAll(() => {
  e = startReminderEnv({ redisUrl, prefix: `it-rem-digest-announce-${process.pid}` });
});
afterAll(async () => {
  await e.close();
});

function context(id: string): CommandContext {
  return {
    store: e.deps.store,
    search: () => Promise.reject<SearchIndex>(new Error('no search here')),
    curated: {} as CuratedRoles,
    now: Date.now(),
    tz: 'Europe/Zurich',
    who: { channel: 'cli', id, verified: true },
    people: { roster: e.deps.roster, subscriptions: e.deps.subscriptions, audit: e.deps.audit },
  };
}

describe('digest announcement', () => {
  it('names the minute asked for', async () => {
    await e.deps.roster.put(makePerson('ana@example.org', [], { tz: 'America/Sao_Paulo' }));
    const registry = createRegistry([makeDigestCommand(() => e.deps)] as unknown as Array<CommandSpec<never>>);
    const queue = e.deps.queue({ name: DIGEST_QUEUE });
    for (const time of ['16:30', '07:00', '23:59', '00:01']) {
      const on = await answer(registry, context('ana@example.org'), `digest on friday ${time}`);
      const next = (await queue.getJobScheduler(digestSchedulerId('person:ana@example.org')))?.next ?? 0;
      const local = DateTime.fromMillis(next, { zone: 'America/Sao_Paulo' });
      expect(local.toFormat('ccc HH:mm:ss.SSS')).toBe(`Fri ${time}:00.000`);
      expect(on.reply.notes[0]).toBe(`First one: ${local.toFormat('ccc d LLL yyyy')}, ${time} (America/Sao_Paulo).`);
      expect((on.reply.data as { next: string }).next).toBe(new Date(next).toISOString());
    }
  });
});
