/**
 * Reminder delivery: 10,000 reminder mails through sgbot — BullMQ jobs queued as the planner queues them, the reminder
 * worker (checks that the deadline and the recipient are current, composes, sends, marks and audits) and the
 * mailer's nodemailer pool — to a local smtp-server, ÷ a like-for-like baseline: a plain BullMQ worker at the same
 * concurrency whose jobs name a recipient (a small payload, as sgbot's), building a text+HTML mail of the same
 * subject, text and HTML as sgbot's (those of {@link CONTENTS} of the messages sgbot sent, read back from the server
 * beforehand) with nodemailer and sending it through a pool with the same settings (5
 * connections, 100 messages per connection: the mailer's defaults, a realistic limit for a relay). Both sides open
 * their pool's connections with real sends first (a new connection pays smtp-server's 100 ms pause before its
 * greeting). The worker runs at the production default concurrency (SGBOT_REMINDER_CONCURRENCY) and, as a second row
 * on 2,000 mails, at the pool's 5 connections. Bare nodemailer (the raw bytes, all handed to the pool at once, no
 * queue) is kept as information.
 */
import { Queue, Worker } from 'bullmq';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { reminderJob } from '../jobs/reminder.ts';
import { loadConfig } from '../src/config.ts';
import { startReminderWorkers } from '../src/reminders/worker.ts';
import type { BenchEnv } from './env.ts';
import { MAIL_DOMAIN, startReminderBench } from './reminder-env.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { infoRow, mapLimit, ratioRow, round, waitUntil, type FigureResult, type ResultRow } from './util.ts';

/** SGBOT_WORKER_CONCURRENCY's default (src/config.ts): the broadcast worker's. */
export const DEFAULT_CONCURRENCY = loadConfig({}, '/nonexistent').SGBOT_WORKER_CONCURRENCY;
/** SGBOT_REMINDER_CONCURRENCY's default: how many reminders one worker sends at once. */
export const REMINDER_CONCURRENCY = loadConfig({}, '/nonexistent').SGBOT_REMINDER_CONCURRENCY;

/** The pool both sides use: the mailer's defaults. */
const POOL = { maxConnections: 5, maxMessages: 100 };
/** Distinct message contents the baseline sends (in turn): sgbot's first messages, read back. */
const CONTENTS = 200;
/** Real sends that open the pool's connections before the clock starts. */
const WARM_SENDS = 10;

async function viaSgbot(env: BenchEnv, sink: SmtpSink, n: number, concurrency: number): Promise<{ ms: number; duplicates: number }> {
  const rb = await startReminderBench(env, { name: `rem-delivery-c${concurrency}`, people: n, smtpPort: sink.port, mailer: POOL });
  const workers = startReminderWorkers([reminderJob], rb.deps, { concurrency });
  await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
  const mailer = rb.deps.mailer();
  await Promise.all(Array.from({ length: WARM_SENDS }, (_, i) => mailer.send({ kind: 'notification', to: `warm${i}@${MAIL_DOMAIN}`, subject: 'warm-up', text: 'warm-up', idKey: `warm-${i}` })));
  sink.reset();
  const t0 = performance.timeOrigin + performance.now();
  try {
    await rb.queue(() => Date.now());
    await waitUntil(`${n} reminder mails (sgbot, concurrency ${concurrency})`, () => sink.received.length >= n, env.quick ? 60_000 : 240_000, 50);
  } finally {
    await workers.close();
    await rb.close();
  }
  const last = Math.max(...sink.received.map((m) => m.at));
  const ids = new Set(sink.received.map((m) => m.messageId));
  return { ms: last - t0, duplicates: sink.received.length - ids.size };
}

interface Content {
  subject: string;
  text: string;
  html: string;
}

/** A baseline job: who gets which content. */
interface BaselineJob {
  to: string;
  content: number;
  messageId: string;
}

/** The subject, text and HTML of messages sgbot sent, read back from their raw bytes (before any clock starts). */
async function contentsOf(raws: readonly Buffer[]): Promise<Content[]> {
  return mapLimit(raws, 8, async (raw) => {
    const m = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
    return { subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : '' };
  });
}

