/**
 * Exactly once across a crash: 1,000 due reminders (250 people × 4), a worker process killed with SIGKILL in the
 * middle of sending them, a new one started — every person ends with each of their 4 reminders, counted per
 * Message-ID at a real SMTP server. SMTP cannot make it exactly once: a message the server took just before the
 * kill, whose marker the dying process had not written yet, is sent again — with the same Message-ID. The test checks
 * that only such in-flight messages are ever repeated, and prints how many were.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messageIdFor } from '../../src/mail/index.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';
import { MAIL_DOMAIN, startReminderEnv, until, type ReminderEnv } from '../support/reminder-env.ts';
import { startSmtp, type SmtpSink } from '../support/smtp.ts';

const redisUrl = inject('redisUrl');
const WORKER = join(import.meta.dirname, '../support/reminder-worker.ts');
const START_AT = '2036-03-20T10:00:00Z';
const PEOPLE = 250;
const CONCURRENCY = 8;

function worker(prefix: string, smtpPort: number, offset: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      REMINDER_TEST_REDIS_URL: redisUrl,
      REMINDER_TEST_PREFIX: prefix,
      REMINDER_TEST_SMTP_PORT: String(smtpPort),
      REMINDER_TEST_START_AT: new Date(Date.now() + offset).toISOString(),
      REMINDER_TEST_CONCURRENCY: String(CONCURRENCY),
      REMINDER_TEST_LOCK_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${err}`)));
  });
  return { child, ready };
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

describe('a worker killed in the middle of 1,000 reminders', () => {
  let smtp: SmtpSink;
  let e: ReminderEnv;
  const prefix = `it-rem-crash-${process.pid}`;

  beforeAll(async () => {
    smtp = await startSmtp();
    e = startReminderEnv({ redisUrl, prefix, smtpPort: smtp.port, startAt: START_AT });
  });
  afterAll(async () => {
    await e.close();
    await smtp.stop();
  });

  it('ends with every person having each of their reminders exactly once', async () => {
    for (let i = 0; i < PEOPLE; i++) {
      const id = `p${i}@crash.example.org`;
      await e.deps.roster.put(makePerson(id));
      await e.deps.subscriptions.add(`person:${id}`, { kind: 'group', group: 'SG20' });
    }
    const { doc } = await e.store(letter({ n: 11, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
    const plan = await scheduleDocument(e.deps, doc.id);
    expect(plan.added).toHaveLength(PEOPLE * 4);
    // All four are due now (promoted), as if the worker had been down for two weeks.
    const jobs = await e.queue.getDelayed(0, -1);
    expect(jobs).toHaveLength(1000);
    for (let i = 0; i < jobs.length; i += 100) await Promise.all(jobs.slice(i, i + 100).map((j) => j.promote()));
    const expected = new Map(jobs.map((j) => [messageIdFor(j.id ?? '', MAIL_DOMAIN), (j.data as { recipient: string }).recipient]));

    const first = worker(prefix, smtp.port, e.offset());
    await first.ready;
    await until('the first worker to send 300 reminders', () => smtp.messages.length >= 300, 30_000);
    // A moment unrelated to the server's acceptances (right after one would be the worst case, not a fair one).
    await new Promise((r) => setTimeout(r, Math.random() * 25));
    first.child.kill('SIGKILL');
    await stopped(first.child);
    const atKill = smtp.messages.length;
    expect(atKill).toBeLessThan(1000);

    const second = worker(prefix, smtp.port, e.offset());
    try {
      await second.ready;
      await until('all 1,000 reminders to be processed', async () => (await e.queue.getJobCounts('completed')).completed === 1000, 60_000);
    } finally {
      second.child.kill('SIGTERM');
      await stopped(second.child);
    }
    expect(await e.queue.getJobCounts('wait', 'active', 'delayed', 'failed')).toEqual({ wait: 0, active: 0, delayed: 0, failed: 0 });

    const counts = smtp.countsByMessageId();
    const duplicated = [...counts].filter(([, c]) => c > 1);
    console.log(`crash test: ${atKill} mails before the kill, ${smtp.messages.length} in all, ${counts.size} distinct Message-IDs, ${duplicated.length} duplicated`);
    expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
    // Every copy of a message carries the same Message-ID, and went to the recipient it was planned for.
    for (const m of smtp.messages) expect(`person:${m.to[0] ?? ''}`).toBe(expected.get(m.messageId));
    const perPerson = new Map<string, number>();
    for (const [id] of counts) perPerson.set(expected.get(id) ?? '', (perPerson.get(expected.get(id) ?? '') ?? 0) + 1);
    expect(new Set(perPerson.values())).toEqual(new Set([4]));
    expect(perPerson.size).toBe(PEOPLE);
    // The one window left: the server took a message, and the process died before it wrote the marker (within about a
    // millisecond). Such a message is sent again, with the same Message-ID; it must have been one of the first worker's
    // last sends, in flight at the kill: at most CONCURRENCY of them can be. (Its arrival is not compared with the
    // kill's clock time: the test process may read the last bytes from the socket after it has sent the signal.)
    expect(duplicated.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const [id, c] of duplicated) {
      expect(c).toBe(2);
      const first = smtp.messages.findIndex((m) => m.messageId === id);
      expect(first).toBeGreaterThanOrEqual(atKill - CONCURRENCY);
      expect(first).toBeLessThan(atKill + CONCURRENCY);
    }
    expect((await e.deps.audit.latest(2000, 'reminder.sent')).filter((a) => a.result === 'ok')).toHaveLength(1000);
  }, 90_000);
});
