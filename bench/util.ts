/**
 * Small helpers shared by the figures: a seeded random generator, percentiles, timers, the result row every figure
 * returns, and a bounded-concurrency loop. No I/O.
 */

/** One line of the results table. `ours` and `baseline` are in `unit`; `ratio` is ours ÷ baseline (or as noted). */
export interface ResultRow {
  figure: string;
  ours: number | null;
  baseline: number | null;
  unit: string;
  /** ours ÷ baseline, or for "lower is better" figures baseline ÷ ours; `null` when there is no baseline. */
  ratio: number | null;
  /** Human-readable goal ("≥ 1.0", "p99 < 5 ms"). */
  goal: string;
  /** `null`: informational only, no goal. */
  pass: boolean | null;
  /** Anything needed to read the number: sizes, settings, counts. */
  note?: string;
}

/** What a figure module returns: its rows and any extra data worth keeping in the JSON. */
export interface FigureResult {
  name: string;
  rows: ResultRow[];
  details?: Record<string, unknown>;
  /** Wall time of the figure, ms (filled in by the runner). */
  ms?: number;
}

/** mulberry32: a fast, seeded 32-bit generator; every corpus is a function of its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random generator with the helpers the corpus needs. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct items (or all of them). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
  hex(chars: number): string {
    let s = '';
    while (s.length < chars) s += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, chars);
  }
}

/** The `p`-th percentile (0–100) of `values`, nearest-rank; `NaN` when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** ms since an arbitrary origin, sub-millisecond. */
export function nowMs(): number {
  return performance.now();
}

/** Run `fn` on every item with at most `limit` at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `check` every `everyMs` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Round to `digits` significant-ish decimals for display and JSON. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A "higher is better" row: ratio = ours ÷ baseline, pass when ratio ≥ `min`. */
export function ratioRow(figure: string, ours: number, baseline: number, unit: string, min: number, note?: string): ResultRow {
  const ratio = baseline > 0 ? ours / baseline : null;
  return { figure, ours, baseline, unit, ratio, goal: `ratio ≥ ${min}`, pass: ratio === null ? false : ratio >= min, ...(note ? { note } : {}) };
}

/** A row with an absolute goal (`ours` must stay below `max`), no baseline. */
export function maxRow(figure: string, ours: number, unit: string, max: number, note?: string): ResultRow {
  return { figure, ours, baseline: null, unit, ratio: null, goal: `< ${max} ${unit}`, pass: ours < max, ...(note ? { note } : {}) };
}

/** An informational row (no goal). */
export function infoRow(figure: string, ours: number, unit: string, note?: string, baseline: number | null = null): ResultRow {
  return { figure, ours, baseline, unit, ratio: baseline !== null && baseline > 0 ? ours / baseline : null, goal: '—', pass: null, ...(note ? { note } : {}) };
}

/** Resident set size after a full GC when one can be forced, bytes. */
export async function settledRss(gc: (() => void) | null): Promise<{ rss: number; heapUsed: number }> {
  for (let i = 0; i < 2; i++) {
    gc?.();
    await sleep(50);
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

/** Run a bench script's `main` and exit: 0 when it resolves, 1 (after printing the error) when it fails. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
