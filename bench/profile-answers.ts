/**
 * Profile of the answers figure's commands against a Redis you keep between runs: `--fill N` grows the store under
 * `--prefix` to N documents (the bench's generated corpus), then each command of the answers figure is timed in this
 * process (p50, p99, max of `--samples` runs after a warm-up), as answers-child.ts does. Give `--cpu-prof` to node for
 * a profile.
 *
 *   tsx bench/profile-answers.ts --redis redis://127.0.0.1:6399 --prefix prof [--fill 100000] [--samples 1000] [--only /deadlines]
 */
import { Redis } from 'ioredis';
import { defaultRegistry } from '../commands/index.ts';
import { answer } from '../src/chat/router.ts';
import type { CommandContext } from '../src/core/command.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';
import { QUERIES } from './answers.ts';
import { BulkStore } from './bulk.ts';
import type { BenchEnv } from './env.ts';
import { runScript } from './util.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const NOW = Date.parse('2026-07-01T08:00:00Z');

async function main(): Promise<void> {
  const url = arg('--redis', 'redis://127.0.0.1:6399');
  const prefix = arg('--prefix', 'prof');
  const fill = Number(arg('--fill', '0'));
  const samples = Number(arg('--samples', '1000'));
  const only = arg('--only', '');
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  if (fill > 0) {
    const env: BenchEnv = {
      redis: { url, port: 0, hz: 100, version: '', usedMemory: async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0), stop: () => Promise.resolve() },
      quick: false,
      seed: 1,
      gc: null,
      connect: () => new Redis(url, { maxRetriesPerRequest: 3 }),
      prefix: () => prefix,
      log: (msg) => process.stderr.write(`${msg}\n`),
    };
    const bulk = new BulkStore(env, prefix, 600);
    for (const size of [1000, 10_000, fill].filter((s) => s <= fill)) await bulk.ensure(size);
    await bulk.redis.quit();
  }
  const store = new DocumentStore(redis, prefix);
  const index = new SearchIndex(store);
  await index.load();
  const ctx: CommandContext = { store, search: () => Promise.resolve(index), curated: loadCuratedRoles(), now: NOW, tz: 'Europe/Zurich' };
  const registry = defaultRegistry();
  for (const [command, queries] of Object.entries(QUERIES)) {
    if (only && !only.split(',').includes(command)) continue;
    for (let i = 0; i < 200; i++) await answer(registry, ctx, queries[i % queries.length] as string);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await answer(registry, ctx, queries[i % queries.length] as string);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => (times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)] as number).toFixed(2);
    console.log(`${command.padEnd(11)} p50 ${p(0.5)} p90 ${p(0.9)} p99 ${p(0.99)} max ${p(1)} ms`);
  }
  redis.disconnect();
}

runScript(main);
