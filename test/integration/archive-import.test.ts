/**
 * Bulk import of mail archives against real Redis: an .mbox read message by message (resumable after an
 * interruption, nothing stored twice), a maildir folder, and the summary and exit code of `sgbot ingest`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { importMbox, type ArchiveDeps } from '../../src/ingest/archive-import.ts';
import { createServices, type Services } from '../../src/main.ts';
import { listMail } from '../support/letters.ts';

const redisUrl = inject('redisUrl');
let dir: string;

/** An mbox of `n` letters (and, when `junk`, one message that is binary garbage), mboxrd-quoted. */
function mbox(n: number, junk: boolean): Buffer {
  const parts: Buffer[] = [];
  for (let i = 1; i <= n; i++) {
    const body = listMail({ n: i, sg: 5 + (i % 10), messageId: `<arch-${i}@example.org>` }).toString('utf8').replace(/\r\n/g, '\n');
    parts.push(Buffer.from(`From tsb@itu.int Mon Feb  1 09:00:00 2027\n${body.replace(/^From /gm, '>From ')}\n`));
  }
  if (junk) parts.push(Buffer.concat([Buffer.from('From junk@example.org Mon Feb  1 09:00:00 2027\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7 + 3) % 256).map((b) => (b === 10 ? 11 : b))), Buffer.from('\n')]));
  return Buffer.concat(parts);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sgbot-arch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archive import', () => {
  const prefix = `it-arch-${process.pid}`;
  let s: Services;
  let deps: ArchiveDeps;
  beforeAll(async () => {
    s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
    deps = { ...s, prefix, maxRawBytes: 10_000_000 };
  });
  afterAll(async () => {
    await s.close();
  });

  it('resumes an interrupted mbox import where it stopped and stores every message once', async () => {
    const path = join(dir, 'sg.mbox');
    writeFileSync(path, mbox(40, false));
    let seen = 0;
    await expect(
      importMbox(path, deps, {
        update: () => {
          if (++seen === 16) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const stored = await s.store.count();
    expect(stored).toBeGreaterThanOrEqual(14);
    expect(stored).toBeLessThan(40);

    const second = await importMbox(path, deps);
    expect(second.resumedFrom).toBeGreaterThan(0);
    expect(second.messages).toBe(40 - stored);
    expect(await s.store.count()).toBe(40);
    expect(Number(await s.redis.get(`${prefix}:seq`))).toBe(40);

    // Read to the end: the checkpoint is cleared, and a new run finds every message already there.
    const third = await importMbox(path, deps);
    expect(third).toMatchObject({ resumedFrom: 0, messages: 40, duplicates: 40, ingested: 0 });
    expect(await s.store.count()).toBe(40);
  });

  it('`sgbot ingest` reads an mbox and a maildir, quarantines the junk message and exits 1', async () => {
    const p2 = `${prefix}-cli`;
    const box = join(dir, 'list.mbox');
    writeFileSync(box, mbox(5, true));
    const maildir = join(dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    writeFileSync(join(maildir, 'cur', '1700000000.1.host:2,S'), listMail({ n: 21, sg: 11, messageId: '<md-1@example.org>' }));
    writeFileSync(join(maildir, 'new', '1700000001.2.host'), listMail({ n: 22, sg: 11, messageId: '<md-2@example.org>' }));
    let out = '';
    const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: p2, LOG_LEVEL: 'silent' }, isTTY: false };
    const code = await runCli(['node', 'sgbot', 'ingest', box, maildir, '--json'], io);
    expect(code).toBe(1);
    const summary = JSON.parse(out) as { added: number; archives: Array<{ archive: string; messages: number; ingested: number; quarantined: number }>; problems: Array<{ code: string }> };
    expect(summary.archives).toEqual([
      expect.objectContaining({ archive: box, messages: 6, ingested: 5, quarantined: 1 }),
      expect.objectContaining({ archive: maildir, messages: 2, ingested: 2, quarantined: 0 }),
    ]);
    expect(summary.added).toBe(7);
    expect(summary.problems).toHaveLength(1);
    let listed = '';
    await runCli(['node', 'sgbot', 'quarantine', 'list', '--json'], { ...io, out: (t) => (listed += t) });
    const entries = JSON.parse(listed) as Array<{ rawId: string; partial: boolean }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.partial).toBe(false);
  });
});
