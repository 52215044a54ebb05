/**
 * Work per mail is bounded. The inputs (test/hostile/hostile-inputs.ts) are the shapes that made it unbounded:
 * - a 300-byte HTML mail whose one cell spans 1,000,000 columns (or rows): html-to-text's table layout made a grid
 *   that size, squared it to transpose it, and recursed as deep as it was wide — hours, or a stack overflow;
 * - HTML nested 10,000 to 100,000 deep: html-to-text's recursive walk threw RangeError (and htmlparser2's open
 *   element stack is quadratic in the depth), which was not caught per part, so a mail whose text/plain part is a
 *   good letter was rejected whole;
 * - a table cell of one very long line beside a cell of many lines (each padded to the long one), and a table of
 *   30,000 cells in one row;
 * - one long line of dates (400 KB, 1 MB) in the shapes the deadline parsers read: 400 KB took about 25 s.
 * Timings are asserted only with generous bounds here; `bench/hostile.ts` measures them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBuffer } from '../../src/ingest/extract.ts';
import { limitNesting, MAX_DEPTH } from '../../src/ingest/html.ts';
import { parsePart } from '../../src/ingest/pipeline.ts';
import { PartPool } from '../../src/ingest/pool.ts';
import { inlineReader, partError, type PartReader } from '../../src/ingest/reader.ts';
import { DEFAULT_LIMITS, type Extraction } from '../../src/ingest/types.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { colspanBomb, dateLines, deepNesting, deepTables, GOOD_LETTER, htmlOnlyMail, hugeCell, mailWithHtml, rowspanBomb, wideTable } from './hostile-inputs.ts';

/** Generous: the fixed code takes tens to hundreds of milliseconds for each; the old one, seconds to hours. */
const BOUND_MS = 5_000;

async function read(raw: Buffer, reader: PartReader = inlineReader): Promise<{ ex: Extraction; ms: number }> {
  const started = performance.now();
  const ex = await extractBuffer(raw, { filename: 'hostile.eml', format: 'eml', name: 'hostile.eml' }, DEFAULT_LIMITS, reader);
  return { ex, ms: performance.now() - started };
}

const deadlinesOf = (ex: Extraction) => ex.parts.flatMap((p) => parsePart(p).parsed.deadlines.map((d) => `${d.date} ${d.category}`));