/** A plain BullMQ worker at `concurrency` that builds each mail with nodemailer (text + HTML) and sends it pooled. */
async function bullmqBaseline(env: BenchEnv, sink: SmtpSink, recipients: readonly string[], contents: readonly Content[], concurrency: number): Promise<number> {
  const connection = env.connect({ bullmq: true });
  const prefix = env.prefix('rem-baseline');
  const queue = new Queue<BaselineJob>('mail', { connection, prefix });
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, ...POOL, logger: false });
  const from = `sgbot <sgbot@${MAIL_DOMAIN}>`;
  const worker = new Worker<BaselineJob>(
    'mail',
    async (job) => {
      const { to, content, messageId } = job.data;
      const c = contents[content] as Content;
      await transport.sendMail({ from, to, subject: c.subject, text: c.text, html: c.html, messageId });
    },
    { connection: connection.duplicate(), prefix, concurrency },
  );
  await worker.waitUntilReady();
  await Promise.all(Array.from({ length: WARM_SENDS }, (_, i) => transport.sendMail({ from, to: `warm${i}@${MAIL_DOMAIN}`, subject: 'warm-up', text: 'warm-up' })));
  sink.reset();
  const t0 = performance.timeOrigin + performance.now();
  try {
    const jobs = recipients.map((to, i) => ({ name: 'mail', data: { to, content: i % contents.length, messageId: `<baseline-${i}@${MAIL_DOMAIN}>` }, opts: { jobId: `m${i}`, removeOnComplete: true } }));
    for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
    await waitUntil(`${jobs.length} baseline mails (BullMQ + nodemailer, concurrency ${concurrency})`, () => sink.received.length >= jobs.length, env.quick ? 60_000 : 240_000, 50);
  } finally {
    await worker.close();
    await queue.close();
    transport.close();
  }
  return Math.max(...sink.received.map((m) => m.at)) - t0;
}

async function bare(sink: SmtpSink, raws: Array<{ raw: Buffer; to: string }>): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, ...POOL, logger: false });
  await Promise.all(Array.from({ length: WARM_SENDS }, (_, i) => transport.sendMail({ from: `sgbot@${MAIL_DOMAIN}`, to: `warm${i}@${MAIL_DOMAIN}`, subject: 'warm-up', text: 'warm-up' })));
  sink.reset();
  const t0 = performance.timeOrigin + performance.now();
  try {
    await Promise.all(raws.map((m) => transport.sendMail({ envelope: { from: `sgbot@${MAIL_DOMAIN}`, to: [m.to] }, raw: m.raw })));
  } finally {
    transport.close();
  }
  return Math.max(...sink.received.map((m) => m.at)) - t0;
}

export async function reminderDeliveryFigure(env: BenchEnv): Promise<FigureResult> {
  const n = env.quick ? 500 : 10_000;
  const sink = await startSmtpSink({ keepRaw: true });
  try {
    env.log(`reminders: ${n} mails through sgbot (concurrency ${REMINDER_CONCURRENCY})`);
    const ours = await viaSgbot(env, sink, n, REMINDER_CONCURRENCY);
    const raws = sink.received.map((m) => ({ raw: m.raw as Buffer, to: m.to }));
    const avgKb = raws.reduce((a, m) => a + m.raw.length, 0) / raws.length / 1024;
    const contents = await contentsOf(raws.slice(0, CONTENTS).map((m) => m.raw));
    const recipients = raws.map((m) => m.to);
    env.log(`reminders: sgbot ${Math.round((n * 1000) / ours.ms)}/s; ${n} through a BullMQ worker + nodemailer (concurrency ${REMINDER_CONCURRENCY})`);
    const baseMs = await bullmqBaseline(env, sink, recipients, contents, REMINDER_CONCURRENCY);
    env.log(`reminders: baseline ${Math.round((n * 1000) / baseMs)}/s; ${n} bare nodemailer sends`);
    const bareMs = await bare(sink, raws);
    const n5 = Math.min(n, 2000);
    env.log(`reminders: bare ${Math.round((n * 1000) / bareMs)}/s; sgbot and the baseline again at concurrency 5 (${n5} mails)`);
    const ours5 = await viaSgbot(env, sink, n5, 5);
    const base5Ms = await bullmqBaseline(env, sink, recipients.slice(0, n5), contents, 5);
    const rate = (ms: number, count = n) => round((count * 1000) / ms, 0);
    const rows: ResultRow[] = [
      ratioRow(
        'reminder delivery',
        rate(ours.ms),
        rate(baseMs),
        'mails/s',
        0.8,
        `${n} mails (avg ${avgKb.toFixed(1)} KB), worker concurrency ${REMINDER_CONCURRENCY} (default) on both sides, pool 5×100 warmed by real sends; baseline: BullMQ worker + nodemailer building the same text+HTML; duplicates ${ours.duplicates}`,
      ),
      ratioRow('reminder delivery, concurrency 5', rate(ours5.ms, n5), rate(base5Ms, n5), 'mails/s', 0.8, `${n5} mails, worker concurrency 5 = pool connections on both sides; duplicates ${ours5.duplicates}`),
      infoRow('reminder delivery vs bare nodemailer', rate(ours.ms), 'mails/s', 'earlier baseline: the raw bytes handed to the pool all at once, no queue, no composing', rate(bareMs)),
    ];
    return { name: 'reminders', rows, details: { n, avgKb: round(avgKb, 2), oursMs: round(ours.ms, 0), ours5Ms: round(ours5.ms, 0), baselineMs: round(baseMs, 0), baseline5Ms: round(base5Ms, 0), bareMs: round(bareMs, 0), n5 } };
  } finally {
    await sink.stop();
  }
}
