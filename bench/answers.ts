/**
 * Answers: latency of `/deadlines`, `/lsg` and `search` through the router (`answer`, what every channel calls), with
 * 1k, 10k and 100k documents stored. The store is filled here; each size is then measured in a fresh process
 * (answers-child.ts), as a chat or web process that has just started: it loads the search index, answers a first
 * search (the start time), then answers each command at least 1,000 times after a warm-up of 1,000, rotating over a few groups,
 * topics and search words so that no single key is measured. p50 and p99 of those samples, and the growth of p99 from
 * the smallest to the largest store. The same processes give the memory figure (memory.ts): their heap, and the
 * Redis bytes the store takes at each size.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildRequest, ChildResult } from './answers-child.ts';
import type { BulkStore } from './bulk.ts';
import type { BenchEnv } from './env.ts';
import { infoRow, maxRow, round, type FigureResult, type ResultRow } from './util.ts';

const NOW = Date.parse('2026-07-01T08:00:00Z');

export const QUERIES: Record<string, string[]> = {
  '/deadlines': ['/deadlines SG20', '/deadlines SG13', '/deadlines SG17', '/deadlines Q4/20', '/deadlines SG12'],
  '/lsg': ['/lsg IoT identification', 'who leads smart cities', '/lsg security', '/lsg quality of service', '/lsg SG20'],
  search: ['/search digital twin', '/search optical transport network', '/search quantum key distribution', '/search interim rapporteur meeting', '/search counterfeit'],
};

/** p99 goal of each command at the largest store, ms. */
export const P99_GOAL_MS: Record<string, number> = { '/deadlines': 2, '/lsg': 2, search: 5 };

/** Start-up goal: a process answers its first search within this many ms of opening the store. */
export const START_GOAL_MS = 10_000;

export interface SizeSample {
  size: number;
  child: ChildResult;
  /** Redis `used_memory` with this many documents stored and indexed, bytes. */
  redisBytes: number;
  /** Of which the search index (growth of `used_memory` while it was written). */
  indexBytes: number;
}

export function answerSizes(quick: boolean): number[] {
  return quick ? [300, 1000, 3000] : [1000, 10_000, 100_000];
}

/** Run one size in a fresh process. */
function measureInChild(req: ChildRequest): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'answers-child.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: ChildResult | null = null;
    child.once('message', (m) => (result = m as ChildResult));
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`answers child exited (${code}) at ${req.size} documents`))));
    child.send(req);
  });
}

/**
 * Untimed answers of each command before its samples. A fresh process still compiles the answer's code for its first
 * several hundred answers (with 200, the first thousand samples' p99 was twice the next thousands'): the samples are of
 * a process that has been answering for a while, as a chat process is.
 */
const WARMUP = 1000;

/** Grow `bulk` through the sizes and measure each in a fresh process; returns the samples (for the memory figure too). */
export async function measureSizes(env: BenchEnv, bulk: BulkStore, samples: number): Promise<SizeSample[]> {
  const out: SizeSample[] = [];
  const redisBefore = await env.redis.usedMemory();
  for (const size of answerSizes(env.quick)) {
    await bulk.ensure(size);
    const redisBytes = (await env.redis.usedMemory()) - redisBefore;
    const child = await measureInChild({ type: 'run', redisUrl: env.redis.url, prefix: bulk.store.prefix, size, samples, warmup: env.quick ? 200 : WARMUP, queries: QUERIES, now: NOW });
    out.push({ size, child, redisBytes, indexBytes: bulk.totals.indexBytes });
    env.log(
      `answers @${size}: start ${child.startMs.toFixed(0)} ms (index load ${child.loadMs.toFixed(0)} ms); ${child.latencies.map((x) => `${x.command} p50 ${x.p50.toFixed(2)} p99 ${x.p99.toFixed(2)} ms`).join('; ')}; heap +${((child.heapAfter - child.heapBefore) / 1024 / 1024).toFixed(1)} MB; redis +${(redisBytes / 1024 / 1024).toFixed(0)} MB`,
    );
  }
  return out;
}

/** The answers rows from the samples. */
export function answersFigure(env: BenchEnv, bulk: BulkStore, sizes: SizeSample[]): FigureResult {
  const rows: ResultRow[] = [];
  const small = sizes[0] as SizeSample;
  const large = sizes.at(-1) as SizeSample;
  for (const command of Object.keys(QUERIES)) {
    const at = (s: SizeSample) => s.child.latencies.find((x) => x.command === command) as ChildSample;
    for (const s of sizes) {
      const x = at(s);
      const note = `p50 ${round(x.p50, 3)} ms, max ${round(x.max, 1)} ms, ${x.samples} samples in a fresh process after ${env.quick ? 200 : WARMUP} untimed, ${x.items} items in the answer; load average ${round(s.child.load, 1)}`;
      rows.push(s === large ? maxRow(`${command} p99 @${label(s.size)}`, round(x.p99, 3), 'ms', P99_GOAL_MS[command] ?? 5, note) : infoRow(`${command} p99 @${label(s.size)}`, round(x.p99, 3), 'ms', note));
    }
    const growth = at(large).p99 / at(small).p99;
    rows.push({ figure: `${command} p99 growth ${label(small.size)}→${label(large.size)}`, ours: round(at(large).p99, 3), baseline: round(at(small).p99, 3), unit: 'ms', ratio: growth, goal: 'growth < 1.5', pass: growth < 1.5 });
  }
  for (const s of sizes) {
    const note = `a fresh process: open the store, load the search index (${round(s.child.loadMs, 0)} ms, ${s.child.vocabulary} words), answer a first search`;
    rows.push(s === large ? maxRow(`start answering search @${label(s.size)}`, round(s.child.startMs, 0), 'ms', START_GOAL_MS, note) : infoRow(`start answering search @${label(s.size)}`, round(s.child.startMs, 0), 'ms', note));
  }
  const totalChars = bulk.totals.chars;
  rows.push(infoRow(`bulk load ${label(bulk.size)} docs`, round((bulk.size * 1000) / Math.max(1, bulk.totals.loadMs), 0), 'docs/s', `store ${(bulk.totals.loadMs / 1000).toFixed(1)} s, search index written ${(bulk.totals.indexMs / 1000).toFixed(1)} s (${round((bulk.size * 1000) / Math.max(1, bulk.totals.indexMs), 0)} docs/s), avg ${Math.round(totalChars / Math.max(1, bulk.size))} chars/doc`));
  void env;
  return { name: 'answers', rows, details: { sizes } };
}

type ChildSample = ChildResult['latencies'][number];

export function label(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}
