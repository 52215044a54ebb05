/**
 * A reminder DM whose outcome the worker never learned: the Slack fake carries out chat.postMessage and drops the
 * connection, so the job fails although the person has the message. The next attempt must find it in the DM's
 * history by its key (`<jobId>/slack`) and mark it sent, not post again; with no such message it posts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reminderJob } from '../../jobs/reminder.ts';
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

/** An env where `name@<tag>.example.org` (Slack `slackId`) follows SG20 and has a due 7-day reminder; its job id. */
async function due(tag: string, name: string, slackId: string): Promise<{ e: ReminderEnv; jobId: string }> {
  n += 1;
  const e = startReminderEnv({ redisUrl, prefix: `it-rem-if-${process.pid}-${n}`, smtpPort: smtp.port, slack: { apiUrl: slack.apiUrl, botToken: BOT_TOKEN }, startAt: '2036-04-04T10:00:00Z', settings: { backoffMs: 50 } });
  const id = `${name}@${tag}.example.org`;
  await e.deps.roster.put(makePerson(id, [], { slackId }));
  await e.deps.subscriptions.add(`person:${id}`, { kind: 'group', group: 'SG20' });
  const { doc } = await e.store(letter({ n: 60 + n, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
  await scheduleDocument(e.deps, doc.id);
  const job = (await e.delayed()).find((x) => x.data['offset'] === '7d');
  if (!job) throw new Error('no 7-day reminder was planned');
  await (await e.queue.getJob(job.id))?.promote();
  return { e, jobId: job.id };
}

async function settled(e: ReminderEnv, id: string): Promise<{ state: string; attemptsMade: number; returnvalue: unknown }> {
  let state = '';
  await until(`job ${id} to finish`, async () => ['completed', 'failed'].includes((state = (await (await e.queue.getJob(id))?.getState()) ?? '')), 20_000);
  const job = await e.queue.getJob(id);
  return { state, attemptsMade: job?.attemptsMade ?? -1, returnvalue: job?.returnvalue };
}

const posts = (user: string) => slack.api('chat.postMessage').filter((c) => c.body['channel'] === user);

describe('a reminder DM interrupted in flight', () => {
  it('is found in the DM history by its key and marked sent, not posted again; the mail is not sent again either', async () => {
    slack.drop('chat.postMessage', 1);
    const { e, jobId } = await due('drop', 'ida', 'U0IDA0001');
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 1 });
    try {
      expect(await settled(e, jobId)).toMatchObject({ state: 'completed', returnvalue: { status: 'sent', channels: { mail: 'already', slack: 'ok' } } });
      const dm = slack.messages('U0IDA0001');
      expect(dm.map((m) => m.metadata)).toEqual([{ event_type: 'sgbot_delivery', event_payload: { key: `${jobId}/slack` } }]);
      expect(posts('U0IDA0001').map((c) => c.dropped ?? false)).toEqual([true]);
      // The DM is found through conversations.open, then read.
      expect(slack.api('conversations.open', true).at(-1)?.body).toMatchObject({ users: 'U0IDA0001' });
      expect(slack.api('conversations.history', true).at(-1)?.body).toMatchObject({ channel: 'D0IDA0001', include_all_metadata: 'true' });
      expect(smtp.messages.filter((m) => m.to.includes('ida@drop.example.org'))).toHaveLength(1);
      const sent = (await e.deps.audit.latest(10, 'reminder.sent')).filter((a) => a.details?.['channel'] === 'slack');
      expect(sent.map((a) => [a.result, a.details?.['earlier'], a.details?.['messageId']])).toEqual([['ok', 'found', dm[0]?.ts]]);
    } finally {
      await workers.close();
      await e.close();
    }
  });

  it('is posted by the next attempt when the DM has no message with its key', async () => {
    slack.fail({ match: 'chat.postMessage', status: 500, times: 1 });
    const { e, jobId } = await due('fail', 'fay', 'U0FAY0001');
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 1 });
    try {
      expect(await settled(e, jobId)).toMatchObject({ state: 'completed', returnvalue: { status: 'sent', channels: { mail: 'already', slack: 'ok' } } });
      expect(slack.messages('U0FAY0001').map((m) => m.metadata?.event_payload['key'])).toEqual([`${jobId}/slack`]);
      expect(posts('U0FAY0001').map((c) => c.status)).toEqual([500, 200]);
      const sent = (await e.deps.audit.latest(10, 'reminder.sent')).filter((a) => a.details?.['channel'] === 'slack');
      expect(sent.map((a) => a.details?.['earlier'])).toEqual(['absent']);
    } finally {
      slack.clearFailures();
      await workers.close();
      await e.close();
    }
  });
});
