/**
 * The worker process: runs the job queues (ingest, broadcasts, reminders and digests) and reads the configured IMAP
 * mailboxes into the ingest queue.
 * `sgbot worker` starts it; several workers may share one Redis (jobs are taken once, mailboxes are locked).
 */
import { startReminderWorkers } from './reminders/worker.ts';
import { processId, startHeartbeat } from './health.ts';
import { ImapSource } from './ingest/imap.ts';
import { startImapHeartbeat } from './ingest/imap/heartbeat.ts';
import { rawSink } from './ingest/raw-sink.ts';
import { importRoster, readRosterFile } from './people/roster-file.ts';
import type { Services } from './main.ts';
import type { WorkerTuning } from './queues.ts';

/** A running worker. */
export interface RunningWorker {
  /** What runs, for health output and the start-up message. */
  describe(): string[];
  /** Finish in-flight jobs, release mailbox locks, close connections. */
  stop(): Promise<void>;
}

/** Import the roster file of `SGBOT_ROSTER` (if set): everyone in it is added or updated, role changes audited. */
export async function loadRosterSetting(services: Services): Promise<string | null> {
  const file = services.config.SGBOT_ROSTER;
  if (!file) return null;
  const r = await importRoster(services.roster, services.audit, await readRosterFile(file), 'system:roster-file');
  return `roster ${file}: ${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged`;
}

/** Start the job workers of this process. */
export function startWorker(services: Services, tuning: WorkerTuning = {}): RunningWorker {
  const { config } = services;
  const jobs = services.jobs();
  const { ingest: ingestJob, broadcast: broadcastJob, reminder: reminderJob, reminderJobs: REMINDER_JOBS, replanReminders: replanRemindersJob, replanEveryMs: REPLAN_EVERY_MS } = services.jobKinds;
  const concurrency = tuning.concurrency ?? config.SGBOT_WORKER_CONCURRENCY;
  const lock = { lockDurationMs: tuning.lockDurationMs ?? config.SGBOT_JOB_LOCK_MS, stalledIntervalMs: tuning.stalledIntervalMs ?? config.SGBOT_JOB_LOCK_MS };
  jobs.startWorker(ingestJob, { concurrency, ...lock });
  jobs.startWorker(broadcastJob, { concurrency, ...lock });
  const reminderConcurrency = config.SGBOT_REMINDER_CONCURRENCY;
  const reminderWorkers = startReminderWorkers(REMINDER_JOBS, services.reminders, { concurrency, ...lock }, { [reminderJob.name]: { concurrency: reminderConcurrency } });
  // One scheduler for all replicas (same id): re-plan after people changed, within the minute.
  void jobs
    .queue(replanRemindersJob)
    .upsertJobScheduler('replan-reminders-every-minute', { every: REPLAN_EVERY_MS }, { name: replanRemindersJob.name, data: {} })
    .catch((err: unknown) => services.log.warn({ err: String(err) }, 'cannot set up the re-plan scheduler'));
  const chat = services.chatSender();
  const lines = [
    `ingest worker: ${concurrency} at a time, queue ${jobs.prefix}:${ingestJob.name}`,
    `reminder workers: ${REMINDER_JOBS.map((j) => j.name).join(', ')} (${reminderConcurrency} deliveries at a time); offsets ${services.reminders.settings.offsets.join(' ')} at ${services.reminders.settings.hour}:00 local`,
    `broadcast worker: mail ${config.SMTP_URL ? 'by SMTP' : 'to the local outbox (no SMTP_URL)'}, chat ${chat?.channels.join(' and ') || 'none configured'}`,
  ];
  if (config.SGBOT_IMAP.length === 0) lines.push('IMAP: no mailbox configured (set SGBOT_IMAP=imap://USER:PASSWORD@HOST:143/?mailboxes=INBOX)');
  // Each mail is kept and queued before the IMAP checkpoint moves past it.
  const sink = rawSink({ raw: services.raw, queueIngest: services.queueIngest, maxBytes: config.SGBOT_MAX_MAIL_MB * 1024 * 1024 });
  const sources = config.SGBOT_IMAP.map(
    (account) =>
      new ImapSource({
        account: { id: account.id, host: account.host, port: account.port, secure: account.secure, user: account.user, pass: account.pass },
        mailboxes: account.mailboxes,
        since: config.SGBOT_IMAP_SINCE ? new Date(`${config.SGBOT_IMAP_SINCE}T00:00:00Z`) : undefined,
        redis: services.redis,
        prefix: config.SGBOT_PREFIX,
        logger: services.log.child({ component: 'imap', account: account.id }),
        maxMessageBytes: config.SGBOT_MAX_MAIL_MB * 1024 * 1024,
        sink: async (m) => {
          await sink(m.raw, { type: 'imap', account: m.account, mailbox: m.mailbox, uid: m.uid, uidValidity: m.uidValidity }, m.truncated ? m.size : undefined);
        },
      }),
  );
  for (const [n, source] of sources.entries()) {
    source.start();
    const account = config.SGBOT_IMAP[n];
    if (account) lines.push(`IMAP: reading ${account.mailboxes.join(', ')} of ${account.id} (${account.secure ? 'TLS' : 'plain/STARTTLS'})`);
  }
  // Heartbeats: the worker every 5 s; each IMAP source every 5 s and at once when a mailbox's status changes.
  const id = processId();
  const queues = [ingestJob.name, broadcastJob.name, ...REMINDER_JOBS.map((j) => j.name)];
  const workerBeat = startHeartbeat(services.redis, config.SGBOT_PREFIX, 'worker', () => ({ queues, concurrency }), { id, log: services.log });
  const imapBeat = startImapHeartbeat({ redis: services.redis, prefix: config.SGBOT_PREFIX, sources, processId: id, log: services.log });
  return {
    describe: () => lines,
    stop: async () => {
      // The IMAP heartbeats go first: a mailbox stopped on purpose is not a failing one.
      await imapBeat.stop();
      await Promise.all(sources.map((source) => source.stop()));
      await reminderWorkers.close();
      await jobs.close();
      await workerBeat.stop();
    },
  };
}
