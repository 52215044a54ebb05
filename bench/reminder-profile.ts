/**
 * Profile of reminder delivery: N reminders all due now, sent by the reminder worker at the production concurrency
 * through the pooled mailer to a local SMTP sink, on a private redis-server. Prints the rate; give `--cpu-prof` to
 * node for a profile of this process (worker, mailer and sink together).
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/reminder-profile.ts [--n 3000] [--spread 0]
 *
 * `--spread MS` spreads the due instants over MS ms starting 1 s from now and prints lateness percentiles instead.
 */
import { reminderJob } from '../jobs/reminder.ts';
import { startReminderWorkers } from '../src/reminders/worker.ts';
import { createEnv } from './env.ts';
import { startRedis } from './redis.ts';
import { REMINDER_CONCURRENCY } from './reminder-delivery.ts';
import { MAIL_DOMAIN, startReminderBench } from './reminder-env.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { percentile, round, runScript, waitUntil } from './util.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const n = Number(arg('--n', '3000'));
  const spread = Number(arg('--spread', '0'));
  const concurrency = Number(arg('--concurrency', String(REMINDER_CONCURRENCY)));
  const redis = await startRedis({ hz: 100 });
  const env = createEnv(redis, { quick: false, seed: 1, gc: null });
  const sink = await startSmtpSink();
  const rb = await startReminderBench(env, { name: 'rem-profile', people: n, smtpPort: sink.port, mailer: { maxConnections: 5, maxMessages: 100 } });
  const workers = startReminderWorkers([reminderJob], rb.deps, { concurrency });
  try {
    await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
    const mailer = rb.deps.mailer();
    await Promise.all(Array.from({ length: 10 }, (_, i) => mailer.send({ kind: 'notification', to: `warm${i}@${MAIL_DOMAIN}`, subject: 'warm-up', text: 'warm-up', idKey: `warm-${i}` })));
    sink.reset();
    const start = spread === 0 ? Date.now() : Date.now() + 1000;
    const due = new Map<string, number>();
    rb.people.forEach((email, i) => due.set(email, start + (i * spread) / n));
    const redisCpu = async () => {
      const info = await rb.redis.info('cpu');
      const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
      return (num('used_cpu_user') + num('used_cpu_sys')) * 1000;
    };
    const cpu0 = process.cpuUsage();
    const redis0 = await redisCpu();
    const t0 = Date.now();
    await rb.queue((i) => start + (i * spread) / n);
    await waitUntil(`${n} reminders`, () => sink.received.length >= n, 240_000, 20);
    const cpu = process.cpuUsage(cpu0);
    const redisMs = (await redisCpu()) - redis0;
    const last = Math.max(...sink.received.map((m) => m.at));
    const late = sink.received.map((m) => m.at - (due.get(m.to) ?? Number.NaN));
    const ids = new Set(sink.received.map((m) => m.messageId));
    console.log(
      JSON.stringify({
        n,
        spread,
        concurrency,
        perSecond: round((n * 1000) / (last - (spread === 0 ? t0 : start)), 0),
        p50: round(percentile(late, 50), 1),
        p99: round(percentile(late, 99), 1),
        max: round(Math.max(...late), 1),
        duplicates: sink.received.length - ids.size,
        // CPU per reminder (ms): this process (worker, mailer and sink) and Redis; less sensitive to other load than rates.
        cpuMsPerReminder: round((cpu.user + cpu.system) / 1000 / n, 3),
        redisCpuMsPerReminder: round(redisMs / n, 3),
      }),
    );
  } finally {
    await workers.close();
    await rb.close();
    await sink.stop();
    await env.close();
    await redis.stop();
  }
}

runScript(main);
