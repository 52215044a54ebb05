/**
 * Reminder timeliness: 1,000 reminders due within a few seconds (spread evenly over 3 s, starting 2 s after they
 * are queued), sent by the reminder worker at the production concurrency through the pooled mailer; lateness = the
 * instant the SMTP server took the mail − the instant the reminder was due. BullMQ wakes for a delayed job through a
 * blocking Redis call whose timeout Redis checks `hz` times a second, so the run's `--hz` (default 100; Redis's own
 * default is 10) is part of the result; a second, informational run on a Redis at hz 10 shows the difference.
 */
import { reminderJob } from '../jobs/reminder.ts';
import { startReminderWorkers } from '../src/reminders/worker.ts';
import { createEnv, type BenchEnv } from './env.ts';
import { startRedis } from './redis.ts';
import { REMINDER_CONCURRENCY } from './reminder-delivery.ts';
import { startReminderBench } from './reminder-env.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { infoRow, maxRow, percentile, round, waitUntil, type FigureResult, type ResultRow } from './util.ts';

interface Lateness {
  hz: number;
  p50: number;
  p99: number;
  max: number;
  early: number;
}

async function measure(env: BenchEnv, n: number): Promise<Lateness> {
  const sink = await startSmtpSink();
  const rb = await startReminderBench(env, { name: 'rem-timely', people: n, smtpPort: sink.port });
  const workers = startReminderWorkers([reminderJob], rb.deps, { concurrency: REMINDER_CONCURRENCY });
  await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
  // Warm the pool's connections so that the first reminders do not pay smtp-server's greeting delay.
  await rb.deps.mailer().verify();
  const start = Date.now() + 2000;
  const spread = 3000;
  const due = new Map<string, number>();
  rb.people.forEach((email, i) => due.set(email, start + (i * spread) / n));
  try {
    await rb.queue((i) => start + (i * spread) / n);
    await waitUntil(`${n} timely reminders`, () => sink.received.length >= n, 120_000, 50);
  } finally {
    await workers.close();
    await rb.close();
    await sink.stop();
  }
  const late = sink.received.map((m) => m.at - (due.get(m.to) ?? Number.NaN));
  return { hz: env.redis.hz, p50: round(percentile(late, 50), 1), p99: round(percentile(late, 99), 1), max: round(Math.max(...late), 1), early: late.filter((x) => x < 0).length };
}

export async function timelinessFigure(env: BenchEnv): Promise<FigureResult> {
  const n = env.quick ? 200 : 1000;
  env.log(`timeliness: ${n} reminders due over 3 s, Redis hz ${env.redis.hz}`);
  const main = await measure(env, n);
  const rows: ResultRow[] = [
    maxRow(`reminder lateness p99 (hz ${main.hz})`, main.p99, 'ms', 100, `p50 ${main.p50} ms, max ${main.max} ms, ${n} reminders due over 3 s, worker concurrency ${REMINDER_CONCURRENCY}${main.early ? `, ${main.early} early` : ''}`),
  ];
  const details: Record<string, unknown> = { main };
  if (!env.quick && env.redis.hz !== 10) {
    const redis10 = await startRedis({ hz: 10 });
    const env10 = createEnv(redis10, { quick: env.quick, seed: env.seed, gc: env.gc });
    try {
      env.log('timeliness: again on a Redis at hz 10 (its default)');
      const slow = await measure(env10, n);
      rows.push(infoRow('reminder lateness p99 (hz 10)', slow.p99, 'ms', `p50 ${slow.p50} ms, max ${slow.max} ms: Redis's default hz, for comparison`));
      details['hz10'] = slow;
    } finally {
      await env10.close();
      await redis10.stop();
    }
  }
  return { name: 'timeliness', rows, details };
}
