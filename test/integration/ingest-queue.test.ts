/**
 * The mail ingest path on real Redis: raw bytes kept first, one BullMQ job per message, quarantine for what cannot
 * be read, and exactly-once storage when a worker process is killed mid-way and when two workers share the queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { rawSink } from '../../src/ingest/raw-sink.ts';
import { createServices, type Services } from '../../src/main.ts';
import { ingestJob } from '../../jobs/ingest.ts';
import { listMail } from '../support/letters.ts';

const redisUrl = inject('redisUrl');
const BIN = join(import.meta.dirname, '../../bin/sgbot.js');

async function services(prefix: string): Promise<Services> {
  return createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function workerProcess(prefix: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker'], {
    env: { ...process.env, REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, SGBOT_JOB_LOCK_MS: '2000', SGBOT_WORKER_CONCURRENCY: '4', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

describe('ingest queue', () => {
  let s: Services;
  const prefix = `it-q-${process.pid}`;
  const io = (out: string[]): CliIO => ({ out: (t) => out.push(t), err: (t) => out.push(t), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, isTTY: false });

  beforeAll(async () => {
    s = await services(prefix);
  });
  afterAll(async () => {
    await s.close();
  });

  it('keeps the raw message, files the letter, quarantines junk and keeps it for a retry', async () => {
    const sink = rawSink({ raw: s.raw, queueIngest: s.queueIngest, maxBytes: 10_000_000 });
    const good = await sink(listMail({ n: 1, sg: 13 }), { type: 'file', path: 'good.eml' });
    const again = await sink(listMail({ n: 1, sg: 13 }), { type: 'file', path: 'good.eml' });
    expect(again).toEqual({ rawId: good.rawId, fresh: false });
    const junkBytes = Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9].concat(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)));
    const junk = await sink(junkBytes, { type: 'file', path: 'junk.eml' });

    s.jobs().startWorker(ingestJob, { concurrency: 2 });
    await s.jobs().drained(ingestJob);

    const meta = await s.raw.meta(good.rawId);
    expect(meta).toMatchObject({ state: 'done' });
    expect(meta?.docs).toHaveLength(1);
    const doc = await s.store.getDocument(meta?.docs[0] ?? '');
    expect(doc?.parsed.reference).toBe('TSB Collective letter 1/13');
    expect(doc?.source.rawId).toBe(good.rawId);
    expect(doc?.source.messageId).toBe('<cl-1-13@test.itu.int>');

    const q = await s.quarantine.get(junk.rawId);
    expect(q?.partial).toBe(false);
    expect(q?.problems[0]?.code).toBe('E_BAD_DOCUMENT');
    expect((await s.raw.bytes(junk.rawId))?.equals(junkBytes)).toBe(true);

    const listed: string[] = [];
    expect(await runCli(['node', 'sgbot', 'quarantine', 'list'], io(listed))).toBe(0);
    expect(listed.join('\n')).toContain(junk.rawId.slice(0, 12));
    // When, in the operator's zone (SGBOT_TZ), not an ISO timestamp.
    expect(listed.join('\n')).toMatch(/\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Europe\/Zurich\)/);
    const status: string[] = [];
    await runCli(['node', 'sgbot', 'status'], io(status));
    expect(status.join('\n')).toMatch(/Store {7}\d+ documents?; \d+ mails? kept as received; 1 in quarantine \(sgbot quarantine list\)/);
    const retried: string[] = [];
    expect(await runCli(['node', 'sgbot', 'quarantine', 'retry', junk.rawId.slice(0, 8)], io(retried))).toBe(1);
    expect(retried.join('\n')).toContain('0 of 1 left the quarantine');
    expect(await s.quarantine.count()).toBe(1);
  });

  it('stores each of 500 messages exactly once when a worker is killed mid-way and two workers share the queue', async () => {
    const p = `${prefix}-kill`;
    const t = await services(p);
    try {
      const sink = rawSink({ raw: t.raw, queueIngest: t.queueIngest, maxBytes: 10_000_000 });
      const N = 500;
      for (let n = 1; n <= N; n++) await sink(listMail({ n, sg: 2 + (n % 20) }), { type: 'file', path: `m${n}.eml` });
      // The same messages queued again (a second IMAP reader, a resync) add nothing.
      for (let n = 1; n <= 20; n++) await sink(listMail({ n, sg: 2 + (n % 20) }), { type: 'file', path: `m${n}.eml` });

      const first = workerProcess(p);
      await until('the first worker to store 60 documents', async () => (await t.store.count()) >= 60, 60_000);
      first.kill('SIGKILL');
      await stopped(first);
      const stoppedAt = await t.store.count();
      expect(stoppedAt).toBeLessThan(N);

      const a = workerProcess(p);
      const b = workerProcess(p);
      try {
        await until('all documents', async () => (await t.store.count()) >= N, 90_000).catch(async (err: Error) => {
          const counts = await t.jobs().queue(ingestJob).getJobCounts('wait', 'active', 'delayed', 'failed', 'completed');
          const why = (await t.quarantine.list(5)).map((e) => e.problems[0]?.message ?? '').join(' | ');
          throw new Error(`${err.message}: ${await t.store.count()} stored, ${await t.quarantine.count()} quarantined (${why}), jobs ${JSON.stringify(counts)}`);
        });
        await t.jobs().drained(ingestJob, 30_000);
      } finally {
        a.kill('SIGTERM');
        b.kill('SIGTERM');
        await Promise.all([stopped(a), stopped(b)]);
      }
      expect(await t.store.count()).toBe(N);
      // Every message produced exactly one document, and no two messages the same one.
      const docIds = new Set<string>();
      for (const { id } of await t.store.documentsAfter(0, N + 10)) docIds.add(id);
      let linked = 0;
      for (const id of await t.redis.zrange(`${p}:raws`, 0, -1)) {
        const meta = await t.raw.meta(id);
        expect(meta?.state).toBe('done');
        expect(meta?.docs).toHaveLength(1);
        if (docIds.has(meta?.docs[0] ?? '')) linked++;
      }
      expect(linked).toBe(N);
      expect(await t.raw.count()).toBe(N);
      expect(await t.quarantine.count()).toBe(0);
      const refs = new Set<string>();
      for (const { id } of await t.store.documentsAfter(0, N + 10)) refs.add((await t.store.getDocument(id))?.parsed.reference ?? '');
      expect(refs.size).toBe(N);
    } finally {
      await t.close();
    }
  }, 180_000);
});
