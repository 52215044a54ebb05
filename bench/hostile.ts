/**
 * Hostile inputs, read as `sgbot parse` reads them: `npx tsx bench/hostile.ts [--cli] [--pool]`. Writes each input
 * of test/hostile/hostile-inputs.ts (span bombs, deep nesting, huge and wide tables, long lines of dates, scaled to
 * about 1 MB where the shape allows) to a temporary folder, then reads and parses each file in this process —
 * extractFile and parsePart, one core — and prints its size, wall and CPU time, and seconds per MB against the goal
 * of 2 s per MB. `--cli` also times `node bin/sgbot.js parse FILE --json` (a process each, startup included);
 * `--pool` also reads each through a PartPool (the worker's path: a thread per part, budgets on).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBuffer, extractFile } from '../src/ingest/extract.ts';
import { parsePart, parsePartWith } from '../src/ingest/pipeline.ts';
import { PartPool } from '../src/ingest/pool.ts';
import { DEFAULT_LIMITS } from '../src/ingest/types.ts';
import {
  colspanBomb,
  dateLines,
  deepNesting,
  deepTables,
  htmlOnlyMail,
  hugeCell,
  mailWithHtml,
  rowspanBomb,
  wideTable,
} from '../test/hostile/hostile-inputs.ts';

const GOAL_S_PER_MB = 2;
const MB = 1024 * 1024;

function inputs(): Array<[string, string, Buffer]> {
  const out: Array<[string, string, Buffer]> = [
    ['colspan 1,000,000 (HTML mail)', 'colspan.eml', htmlOnlyMail(colspanBomb())],
    ['rowspan 1,000,000 (HTML mail)', 'rowspan.eml', htmlOnlyMail(rowspanBomb())],
    ['colspan bomb beside a text/plain letter', 'colspan-letter.eml', mailWithHtml(colspanBomb())],
    ['<div> nested 10,000 deep beside a letter', 'deep-10k-letter.eml', mailWithHtml(deepNesting(10_000))],
    ['<span> nested 100,000 deep (1.3 MB)', 'deep-100k.eml', htmlOnlyMail(deepNesting(100_000, 'span'))],
    ['tables nested 66,000 deep (2 MB)', 'deep-tables.eml', htmlOnlyMail(deepTables(66_000))],
    ['huge cell: 200 KB line beside 20,000 lines', 'huge-cell.eml', htmlOnlyMail(hugeCell())],
    ['huge cell: 1 MB line beside 100,000 lines', 'huge-cell-1mb.eml', htmlOnlyMail(hugeCell(1 * MB, 100_000))],
    ['a row of 100,000 cells (1 MB)', 'wide.eml', htmlOnlyMail(wideTable(100_000))],
  ];
  for (const size of [400 * 1024, MB]) {
    for (const [shape, text] of Object.entries(dateLines(size))) {
      out.push([`${shape}, ${size / 1024} KB`, `${shape.replace(/\W+/g, '-')}-${size / 1024}k.txt`, Buffer.from(text)]);
    }
  }
  return out;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

const cli = process.argv.includes('--cli');
const withPool = process.argv.includes('--pool');
const dir = mkdtempSync(join(tmpdir(), 'sgbot-hostile-bench-'));
const pool = withPool ? new PartPool({ threads: 1 }) : null;
try {
  // Warm up the readers and the parser once, as a running process has.
  const warm = join(dir, 'warm.eml');
  writeFileSync(warm, mailWithHtml('<p>warm</p>'));
  for (const part of (await extractFile(warm)).parts) parsePart(part);
  if (pool) await pool.parse('warm up', 'warm-up', DEFAULT_LIMITS);

  const rows: string[][] = [['input', 'size', 'wall ms', 'CPU ms', 's/MB', 'goal', ...(cli ? ['sgbot parse ms'] : []), ...(pool ? ['pool ms'] : [])]];
  for (const [what, file, bytes] of inputs()) {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { parts } = await extractFile(path, DEFAULT_LIMITS);
    for (const part of parts) parsePart(part);
    const wall = performance.now() - t0;
    const cpu = cpuMs(cpu0);
    // Per MB for inputs of 64 KB and more; a 300-byte span bomb is judged by its time (the fixed cost of a mail).
    const big = bytes.length >= 64 * 1024;
    const sPerMb = cpu / 1000 / (bytes.length / MB);
    const size = bytes.length >= MB / 10 ? `${(bytes.length / MB).toFixed(2)} MB` : `${bytes.length} B`;
    const row = [what, size, wall.toFixed(0), cpu.toFixed(0), big ? sPerMb.toFixed(2) : '—', big ? (sPerMb <= GOAL_S_PER_MB ? 'pass' : 'FAIL') : ''];
    if (cli) {
      const c0 = performance.now();
      execFileSync(process.execPath, [join(import.meta.dirname, '../bin/sgbot.js'), 'parse', path, '--json'], { stdio: 'ignore' });
      row.push((performance.now() - c0).toFixed(0));
    }
    if (pool) {
      const p0 = performance.now();
      const ex = await extractBuffer(bytes, { filename: file }, DEFAULT_LIMITS, pool);
      for (const part of ex.parts) await parsePartWith(pool, part, DEFAULT_LIMITS);
      row.push((performance.now() - p0).toFixed(0));
    }
    rows.push(row);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
  console.log(`\nGoal: at most ${GOAL_S_PER_MB} s of CPU per MB of input on one core (checked for inputs of 64 KB and more).`);
} finally {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
}
