/**
 * Reminders on real Redis, a real SMTP server and the Slack fake: which delayed jobs a deadline produces and when
 * they fire, what goes out (threaded mail, DMs and channel posts with buttons), "done" and "snooze", a revised letter
 * that moves the deadline, a liaison reply that escalates, a reminder on the day after the DST change firing at
 * 09:00 local, and an unverified mail that plans nothing.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import makeReminders from '../../commands/reminders.ts';
import { makeRemindCommand } from '../../commands/remind.ts';
import { createRegistry } from '../../commands/index.ts';
import { reminderJob } from '../../jobs/reminder.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CommandSpec, CuratedRoles } from '../../src/core/command.ts';
import { messageIdFor } from '../../src/mail/index.ts';
import { acknowledgeReminder } from '../../src/reminders/actions.ts';
import { reminderPayloadId, type ReminderPayload } from '../../src/reminders/payload.ts';
import { deadlineKey } from '../../src/reminders/plan.ts';
import { prepareReminder, sendPrepared } from '../../src/reminders/deliver.ts';
import { addReminderJobs, scheduleAll, scheduleDocument } from '../../src/reminders/schedule.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { startReminderWorkers, type ReminderWorkers } from '../../src/reminders/worker.ts';
import type { SearchIndex } from '../../src/store/search.ts';
import { letter, liaison, makePerson } from '../support/reminder-builders.ts';
import { MAIL_DOMAIN, SECRET, startReminderEnv, until, type ReminderEnv } from '../support/reminder-env.ts';
import { startSmtp, type SmtpSink } from '../support/smtp.ts';
import { blockTexts, BOT_TOKEN, startSlackFake, type SlackFake } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const iso = (ms: unknown) => new Date(ms as number).toISOString();

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

function env(startAt: string, settings = {}): ReminderEnv {
  n += 1;
  return startReminderEnv({ redisUrl, prefix: `it-rem-s-${process.pid}-${n}`, smtpPort: smtp.port, slack: { apiUrl: slack.apiUrl, botToken: BOT_TOKEN }, startAt, settings });
}

function planned(jobs: Array<{ data: Record<string, unknown> }>): string[] {
  return jobs.map((j) => `${String(j.data['recipient'])} ${String(j.data['offset'])} ${iso(j.data['at'])}`).sort();
}

async function finished(e: ReminderEnv, id: string): Promise<ReturnType<typeof JSON.parse>> {
  await until(`job ${id} to complete`, async () => (await (await e.queue.getJob(id))?.getState()) === 'completed');
  return (await e.queue.getJob(id))?.returnvalue;
}

function mailsTo(address: string, since = 0) {
  return smtp.messages.slice(since).filter((m) => m.to.includes(address));
}

function posts(channel: string, since = 0) {
  return slack.api('chat.postMessage').slice(since).filter((c) => c.body['channel'] === channel);
}

function context(e: ReminderEnv, id: string): CommandContext {
  return {
    store: e.deps.store,
    search: () => Promise.reject<SearchIndex>(new Error('no search here')),
    curated: {} as CuratedRoles,
    now: e.deps.now?.().getTime() ?? Date.now(),
    tz: 'Europe/Zurich',
    who: { channel: 'cli', id, verified: true },
    people: { roster: e.deps.roster, subscriptions: e.deps.subscriptions, audit: e.deps.audit },
  };
}

describe('a contribution deadline 10 days ahead, then revised', () => {
  let e: ReminderEnv;
  let workers: ReminderWorkers;
  let docId = '';
  const dk = deadlineKey('collective-letter:collectiveletter5/20', 'contributions', 0);

  beforeAll(async () => {
    e = env('2036-04-04T10:00:00Z');
    const { roster, subscriptions } = e.deps;
    await roster.put(makePerson('ana@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }], { name: 'Ana', slackId: 'U0ANA0001' }));
    await roster.put(makePerson('ben@example.org', [{ kind: 'associate-rapporteur', scope: 'Q7/20' }], { name: 'Ben', tz: 'Asia/Tokyo' }));
    await roster.put(makePerson('cho@example.org', [{ kind: 'rapporteur', scope: 'Q4/13' }]));
    await roster.put(makePerson('dia@example.org'));
    await subscriptions.add('person:dia@example.org', { kind: 'category', group: 'SG20', category: 'registration' });
    await subscriptions.add('slack:C0SG20', { kind: 'group', group: 'SG20' });
    workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 4 });
  });
  afterAll(async () => {
    await workers.close();
    await e.close();
  });

  it('plans exactly the expected reminders, at 09:00 in each reader zone, and planning again changes nothing', async () => {
    const { doc } = await e.store(letter({ n: 5, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }), { messageId: '<cl-5-20@itu.int>' });
    docId = doc.id;
    const plan = await scheduleDocument(e.deps, docId);
    expect(plan.deadlines).toEqual([{ key: dk, due: Date.parse('2036-04-14T21:59:59Z') }]);
    const jobs = await e.delayed();
    // 14 days before (31 March) is already past; Ben in Tokyo: the deadline falls on 15 April 06:59 there, so no
    // morning-of reminder; Cho (another group's rapporteur) and Dia (registration only) get none.
    expect(planned(jobs)).toEqual(
      [
        'person:ana@example.org 7d 2036-04-07T07:00:00.000Z',
        'person:ana@example.org 1d 2036-04-13T07:00:00.000Z',
        'person:ana@example.org 0d 2036-04-14T07:00:00.000Z',
        'person:ben@example.org 7d 2036-04-08T00:00:00.000Z',
        'person:ben@example.org 1d 2036-04-14T00:00:00.000Z',
        'slack:C0SG20 7d 2036-04-07T07:00:00.000Z',
        'slack:C0SG20 1d 2036-04-13T07:00:00.000Z',
        'slack:C0SG20 0d 2036-04-14T07:00:00.000Z',
      ].sort(),
    );
    for (const j of jobs) {
      // BullMQ fires each when the clock reads its instant; its id is derived from its payload.
      expect(Math.abs(j.at - (j.data['at'] as number))).toBeLessThanOrEqual(5);
      expect(j.id).toBe(reminderPayloadId(j.data as ReminderPayload));
    }
    const again = await scheduleDocument(e.deps, docId);
    expect(again).toMatchObject({ added: [], removed: [], notices: [] });
    expect((await e.delayed()).map((j) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort());
  });

  it('sends a due reminder once: threaded mail and DM with buttons to the rapporteur, a post to the channel', async () => {
    const mailMark = smtp.messages.length;
    const postMark = slack.api('chat.postMessage').length;
    const due7 = (await e.delayed()).filter((j) => j.data['offset'] === '7d' && j.data['recipient'] !== 'person:ben@example.org');
    expect(due7).toHaveLength(2);
    for (const j of due7) await (await e.queue.getJob(j.id))?.promote();
    for (const j of due7) expect(await finished(e, j.id)).toMatchObject({ status: 'sent' });

    const anaJob = due7.find((j) => j.data['recipient'] === 'person:ana@example.org')?.id ?? '';
    const [mail, ...more] = mailsTo('ana@example.org', mailMark);
    expect(more).toEqual([]);
    expect(mail?.messageId).toBe(messageIdFor(anaJob, MAIL_DOMAIN));
    expect(mail?.inReplyTo).toBe('<cl-5-20@itu.int>');
    expect(mail?.subject).toBe('Reminder: Contributions (SG20) due in 7 days');
    expect(mail?.listUnsubscribe).toMatch(/^<https:\/\/sgbot\.example\.org\/reminders\/unsubscribe\?token=[\w.-]+>$/);
    expect(mail?.raw).toContain('Mon 14 Apr 2036 (end of day, Geneva)');

    const [dm] = posts('U0ANA0001', postMark);
    const [channelPost] = posts('C0SG20', postMark);
    expect(posts('U0ANA0001', postMark)).toHaveLength(1);
    expect(posts('C0SG20', postMark)).toHaveLength(1);
    expect(blockTexts(channelPost?.body['blocks'])).toContain('Reminder: Contributions (SG20) due in 7 days');
    expect(JSON.stringify(dm?.body['blocks'])).toContain('"action_id":"reminder_snooze"');
    const sent = await e.deps.audit.latest(10, 'reminder.sent');
    expect(sent.map((a) => `${a.target} ${String(a.details?.['channel'])} ${a.result}`).sort()).toEqual(['person:ana@example.org mail ok', 'person:ana@example.org slack ok', 'slack:C0SG20 slack ok']);

    // "Done" from the Slack button stops Ana's next reminder; the channel still gets its own.
    const buttons = ((dm?.body['blocks'] as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')?.elements ?? []);
    const done = buttons.find((b) => b.action_id === 'reminder_done')?.value ?? '';
    expect((await acknowledgeReminder(e.deps, done, 'slack:U0ANA0001')).reply.title).toContain('Marked as done');
    const next = (await e.delayed()).filter((j) => j.data['offset'] === '1d' && j.data['recipient'] !== 'person:ben@example.org');
    for (const j of next) await (await e.queue.getJob(j.id))?.promote();
    const results = await Promise.all(next.map(async (j) => [j.data['recipient'], (await finished(e, j.id) as { status: string }).status]));
    expect(results.sort()).toEqual([
      ['person:ana@example.org', 'acknowledged'],
      ['slack:C0SG20', 'sent'],
    ]);
    expect(mailsTo('ana@example.org', mailMark)).toHaveLength(1);
  });

  it('lists my reminders, and snoozes from the terminal with the token of a link', async () => {
    const registry = createRegistry([makeReminders, makeRemindCommand(() => e.deps)] as unknown as Array<CommandSpec<never>>);
    const mine = await answer(registry, context(e, 'ben@example.org'), 'reminders');
    expect(mine.reply.ok).toBe(true);
    expect(mine.reply.sections[0]?.items.map((i) => i.text)).toEqual(['Tue 8 Apr 2036, 09:00 — 7 days before', 'Mon 14 Apr 2036, 09:00 — 1 day before']);
    expect(mine.reply.notes[0]).toBe('Times in Asia/Tokyo.');

    const token = signToken({ action: 'snooze', deadlineKey: dk, recipient: 'person:ben@example.org', expires: Math.floor(Date.parse('2036-05-14T00:00:00Z') / 1000) }, SECRET);
    const snoozed = await answer(registry, context(e, 'ben@example.org'), `remind snooze https://sgbot.example.org/reminders/snooze?token=${token}`);
    expect(snoozed.reply.title).toContain('Snoozed for a day');
    const back = (await e.delayed()).find((j) => j.data['offset'] === 'snz');
    expect(back?.data['recipient']).toBe('person:ben@example.org');
    expect(Math.abs((back?.at ?? 0) - (Date.now() + e.offset() + 86_400_000))).toBeLessThan(5000);

    const forged = await answer(registry, context(e, 'ben@example.org'), `remind done ${token.slice(0, -3)}abc`);
    expect(forged.reply).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
    const wrongKind = await answer(registry, context(e, 'ben@example.org'), `remind done ${token}`);
    expect(wrongKind.reply).toMatchObject({ ok: false, code: 'E_USAGE' });
  });

  it('moves the reminders when a revised letter moves the deadline by a week, and tells only those already reminded', async () => {
    const before = await e.delayed();
    const mailMark = smtp.messages.length;
    const postMark = slack.api('chat.postMessage').length;
    const rev = await e.store(letter({ n: 5, sg: 20, revision: 'Rev.1', date: '9 February 2036', rows: [['21 April 2036', 'Submit ITU-T Member contributions']] }), { messageId: '<cl-5-20-rev1@itu.int>' });
    expect(rev.status).toBe('revision');
    const plan = await scheduleDocument(e.deps, rev.id);
    expect(plan.deadlines).toEqual([{ key: dk, due: Date.parse('2036-04-21T21:59:59Z') }]);
    expect(plan.removed.sort()).toEqual(before.map((j) => j.id).sort());
    for (const j of before) expect(await e.queue.getJob(j.id)).toBeUndefined();
    expect(planned(await e.delayed())).toEqual(
      [
        'person:ana@example.org 14d 2036-04-07T07:00:00.000Z',
        'person:ana@example.org 7d 2036-04-14T07:00:00.000Z',
        'person:ana@example.org 1d 2036-04-20T07:00:00.000Z',
        'person:ana@example.org 0d 2036-04-21T07:00:00.000Z',
        'person:ben@example.org 14d 2036-04-08T00:00:00.000Z',
        'person:ben@example.org 7d 2036-04-15T00:00:00.000Z',
        'person:ben@example.org 1d 2036-04-21T00:00:00.000Z',
        'slack:C0SG20 14d 2036-04-07T07:00:00.000Z',
        'slack:C0SG20 7d 2036-04-14T07:00:00.000Z',
        'slack:C0SG20 1d 2036-04-20T07:00:00.000Z',
        'slack:C0SG20 0d 2036-04-21T07:00:00.000Z',
      ].sort(),
    );
    // Ana and the channel were reminded; Ben was not (his snooze went with the old date).
    expect(plan.notices).toHaveLength(2);
    for (const id of plan.notices) expect(await finished(e, id)).toMatchObject({ status: 'sent' });
    const [notice, ...more] = mailsTo('ana@example.org', mailMark);
    expect(more).toEqual([]);
    expect(notice?.subject).toBe('Deadline moved: Contributions (SG20) now due Mon 21 Apr 2036 (end of day, Geneva)');
    expect(notice?.raw).toContain('Was due Mon 14 Apr 2036, 23:59 (Europe/Zurich)');
    expect(notice?.inReplyTo).toBe('<cl-5-20-rev1@itu.int>');
    expect(blockTexts(posts('C0SG20', postMark)[0]?.body['blocks'])).toContain('Deadline moved');
    expect(posts('U0ANA0001', postMark)).toHaveLength(1);
    expect(mailsTo('ben@example.org')).toEqual([]);
    expect(await scheduleDocument(e.deps, rev.id)).toMatchObject({ added: [], removed: [], notices: [] });

    // A job of the old date that was already running when the plan removed the others sends nothing.
    const old = before.find((j) => j.data['recipient'] === 'person:ben@example.org');
    await addReminderJobs(e.deps, [{ payload: old?.data as ReminderPayload, at: 0 }]);
    expect(await finished(e, old?.id ?? '')).toEqual({ status: 'stale', channels: {} });
    expect(mailsTo('ben@example.org')).toEqual([]);
  });

  it('withdraws the reminders when a later revision drops the deadline, and tells only those already reminded', async () => {
    const mailMark = smtp.messages.length;
    const rev2 = await e.store(letter({ n: 5, sg: 20, revision: 'Rev.2', date: '16 February 2036', rows: [['20 April 2036', 'Online registration']] }), { messageId: '<cl-5-20-rev2@itu.int>' });
    expect(rev2.status).toBe('revision');
    const plan = await scheduleDocument(e.deps, rev2.id);
    expect(plan.deadlines.map((d) => d.key)).toEqual([deadlineKey('collective-letter:collectiveletter5/20', 'registration', 0)]);
    expect((await e.delayed()).filter((j) => j.data['deadlineKey'] === dk)).toEqual([]);
    expect(plan.notices).toHaveLength(2);
    for (const id of plan.notices) expect(await finished(e, id)).toMatchObject({ status: 'sent' });
    expect(mailsTo('ana@example.org', mailMark).map((m) => m.subject)).toEqual(['Deadline withdrawn: Contributions (SG20), was due Mon 21 Apr 2036, 23:59 (Europe/Zurich)']);
    expect(mailsTo('ben@example.org')).toEqual([]);
  });
});

describe('a reminder prepared before a revision moves its deadline', () => {
  it('is not sent when its instant comes: the deadline is read again with the delivery markers', async () => {
    const e = env('2036-04-04T10:00:00Z');
    try {
      await e.deps.roster.put(makePerson('eve@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }], { name: 'Eve' }));
      const { doc } = await e.store(letter({ n: 12, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }), { messageId: '<cl-12-20@itu.int>' });
      await scheduleDocument(e.deps, doc.id);
      const job = (await e.delayed()).find((j) => j.data['recipient'] === 'person:eve@example.org' && j.data['offset'] === '7d');
      const payload = job?.data as ReminderPayload;
      // The worker prepares a message up to a second before its instant; the revision is planned in that second.
      const prepared = await prepareReminder(e.deps, payload);
      expect(prepared).toHaveProperty('message');
      const rev = await e.store(letter({ n: 12, sg: 20, revision: 'Rev.1', date: '9 February 2036', rows: [['21 April 2036', 'Submit ITU-T Member contributions']] }), { messageId: '<cl-12-20-rev1@itu.int>' });
      await scheduleDocument(e.deps, rev.id);
      const mailMark = smtp.messages.length;
      expect(await sendPrepared(e.deps, payload, job?.id ?? '', prepared)).toEqual({ status: 'stale', channels: {} });
      expect(mailsTo('eve@example.org', mailMark)).toEqual([]);
    } finally {
      await e.close();
    }
  });
});

describe('liaison reply deadlines', () => {
  it('remind the rapporteurs of the Questions named, and escalate 2 days before unless a rapporteur said done', async () => {
    const e = env('2036-04-04T10:00:00Z');
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 4 });
    try {
      const { roster } = e.deps;
      await roster.put(makePerson('ana@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }]));
      await roster.put(makePerson('eli@example.org', [{ kind: 'rapporteur', scope: 'Q5/20' }]));
      await roster.put(makePerson('wp1@example.org', [{ kind: 'wp-chair', scope: 'WP1/20' }], { tz: 'America/New_York' }));
      await roster.put(makePerson('tsb@example.org', [{ kind: 'secretariat', scope: 'SG20' }]));
      await roster.put(makePerson('tsb13@example.org', [{ kind: 'secretariat', scope: 'SG13' }]));
      const a = await e.store(liaison({ sg: 20, questions: ['Q4/20'], deadline: '20 April 2036', title: 'LS on digital twin terminology' }));
      const b = await e.store(liaison({ sg: 20, questions: ['Q4/20'], deadline: '22 April 2036', title: 'LS on smart city metrics' }));
      await scheduleDocument(e.deps, a.id);
      await scheduleDocument(e.deps, b.id);
      const jobs = await e.delayed();
      const forA = jobs.filter((j) => j.data['base'] === `doc:${a.id}`);
      expect(planned(forA)).toEqual(
        [
          'person:ana@example.org 14d 2036-04-06T07:00:00.000Z',
          'person:ana@example.org 7d 2036-04-13T07:00:00.000Z',
          'person:ana@example.org 1d 2036-04-19T07:00:00.000Z',
          'person:ana@example.org 0d 2036-04-20T07:00:00.000Z',
          'person:tsb@example.org esc2d 2036-04-18T07:00:00.000Z',
          'person:wp1@example.org esc2d 2036-04-18T13:00:00.000Z',
        ].sort(),
      );
      const dkB = deadlineKey(`doc:${b.id}`, 'liaison-reply', 0);
      const expires = Math.floor(Date.parse('2036-06-01T00:00:00Z') / 1000);
      await acknowledgeReminder(e.deps, signToken({ action: 'done', deadlineKey: dkB, recipient: 'person:ana@example.org', expires }, SECRET));
      const escalations = jobs.filter((j) => j.data['type'] === 'escalation');
      expect(escalations).toHaveLength(4);
      for (const j of escalations) await (await e.queue.getJob(j.id))?.promote();
      const outcome = await Promise.all(escalations.map(async (j) => `${String(j.data['recipient'])} ${j.data['base'] === `doc:${a.id}` ? 'A' : 'B'} ${(await finished(e, j.id) as { status: string }).status}`));
      expect(outcome.sort()).toEqual(['person:tsb@example.org A sent', 'person:tsb@example.org B acknowledged', 'person:wp1@example.org A sent', 'person:wp1@example.org B acknowledged']);
      const [esc] = mailsTo('wp1@example.org');
      expect(esc?.subject).toBe('No reply yet: Liaison reply (Q4/20) due in 2 days');
      expect(mailsTo('tsb13@example.org')).toEqual([]);
      expect(mailsTo('eli@example.org')).toEqual([]);
    } finally {
      await workers.close();
      await e.close();
    }
  });
});

describe('time zones and trust', () => {
  it('fires a reminder due at 09:00 Geneva on the day after the spring DST change once, at 09:00 local (07:00 UTC)', async () => {
    // The clock reads 06:59:58 UTC on Monday 31 March 2036, the day after summer time began, and runs on.
    const e = env('2036-03-31T06:59:58.000Z');
    const workers = startReminderWorkers([reminderJob], e.deps, { concurrency: 2 });
    try {
      await e.deps.roster.put(makePerson('gva@example.org', [], { tz: 'Europe/Zurich' }));
      await e.deps.subscriptions.add('person:gva@example.org', { kind: 'category', group: 'SG21', category: 'registration' });
      const { doc } = await e.store(letter({ n: 9, sg: 21, rows: [['1 April 2036', 'Online registration']] }));
      await scheduleDocument(e.deps, doc.id);
      const jobs = await e.delayed();
      expect(planned(jobs)).toEqual(['person:gva@example.org 0d 2036-04-01T07:00:00.000Z', 'person:gva@example.org 1d 2036-03-31T07:00:00.000Z']);
      const mail = await smtp.until(() => mailsTo('gva@example.org')[0], 10_000, 'the reminder of 31 March');
      const local = DateTime.fromMillis(mail.at + e.offset(), { zone: 'Europe/Zurich' });
      expect(local.toFormat('yyyy-MM-dd HH:mm')).toBe('2036-03-31 09:00');
      expect(local.toUTC().toFormat('HH:mm')).toBe('07:00');
      expect(mail.subject).toBe('Reminder: Registration (SG21) due tomorrow');
      const fired = jobs.find((j) => j.data['offset'] === '1d')?.id ?? '';
      expect(await finished(e, fired)).toMatchObject({ status: 'sent' });
      // Once: the only other reminder is the next morning's, still waiting.
      expect(planned(await e.delayed())).toEqual(['person:gva@example.org 0d 2036-04-01T07:00:00.000Z']);
      expect(mailsTo('gva@example.org')).toHaveLength(1);
    } finally {
      await workers.close();
      await e.close();
    }
  });

  it('plans nothing from a letter whose sender check failed, and says so in the log and the audit', async () => {
    const e = env('2036-04-04T10:00:00Z');
    try {
      await e.deps.roster.put(makePerson('ana@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }]));
      await e.deps.subscriptions.add('slack:C0SG20', { kind: 'group', group: 'SG20' });
      const { doc } = await e.store(letter({ n: 7, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }), { unverified: true });
      expect(doc.parsed.deadlines).toHaveLength(1);
      const plan = await scheduleDocument(e.deps, doc.id);
      expect(plan).toMatchObject({ skipped: 'unverified', added: [] });
      expect(await e.queue.getJobCounts('delayed', 'wait', 'active', 'completed')).toEqual({ delayed: 0, wait: 0, active: 0, completed: 0 });
      const [audit] = await e.deps.audit.latest(5, 'reminder.');
      expect(audit).toMatchObject({ action: 'reminder.skipped', target: doc.id, result: 'unverified' });
      expect(e.logs.some((l) => l.level === 'warn' && /unverified/.test(l.msg ?? ''))).toBe(true);

      // An unverified revision of a planned letter changes nothing: no reminder cancelled, nobody told of a change.
      const good = await e.store(letter({ n: 9, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
      const goodPlan = await scheduleDocument(e.deps, good.id);
      expect(goodPlan.added.length).toBeGreaterThan(0);
      await e.deps.store.redis.sadd(remKeys(e.deps.store.prefix).reminded(goodPlan.deadlines[0]?.key ?? ''), 'slack:C0SG20');
      const fake = await e.store(letter({ n: 9, sg: 20, revision: 'Rev.1', rows: [['30 April 2036', 'Submit ITU-T Member contributions']] }), { unverified: true });
      // The store holds it (kept, not applied): the verified letter stays current.
      expect(fake.status).toBe('held');
      expect(await scheduleDocument(e.deps, fake.id)).toMatchObject({ skipped: 'unverified' });
      expect(await scheduleAll(e.deps)).toEqual([expect.objectContaining({ base: good.doc.baseKey, removed: [], notices: [] })]);
      expect((await e.delayed()).map((j) => j.id).sort()).toEqual([...goodPlan.added].sort());

      // A deadline already past plans nothing either.
      const past = await e.store(letter({ n: 8, sg: 20, rows: [['1 March 2036', 'Submit ITU-T Member contributions']] }));
      const before = await e.queue.getJobCounts('delayed');
      expect(await scheduleDocument(e.deps, past.id)).toMatchObject({ added: [], deadlines: [{ due: Date.parse('2036-03-01T22:59:59Z') }] });
      expect(await e.queue.getJobCounts('delayed')).toEqual(before);
    } finally {
      await e.close();
    }
  });
});
