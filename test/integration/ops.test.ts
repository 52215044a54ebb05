/**
 * Operations routes on real parts: `/metrics` after a real ingest (BullMQ worker, store, quarantine) and real
 * commands, read by another process's metrics object (counters are cluster-wide, in Redis); then a private
 * redis-server frozen and killed, and a real Dovecot stopped under a reading ImapSource: `/healthz` turns 503 and
 * `/metrics` says so, and no request hangs while Redis does not answer.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobDeps } from '../../jobs/deps.ts';
import { JOBS } from '../../jobs/index.ts';
import { ingestJob } from '../../jobs/ingest.ts';
import { answer } from '../../src/chat/router.ts';
import { loadConfig } from '../../src/config.ts';
import type { HealthReport } from '../../src/health-report.ts';
import { ImapSource } from '../../src/ingest/imap.ts';
import { startImapHeartbeat } from '../../src/ingest/imap/heartbeat.ts';
import { rawSink } from '../../src/ingest/raw-sink.ts';
import { createServices, type Services } from '../../src/main.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { JobRuntime } from '../../src/queues.ts';
import { registerOpsRoutes } from '../../src/web/ops.ts';
import { startDovecot, type Dovecot } from '../support/dovecot.ts';
import { listMail } from '../support/letters.ts';
import { startRedisServer, type PrivateRedis } from '../support/redis-server.ts';

/** The value of one sample of the Prometheus text exposition, or `undefined` when there is no such sample. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) got[l[1] ?? ''] = l[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => got[k] === v) && Object.keys(got).length === Object.keys(labels).length) return Number(m[3]);
  }
  return undefined;
}

/** Calls `probe` until `done` holds for its result; fails with the last result after `timeoutMs`. */
async function poll<T>(what: string, probe: () => Promise<T>, done: (r: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await probe();
    if (done(r)) return r;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(r).slice(0, 2000)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** GET `url`, with how long it took (ms). */
async function get(app: FastifyInstance, url: string) {
  const started = Date.now();
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, type: String(res.headers['content-type']), ms: Date.now() - started };
}

const health = async (app: FastifyInstance) => {
  const r = await get(app, '/healthz');
  return { ...r, json: JSON.parse(r.body) as HealthReport };
};

/** A request to the routes must come back even when Redis does not answer (a hang would be unbounded). */
const BOUNDED_MS = 5_000;

describe('/metrics, /healthz and /readyz with Redis', () => {
  let redisServer: PrivateRedis;
  let s: Services;
  let runtime: JobRuntime<JobDeps>;
  let recorder: Metrics;
  let web: Metrics;
  let app: FastifyInstance;
  const prefix = `it-ops-${process.pid}`;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    s = await createServices(loadConfig({ REDIS_URL: redisServer.url, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'), { longRunning: true });
    // The worker and chat side record; the web side (another Metrics, as in another process) serves the routes.
    recorder = createMetrics({ redis: s.redis, prefix, processMetrics: false });
    runtime = new JobRuntime<JobDeps>(redisServer.url, prefix, { store: s.store, raw: s.raw, quarantine: s.quarantine, limits: s.limits, senderAuth: false, metrics: recorder }, s.log);
    web = createMetrics({ redis: s.redis, prefix, queue: (spec) => runtime.queue(spec), queueNames: JOBS.map((j) => j.name) });
    app = Fastify();
    registerOpsRoutes(app, { redis: s.redis, metrics: web });
  });

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    s?.redis.disconnect();
    await redisServer?.remove();
  });

  it('counts ingested documents, parse failures, commands and jobs across processes', async () => {
    runtime.startWorker(ingestJob, { concurrency: 2 });
    const sink = rawSink({ raw: s.raw, queueIngest: (p) => runtime.enqueue(ingestJob, p), maxBytes: 10_000_000 });
    await sink(listMail({ n: 4, sg: 13 }), { type: 'file', path: 'letter.eml' });
    const junk = Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9].concat(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)));
    await sink(junk, { type: 'file', path: 'junk.eml' });
    await runtime.drained(ingestJob);

    const who = { channel: 'slack' as const, id: 'U0OPS0001', verified: true };
    const ctx = { ...s.context(Date.parse('2027-02-02T09:00:00Z'), 'Europe/Zurich', who), metrics: recorder };
    const asked = await answer(s.registry, ctx, '/deadlines SG13');
    expect(asked.reply.ok).toBe(true);
    const unknown = await answer(s.registry, ctx, '/deadlinez SG13');
    expect(unknown.reply.code).toBe('E_UNKNOWN_COMMAND');

    // Delivery counters (their call sites are src/reminders/deliver.ts and src/broadcast/deliver.ts).
    recorder.reminderSent('mail', 'reminder');
    recorder.reminderSent('mail', 'reminder');
    recorder.broadcastDelivered('slack');
    recorder.deliveryFailed('broadcast', 'teams');

    const res = await get(app, '/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = res.body;
    expect(sample(m, 'sgbot_redis_up')).toBe(1);
    expect(sample(m, 'sgbot_documents_ingested_total', { status: 'added' })).toBe(1);
    expect(sample(m, 'sgbot_parse_failures_total', { reason: 'E_BAD_DOCUMENT' })).toBe(1);
    expect(sample(m, 'sgbot_messages_quarantined_total', { state: 'quarantined' })).toBe(1);
    expect(sample(m, 'sgbot_commands_total', { command: 'deadlines', channel: 'slack', outcome: 'ok' })).toBe(1);
    expect(sample(m, 'sgbot_commands_total', { command: 'none', channel: 'slack', outcome: 'E_UNKNOWN_COMMAND' })).toBe(1);
    expect(sample(m, 'sgbot_command_seconds_total', { command: 'deadlines', channel: 'slack', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(m, 'sgbot_reminders_sent_total', { channel: 'mail', type: 'reminder' })).toBe(2);
    expect(sample(m, 'sgbot_broadcast_deliveries_total', { channel: 'slack' })).toBe(1);
    expect(sample(m, 'sgbot_deliveries_failed_total', { kind: 'broadcast', channel: 'teams' })).toBe(1);
    expect(sample(m, 'sgbot_jobs', { queue: 'ingest', state: 'completed' })).toBe(2);
    expect(sample(m, 'sgbot_jobs', { queue: 'ingest', state: 'failed' })).toBe(0);
    expect(sample(m, 'sgbot_jobs', { queue: 'broadcast', state: 'wait' })).toBe(0);
    // No worker process publishes a heartbeat here; Slack and Teams are neither configured nor seen.
    expect(sample(m, 'sgbot_component_up', { component: 'worker' })).toBe(0);
    expect(sample(m, 'sgbot_component_up', { component: 'slack' })).toBeUndefined();
    expect(m).toMatch(/^process_resident_memory_bytes \d+/m);
    // Latency quantiles are per process: the recording process has them, the web process does not invent them.
    expect(sample(m, 'sgbot_command_duration_seconds_count', { command: 'deadlines', channel: 'slack', outcome: 'ok' })).toBeUndefined();
    const local = (await recorder.scrape()).body;
    expect(sample(local, 'sgbot_command_duration_seconds_count', { command: 'deadlines', channel: 'slack', outcome: 'ok' })).toBe(1);

    const h = await health(app);
    expect(h.status).toBe(200);
    expect(h.json).toMatchObject({ ok: true, redis: 'up', imap: [], worker: { state: 'absent' }, slack: { state: 'absent' }, teams: { state: 'absent' } });
    expect((await get(app, '/readyz')).status).toBe(200);
  });

  it('reports a frozen and then a killed Redis within seconds, without hanging', async () => {
    await runtime.close();
    // Frozen: the connection stays open but nothing answers, so only the PING timeout can tell.
    redisServer.child?.kill('SIGSTOP');
    try {
      const down = await poll('/healthz to say Redis is down', () => health(app), (r) => r.status === 503);
      expect(down.json).toMatchObject({ ok: false, redis: 'down' });
      expect(down.ms).toBeLessThan(BOUNDED_MS);
      const metrics = await get(app, '/metrics');
      expect(metrics.ms).toBeLessThan(BOUNDED_MS);
      expect(metrics.status).toBe(200);
      expect(sample(metrics.body, 'sgbot_redis_up')).toBe(0);
      // Counters keep the last values read (a counter never goes down); job gauges are unknown, so absent.
      expect(sample(metrics.body, 'sgbot_documents_ingested_total', { status: 'added' })).toBe(1);
      expect(sample(metrics.body, 'sgbot_jobs', { queue: 'ingest', state: 'completed' })).toBeUndefined();
      const ready = await get(app, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(BOUNDED_MS);
    } finally {
      redisServer.child?.kill('SIGCONT');
    }
    await poll('/healthz to see Redis back', () => health(app), (r) => r.status === 200);

    await redisServer.kill();
    const down = await poll('/healthz to say Redis is gone', () => health(app), (r) => r.status === 503);
    expect(down.json).toMatchObject({ ok: false, redis: 'down' });
    const metrics = await poll('/metrics to say Redis is gone', () => get(app, '/metrics'), (r) => sample(r.body, 'sgbot_redis_up') === 0);
    expect(metrics.ms).toBeLessThan(BOUNDED_MS);
    expect(metrics.status).toBe(200);
  });
});

describe('/healthz and /metrics with IMAP', () => {
  const user = 'ops@example.test';
  const pass = 'secret';
  let dovecot: Dovecot;
  let redis: Redis;
  let source: ImapSource;
  let beat: { stop(): Promise<void> };
  let app: FastifyInstance;
  const prefix = `it-ops-imap-${process.pid}`;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user, pass }] });
    redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
    app = Fastify();
    registerOpsRoutes(app, { redis, metrics: createMetrics({ redis, prefix, processMetrics: false }) });
  });

  afterAll(async () => {
    await beat?.stop();
    await source?.stop();
    await app?.close();
    await redis?.quit();
    await dovecot?.stop();
  });

  it('reports a stopped IMAP server as a failing mailbox within seconds', async () => {
    source = new ImapSource({ account: { id: user, host: '127.0.0.1', port: dovecot.imapPort, secure: false, user, pass }, mailboxes: ['INBOX'], redis, prefix, sink: () => Promise.resolve() });
    source.start();
    beat = startImapHeartbeat({ redis, prefix, sources: [source], processId: 'ops-test' });

    const up = await poll('the mailbox to be read', () => health(app), (r) => r.json.imap[0]?.status === 'idle');
    expect(up.status).toBe(200);
    expect(up.json.imap).toEqual([expect.objectContaining({ account: user, mailbox: 'INBOX', up: true, status: 'idle', lastError: null })]);
    expect(sample((await get(app, '/metrics')).body, 'sgbot_imap_up', { account: user, mailbox: 'INBOX' })).toBe(1);

    await dovecot.stop();
    // Within the 5 s grace period plus a little: the status change is published at once, not at the next heartbeat.
    const down = await poll('the mailbox to be reported down', () => health(app), (r) => r.status === 503, 15_000);
    expect(down.json).toMatchObject({ ok: false, redis: 'up' });
    expect(down.json.imap).toEqual([expect.objectContaining({ account: user, mailbox: 'INBOX', up: false })]);
    expect(down.json.imap[0]?.status).toMatch(/^(backoff|connecting)$/);
    expect(down.json.imap[0]?.lastError).toMatch(/127\.0\.0\.1|connect|closed|refused/i);
    expect(down.json.imap[0]?.lastError).not.toContain(pass);
    expect(sample((await get(app, '/metrics')).body, 'sgbot_imap_up', { account: user, mailbox: 'INBOX' })).toBe(0);
    // Serving traffic does not depend on the mailbox.
    expect((await get(app, '/readyz')).status).toBe(200);
  });
});
