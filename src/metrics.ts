/**
 * Prometheus metrics (prom-client) for `/metrics`. The process that serves `/metrics` (web) is often not the one
 * that ingests, sends or answers, so business counters are cluster-wide: each event is one HINCRBY on
 * `<prefix>:metrics:<name>` (field: the JSON array of label values), and a scrape reads them back into prom-client
 * counters. Recording is fire-and-forget and never throws: a Redis hiccup while counting must not fail an ingest.
 * Command latency is also a per-process histogram (`sgbot_command_duration_seconds`, buckets for quantiles, only what
 * this process answered), while its cluster-wide count and total time are Redis counters. Gauges are computed at
 * scrape time: Redis reachable, IMAP mailboxes and processes from their heartbeats, BullMQ jobs by state.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandMetrics } from './core/command.ts';
import { sendTogether } from './core/send-together.ts';
import { DEFAULT_PROBE_TIMEOUT_MS, healthReport, withTimeout, type HealthReport } from './health-report.ts';

/** What ingest records: the outcome of one raw message (documents by store status, problems by code). */
export interface IngestMetrics {
  ingested(outcome: { state: string; documents: ReadonlyArray<{ status: string }>; problems: ReadonlyArray<{ code: string }> }): void;
}

/** What reminder and broadcast delivery record. `channel` is `mail` or a chat platform's id (`slack`, `webhook`). */
export interface DeliveryMetrics {
  reminderSent(channel: string, type: string): void;
  broadcastDelivered(channel: string): void;
  /** A delivery given up for good (permanent failure or out of attempts). */
  deliveryFailed(kind: 'reminder' | 'broadcast', channel: string): void;
}

export type { CommandMetrics } from './core/command.ts';

/** A counter kept in Redis. */
interface RedisCounterDef {
  name: string;
  help: string;
  labels: readonly string[];
}

const COUNTERS = {
  documents: { name: 'sgbot_documents_ingested_total', help: 'Documents taken from ingested mail, by store status (added, duplicate, revision…).', labels: ['status'] },
  parseFailures: { name: 'sgbot_parse_failures_total', help: 'Problems met reading ingested mail (parts that could not be read or parsed), by error code.', labels: ['reason'] },
  quarantined: { name: 'sgbot_messages_quarantined_total', help: 'Ingested messages put in the quarantine, whole (quarantined) or in part (partial).', labels: ['state'] },
  reminders: { name: 'sgbot_reminders_sent_total', help: 'Reminders, escalations and change notices sent, by channel and type.', labels: ['channel', 'type'] },
  broadcasts: { name: 'sgbot_broadcast_deliveries_total', help: 'Broadcast deliveries accepted by their target, by channel.', labels: ['channel'] },
  failures: { name: 'sgbot_deliveries_failed_total', help: 'Deliveries given up for good, by kind (reminder, broadcast) and channel.', labels: ['kind', 'channel'] },
  commands: { name: 'sgbot_commands_total', help: 'Commands answered by every process, by command, channel and outcome.', labels: ['command', 'channel', 'outcome'] },
  commandSeconds: { name: 'sgbot_command_seconds_total', help: 'Time spent answering commands in every process, seconds (divide by sgbot_commands_total for the mean).', labels: ['command', 'channel', 'outcome'] },
} as const satisfies Record<string, RedisCounterDef>;
type CounterId = keyof typeof COUNTERS;

