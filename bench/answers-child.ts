/**
 * One store size of the answers figure, in a fresh process (forked by answers.ts): as a chat or web process does, it
 * opens the store, loads the search index and answers a first search (how long until it answers: the start time);
 * then times each command over many samples, rotating its queries; then, after a forced GC, reports its heap and how
 * much of it appeared while loading the index and answering (divided by the store's size: heap per document).
 *
 * IPC: receives `{ type: 'run', ... }` ({@link ChildRequest}), answers {@link ChildResult}, exits.
 */
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { defaultRegistry } from '../commands/index.ts';
import { answer } from '../src/chat/router.ts';
import type { CommandContext } from '../src/core/command.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';

export interface ChildRequest {
  type: 'run';
  redisUrl: string;
  prefix: string;
  size: number;
  /** Timed samples per command (after `warmup` untimed ones). */
  samples: number;
  warmup: number;
  queries: Record<string, string[]>;
  now: number;
}

export interface ChildLatency {
  command: string;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  items: number;
}

export interface ChildResult {
  type: 'result';
  size: number;
  /** From opening the store to the first search answered, ms (load: the index's part of it). */
  startMs: number;
  loadMs: number;
  latencies: ChildLatency[];
  /** Heap after a forced GC: before the index was loaded, and at the end. Bytes. */
  heapBefore: number;
  heapAfter: number;
  /** Words in the process's vocabulary. */
  vocabulary: number;
  /** The machine's 1-minute load average when the samples were taken (other work on it shows in the p99). */
  load: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  g?.();
  g?.();
}

function pct(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

async function run(req: ChildRequest): Promise<ChildResult> {
  const redis = new Redis(req.redisUrl, { maxRetriesPerRequest: 3 });
  const registry = defaultRegistry();
  const curated = loadCuratedRoles();
  const store = new DocumentStore(redis, req.prefix);
  await redis.ping();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new SearchIndex(store);
  await index.load();
  const loadMs = performance.now() - t0;
  const ctx: CommandContext = { store, search: () => Promise.resolve(index), curated, now: req.now, tz: 'Europe/Zurich' };
  const first = await answer(registry, ctx, Object.values(req.queries.search ?? ['/search digital twin'])[0] as string);
  if (!first.reply.ok) throw new Error(`answers child: the first search found nothing at ${req.size} documents`);
  const startMs = performance.now() - t0;
  const latencies: ChildLatency[] = [];
  for (const [command, queries] of Object.entries(req.queries)) {
    let items = 0;
    for (let i = 0; i < req.warmup; i++) await answer(registry, ctx, queries[i % queries.length] as string);
    const times = new Float64Array(req.samples);
    for (let i = 0; i < req.samples; i++) {
      const s = performance.now();
      const { reply } = await answer(registry, ctx, queries[i % queries.length] as string);
      times[i] = performance.now() - s;
      items = reply.sections.reduce((a, x) => a + x.items.length, 0);
    }
    times.sort();
    latencies.push({ command, p50: pct(times, 50), p99: pct(times, 99), max: times[times.length - 1] as number, samples: req.samples, items });
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  redis.disconnect();
  return { type: 'result', size: req.size, startMs, loadMs, latencies, heapBefore, heapAfter, vocabulary: index.vocabularySize, load: loadavg()[0] ?? 0 };
}

process.on('disconnect', () => process.exit(0));
process.once('message', (msg: ChildRequest) => {
  run(msg).then(
    (r) => process.send?.(r, () => process.exit(0)),
    (err: unknown) => {
      console.error('answers child failed:', err);
      process.exit(1);
    },
  );
});