describe('HTML that costs unbounded layout work, read as `sgbot parse` reads it', () => {
  it.each([
    ['a 300-byte cell spanning 1,000,000 columns', colspanBomb(1_000_000), 'Submit contributions'],
    ['a cell spanning 1,000,000 rows', rowspanBomb(1_000_000), '1 March 2026'],
    ['a cell of a 200,000-character line beside one of 20,000 lines', hugeCell(), 'y'],
    ['a row of 30,000 cells', wideTable(30_000), 'a   a'],
    ['tables nested 2,000 deep', deepTables(2_000), 'inner'],
  ])('%s: read in bounded time, its text kept', async (_what, html, expected) => {
    expect(html.length < 1000 || html.length > 10_000).toBe(true);
    const { ex, ms } = await read(htmlOnlyMail(html));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(ex.parts.map((p) => p.name)).toEqual(['hostile.eml (body)']);
    expect(ex.parts[0]?.text).toContain(expected);
  });

  it('a span bomb is only 300 bytes', () => {
    expect(colspanBomb().length).toBeLessThan(300);
  });

  it.each([
    ['div', 10_000],
    ['div', 100_000],
    ['span', 100_000],
  ])('<%s> nested %i deep: its text read without the deepest tags, and the problem named', async (tag, depth) => {
    const { ex, ms } = await read(htmlOnlyMail(deepNesting(depth, tag)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(ex.parts[0]?.text.trim()).toBe('Deadline: 1 March 2026');
    expect(ex.problems.map((p) => [p.name, p.error.code])).toEqual([['hostile.eml (body, HTML)', 'E_BAD_DOCUMENT']]);
    expect(ex.problems[0]?.error.message).toMatch(new RegExp(`nested more than ${MAX_DEPTH} deep`));
  });

  it('reads the text/plain letter beside HTML nested 10,000 deep: the letter and its deadlines are read', async () => {
    const { ex } = await read(mailWithHtml(deepNesting(10_000)));
    expect(ex.parts.map((p) => p.name)).toEqual(['hostile.eml (body)']);
    expect(ex.parts[0]?.text).toContain('Seizo Onoe');
    expect(deadlinesOf(ex)).toEqual(expect.arrayContaining(['2026-03-13 captioning', '2026-04-20 registration']));
  });

  it('prefers the text/plain alternative: an HTML version of the same letter adds nothing, and a span bomb in it costs nothing', async () => {
    const html = `<html><body>${GOOD_LETTER.split('\n').map((l) => `<p>${l}</p>`).join('')}<table><tr><td colspan="1000000">x</td></tr></table></body></html>`;
    const { ex, ms } = await read(mailWithHtml(html));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(ex.parts[0]?.text).toBe(GOOD_LETTER);
    expect(ex.problems).toEqual([]);
  });

  it('drops an HTML part its reader cannot read (a stack overflow) with the reason, and reads the letter beside it', async () => {
    const failing: PartReader = { ...inlineReader, html: (_html, name) => Promise.reject(partError(name, new RangeError('Maximum call stack size exceeded'))) };
    const { ex } = await read(mailWithHtml('<p>Another text</p>'), failing);
    expect(ex.parts[0]?.text).toBe(GOOD_LETTER);
    expect(ex.problems.map((p) => [p.name, p.error.code])).toEqual([['hostile.eml (body, HTML)', 'E_BAD_DOCUMENT']]);
    expect(ex.problems[0]?.error.message).toMatch(/nested too deeply to read.*plain-text version was read instead/s);
    expect(deadlinesOf(ex)).toEqual(['2026-03-13 captioning', '2026-04-20 registration']);
  });

  it('reads an .html attachment nested too deep, and says so', async () => {
    const ex = await extractBuffer(Buffer.from(deepNesting(20_000)), { filename: 'annex.html' }, DEFAULT_LIMITS);
    expect(ex.parts[0]?.text.trim()).toBe('Deadline: 1 March 2026');
    expect(ex.problems[0]?.error.message).toMatch(/nested more than/);
  });
});

describe('limitNesting', () => {
  it('keeps ordinary HTML as it is, unclosed paragraphs and list items included', () => {
    const sloppy = `<html><body>${'<p>para'.repeat(5_000)}<ul>${'<li>item'.repeat(5_000)}</ul><svg>${'<path d="M0 0"/>'.repeat(1_000)}</svg></body></html>`;
    expect(limitNesting(sloppy)).toEqual({ html: sloppy, cut: false });
  });

  it('drops only the start tags deeper than the limit; text, comments and quoted ">" stay', () => {
    const html = `<div title="a>b"><div><!-- <div> --><div>x</div></div></div>`;
    expect(limitNesting(html, 2)).toEqual({ html: `<div title="a>b"><div><!-- <div> -->x</div></div></div>`, cut: true });
  });
});

describe('long lines of dates, parsed', () => {
  for (const size of [400 * 1024, 1024 * 1024]) {
    it.each(Object.entries(dateLines(size)))(`%s (${size / 1024} KB): parsed in bounded time, with a bounded number of deadlines`, (_what, text) => {
      const started = performance.now();
      const parsed = parseDocument(text);
      expect(performance.now() - started).toBeLessThan(BOUND_MS * 2);
      expect(parsed.deadlines.length).toBeLessThanOrEqual(500);
    });
  }
});

describe('a Date header of 100 KB', () => {
  it('is read in bounded time: not a date, and the letter beside it is read', async () => {
    const raw = Buffer.from([`Date: Mon, 21 Sep 98 13:50:01${' '.repeat(100_000)}N`, 'From: a@example.org', 'Subject: letter', 'Message-ID: <date-bomb@example.org>', '', GOOD_LETTER].join('\n'));
    const { ex, ms } = await read(raw);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(ex.parts[0]?.origin?.date ?? null).toBeNull();
    expect(ex.parts[0]?.text).toContain(GOOD_LETTER.split('\n')[0]);
  });
});

describe('the part pool', () => {
  it('reads and parses as this thread does, and stops a part over its time or memory budget with the reason', async () => {
    const pool = new PartPool({ threads: 1, memoryMb: 64 });
    try {
      const mail = mailWithHtml(colspanBomb());
      const inline = await read(mail);
      const pooled = await read(mail, pool);
      expect(pooled.ex).toEqual(inline.ex);
      expect(await pool.parse(GOOD_LETTER, 'letter', DEFAULT_LIMITS)).toEqual(parseDocument(GOOD_LETTER));

      // Time: a 4 MB letter does not parse in 20 ms.
      const big = `${GOOD_LETTER}\n\n`.repeat(12_000);
      const late = await pool.parse(big, 'big letter', { ...DEFAULT_LIMITS, maxPartMs: 20 }).catch((err: unknown) => err as Error);
      expect(late).toMatchObject({ code: 'E_TOO_LARGE' });
      expect((late as Error).message).toMatch(/^big letter: parsing it took more than 0\.02 s.*SGBOT_PART_SECONDS/);

      // Memory: the DOM of 1.5 million elements does not fit in 64 MB.
      const huge = await pool.html('<b>x</b>'.repeat(1_500_000), 'huge.html', DEFAULT_LIMITS).catch((err: unknown) => err as Error);
      expect(huge).toMatchObject({ code: 'E_TOO_LARGE' });
      expect((huge as Error).message).toMatch(/^huge\.html: reading it needed more than 64 MB.*SGBOT_PART_MEMORY_MB/);

      // The pool goes on with a new thread.
      expect((await pool.html('<p>next</p>', 'next', DEFAULT_LIMITS)).text).toBe('next');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('survives parts over the memory budget one after another, two at a time, and reads the next part', async () => {
    // A worker thread over its heap limit took its whole process down about once in ten; a process of the pool
    // dies alone. Six in a row here: the process running the test would not have lived through them as threads.
    const pool = new PartPool({ threads: 2, memoryMb: 64 });
    try {
      const huge = '<b>x</b>'.repeat(1_500_000);
      const outcomes = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.html(huge, `huge ${n}.html`, DEFAULT_LIMITS).catch((err: unknown) => err as Error)));
      for (const [i, e] of outcomes.entries()) expect((e as Error).message).toMatch(new RegExp(`^huge ${i + 1}\\.html: reading it needed more than 64 MB`));
      expect(await pool.parse(GOOD_LETTER, 'letter', DEFAULT_LIMITS)).toEqual(parseDocument(GOOD_LETTER));
    } finally {
      await pool.close();
    }
  }, 90_000);

  it('gives its processes no secret of this one: their environment is the PATH and the zone settings', async () => {
    const pool = new PartPool({ threads: 1 });
    const before = process.env.SLACK_BOT_TOKEN;
    process.env.SLACK_BOT_TOKEN = 'xoxb-not-for-readers';
    try {
      await pool.parse('warm up', 'warm-up', DEFAULT_LIMITS);
      const pids = (pool as unknown as { pool: { threads: Array<{ threadId: number }> } }).pool.threads.map((t) => t.threadId);
      expect(pids).toHaveLength(1);
      const names = readFileSync(`/proc/${pids[0]}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => kv.split('=')[0]);
      expect(names).toContain('PATH');
      expect(names).not.toContain('SLACK_BOT_TOKEN');
      // Besides those, only what the pool and Node's IPC channel set.
      expect(names.filter((n) => !['PATH', 'TZ', 'LANG', 'LC_ALL', 'TMPDIR', 'TINYPOOL_WORKER_ID'].includes(n ?? '') && !/^NODE_CHANNEL_/.test(n ?? ''))).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.SLACK_BOT_TOKEN;
      else process.env.SLACK_BOT_TOKEN = before;
      await pool.close();
    }
  }, 60_000);

  it('keeps the event loop free while a part is worked on', async () => {
    const pool = new PartPool({ threads: 1 });
    try {
      await pool.parse('warm up', 'warm-up', DEFAULT_LIMITS);
      let lag = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        lag = Math.max(lag, now - last);
        last = now;
      }, 5);
      const text = Object.values(dateLines(1024 * 1024)).join('\n');
      const started = performance.now();
      await pool.parse(text, 'dates', DEFAULT_LIMITS);
      const ms = performance.now() - started;
      clearInterval(timer);
      // The work took a while; the timer was never held up for a comparable time.
      expect(lag).toBeLessThan(Math.max(250, ms / 2));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
