/**
 * sgbot's reminder side on the bench Redis: store, roster, subscriptions, audit, the real mailer (pooled SMTP with
 * the production defaults: 5 connections, 100 messages each) to a local smtp-server, the BullMQ queues, and a
 * collective letter of SG20 with one deadline in 2036 that `people` delegates follow. Reminder jobs are queued the
 * way the planner queues them (`addReminderJobs`: deterministic ids, validated payloads), at chosen instants.
 */
import type { Redis } from 'ioredis';
import { createMailer, type Mailer } from '../src/mail/index.ts';
import { parseDocument } from '../src/parse/index.ts';
import { makePerson, Roster } from '../src/people/roster.ts';
import { Subscriptions } from '../src/people/subscriptions.ts';
import { JobRuntime, type Log } from '../src/queues.ts';
import { currentDeadlines } from '../src/reminders/current.ts';
import { reminderSettings, type ReminderDeps } from '../src/reminders/deps.ts';
import { remKeys } from '../src/reminders/keys.ts';
import type { ReminderPayload } from '../src/reminders/payload.ts';
import { addReminderJobs } from '../src/reminders/schedule.ts';
import { AuditLog } from '../src/store/audit.ts';
import { DocumentStore } from '../src/store/store.ts';
import type { BenchEnv } from './env.ts';
import { mapLimit } from './util.ts';

export const MAIL_DOMAIN = 'bench.sgbot.example';

const LETTER = [
  'INTERNATIONAL TELECOMMUNICATION UNION',
  'TELECOMMUNICATION STANDARDIZATION BUREAU',
  'Geneva, 3 February 2036',
  'Ref: TSB Collective letter 77/20',
  'Subject: Meeting of Study Group 20; Geneva, 12-21 May 2036',
  '',
  'Dear Sir/Madam,',
  '1 You are invited to the meeting of Study Group 20, held at ITU headquarters from 12 to 21 May 2036.',
  '',
  'Key deadlines:',
  '30 April 2036\tSubmit ITU-T Member contributions',
  '',
  'Yours faithfully,',
  'Director, TSB',
].join('\n');

const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ReminderBench {
  deps: ReminderDeps;
  runtime: JobRuntime<unknown>;
  redis: Redis;
  people: string[];
  /** Queue one reminder per person, each due at `at(i)` (epoch ms). */
  queue(at: (i: number) => number): Promise<void>;
  close(): Promise<void>;
}

export async function startReminderBench(env: BenchEnv, opts: { name: string; people: number; smtpPort: number; mailer?: { maxConnections?: number; maxMessages?: number } }): Promise<ReminderBench> {
  const redis = env.connect({ bullmq: true });
  const prefix = env.prefix(opts.name);
  const store = new DocumentStore(redis, prefix);
  const runtime = new JobRuntime<unknown>(env.redis.url, prefix, {}, silent);
  let mailer: Mailer | null = null;
  const deps: ReminderDeps = {
    store,
    roster: new Roster(redis, prefix),
    subscriptions: new Subscriptions(redis, prefix),
    audit: new AuditLog(redis, prefix),
    mailer: () => (mailer ??= createMailer({ from: `sgbot <sgbot@${MAIL_DOMAIN}>`, domain: MAIL_DOMAIN, transport: { host: '127.0.0.1', port: opts.smtpPort, ...opts.mailer } })),
    chat: null,
    queue: (spec) => runtime.queue(spec),
    settings: reminderSettings({ publicUrl: 'https://sgbot.example.org', secret: 'bench-reminder-secret-0123456789', tz: 'Europe/Zurich' }),
    log: silent,
  };
  const people = Array.from({ length: opts.people }, (_, i) => `delegate${i}@member${i % 97}.example.org`);
  await mapLimit(people, 64, async (email, i) => {
    await deps.roster.put(makePerson({ name: `Delegate ${i}`, email, tz: i % 3 === 0 ? 'Asia/Tokyo' : 'Europe/Zurich', roles: [{ kind: 'delegate' }] }));
    await deps.subscriptions.add(`person:${email}`, { kind: 'group', group: 'SG20' });
  });
  const parsed = parseDocument(LETTER);
  const added = await store.addDocument(LETTER, parsed, { name: 'cl77-20.eml', path: null, messageId: '<cl77-20@bench.itu.int>', format: 'eml', subject: parsed.title, from: 'tsbsg20@itu.int', sentAt: null, auth: { verdict: 'pass', summary: 'dkim=pass' } });
  const doc = await store.getDocument(added.id);
  if (!doc?.baseKey) throw new Error('reminder bench: the letter was not stored with a reference');
  const [deadline] = await currentDeadlines(store, remKeys(prefix), doc.baseKey);
  if (!deadline) throw new Error('reminder bench: the letter has no current deadline');
  return {
    deps,
    runtime,
    redis,
    people,
    async queue(at) {
      const jobs = people.map((email, i) => {
        const payload: ReminderPayload = { type: 'reminder', deadlineKey: deadline.key, base: deadline.record.base, recipient: `person:${email}`, offset: '7d', at: Math.round(at(i)), due: deadline.fact.due };
        return { payload, at: payload.at };
      });
      await addReminderJobs(deps, jobs);
    },
    async close() {
      await runtime.close();
      await mailer?.close();
    },
  };
}
