/**
 * Mail in, end to end, on real servers: a collective letter delivered by LMTP to a real Dovecot is read by the
 * worker through IMAP IDLE, kept, queued, parsed and stored, and `sgbot ask "/deadlines SG13"` shows its deadline.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { startWorker, type RunningWorker } from '../../src/worker.ts';
import { startDovecot, type Dovecot } from '../support/dovecot.ts';
import { listMail } from '../support/letters.ts';

const redisUrl = inject('redisUrl');
const BIN = join(import.meta.dirname, '../../bin/sgbot.js');
const prefix = `it-imap-${process.pid}`;

/** Settings of a worker reading the user's INBOX on the test Dovecot (mails over 2 MB are not downloaded whole). */
function workerEnv(dovecot: Dovecot, user: { user: string; pass: string }): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    SGBOT_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    SGBOT_IMAP: `imap://${encodeURIComponent(user.user)}:${encodeURIComponent(user.pass)}@127.0.0.1:${dovecot.imapPort}/?mailboxes=INBOX`,
    SGBOT_MAX_MAIL_MB: '2',
  };
}

async function ask(text: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (out += t), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, isTTY: false };
  const code = await runCli(['node', 'sgbot', 'ask', text, '--json', '--now', '2027-03-01'], io);
  return { code, out };
}

describe('IMAP to answer', () => {
  let dovecot: Dovecot;
  let services: Services;
  let worker: RunningWorker;

  beforeAll(async () => {
    dovecot = await startDovecot();
    const user = dovecot.users[0];
    if (!user) throw new Error('no dovecot user');
    services = await createServices(loadConfig(workerEnv(dovecot, user), '/nonexistent'), { longRunning: true });
    worker = startWorker(services, { lockDurationMs: 5000 });
  });

  afterAll(async () => {
    await worker?.stop();
    await services?.close();
    await dovecot?.stop();
  });

  it('files a letter delivered while the worker idles, and answers from it within seconds', async () => {
    const user = dovecot.users[0]?.user ?? '';
    // Before: nothing is known of SG13.
    expect(JSON.parse((await ask('/deadlines SG13')).out)).toMatchObject({ ok: true, data: { upcoming: [] } });
    const sent = Date.now();
    await dovecot.deliver(user, listMail({ n: 7, sg: 13, messageId: '<cl7-13@imap.test>' }));
    let answer: { ok: boolean; data?: { upcoming?: Array<{ date: string; category: string; source: { reference: string } }> } } = { ok: false };
    while (Date.now() - sent < 20_000) {
      answer = JSON.parse((await ask('/deadlines SG13')).out) as typeof answer;
      if (answer.data?.upcoming?.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsed = Date.now() - sent;
    expect(answer.ok).toBe(true);
    expect(answer.data?.upcoming).toEqual([expect.objectContaining({ date: '2027-04-14', category: 'contributions' })]);
    expect(answer.data?.upcoming?.[0]?.source.reference).toBe('TSB Collective letter 7/13');
    expect(elapsed).toBeLessThan(20_000);
    const doc = (await services.store.findByReference('TSB Collective letter 7/13'))[0];
    expect(doc?.source.messageId).toBe('<cl7-13@imap.test>');
    const raw = await services.raw.meta(doc?.source.rawId ?? '');
    expect(raw?.origin).toMatchObject({ type: 'imap', mailbox: 'INBOX', uid: 1 });
  });

  it('misses nothing and stores nothing twice across a Dovecot restart with a second worker process on the same mailbox', async () => {
    const user = dovecot.users[0];
    if (!user) throw new Error('no dovecot user');
    // A second replica: another `sgbot worker` process on the same Redis prefix and mailbox.
    const second = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ...workerEnv(dovecot, user), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let secondLog = '';
    second.stderr?.on('data', (c: Buffer) => (secondLog += c.toString()));
    const started = Date.now() + 20_000;
    while (!secondLog.includes('running;') && Date.now() < started) await new Promise((r) => setTimeout(r, 50));
    expect(secondLog).toContain('IMAP: reading INBOX');
    try {
      const before = await services.store.count();
      for (let n = 20; n < 30; n++) await dovecot.deliver(user.user, listMail({ n, sg: 15, messageId: `<r-${n}@imap.test>` }));
      await dovecot.restart({
        whileDown: () => {
          for (let n = 30; n < 35; n++) dovecot.dropIntoMaildir(user.user, listMail({ n, sg: 15, messageId: `<r-${n}@imap.test>` }));
        },
      });
      for (let n = 35; n < 40; n++) await dovecot.deliver(user.user, listMail({ n, sg: 15, messageId: `<r-${n}@imap.test>` }));
      const end = Date.now() + 40_000;
      while ((await services.store.count()) < before + 20 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      await services.jobs().drained({ name: 'ingest' }, 20_000);
      expect(await services.store.count()).toBe(before + 20);
      const refs = new Set<string>();
      for (let n = 20; n < 40; n++) for (const d of await services.store.findByReference(`TSB Collective letter ${n}/15`)) refs.add(d.id);
      expect(refs.size).toBe(20);
      expect(Number(await services.redis.get(`${prefix}:seq`))).toBe(before + 20);
    } finally {
      second.kill('SIGTERM');
      if (second.exitCode === null) await new Promise((r) => second.once('exit', r));
    }
  }, 90_000);

  it('does not download a mail over SGBOT_MAX_MAIL_MB: it is quarantined by its subject, with its IMAP origin', async () => {
    const user = dovecot.users[0]?.user ?? '';
    const filler = 'x'.repeat(76) + '\r\n';
    const big = Buffer.concat([
      Buffer.from('From: tsb@itu.int\r\nTo: t25sg9@lists.itu.int\r\nSubject: Meeting report, all annexes\r\nMessage-ID: <big@imap.test>\r\n\r\n'),
      Buffer.from(filler.repeat(Math.ceil((3 * 1024 * 1024) / filler.length))),
    ]);
    await dovecot.deliver(user, big);
    let entry = null;
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      entry = (await services.quarantine.list()).find((e) => e.name === 'Meeting report, all annexes') ?? null;
      if (entry) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry?.problems[0]?.code).toBe('E_TOO_LARGE');
    expect(entry?.problems[0]?.message).toContain('SGBOT_MAX_MAIL_MB');
    const meta = await services.raw.meta(entry?.rawId ?? '');
    expect(meta).toMatchObject({ kept: false, origin: { type: 'imap', mailbox: 'INBOX' } });
    expect(meta?.size).toBeGreaterThan(3 * 1024 * 1024);
    expect((await services.raw.bytes(entry?.rawId ?? ''))?.length).toBeLessThanOrEqual(64 * 1024);
  });
});
