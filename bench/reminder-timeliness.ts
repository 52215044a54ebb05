/**
 * Reminder timeliness: reminders due within a few seconds (spread evenly over 3 s, starting 2 s after they are queued),
 * sent by the reminder worker at the production concurrency through the pooled mailer; lateness = the instant the
 * SMTP server took the mail − the instant the reminder was due. Measured at two loads: 30% of the worker's capacity
 * (what it sends per second when every reminder is due at once, measured first on this machine), and the goal's
 * 1,000 reminders over 3 s, which is past the capacity of a busy 2-core machine (saturation: lateness then grows
 * with the backlog, whatever the timing). The worker takes reminders from BullMQ's delayed set a second early and
 * sends each on a local timer (src/reminders/worker.ts), so Redis's `hz` (how often it wakes a blocked BullMQ
 * worker) should no longer show; an informational run of the 30% load on a Redis at hz 10 checks that.
 */
import { reminderJob } from '../jobs/reminder.ts';
import { startReminderWorkers } from '../src/reminders/worker.ts';
import { createEnv, type BenchEnv } from './env.ts';
import { startRedis } from './redis.ts';
import { REMINDER_CONCURRENCY } from './reminder-delivery.ts';
import { MAIL_DOMAIN, startReminderBench } from './reminder-env.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { infoRow, maxRow, percentile, round, waitUntil, type FigureResult, type ResultRow } from './util.ts';

interface Lateness {
  hz: number;
  n: number;
  p50: number;
  p99: number;
  max: number;
  early: number;
}

/** `n` reminders due over `spread` ms starting 2 s from now (`spread` 0: all due now); lateness, or the send rate. */
async function measure(env: BenchEnv, n: number, spread: number): Promise<Lateness & { perSecond: number }> {
  const sink = await startSmtpSink();
  const rb = await startReminderBench(env, { name: 'rem-timely', people: n, smtpPort: sink.port });
  const workers = startReminderWorkers([reminderJob], rb.deps, { concurrency: REMINDER_CONCURRENCY });
  await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
  // Open the pool's connections with real sends, as a worker that has been running has them: a new connection pays
  // smtp-server's fixed 100 ms pause before its greeting (its "early talker" check).
  const mailer = rb.deps.mailer();
  await Promise.all(Array.from({ length: 10 }, (_, i) => mailer.send({ kind: 'notification', to: `warm${i}@${MAIL_DOMAIN}`, subject: 'warm-up', text: 'warm-up', idKey: `warm-${i}` })));
  sink.reset();
  const start = spread === 0 ? Date.now() : Date.now() + 2000;
  const due = new Map<string, number>();
  rb.people.forEach((email, i) => due.set(email, start + (i * spread) / n));
  try {
    await rb.queue((i) => start + (i * spread) / n);
    await waitUntil(`${n} timely reminders`, () => sink.received.length >= n, 120_000, 20);
  } finally {
    await workers.close();
    await rb.close();
    await sink.stop();
  }
  const late = sink.received.map((m) => m.at - (due.get(m.to) ?? Number.NaN));
  const perSecond = (n * 1000) / Math.max(1, Math.max(...sink.received.map((m) => m.at)) - start);
  return { hz: env.redis.hz, n, p50: round(percentile(late, 50), 1), p99: round(percentile(late, 99), 1), max: round(Math.max(...late), 1), early: late.filter((x) => x < 0).length, perSecond };
}

export async function timelinessFigure(env: BenchEnv): Promise<FigureResult> {
  const n = env.quick ? 200 : 1000;
  const spread = 3000;
  env.log(`timeliness: capacity (${n} reminders due at once), Redis hz ${env.redis.hz}`);
  const capacity = (await measure(env, n, 0)).perSecond;
  const light = Math.max(10, Math.round((0.3 * capacity * spread) / 1000));
  env.log(`timeliness: ${Math.round(capacity)} reminders/s; ${light} due over 3 s (30%), then ${n} due over 3 s`);
  const low = await measure(env, light, spread);
  const high = await measure(env, n, spread);
  const load = (count: number) => Math.round((100 * count * 1000) / spread / capacity);
  const note = (x: Lateness) => `p50 ${x.p50} ms, max ${x.max} ms, ${x.n} reminders due over 3 s (${load(x.n)}% of capacity), worker concurrency ${REMINDER_CONCURRENCY}${x.early ? `, ${x.early} early` : ''}`;
  const rows: ResultRow[] = [
    maxRow(`reminder lateness p99, 30% of capacity (hz ${low.hz})`, low.p99, 'ms', 100, note(low)),
    maxRow(`reminder lateness p99, ${n} over 3 s (hz ${high.hz})`, high.p99, 'ms', 100, note(high)),
    infoRow('reminder capacity (all due at once)', round(capacity, 0), 'reminders/s', `${n} reminders due at the same instant, worker concurrency ${REMINDER_CONCURRENCY}`),
  ];
  const details: Record<string, unknown> = { capacity: round(capacity, 1), low, high };
  if (!env.quick && env.redis.hz !== 10) {
    const redis10 = await startRedis({ hz: 10 });
    const env10 = createEnv(redis10, { quick: env.quick, seed: env.seed, gc: env.gc });
    try {
      env.log('timeliness: the 30% load again on a Redis at hz 10 (its default)');
      const slow = await measure(env10, light, spread);
      rows.push(infoRow('reminder lateness p99, 30% of capacity (hz 10)', slow.p99, 'ms', `p50 ${slow.p50} ms, max ${slow.max} ms: Redis's default hz, for comparison`));
      details['hz10'] = slow;
    } finally {
      await env10.close();
      await redis10.stop();
    }
  }
  return { name: 'timeliness', rows, details };
}
