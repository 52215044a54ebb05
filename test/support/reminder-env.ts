/**
 * The reminder side of sgbot on real Redis for a test (or a test worker process): store, roster, subscriptions,
 * audit, the real mailer (SMTP to a local server, or the capture outbox), Slack through the real Web API client to
 * the fake, the real BullMQ adapter, and a clock shifted to a chosen date that runs at real speed — so a delayed job
 * fires when that clock reads its instant. Everything under one key prefix.
 */
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { slackSender } from '../../src/chat/slack/sender.ts';
import { createMailer, type Mailer } from '../../src/mail/index.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { Roster } from '../../src/people/roster.ts';
import { Subscriptions } from '../../src/people/subscriptions.ts';
import { JobRuntime, type Log } from '../../src/queues.ts';
import { reminderSettings, type ReminderDeps, type ReminderSettings } from '../../src/reminders/deps.ts';
import { REMINDER_QUEUE } from '../../src/reminders/payload.ts';
import { AuditLog } from '../../src/store/audit.ts';
import type { StoredDocument } from '../../src/store/facts.ts';
import { DocumentStore, type AddResult } from '../../src/store/store.ts';

export const MAIL_DOMAIN = 'sgbot.example.org';
export const SECRET = 'reminder-test-secret-0123456789';

export interface EnvOptions {
  redisUrl: string;
  prefix: string;
  /** SMTP server port on 127.0.0.1; the capture outbox when absent. */
  smtpPort?: number;
  /** Slack Web API base URL (the fake's `apiUrl`) and bot token; no chat when absent. */
  slack?: { apiUrl: string; botToken: string };
  /** What the clock reads now (ISO); it then runs at real speed. Default: the real time. */
  startAt?: string;
  settings?: Partial<ReminderSettings>;
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export interface ReminderEnv {
  deps: ReminderDeps;
  runtime: JobRuntime<unknown>;
  redis: Redis;
  /** The reminder queue. */
  queue: Queue;
  logs: LogLine[];
  /** Clock offset from real time, ms. */
  offset(): number;
  /** Set the clock to read `iso` now. */
  setClock(iso: string): void;
  /** Parse `text` and store it as a document from a mail (`unverified`: its sender check failed). */
  store(text: string, opts?: { messageId?: string; unverified?: boolean; name?: string; sentAt?: string }): Promise<AddResult & { doc: StoredDocument }>;
  /** Delayed reminder jobs: id, payload, and the instant (on the test clock) BullMQ fires them. */
  delayed(): Promise<Array<{ id: string; at: number; data: Record<string, unknown> }>>;
  close(): Promise<void>;
}

export function startReminderEnv(opts: EnvOptions): ReminderEnv {
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const logs: LogLine[] = [];
  const log: Log = {
    info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
  };
  let offset = opts.startAt ? Date.parse(opts.startAt) - Date.now() : 0;
  const now = () => new Date(Date.now() + offset);
  const store = new DocumentStore(redis, opts.prefix);
  const runtime = new JobRuntime<unknown>(opts.redisUrl, opts.prefix, {}, log);
  let mailer: Mailer | null = null;
  const getMailer = () =>
    (mailer ??= createMailer({
      from: `sgbot <sgbot@${MAIL_DOMAIN}>`,
      domain: MAIL_DOMAIN,
      now,
      transport: opts.smtpPort
        ? { host: '127.0.0.1', port: opts.smtpPort, pool: true, maxConnections: 5, timeouts: { connectMs: 2000, greetingMs: 2000, socketMs: 5000 } }
        : { capture: true, keep: 10_000 },
    }));
  const deps: ReminderDeps = {
    store,
    roster: new Roster(redis, opts.prefix),
    subscriptions: new Subscriptions(redis, opts.prefix),
    audit: new AuditLog(redis, opts.prefix),
    mailer: getMailer,
    chat: opts.slack ? slackSender({ botToken: opts.slack.botToken, slackApiUrl: opts.slack.apiUrl }) : null,
    queue: (spec) => runtime.queue(spec),
    settings: reminderSettings({ publicUrl: 'https://sgbot.example.org', secret: SECRET, tz: 'Europe/Zurich', attempts: 10, backoffMs: 100, ...opts.settings }),
    log,
    now,
  };
  const queue = runtime.queue({ name: REMINDER_QUEUE });
  return {
    deps,
    runtime,
    redis,
    queue,
    logs,
    offset: () => offset,
    setClock(iso) {
      offset = Date.parse(iso) - Date.now();
    },
    async store(text, o = {}) {
      const parsed = parseDocument(text);
      const auth = o.unverified ? { verdict: 'fail', summary: 'dkim=fail (body hash did not verify); dmarc=fail' } : { verdict: 'pass', summary: 'dkim=pass; dmarc=pass' };
      const r = await store.addDocument(
        text,
        parsed,
        { name: o.name ?? 'letter.eml', path: null, messageId: o.messageId ?? null, format: 'eml', subject: parsed.title, from: 'tsb@itu.int', sentAt: o.sentAt ?? null, auth },
        now(),
      );
      const doc = await store.getDocument(r.id);
      if (!doc) throw new Error(`document ${r.id} was not stored`);
      return { ...r, doc };
    },
    async delayed() {
      const jobs = await queue.getDelayed(0, -1);
      return jobs.map((j) => ({ id: j.id ?? '', at: j.timestamp + j.delay + offset, data: j.data as Record<string, unknown> }));
    },
    async close() {
      await runtime.close();
      await mailer?.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Poll `check` every 20 ms until it holds; throw naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
