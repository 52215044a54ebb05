/**
 * Delivery failures, on a real SMTP server and the Slack fake: an SMTP server deferring (451) for a while gets every
 * reminder once it recovers; a 550 is recorded as failed and not retried; a deferral that never ends is given up
 * and recorded; Slack's Retry-After is honoured without resending the mail already sent.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reminderJob } from '../../jobs/reminder.ts';
import { unsubscribeReminders } from '../../src/reminders/actions.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { startReminderWorkers } from '../../src/reminders/worker.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, until, type ReminderEnv } from '../support/reminder-env.ts';
import { startSmtp, type SmtpSink } from '../support/smtp.ts';
import { BOT_TOKEN, startSlackFake, type SlackFake } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
let smtp: SmtpSink;
let slack: SlackFake;
let n = 0;

beforeAll(async () => {
  smtp = await startSmtp();
  slack = await startSlackFake({ botToken: BOT_TOKEN });
});
afterAll(async () => {
  await smtp.stop();
  await slack.close();
});

/** An env with `people` (Zurich, emails `<name>@<tag>.example.org`) subscribed to SG20 and one planned letter. */
async function planned(tag: string, people: Array<{ name: string; slackId?: string }>, settings = {}): Promise<{ e: ReminderEnv; ids: Map<string, string> }> {
  n += 1;
  const e = startReminderEnv({ redisUrl, prefix: `it-rem-d-${process.pid}-${n}`, smtpPort: smtp.port, slack: { apiUrl: slack.apiUrl, botToken: BOT_TOKEN }, startAt: '2036-04-04T10:00:00Z', settings });
  for (const p of people) {
    const id = `${p.name}@${tag}.example.org`;
    await e.deps.roster.put(makePerson(id, [], { slackId: p.slackId ?? null }));
    await e.deps.subscriptions.add(`person:${id}`, { kind: 'group', group: 'SG20' });
  }
  const { doc } = await e.store(letter({ n: 30 + n, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
  await scheduleDocument(e.deps, doc.id);
  // The 7-day reminders are due: promote them instead of waiting three days.
  const ids = new Map<string, string>();
  for (const j of (await e.delayed()).filter((x) => x.data['offset'] === '7d')) {
    await (await e.queue.getJob(j.id))?.promote();
    ids.set(String(j.data['recipient']).replace(/^person:/, ''), j.id);
  }
  return { e, ids };
}

async function settled(e: ReminderEnv, id: string): Promise<{ state: string; attemptsMade: number; returnvalue: unknown }> {
  let state = '';
  await until(`job ${id} to finish`, async () => ['completed', 'failed'].includes((state = (await (await e.queue.getJob(id))?.getState()) ?? '')), 20_000);
  const job = await e.queue.getJob(id);
  return { state, attemptsMade: job?.attemptsMade ?? -1, returnvalue: job?.returnvalue };
}

const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe('reminder delivery', () => {
  it('delivers every reminder once after the SMTP server deferred (451) for a while', async () => {
    smtp.deferAll(451);
    const { e, ids } = await planned('defer', [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 3 });
    try {
      const refusedBefore = smtp.refusals.length;
      await until('each reminder to be deferred at least twice', () => smtp.refusals.length - refusedBefore >= 6);
      expect(smtp.messages.filter((m) => m.to[0]?.endsWith('@defer.example.org'))).toEqual([]);
      smtp.deferAll(null);
      for (const id of ids.values()) expect(await settled(e, id)).toMatchObject({ state: 'completed', returnvalue: { status: 'sent', channels: { mail: 'ok' } } });
      for (const [address, id] of ids) {
        expect(to(address)).toHaveLength(1);
        expect((await e.queue.getJob(id))?.attemptsMade).toBeGreaterThanOrEqual(2);
      }
      const audits = await e.deps.audit.latest(20, 'reminder.sent');
      expect(audits.map((a) => a.result)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      smtp.deferAll(null);
      await workers.close();
      await e.close();
    }
  });

  it('records a 550 as failed and does not retry it, while the other recipient gets theirs', async () => {
    smtp.refuse('gone@bounce.example.org', 550);
    const { e, ids } = await planned('bounce', [{ name: 'gone' }, { name: 'here' }]);
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 2 });
    try {
      const gone = await settled(e, ids.get('gone@bounce.example.org') ?? '');
      // One attempt, completed: the failure is recorded, not thrown for the queue to retry.
      expect(gone).toMatchObject({ state: 'completed', attemptsMade: 1, returnvalue: { status: 'failed', channels: { mail: 'failed' } } });
      expect(await settled(e, ids.get('here@bounce.example.org') ?? '')).toMatchObject({ returnvalue: { status: 'sent' } });
      expect(smtp.refusals.filter((r) => r.address === 'gone@bounce.example.org')).toEqual([{ address: 'gone@bounce.example.org', code: 550 }]);
      expect(to('here@bounce.example.org')).toHaveLength(1);
      const [failed] = (await e.deps.audit.latest(10, 'reminder.sent')).filter((a) => a.result === 'failed');
      expect(failed).toMatchObject({ target: 'person:gone@bounce.example.org', result: 'failed', details: { channel: 'mail', error: expect.stringContaining('550') as string } });
    } finally {
      smtp.refuse('gone@bounce.example.org', null);
      await workers.close();
      await e.close();
    }
  });

  it('gives up a deferral that never ends after its attempts, and records it as failed', async () => {
    smtp.refuse('stuck@stuck.example.org', 451);
    const { e, ids } = await planned('stuck', [{ name: 'stuck' }], { attempts: 3, backoffMs: 50 });
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 1 });
    try {
      expect(await settled(e, ids.get('stuck@stuck.example.org') ?? '')).toMatchObject({ state: 'failed', attemptsMade: 3 });
      expect(smtp.refusals.filter((r) => r.address === 'stuck@stuck.example.org')).toHaveLength(3);
      await until('the give-up to be audited', async () => (await e.deps.audit.latest(5, 'reminder.sent')).length > 0);
      expect((await e.deps.audit.latest(5, 'reminder.sent'))[0]).toMatchObject({ result: 'failed', details: { gaveUp: true } });
    } finally {
      smtp.refuse('stuck@stuck.example.org', null);
      await workers.close();
      await e.close();
    }
  });

  it('stops reminder mail after the List-Unsubscribe link is followed; chat reminders go on', async () => {
    const { e, ids } = await planned('unsub', [{ name: 'uma', slackId: 'U0UMA0001' }]);
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 1 });
    try {
      expect(await settled(e, ids.get('uma@unsub.example.org') ?? '')).toMatchObject({ returnvalue: { channels: { mail: 'ok', slack: 'ok' } } });
      const link = /<(https:[^>]+)>/.exec(to('uma@unsub.example.org')[0]?.listUnsubscribe ?? '')?.[1] ?? '';
      const result = await unsubscribeReminders(e.deps, new URL(link).searchParams.get('token') ?? '');
      expect(result.recipient).toBe('person:uma@unsub.example.org');
      const next = (await e.delayed()).find((j) => j.data['offset'] === '1d');
      await (await e.queue.getJob(next?.id ?? ''))?.promote();
      expect(await settled(e, next?.id ?? '')).toMatchObject({ returnvalue: { status: 'sent', channels: { slack: 'ok' } } });
      expect((await e.queue.getJob(next?.id ?? ''))?.returnvalue).not.toHaveProperty('channels.mail');
      expect(to('uma@unsub.example.org')).toHaveLength(1);
      expect((await e.deps.audit.latest(5, 'reminder.unsubscribed'))[0]).toMatchObject({ target: 'person:uma@unsub.example.org', result: 'ok' });
    } finally {
      await workers.close();
      await e.close();
    }
  });

  it("waits as long as Slack's Retry-After says, then posts once, without sending the mail again", async () => {
    const mark = slack.api('chat.postMessage', false).length;
    slack.fail({ match: 'chat.postMessage', status: 429, times: 1, retryAfterS: 1 });
    // Backoff is 50 ms: a retry before 1 s would be the queue's, not Slack's wait.
    const { e, ids } = await planned('limited', [{ name: 'rae', slackId: 'U0RAE0001' }], { backoffMs: 50 });
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 1 });
    try {
      expect(await settled(e, ids.get('rae@limited.example.org') ?? '')).toMatchObject({ state: 'completed', returnvalue: { status: 'sent', channels: { mail: 'already', slack: 'ok' } } });
      const calls = slack.api('chat.postMessage', false).slice(mark).filter((c) => c.body['channel'] === 'U0RAE0001');
      expect(calls.map((c) => c.status)).toEqual([429, 200]);
      expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
      expect(to('rae@limited.example.org')).toHaveLength(1);
    } finally {
      slack.clearFailures();
      await workers.close();
      await e.close();
    }
  });
});
