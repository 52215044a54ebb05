/**
 * Hostile and malformed mail through the real ingest worker (BullMQ on Redis): each message ends ingested, partly
 * ingested or quarantined with its reason — none crashes the worker, which goes on filing the next good letter — and
 * a mail with a 51 MB attachment is handled without the worker's memory running away.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestJob } from '../../jobs/ingest.ts';
import { loadConfig } from '../../src/config.ts';
import { rawSink } from '../../src/ingest/raw-sink.ts';
import { createServices, type Services } from '../../src/main.ts';
import type { RawState } from '../../src/store/raw.ts';
import { attachment, digestOfThree, listHeaders, nestedForwards, render, textPart, writeMailWithHugeAttachment, zipBombDocx } from '../support/mail-corpus.ts';
import { listMail } from '../support/letters.ts';

const redisUrl = inject('redisUrl');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('hostile mail through the worker', () => {
  let s: Services;
  let dir: string;
  const prefix = `it-hostile-${process.pid}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sgbot-hostile-'));
    s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('quarantines or ingests each one, keeps going, and stays within bounded memory', async () => {
    const hugePath = join(dir, 'huge.eml');
    await writeMailWithHugeAttachment(hugePath, 51 * 1024 * 1024);
    const cases: Array<{ name: string; raw: Buffer; expect: RawState[] }> = [
      { name: 'binary junk', raw: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 256)), expect: ['quarantined'] },
      { name: 'no headers at all', raw: Buffer.from('\r\n\r\n'), expect: ['quarantined'] },
      {
        name: 'multipart with a wrong boundary',
        raw: render({ headers: [...listHeaders({ 'Message-ID': '<wrong-boundary@x>' }), ['Content-Type', 'multipart/mixed; boundary="aaa"']], body: '--bbb\r\nContent-Type: text/plain\r\n\r\nThe SG20 agenda is attached.\r\n--bbb--\r\n' }),
        expect: ['done', 'quarantined'],
      },
      {
        name: 'zip-bomb .docx next to a readable body',
        raw: render({ headers: [...listHeaders({ 'Message-ID': '<bomb@x>' }), ['Content-Type', 'multipart/mixed; boundary="b1"']], boundary: 'b1', parts: [textPart('Please find the annex attached.', 'utf-8', '8bit'), attachment('annex.docx', DOCX, zipBombDocx())] }),
        expect: ['partial'],
      },
      { name: 'unknown charset label', raw: render({ headers: [...listHeaders({ 'Message-ID': '<charset@x>' }), ['Content-Type', 'text/plain; charset="x-no-such-charset"']], body: 'Contributions to SG20 are due on 1 May 2027.\r\n' }), expect: ['done'] },
      { name: 'forwards nested five deep', raw: nestedForwards(5), expect: ['done', 'partial'] },
      { name: 'a digest of three messages', raw: digestOfThree(), expect: ['done'] },
      { name: '51 MB attachment', raw: readFileSync(hugePath), expect: ['partial', 'quarantined'] },
    ];
    const sink = rawSink({ raw: s.raw, queueIngest: s.queueIngest, maxBytes: 100 * 1024 * 1024 });
    const ids: string[] = [];
    for (const c of cases) ids.push((await sink(c.raw, { type: 'file', path: c.name })).rawId);
    const good = await sink(listMail({ n: 3, sg: 16 }), { type: 'file', path: 'good.eml' });

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    s.jobs().startWorker(ingestJob, { concurrency: 2 });
    await s.jobs().drained(ingestJob, 60_000);
    clearInterval(sampler);

    for (const [n, c] of cases.entries()) {
      const meta = await s.raw.meta(ids[n] ?? '');
      expect({ name: c.name, ok: c.expect.includes(meta?.state ?? 'queued') }, `${c.name}: ${meta?.state}`).toEqual({ name: c.name, ok: true });
      if (meta?.state !== 'done') expect((await s.quarantine.get(ids[n] ?? ''))?.problems.length).toBeGreaterThan(0);
    }
    const huge = await s.quarantine.get(ids[cases.length - 1] ?? '');
    expect(huge?.problems.map((p) => p.code)).toContain('E_TOO_LARGE');
    expect(await s.raw.meta(good.rawId)).toMatchObject({ state: 'done' });
    // The digest: its table of contents and each of its three messages are documents of their own.
    expect((await s.raw.meta(ids[6] ?? ''))?.docs.length).toBe(4);
    // The raw mail is ~70 MB (base64); reading it must not cost many times that.
    expect(rssPeak - rssBefore).toBeLessThan(600 * 1024 * 1024);
  }, 120_000);
});
