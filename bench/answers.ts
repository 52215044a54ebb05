/**
 * Answers: latency of `/deadlines`, `/lsg` and `search` in-process, through the router (`answer`, what every channel
 * calls), with 1k, 10k and 100k documents stored; p50 and p99 (tinybench), and the growth of p99 from the smallest
 * to the largest store. Each task rotates over a few groups, topics and search words, so no single key is measured.
 */
import { Bench } from 'tinybench';
import { defaultRegistry } from '../commands/index.ts';
import { answer } from '../src/chat/router.ts';
import type { CommandContext } from '../src/core/command.ts';
import { loadCuratedRoles } from '../src/main.ts';
import type { BulkStore } from './bulk.ts';
import type { BenchEnv } from './env.ts';
import { infoRow, maxRow, round, type FigureResult, type ResultRow } from './util.ts';

const NOW = Date.parse('2026-07-01T08:00:00Z');

const QUERIES: Record<string, string[]> = {
  '/deadlines': ['/deadlines SG20', '/deadlines SG13', '/deadlines SG17', '/deadlines Q4/20', '/deadlines SG12'],
  '/lsg': ['/lsg IoT identification', 'who leads smart cities', '/lsg security', '/lsg quality of service', '/lsg SG20'],
  search: ['/search digital twin', '/search optical transport network', '/search quantum key distribution', '/search interim rapporteur meeting', '/search counterfeit'],
};

export interface AnswerLatency {
  size: number;
  command: string;
  p50: number;
  p99: number;
  samples: number;
  /** Items in the last answer (sections' items summed): what the reply had to render. */
  items: number;
}

/** Hooks called once the store has reached each size (the memory figure samples there). */
export type SizeHook = (size: number) => Promise<void>;

export function answerSizes(quick: boolean): number[] {
  return quick ? [300, 1000, 3000] : [1000, 10_000, 100_000];
}

/**
 * Grow `bulk` through the sizes; at each, time the commands (unless `latency` is false) and call `onSize`.
 */
export async function answersFigure(env: BenchEnv, bulk: BulkStore, opts: { latency: boolean; onSize?: SizeHook }): Promise<FigureResult> {
  const registry = defaultRegistry();
  const curated = loadCuratedRoles();
  const ctx: CommandContext = { store: bulk.store, search: () => Promise.resolve(bulk.index), curated, now: NOW, tz: 'Europe/Zurich' };
  const results: AnswerLatency[] = [];
  const loads: Array<{ size: number; loadMs: number; indexMs: number }> = [];
  for (const size of answerSizes(env.quick)) {
    const l = await bulk.ensure(size);
    loads.push({ size, loadMs: round(l.loadMs, 0), indexMs: round(l.indexMs, 0) });
    if (opts.latency) {
      for (const [command, queries] of Object.entries(QUERIES)) {
        let i = 0;
        let items = 0;
        const bench = new Bench({ time: env.quick ? 300 : 1500, iterations: 50, warmup: true, warmupIterations: 10, throws: true });
        bench.add(command, async () => {
          const { reply } = await answer(registry, ctx, queries[i++ % queries.length] as string);
          items = reply.sections.reduce((a, s) => a + s.items.length, 0);
        });
        await bench.run();
        const r = bench.tasks[0]?.result;
        if (!r || r.state !== 'completed') throw new Error(`answers: ${command} did not complete (${r?.state ?? 'no result'})`);
        results.push({ size, command, p50: round(r.latency.p50, 3), p99: round(r.latency.p99, 3), samples: r.latency.samplesCount, items });
      }
      env.log(`answers @${size}: ${results.filter((x) => x.size === size).map((x) => `${x.command} p50 ${x.p50} p99 ${x.p99} ms`).join('; ')}`);
    }
    await opts.onSize?.(size);
  }
  const rows: ResultRow[] = [];
  if (opts.latency) {
    const sizes = answerSizes(env.quick);
    const small = sizes[0] as number;
    const large = sizes.at(-1) as number;
    for (const command of Object.keys(QUERIES)) {
      const at = (s: number) => results.find((x) => x.command === command && x.size === s) as AnswerLatency;
      for (const s of sizes) {
        const x = at(s);
        rows.push(
          s === large
            ? maxRow(`${command} p99 @${label(s)}`, x.p99, 'ms', 5, `p50 ${x.p50} ms, ${x.items} items in the answer`)
            : infoRow(`${command} p99 @${label(s)}`, x.p99, 'ms', `p50 ${x.p50} ms, ${x.items} items in the answer`),
        );
      }
      const growth = at(large).p99 / at(small).p99;
      rows.push({ figure: `${command} p99 growth ${label(small)}→${label(large)}`, ours: round(at(large).p99, 3), baseline: round(at(small).p99, 3), unit: 'ms', ratio: growth, goal: 'growth < 1.5', pass: growth < 1.5 });
    }
  }
  const totalChars = bulk.totals.chars;
  rows.push(infoRow(`bulk load ${label(bulk.size)} docs`, round((bulk.size * 1000) / Math.max(1, bulk.totals.loadMs), 0), 'docs/s', `store ${(bulk.totals.loadMs / 1000).toFixed(1)} s, index catch-up ${(bulk.totals.indexMs / 1000).toFixed(1)} s (${round((bulk.size * 1000) / Math.max(1, bulk.totals.indexMs), 0)} docs/s), avg ${Math.round(totalChars / Math.max(1, bulk.size))} chars/doc`));
  return { name: 'answers', rows, details: { latencies: results, loads } };
}

export function label(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}
