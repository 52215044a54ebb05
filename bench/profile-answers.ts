/**
 * Profile of the answers figure's commands against a Redis you keep between runs: `--fill N` grows the store under
 * `--prefix` to N documents (the bench's generated corpus), then each command of the answers figure is timed in this
 * process (p50, p99, max of `--samples` runs after a warm-up), as answers-child.ts does. Give `--cpu-prof` to node for
 * a profile.
 *
 *   tsx bench/profile-answers.ts --redis redis://127.0.0.1:6399 --prefix prof [--fill 100000] [--samples 1000] [--only /deadlines] [--detail]
 *
 * --detail: per query of the rotation its p50/p99, and of the slowest 2% of samples how many overlapped a GC pause and
 * how much of their wall time this process spent on the CPU (the rest: waiting for Redis, or for a core).
 *
 * --alloc all|kept: where each command allocates (V8's sampling heap profiler over the timed samples), bytes per
 * answer by function: `all`, everything allocated; `kept`, only what outlived the scavenges (promoted or still live at
 * the end: what makes a scavenge slow).
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { loadavg } from 'node:os';
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

/** `PerformanceEntry.detail.kind` of a GC entry (node:perf_hooks constants). */
const GC_KINDS: Record<number, string> = { 1: 'scavenge', 2: 'minor mark-sweep', 4: 'mark-compact', 8: 'incremental marking', 16: 'weak callbacks' };

const NOW = Date.parse('2026-07-01T08:00:00Z');

async function main(): Promise<void> {
  const url = arg('--redis', 'redis://127.0.0.1:6399');
  const prefix = arg('--prefix', 'prof');
  const fill = Number(arg('--fill', '0'));
  const samples = Number(arg('--samples', '1000'));
  const only = arg('--only', '');
  const detail = process.argv.includes('--detail');
  const alloc = arg('--alloc', '');
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
  // GC pauses, to tell which slow samples overlapped one (`--detail`).
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  if (detail) observer.observe({ entryTypes: ['gc'] });
  for (const [command, queries] of Object.entries(QUERIES)) {
    if (only && !only.split(',').includes(command)) continue;
    for (let i = 0; i < 200; i++) await answer(registry, ctx, queries[i % queries.length] as string);
    const samplesOf: Array<{ query: string; start: number; ms: number; cpuMs: number }> = [];
    const session = alloc ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMinorGC: alloc === 'all', includeObjectsCollectedByMajorGC: true });
    }
    for (let i = 0; i < samples; i++) {
      const query = queries[i % queries.length] as string;
      const cpu = detail ? process.cpuUsage() : null;
      const t = performance.now();
      await answer(registry, ctx, query);
      const ms = performance.now() - t;
      const used = cpu ? process.cpuUsage(cpu) : null;
      samplesOf.push({ query, start: t, ms, cpuMs: used ? (used.user + used.system) / 1000 : 0 });
    }
    if (session) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      session.disconnect();
      printAllocations(profile.head, samples);
    }
    const times = samplesOf.map((x) => x.ms).sort((a, b) => a - b);
    const p = (x: number) => (times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)] as number).toFixed(2);
    console.log(`${command.padEnd(11)} p50 ${p(0.5)} p90 ${p(0.9)} p99 ${p(0.99)} max ${p(1)} ms; load ${(loadavg()[0] ?? 0).toFixed(2)}`);
    if (!detail) continue;
    await new Promise((r) => setTimeout(r, 50)); // let the observer deliver
    for (const q of queries) {
      const own = samplesOf.filter((x) => x.query === q).map((x) => x.ms).sort((a, b) => a - b);
      const at = (x: number) => (own[Math.min(own.length - 1, Math.ceil(x * own.length) - 1)] as number).toFixed(2);
      console.log(`  ${q.padEnd(36)} p50 ${at(0.5)} p90 ${at(0.9)} p99 ${at(0.99)} max ${at(1)}`);
    }
    const p99 = times[Math.ceil(0.99 * times.length) - 1] as number;
    const slow = samplesOf.filter((x) => x.ms >= p99 * 0.999 || x.ms >= (times[Math.ceil(0.98 * times.length) - 1] as number));
    const withGc = slow.filter((x) => gcs.some((g) => g.startTime < x.start + x.ms && g.startTime + g.duration > x.start));
    const gcIn = (x: { start: number; ms: number }) => gcs.filter((g) => g.startTime < x.start + x.ms && g.startTime + g.duration > x.start).reduce((a, g) => a + g.duration, 0);
    console.log(`  slowest 2% (${slow.length}): ${withGc.length} overlap a GC; wall ${slow.reduce((a, x) => a + x.ms, 0).toFixed(1)} ms, cpu ${slow.reduce((a, x) => a + x.cpuMs, 0).toFixed(1)} ms, gc ${slow.reduce((a, x) => a + gcIn(x), 0).toFixed(1)} ms`);
    const rest = samplesOf.filter((x) => !slow.includes(x));
    console.log(`  other 98% (${rest.length}): mean wall ${(rest.reduce((a, x) => a + x.ms, 0) / rest.length).toFixed(2)} ms, cpu ${(rest.reduce((a, x) => a + x.cpuMs, 0) / rest.length).toFixed(2)} ms; GCs during the command ${gcs.length} (${gcs.reduce((a, g) => a + g.duration, 0).toFixed(1)} ms)`);
    for (const x of slow.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`    ${x.ms.toFixed(2)} ms (cpu ${x.cpuMs.toFixed(2)}, gc ${gcIn(x).toFixed(2)}) ${x.query}`);
    const kinds = new Map<string, { n: number; ms: number; max: number }>();
    for (const g of gcs) {
      const kind = GC_KINDS[((g as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? 0] ?? 'other';
      const k = kinds.get(kind) ?? { n: 0, ms: 0, max: 0 };
      kinds.set(kind, { n: k.n + 1, ms: k.ms + g.duration, max: Math.max(k.max, g.duration) });
    }
    console.log(`  GCs: ${[...kinds].map(([kind, k]) => `${kind} ${k.n} (${k.ms.toFixed(1)} ms, max ${k.max.toFixed(1)})`).join('; ')}; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
    gcs.length = 0;
  }
  observer.disconnect();
  redis.disconnect();
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** The heaviest allocating functions of a sampling heap profile, bytes per answer, with their callers' chain. */
function printAllocations(head: ProfileNode, answers: number): void {
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, stack: string[]) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}:${f.lineNumber + 1}`;
    const chain = [...stack, name];
    if (node.selfSize > 0) {
      const site = chain.slice(-3).join(' < ');
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const c of node.children) walk(c, chain);
  };
  walk(head, []);
  console.log(`  allocated ${(total / answers / 1024).toFixed(1)} KB per answer (sampled)`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${(bytes / answers / 1024).toFixed(1).padStart(7)} KB  ${site.split(' < ').reverse().join(' < ')}`);
}

runScript(main);
