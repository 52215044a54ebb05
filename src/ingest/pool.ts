/**
 * A pool of worker threads (piscina) that read and parse mail parts, each part within a time and a memory budget,
 * so that no part — an HTML table spanning a million columns, a PDF that inflates to gigabytes, a line of a million
 * dates — can block the event loop of the process reading mail (its health checks, IMAP leases and other mail go
 * on), and a part over budget is stopped and dropped with the reason while the rest of its mail is read.
 *
 * - Time: a task's budget (`limits.maxPartMs`) runs from when its thread starts it; when it runs out, the thread is
 *   terminated (piscina starts another) and the part fails with E_TOO_LARGE naming SGBOT_PART_SECONDS.
 * - Memory: each thread's V8 heap is capped (`maxPartMemoryMb`, worker `resourceLimits`); a thread that reaches it
 *   dies and the part fails with E_TOO_LARGE naming SGBOT_PART_MEMORY_MB. Memory outside the V8 heap (Buffers,
 *   typed arrays) is not counted by V8's limit; the size limits on files and parts bound it.
 * - No more tasks are handed to piscina than it has threads, so a task never waits in piscina's queue with its
 *   budget running; the others wait here, first come first served.
 */
import { Piscina } from 'piscina';
import { SgbotError } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import type { HtmlText } from './html.ts';
import type { PartResult, PartTask } from './part-task.ts';
import { overMemory, overTime, partError, type DocumentFormat, type DocumentText, type PartReader } from './reader.ts';
import { DEFAULT_PART_MEMORY_MB, DEFAULT_PART_MS, type ExtractLimits } from './types.ts';

/** The worker thread's entry (plain JavaScript: it registers tsx, then loads part-task.ts). */
const WORKER = new URL('./part-worker.js', import.meta.url).href;
/** Longest wait for a thread to start a task (a thread starting up loads tsx and the readers: about a second). */
const START_MS = 30_000;

/** Settings of a {@link PartPool}. */
export interface PartPoolOptions {
  /** Threads, hence parts read at once (default 2). */
  threads?: number;
  /** V8 heap of each thread, MB ({@link DEFAULT_PART_MEMORY_MB} by default). */
  memoryMb?: number;
}

type Job = { name: string } & ({ kind: 'document'; bytes: Uint8Array; format: DocumentFormat; limits: ExtractLimits } | { kind: 'html'; html: string } | { kind: 'parse'; text: string });

/** A {@link PartReader} whose every part is read or parsed in a worker thread, within budgets. */
export class PartPool implements PartReader {
  readonly threads: number;
  readonly memoryMb: number;
  private readonly pool: Piscina;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: PartPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? 2);
    this.memoryMb = options.memoryMb ?? DEFAULT_PART_MEMORY_MB;
    this.pool = new Piscina({
      filename: WORKER,
      // Every thread started at once and replaced at once when stopped: a thread takes a second to start.
      minThreads: this.threads,
      maxThreads: this.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    // A thread that dies between tasks: piscina replaces it; its error has no task to fail.
    this.pool.on('error', () => undefined);
  }

  async document(bytes: Buffer, format: DocumentFormat, name: string, limits: ExtractLimits): Promise<DocumentText> {
    // A copy of its own, handed over to the thread (a Buffer may be a view of a larger one, cloned whole).
    const r = await this.run({ kind: 'document', bytes: new Uint8Array(bytes), format, name, limits }, limits);
    if (r.kind !== 'document') throw new Error(`part pool: a ${r.kind} result for a document task`);
    const { text, stopped } = r.value;
    return { text, stopped: stopped && new SgbotError(stopped.code, stopped.message) };
  }

  async html(html: string, name: string, limits: ExtractLimits): Promise<HtmlText> {
    const r = await this.run({ kind: 'html', html, name }, limits);
    if (r.kind !== 'html') throw new Error(`part pool: a ${r.kind} result for an html task`);
    return r.value;
  }

  async parse(text: string, name: string, limits: ExtractLimits): Promise<ParsedDocument> {
    const r = await this.run({ kind: 'parse', text, name }, limits);
    if (r.kind !== 'parse') throw new Error(`part pool: a ${r.kind} result for a parse task`);
    return r.value;
  }

  /** Stops the threads (tasks still running fail). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(job: Job, limits: ExtractLimits): Promise<Extract<PartResult, { ok: true }>> {
    const ms = limits.maxPartMs ?? DEFAULT_PART_MS;
    const what = job.kind === 'parse' ? 'parse' : 'read';
    await this.slot();
    const started = new Int32Array(new SharedArrayBuffer(4));
    const controller = new AbortController();
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    // The budget runs from when the thread starts the task; a thread that never starts it is given up on too.
    const wait = waitAsync(started, 0, 0, START_MS);
    void Promise.resolve(wait.value).then(() => {
      if (done) return;
      timer = setTimeout(() => controller.abort(), Atomics.load(started, 0) === 1 ? ms : 0);
    });
    try {
      const transferList = job.kind === 'document' ? [job.bytes.buffer as ArrayBuffer] : [];
      const result = (await this.pool.run({ ...job, started } satisfies PartTask, { signal: controller.signal, transferList })) as PartResult;
      if (!result.ok) throw new SgbotError(result.error.code, result.error.message);
      return result;
    } catch (err) {
      if (err instanceof SgbotError) throw err;
      if (err instanceof Error && err.name === 'AbortError') throw overTime(job.name, ms, what);
      if (isOutOfMemory(err)) throw overMemory(job.name, this.memoryMb, what);
      // A thread that died with the task for another reason: the part's doing (the pool cannot be started is not).
      if (err instanceof Error && /worker exited|terminated/i.test(err.message)) throw partError(job.name, err);
      throw err;
    } finally {
      done = true;
      clearTimeout(timer);
      // Wakes the wait above when the task ended without starting (it then sets no timer).
      Atomics.store(started, 0, 1);
      Atomics.notify(started, 0);
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/** `Atomics.waitAsync` (Node 16 and later; typed in lib ES2024, newer than this project's). */
const waitAsync = (array: Int32Array, index: number, value: number, timeout: number): { async: boolean; value: Promise<string> | string } =>
  (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: Promise<string> | string } }).waitAsync(array, index, value, timeout);

function isOutOfMemory(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' || (err instanceof Error && /out of memory|heap limit/i.test(err.message));
}

const shared = new Map<string, PartPool>();

/**
 * The process's part pool for `limits` (one per memory budget and thread count), made on first use. Its threads
 * do not keep the process alive when idle.
 */
export function sharedPartPool(limits: ExtractLimits, threads = 2): PartPool {
  const memoryMb = limits.maxPartMemoryMb ?? DEFAULT_PART_MEMORY_MB;
  const key = `${memoryMb}/${threads}`;
  let pool = shared.get(key);
  if (!pool) {
    pool = new PartPool({ memoryMb, threads });
    shared.set(key, pool);
  }
  return pool;
}

/** Stops the shared part pools (at shutdown, and between tests). */
export async function closeSharedPartPools(): Promise<void> {
  const pools = [...shared.values()];
  shared.clear();
  await Promise.all(pools.map((p) => p.close()));
}