/** BullMQ job states reported per queue. */
const JOB_STATES = ['wait', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

export interface MetricsOptions {
  redis: Redis;
  prefix: string;
  /** The queue of a job kind (`(spec) => services.jobs().queue(spec)`); without it there are no job gauges. */
  queue?: (spec: { name: string }) => Pick<Queue, 'getJobCounts'>;
  /** Queues to report (src/main.ts gives every job kind's); none when not given. */
  queueNames?: readonly string[];
  /**
   * What the settings say should run: the chat platforms given (`chat`, by platform id; `slack` and `teams` as
   * earlier) are reported as components even before any heartbeat was seen; each IMAP mailbox (`SGBOT_IMAP`) is
   * reported down while no worker reports it.
   */
  expect?: { chat?: readonly string[]; slack?: boolean; teams?: boolean; imap?: ReadonlyArray<{ account: string; mailboxes: readonly string[] }> };
  /** Every chat platform's id (src/chat/platforms.ts), for the component gauges; default Slack and Teams. */
  platforms?: readonly string[];
  /** Failures to count or to read are logged here at debug. */
  log?: { debug(obj: object, msg?: string): void };
  /** Longest a scrape waits for Redis, ms (default 1 800): a scrape never hangs on a stopped Redis. */
  scrapeBudgetMs?: number;
  probeTimeoutMs?: number;
  imapGraceMs?: number;
  staleAfterMs?: number;
  /** Node process metrics (CPU, memory, event loop); default on. */
  processMetrics?: boolean;
}

/** Keeps the label values of a counter short and plain (they come from error codes and channel names). */
const label = (v: string) => String(v).slice(0, 64);

/**
 * The metrics of one process: records events (cluster-wide, in Redis) and answers scrapes.
 *
 * @example
 * const metrics = createMetrics({ redis, prefix: 'sgbot', queue: (spec) => services.jobs().queue(spec), log });
 * metrics.reminderSent('mail', 'reminder');
 * const { contentType, body } = await metrics.scrape();
 */
export class Metrics implements IngestMetrics, DeliveryMetrics, CommandMetrics {
  readonly registry = new Registry();
  private readonly counters: Record<CounterId, Counter>;
  private readonly commandDuration: Histogram;
  private readonly redisUp: Gauge;
  private readonly imapUp: Gauge;
  private readonly componentUp: Gauge;
  private readonly jobs: Gauge;
  private processMetricsOn = false;

  constructor(private readonly opts: MetricsOptions) {
    const registers = [this.registry];
    this.counters = Object.fromEntries(
      Object.entries(COUNTERS).map(([id, def]) => [id, new Counter({ name: def.name, help: def.help, labelNames: [...def.labels], registers })]),
    ) as Record<CounterId, Counter>;
    this.commandDuration = new Histogram({
      name: 'sgbot_command_duration_seconds',
      help: 'Time to answer a command in this process, seconds (sgbot_command_seconds_total covers every process).',
      labelNames: ['command', 'channel', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.redisUp = new Gauge({ name: 'sgbot_redis_up', help: 'Whether Redis answered a PING at this scrape (1) or not (0).', registers });
    this.imapUp = new Gauge({ name: 'sgbot_imap_up', help: 'Whether an IMAP mailbox is being read (1) or failing (0), from the workers\' heartbeats.', labelNames: ['account', 'mailbox'], registers });
    this.componentUp = new Gauge({ name: 'sgbot_component_up', help: 'Whether a process of this component (worker, or a chat platform: slack, teams, webhook) sent a heartbeat in the last 15 s.', labelNames: ['component'], registers });
    this.jobs = new Gauge({ name: 'sgbot_jobs', help: 'BullMQ jobs by queue and state.', labelNames: ['queue', 'state'], registers });
  }

  ingested(outcome: Parameters<IngestMetrics['ingested']>[0]): void {
    if (outcome.documents.length === 0 && outcome.problems.length === 0) return;
    this.send(() => {
      const m = this.opts.redis.multi();
      for (const d of outcome.documents) m.hincrby(this.key('documents'), JSON.stringify([label(d.status)]), 1);
      for (const p of outcome.problems) m.hincrby(this.key('parseFailures'), JSON.stringify([label(p.code)]), 1);
      if (outcome.state === 'quarantined' || outcome.state === 'partial') m.hincrby(this.key('quarantined'), JSON.stringify([outcome.state]), 1);
      return m.exec();
    });
  }

  reminderSent(channel: string, type: string): void {
    this.bump('reminders', [channel, type]);
  }

  broadcastDelivered(channel: string): void {
    this.bump('broadcasts', [channel]);
  }

  deliveryFailed(kind: 'reminder' | 'broadcast', channel: string): void {
    this.bump('failures', [kind, channel]);
  }

  commandAnswered(command: string, channel: string, outcome: string, seconds: number): void {
    const labels = [label(command), label(channel), label(outcome)];
    try {
      this.commandDuration.observe({ command: labels[0], channel: labels[1], outcome: labels[2] }, seconds);
    } catch (err) {
      this.opts.log?.debug({ err: String(err) }, 'cannot observe a command duration');
    }
    const field = JSON.stringify(labels);
    // Two counters in one write, without a pipeline object (which outlives minor GCs): an answer path runs this.
    const redis = this.opts.redis;
    this.send(() => sendTogether(redis, () => [redis.hincrby(this.key('commands'), field, 1), redis.hincrbyfloat(this.key('commandSeconds'), field, seconds)] as const));
  }

  /** Health as `/healthz` reports it (bounded by the probe timeout). */
  health(): Promise<HealthReport> {
    return healthReport(this.opts.redis, this.opts.prefix, this.healthOptions());
  }

  /**
   * Read the cluster-wide values and render every metric, within about the scrape budget even when Redis is stopped
   * (then `sgbot_redis_up 0` and the counters keep their last values read).
   */
  async scrape(): Promise<{ contentType: string; body: string; health: HealthReport }> {
    const deadline = Date.now() + (this.opts.scrapeBudgetMs ?? 1_800);
    // Process metrics start with the first scrape: a one-shot CLI command never pays for them.
    if (!this.processMetricsOn && this.opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.processMetricsOn = true;
    const health = await this.health();
    this.redisUp.set(health.redis === 'up' ? 1 : 0);
    if (health.redis === 'up') {
      this.setHealthGauges(health);
      const left = () => Math.max(50, deadline - Date.now());
      await Promise.all([this.readCounters(left()), this.readJobs(left())]);
    } else {
      // Unknown while Redis is down (sgbot_redis_up says why); counters keep their last values.
      for (const gauge of [this.imapUp, this.componentUp, this.jobs]) gauge.reset();
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics(), health };
  }

  private healthOptions() {
    const { probeTimeoutMs = DEFAULT_PROBE_TIMEOUT_MS, imapGraceMs, staleAfterMs, expect } = this.opts;
    return {
      probeTimeoutMs,
      ...(imapGraceMs !== undefined ? { imapGraceMs } : {}),
      ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
      ...(expect?.imap ? { expectImap: expect.imap } : {}),
      ...(this.opts.platforms ? { platforms: this.opts.platforms } : {}),
    };
  }

  private setHealthGauges(health: HealthReport): void {
    this.imapUp.reset();
    for (const m of health.imap) this.imapUp.set({ account: m.account, mailbox: m.mailbox }, m.up ? 1 : 0);
    this.componentUp.reset();
    this.componentUp.set({ component: 'worker' }, health.worker.state === 'up' ? 1 : 0);
    const expected = (id: string) => Boolean(this.opts.expect?.chat?.includes(id) || (id === 'slack' && this.opts.expect?.slack) || (id === 'teams' && this.opts.expect?.teams));
    for (const [id, c] of Object.entries(health.chat)) {
      if (expected(id) || c.state !== 'absent') this.componentUp.set({ component: id }, c.state === 'up' ? 1 : 0);
    }
  }

  /** Copy the Redis counters into prom-client; on failure keep the last values (counters must not go down). */
  private async readCounters(timeoutMs: number): Promise<void> {
    const ids = Object.keys(COUNTERS) as CounterId[];
    try {
      const pipeline = this.opts.redis.pipeline();
      for (const id of ids) pipeline.hgetall(this.key(id));
      const results = (await withTimeout(pipeline.exec(), timeoutMs, 'reading the metric counters')) ?? [];
      ids.forEach((id, n) => {
        const [err, hash] = results[n] ?? [new Error('no reply'), null];
        if (err || !hash) return;
        const counter = this.counters[id];
        const names = COUNTERS[id].labels;
        counter.reset();
        for (const [field, value] of Object.entries(hash as Record<string, string>)) {
          const values = JSON.parse(field) as unknown;
          if (!Array.isArray(values) || values.length !== names.length) continue;
          counter.inc(Object.fromEntries(names.map((l, i) => [l, String(values[i])])), Number(value));
        }
      });
    } catch (err) {
      this.opts.log?.debug({ err: String(err) }, 'cannot read the metric counters');
    }
  }

  private async readJobs(timeoutMs: number): Promise<void> {
    const queue = this.opts.queue;
    if (!queue) return;
    const names = this.opts.queueNames ?? [];
    const counts = await Promise.all(
      names.map((name) =>
        withTimeout(queue({ name }).getJobCounts(...JOB_STATES), timeoutMs, `counting the jobs of ${name}`).catch((err: unknown) => {
          this.opts.log?.debug({ queue: name, err: String(err) }, 'cannot count the jobs');
          return null;
        }),
      ),
    );
    this.jobs.reset();
    names.forEach((name, n) => {
      for (const [state, value] of Object.entries(counts[n] ?? {})) this.jobs.set({ queue: name, state }, value);
    });
  }

  private key(id: CounterId): string {
    return `${this.opts.prefix}:metrics:${COUNTERS[id].name}`;
  }

  private bump(id: CounterId, values: string[]): void {
    this.send(() => this.opts.redis.hincrby(this.key(id), JSON.stringify(values.map(label)), 1));
  }

  /** Run a Redis write without waiting for it; a failure is logged at debug and never reaches the caller. */
  private send(write: () => Promise<unknown>): void {
    try {
      write().catch((err: unknown) => this.opts.log?.debug({ err: String(err) }, 'cannot record a metric'));
    } catch (err) {
      this.opts.log?.debug({ err: String(err) }, 'cannot record a metric');
    }
  }
}

/** The metrics of this process (one per process: `src/main.ts` builds it). */
export function createMetrics(opts: MetricsOptions): Metrics {
  return new Metrics(opts);
}
