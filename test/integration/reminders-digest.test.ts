/**
 * Weekly digests on real Redis and a real SMTP server: `digest on friday 16:30` makes a BullMQ job scheduler with a
 * cron pattern in the subscriber's zone; a run sends new documents, deadlines ahead and liaisons awaiting reply once;
 * a subscriber with nothing to read gets nothing; `digest off` removes the scheduler.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeDigestCommand } from '../../commands/digest.ts';
import { createRegistry } from '../../commands/index.ts';
import { digestJob } from '../../jobs/digest.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CommandSpec, CuratedRoles } from '../../src/core/command.ts';
import { digestSchedulerId } from '../../src/reminders/digest.ts';
import { DIGEST_QUEUE } from '../../src/reminders/payload.ts';
import { startReminderWorkers } from '../../src/reminders/worker.ts';
import type { SearchIndex } from '../../src/store/search.ts';
import { letter, liaison, makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, until, type ReminderEnv } from '../support/reminder-env.ts';
import { startSmtp, type SmtpSink } from '../support/smtp.ts';

const redisUrl = inject('redisUrl');
let smtp: SmtpSink;
let e: ReminderEnv;

beforeAll(async () => {
  smtp = await startSmtp();
  e = startReminderEnv({ redisUrl, prefix: `it-rem-digest-${process.pid}`, smtpPort: smtp.port, startAt: '2036-04-04T10:00:00Z' });
});
afterAll(async () => {
  await e.close();
  await smtp.stop();
});

function context(id: string): CommandContext {
  return {
    store: e.deps.store,
    search: () => Promise.reject<SearchIndex>(new Error('no search here')),
    curated: {} as CuratedRoles,
    now: Date.now() + e.offset(),
    tz: 'Europe/Zurich',
    who: { channel: 'cli', id, verified: true },
    people: { roster: e.deps.roster, subscriptions: e.deps.subscriptions, audit: e.deps.audit },
  };
}

async function finished(id: string): Promise<unknown> {
  const q = e.deps.queue({ name: DIGEST_QUEUE });
  await until(`digest job ${id}`, async () => (await (await q.getJob(id))?.getState()) === 'completed');
  return (await q.getJob(id))?.returnvalue;
}

describe('weekly digest', () => {
  it('runs at the local hour chosen, sends what is new once, nothing when empty, and stops', async () => {
    await e.deps.roster.put(makePerson('ana@example.org', [], { tz: 'America/Sao_Paulo' }));
    await e.deps.roster.put(makePerson('zed@example.org'));
    await e.deps.subscriptions.add('person:ana@example.org', { kind: 'group', group: 'SG20' });
    await e.deps.subscriptions.add('person:zed@example.org', { kind: 'group', group: 'SG9' });
    await e.store(letter({ n: 5, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
    await e.store(liaison({ sg: 20, questions: ['Q4/20'], deadline: '20 April 2036' }));
    await e.store(letter({ n: 6, sg: 13, rows: [['15 April 2036', 'Submit ITU-T Member contributions']] }));

    const registry = createRegistry([makeDigestCommand(() => e.deps)] as unknown as Array<CommandSpec<never>>);
    const on = await answer(registry, context('ana@example.org'), 'digest on friday 16:30');
    expect(on.reply.title).toBe('Weekly digest on: Fridays at 16:30 (America/Sao_Paulo)');
    const queue = e.deps.queue({ name: DIGEST_QUEUE });
    expect(await queue.getJobScheduler(digestSchedulerId('person:ana@example.org'))).toMatchObject({ pattern: '30 16 * * 5', tz: 'America/Sao_Paulo' });
    // The scheduler runs on the real calendar: its first run is the coming Friday 16:30 in São Paulo.
    // The scheduler's own next run (a delayed job's timestamp + delay can land a few milliseconds early).
    const scheduler = await queue.getJobScheduler(digestSchedulerId('person:ana@example.org'));
    const [first] = await queue.getDelayed(0, -1);
    const next = DateTime.fromMillis(Number(scheduler?.next ?? 0), { zone: 'America/Sao_Paulo' });
    expect(next.toFormat('ccc HH:mm')).toBe('Fri 16:30');
    expect(next.toMillis() - Date.now()).toBeGreaterThan(0);
    expect(next.toMillis() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const workers = startReminderWorkers([digestJob], e.deps, { concurrency: 2 });
    try {
      await first?.promote();
      expect(await finished(first?.id ?? '')).toMatchObject({ status: 'sent', channels: { mail: 'ok' } });
      const mails = smtp.messages.filter((m) => m.to.includes('ana@example.org'));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Weekly digest for SG20: 2 new documents, 2 deadlines ahead, 1 liaison awaiting reply');
      expect(mails[0]?.raw).toContain('X-Sgbot-Kind: digest');
      expect(mails[0]?.raw).toContain('TSB Collective letter 5/20');
      expect(mails[0]?.raw).not.toContain('TSB Collective letter 6/13');

      // Nothing for SG9: no mail at all.
      const zedJob = await e.runtime.enqueue(digestJob, { subscriber: 'person:zed@example.org', period: '2036-W14' });
      expect(await finished(zedJob)).toMatchObject({ status: 'empty' });
      expect(smtp.messages.filter((m) => m.to.includes('zed@example.org'))).toEqual([]);
    } finally {
      await workers.close();
    }

    const status = await answer(registry, context('ana@example.org'), 'digest');
    expect(status.reply.title).toBe('Weekly digest: Fridays at 16:30 (America/Sao_Paulo)');
    const off = await answer(registry, context('ana@example.org'), 'digest off');
    expect(off.reply.title).toBe('Weekly digest turned off');
    expect(await queue.getJobScheduler(digestSchedulerId('person:ana@example.org'))).toBeUndefined();
    const bad = await answer(registry, context('ana@example.org'), 'digest on someday');
    expect(bad.reply).toMatchObject({ ok: false, code: 'E_USAGE' });
    expect((await e.deps.audit.latest(10, 'digest.')).map((a) => `${a.action} ${a.result}`)).toEqual(['digest.off ok', 'digest.sent ok', 'digest.on ok']);
  });
});
