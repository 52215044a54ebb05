/**
 * Reminder delivery: 10,000 reminder mails through sgbot — BullMQ jobs queued as the planner queues them, the reminder
 * worker (checks that the deadline and the recipient are current, composes, sends, marks and audits) and the
 * mailer's nodemailer pool — to a local smtp-server, ÷ bare nodemailer pooled sends of the very same messages (the
 * bytes sgbot sent, resent as raw) with the same pool settings (5 connections, 100 messages per connection, the
 * mailer's defaults), all handed to the pool at once. The worker runs at the production default concurrency
 * (SGBOT_WORKER_CONCURRENCY = 2) and, as a second row on 2,000 mails, at the pool's 5 connections.
 */
import nodemailer from 'nodemailer';
import { reminderJob } from '../jobs/reminder.ts';
import { loadConfig } from '../src/config.ts';
import { startReminderWorkers } from '../src/reminders/worker.ts';
import type { BenchEnv } from './env.ts';
import { startReminderBench } from './reminder-env.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { infoRow, ratioRow, round, waitUntil, type FigureResult, type ResultRow } from './util.ts';

/** SGBOT_WORKER_CONCURRENCY's default (src/config.ts): the broadcast worker's. */
export const DEFAULT_CONCURRENCY = loadConfig({}, '/nonexistent').SGBOT_WORKER_CONCURRENCY;
/** SGBOT_REMINDER_CONCURRENCY's default: how many reminders one worker sends at once. */
export const REMINDER_CONCURRENCY = loadConfig({}, '/nonexistent').SGBOT_REMINDER_CONCURRENCY;

async function viaSgbot(env: BenchEnv, sink: SmtpSink, n: number, concurrency: number): Promise<{ ms: number; duplicates: number }> {
  const rb = await startReminderBench(env, { name: `rem-delivery-c${concurrency}`, people: n, smtpPort: sink.port });
  const workers = startReminderWorkers([reminderJob], rb.deps, { concurrency });
  await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
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

async function bare(sink: SmtpSink, raws: Array<{ raw: Buffer; to: string }>): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, maxConnections: 5, maxMessages: 100, logger: false });
  sink.reset();
  const t0 = performance.timeOrigin + performance.now();
  try {
    await Promise.all(raws.map((m) => transport.sendMail({ envelope: { from: 'sgbot@bench.sgbot.example', to: [m.to] }, raw: m.raw })));
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
    env.log(`reminders: sgbot ${Math.round((n * 1000) / ours.ms)}/s; ${n} bare nodemailer sends`);
    const base1 = await bare(sink, raws);
    const n5 = Math.min(n, 2000);
    env.log(`reminders: bare ${Math.round((n * 1000) / base1)}/s; sgbot again at concurrency 5 (${n5} mails)`);
    const ours5 = await viaSgbot(env, sink, n5, 5);
    const baseMs = base1;
    const rate = (ms: number, count = n) => round((count * 1000) / ms, 0);
    const rows: ResultRow[] = [
      ratioRow('reminder delivery', rate(ours.ms), rate(baseMs), 'mails/s', 0.8, `${n} mails (avg ${avgKb.toFixed(1)} KB), worker concurrency ${REMINDER_CONCURRENCY} (default), pool 5×100; duplicates ${ours.duplicates}`),
      infoRow('reminder delivery, concurrency 5', rate(ours5.ms, n5), 'mails/s', `${n5} mails, worker concurrency 5 = pool connections; duplicates ${ours5.duplicates}`, rate(baseMs)),
    ];
    return { name: 'reminders', rows, details: { n, avgKb: round(avgKb, 2), oursMs: round(ours.ms, 0), ours5Ms: round(ours5.ms, 0), bareMs: round(base1, 0), n5 } };
  } finally {
    await sink.stop();
  }
}
