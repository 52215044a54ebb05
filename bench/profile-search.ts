/**
 * Profile of one search at growing store sizes: for each query of the answers figure, the time of `SearchIndex.search`
 * alone (median and p99 of `--samples` runs) and the work it did (candidates scored, postings bytes read, Redis
 * commands and round trips). Uses the bench's generated corpus and a private redis-server.
 *
 *   tsx bench/profile-search.ts [--sizes 1000,10000] [--samples 300]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SearchIndex } from '../src/store/search.ts';
import { QUERIES } from './answers.ts';
import { BulkStore } from './bulk.ts';
import { createEnv } from './env.ts';
import { startRedis } from './redis.ts';
import { runScript } from './util.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const sizes = arg('--sizes', '1000,10000').split(',').map(Number);
  const samples = Number(arg('--samples', '300'));
  setFlagsFromString('--expose-gc');
  const redis = await startRedis({ hz: 100 });
  const env = createEnv(redis, { quick: false, seed: 1, gc: runInNewContext('gc') as () => void });
  try {
    const bulk = new BulkStore(env, 'profile-search', 600);
    for (const size of sizes) {
      await bulk.ensure(size);
      const index = new SearchIndex(bulk.store);
      await index.load();
      for (const q of QUERIES.search ?? []) {
        const words = q.replace(/^\/search /, '');
        for (let i = 0; i < 20; i++) await index.search(words, 10);
        const times: number[] = [];
        for (let i = 0; i < samples; i++) {
          const t = performance.now();
          await index.search(words, 10);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const w = index.lastWork;
        const p = (x: number) => (times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)] as number).toFixed(2);
        console.log(`${String(size).padStart(6)} ${words.padEnd(28)} p50 ${p(0.5)} p99 ${p(0.99)} ms; ${w.candidates} candidates, ${w.bytes} bytes, ${w.commands} commands, ${w.roundTrips} round trips`);
      }
    }
  } finally {
    await env.close();
    await redis.stop();
  }
}

runScript(main);
