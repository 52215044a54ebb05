/**
 * The reminder side of the fault scenarios: `people` rapporteurs subscribed to SG20 and one collective letter with a
 * key deadline, planned (4 reminders each: 14d, 7d, 1d, 0d) and all made due at once, as after a long downtime —
 * then sent by the worker processes through a real SMTP server. Counted as a recipient's mail store sees them:
 * one copy per Message-ID per recipient; a reminder (recipient, deadline, offset) that arrives under two
 * Message-IDs is a duplicate; an SMTP transaction repeated with the same Message-ID is reported, not counted.
 */
import type { Job } from 'bullmq';
import { messageIdFor } from '../../../src/mail/index.ts';
import { scheduleDocument } from '../../../src/reminders/schedule.ts';
import { letter, makePerson } from '../../support/reminder-builders.ts';
import { startReminderEnv, type ReminderEnv } from '../../support/reminder-env.ts';
import { until } from './common.ts';
import { countByMessageId, type FaultSmtp } from './smtp.ts';

export const REMINDER_DOMAIN = 'sgbot.example.org';

export interface ReminderCount {
  items: number;
  lost: number;
  duplicated: number;
  /** SMTP transactions beyond the first for a Message-ID (the same message sent again). */
  smtpRepeats: number;
  /** Messages that reached someone else than the reminder's recipient. */
  misdirected: number;
  /** Reminders recorded as failed for good. */
  failed: number;
}

export interface ReminderRig {
  env: ReminderEnv;
  total: number;
  /** Settings a worker needs to send them (SMTP server). */
  settings: Record<string, string>;
  /** Distinct planned reminders the SMTP server has accepted. */
  progress(): number;
  /** Wait until every reminder job completed (or failed for good) and the queue is empty. */
  settle(timeoutMs: number): Promise<void>;
  count(): Promise<ReminderCount>;
  close(): Promise<void>;
}

interface Planned {
  recipient: string;
  logical: string;
}

export async function startReminderRig(opts: { redisUrl: string; prefix: string; people: number; smtp: FaultSmtp; tag: string }): Promise<ReminderRig> {
  const { smtp } = opts;
  const env = startReminderEnv({ redisUrl: opts.redisUrl, prefix: opts.prefix, settings: { backoffMs: 1000 } });
  // Redis restarting: the polls ask again.
  env.redis.on('error', () => undefined);
  env.queue.on('error', () => undefined);
  for (let i = 0; i < opts.people; i++) {
    const id = `p${i}-${opts.tag}@rapporteurs.example.org`;
    await env.deps.roster.put(makePerson(id));
    await env.deps.subscriptions.add(`person:${id}`, { kind: 'group', group: 'SG20' });
  }
  const { doc } = await env.store(letter({ n: 11, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
  const plan = await scheduleDocument(env.deps, doc.id);
  const total = plan.added.length;
  if (total !== opts.people * 4) throw new Error(`planned ${total} reminders, expected ${opts.people * 4}`);
  // All due now, as if the workers had been down for two weeks.
  const jobs: Job[] = await env.queue.getDelayed(0, -1);
  for (let i = 0; i < jobs.length; i += 100) await Promise.all(jobs.slice(i, i + 100).map((j) => j.promote()));
  const expected = new Map<string, Planned>();
  for (const j of jobs) {
    const d = j.data as { recipient: string; deadlineKey: string; offset: string };
    expected.set(messageIdFor(j.id ?? '', REMINDER_DOMAIN), { recipient: d.recipient.replace(/^person:/, ''), logical: `${d.recipient} ${d.deadlineKey} ${d.offset}` });
  }

  const busy = async (): Promise<number> => {
    const c = await env.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  };
  const recipients = new Set([...expected.values()].map((p) => p.recipient));
  // Only mail to these recipients: a replica scenario sends broadcast mail through the same server.
  const mine = () => smtp.messages.filter((m) => m.to.some((t) => recipients.has(t)));
  const count = async (): Promise<ReminderCount> => {
    const counts = countByMessageId(mine());
    let lost = 0;
    for (const id of expected.keys()) if (!counts.has(id)) lost++;
    // Per logical reminder: how many distinct Message-IDs reached its recipient; unplanned Message-IDs are extras too.
    const perLogical = new Map<string, number>();
    let unplanned = 0;
    for (const id of counts.keys()) {
      const p = expected.get(id);
      if (!p) unplanned++;
      else perLogical.set(p.logical, (perLogical.get(p.logical) ?? 0) + 1);
    }
    let duplicated = unplanned;
    for (const c of perLogical.values()) if (c > 1) duplicated += c - 1;
    let smtpRepeats = 0;
    for (const c of counts.values()) smtpRepeats += c - 1;
    const misdirected = mine().filter((m) => {
      const p = expected.get(m.messageId);
      return p !== undefined && (m.to.length !== 1 || m.to[0] !== p.recipient);
    }).length;
    const audit = await env.deps.audit.latest(total * 3, 'reminder.sent');
    return { items: total, lost, duplicated, smtpRepeats, misdirected, failed: audit.filter((a) => a.result === 'failed').length };
  };

  return {
    env,
    total,
    settings: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    progress: () => {
      const seen = new Set<string>();
      for (const m of smtp.messages) if (expected.has(m.messageId)) seen.add(m.messageId);
      return seen.size;
    },
    async settle(timeoutMs) {
      await until(
        `all ${total} reminders to be processed`,
        async () => {
          const c = await env.queue.getJobCounts('completed', 'failed');
          return (c['completed'] ?? 0) + (c['failed'] ?? 0) >= total && (await busy()) === 0;
        },
        timeoutMs,
        async () => `${JSON.stringify(await env.queue.getJobCounts())}; ${JSON.stringify(await count())}`,
        250,
      );
    },
    count,
    close: () => env.close(),
  };
}

/** The notes of a reminder row. */
export function reminderNotes(c: ReminderCount): string {
  return `smtp repeats (same Message-ID): ${c.smtpRepeats}; ${c.failed} failed, ${c.misdirected} misdirected`;
}
