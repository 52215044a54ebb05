/**
 * `npm run bench` (`tsx bench/run.ts`): every performance figure measured side by side with its baseline, in one run,
 * against a private redis-server. Prints a table on stdout (progress goes to stderr) and writes
 * bench/results/latest.json. A missed goal is printed, never an exit code; only errors fail the run.
 *
 *   tsx bench/run.ts [--quick] [--only ingest,answers,memory,slack,reminders,timeliness,broadcast] [--hz 100] [--seed 1]
 *
 * --quick: small sizes, a smoke run of every figure (its numbers are not the goals' numbers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { answersFigure, measureSizes } from './answers.ts';
import { broadcastFigure } from './broadcast.ts';
import { BulkStore } from './bulk.ts';
import { createEnv, type BenchEnv } from './env.ts';
import { ingestFigure } from './ingest.ts';
import { memoryFigure } from './memory.ts';
import { startRedis } from './redis.ts';
import { reminderDeliveryFigure } from './reminder-delivery.ts';
import { timelinessFigure } from './reminder-timeliness.ts';
import { slackFigure } from './slack.ts';
import { printTable } from './table.ts';
import type { FigureResult } from './util.ts';

const FIGURES = ['ingest', 'slack', 'reminders', 'timeliness', 'broadcast', 'answers', 'memory'] as const;
type FigureName = (typeof FIGURES)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<FigureName>; hz: number; seed: number } {
  let quick = false;
  let only = new Set<FigureName>(FIGURES);
  let hz = 100;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a === '--only') {
      const names = value().split(',').map((s) => s.trim());
      for (const n of names) if (!(FIGURES as readonly string[]).includes(n)) usage(`unknown figure "${n}"`);
      only = new Set(names as FigureName[]);
    } else if (a === '--hz') hz = Number(value());
    else if (a === '--seed') seed = Number(value());
    else if (a === '--help' || a === '-h') usage(null);
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(hz) || hz < 1 || hz > 500) usage('--hz must be a whole number from 1 to 500');
  if (!Number.isInteger(seed)) usage('--seed must be a whole number');
  return { quick, only, hz, seed };
}

function usage(problem: string | null): never {
  const text = `usage: tsx bench/run.ts [--quick] [--only ${FIGURES.join(',')}] [--hz N (Redis hz, default 100)] [--seed N]`;
  if (problem) {
    console.error(`bench: ${problem}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/** A forced GC for the memory figure: `--expose-gc` set at run time. */
function enableGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

async function timed(env: BenchEnv, name: string, run: () => Promise<FigureResult>): Promise<FigureResult> {
  env.log(`── ${name}`);
  const t0 = Date.now();
  const r = await run();
  r.ms = Date.now() - t0;
  env.log(`── ${name} done in ${(r.ms / 1000).toFixed(1)} s`);
  return r;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const gc = enableGc();
  const redis = await startRedis({ hz: args.hz });
  const env = createEnv(redis, { quick: args.quick, seed: args.seed, gc });
  env.log(`redis ${redis.version} on port ${redis.port}, hz ${redis.hz}${args.quick ? ', quick run' : ''}`);
  const results: FigureResult[] = [];
  try {
    const want = (n: FigureName) => args.only.has(n);
    if (want('ingest')) results.push(await timed(env, 'ingest', () => ingestFigure(env)));
    if (want('slack')) results.push(await timed(env, 'slack', () => slackFigure(env)));
    if (want('reminders')) results.push(await timed(env, 'reminder delivery', () => reminderDeliveryFigure(env)));
    if (want('timeliness')) results.push(await timed(env, 'reminder timeliness', () => timelinessFigure(env)));
    if (want('broadcast')) results.push(await timed(env, 'broadcast', () => broadcastFigure(env)));
    // Last: the store grows to 100k documents; each size is measured in a fresh process.
    if (want('answers') || want('memory')) {
      const bulk = new BulkStore(env, 'answers', args.quick ? 150 : 600);
      const samples = args.quick ? 300 : 1000;
      const t0 = Date.now();
      env.log('── answers and memory');
      const sizes = await measureSizes(env, bulk, samples);
      const ms = Date.now() - t0;
      env.log(`── answers and memory done in ${(ms / 1000).toFixed(1)} s`);
      if (want('answers')) results.push({ ...answersFigure(env, bulk, sizes), ms });
      if (want('memory')) results.push(memoryFigure(sizes));
    }
  } finally {
    await env.close();
    await redis.stop();
  }
  const wallS = (Date.now() - started) / 1000;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    freeGbAtEnd: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    loadavgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    redis: redis.version,
    redisHz: redis.hz,
  };
  printTable(results, { wallS, machine, quick: args.quick });
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), quick: args.quick, seed: args.seed, wallS, machine, figures: results }, null, 2)}\n`);
  console.log(`\nwritten: ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
