/**
 * A pool of child processes (tinypool, `runtime: 'child_process'`) that read and parse mail parts, each part within
 * a time and a memory budget, so that no part — an HTML table spanning a million columns, a PDF that inflates to
 * gigabytes, a line of a million dates — can block the event loop of the process reading mail (its health checks,
 * IMAP leases and other mail go on) or take that process down, and a part over budget is stopped and dropped with
 * the reason while the rest of its mail is read.
 *
 * - Processes, not worker threads: V8 ends a thread over its heap limit by an interrupt that may come too late, and
 *   then its fatal out-of-memory handler aborts the whole process (it did for a DOM of 1.5 million elements about
 *   once in ten). A child process over its limit dies alone, by SIGABRT; the pool starts another.
 * - Time: a task's budget (`limits.maxPartMs`) runs from when its process starts it (the process says so on the
 *   task's channel); when it runs out, the process is killed (the pool starts another) and the part fails with
 *   E_TOO_LARGE naming SGBOT_PART_SECONDS.
 * - Memory: each process's V8 heap is capped (`maxPartMemoryMb`, `--max-old-space-size`); a process that reaches it
 *   dies and the part fails with E_TOO_LARGE naming SGBOT_PART_MEMORY_MB. Memory outside the V8 heap (Buffers,
 *   typed arrays) is not counted by V8's limit; the size limits on files and parts bound it.
 * - The processes get no secrets: their environment is the PATH and the zone settings only, so a reader fooled by
 *   a document has no Redis password, token or signing secret to give away.
 * - No more tasks are handed to tinypool than it has processes, so a task never waits in its queue with its budget
 *   running; the others wait here, first come first served.
 */
import { Tinypool } from 'tinypool';
import { SgbotError } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import type { HtmlText } from './html.ts';
import { PART_STARTED, type PartResult, type PartStarted, type PartTask } from './part-task.ts';
import { overMemory, overTime, partError, type DocumentFormat, type DocumentText, type PartReader } from './reader.ts';
import { DEFAULT_PART_MEMORY_MB, DEFAULT_PART_MS, type ExtractLimits } from './types.ts';

/** The child process's entry (plain JavaScript: it registers tsx, then loads part-task.ts). */
const WORKER = new URL('./part-worker.js', import.meta.url).href;
/** Longest wait for a process to start a task (a process starting up loads tsx and the readers: about a second). */
const START_MS = 30_000;
/** The variables a reading process is given: what Node and the zone code read, nothing else. */
const CHILD_ENV = ['PATH', 'TZ', 'LANG', 'LC_ALL', 'TMPDIR'];

/** Settings of a {@link PartPool}. */
export interface PartPoolOptions {
  /** Processes, hence parts read at once (default 2). */
  threads?: number;
  /** V8 heap of each process, MB ({@link DEFAULT_PART_MEMORY_MB} by default). */
  memoryMb?: number;
}

type Job = { name: string } & ({ kind: 'document'; bytes: Uint8Array; format: DocumentFormat; limits: ExtractLimits } | { kind: 'html'; html: string } | { kind: 'parse'; text: string });

/** A {@link PartReader} whose every part is read or parsed in a child process, within budgets. */
export class PartPool implements PartReader {
  readonly threads: number;
  readonly memoryMb: number;
  private readonly pool: Tinypool;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** How each of the pool's processes ended, by pid: read when a task's process is gone. */
  private readonly ends = new Map<number, NodeJS.Signals | number | null>();
  /** The processes whose end is listened for, and those with a task now. */
  private readonly watched = new Set<number>();
  private readonly busy = new Set<number>();

  constructor(options: PartPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? 2);
    this.memoryMb = options.memoryMb ?? DEFAULT_PART_MEMORY_MB;
    this.pool = new Tinypool({
      filename: WORKER,
      runtime: 'child_process',
      // Buffers, typed arrays and Dates cross as they are (the default, JSON, would not keep them).
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      env: Object.fromEntries(CHILD_ENV.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]]))),
      // Every process started at once and replaced at once when stopped: a process takes a second to start.
      minThreads: this.threads,
      maxThreads: this.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
    // A process that dies between tasks: tinypool replaces it; its error has no task to fail.
    this.pool.on('error', () => undefined);
  }

  async document(bytes: Buffer, format: DocumentFormat, name: string, limits: ExtractLimits): Promise<DocumentText> {
    // A copy of its own, handed over (a Buffer may be a view of a larger one, cloned whole).
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

  /** Stops the processes (tasks still running fail). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(job: Job, limits: ExtractLimits): Promise<Extract<PartResult, { ok: true }>> {
    const ms = limits.maxPartMs ?? DEFAULT_PART_MS;
    const what = job.kind === 'parse' ? 'parse' : 'read';
    await this.slot();
    const controller = new AbortController();
    let pid: number | undefined;
    // The budget runs from when the process starts the task; a process that never starts it is given up on too.
    let timer = setTimeout(() => controller.abort(), START_MS);
    const channel = {
      postMessage: (m: unknown) => {
        if (!isStarted(m) || pid !== undefined) return;
        pid = m.pid;
        this.watch(m.pid);
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), ms);
      },
    };
    try {
      const transferList = job.kind === 'document' ? [job.bytes.buffer as ArrayBuffer] : [];
      const result = (await this.pool.run(job satisfies PartTask, { signal: controller.signal, channel, transferList })) as PartResult;
      if (!result.ok) throw new SgbotError(result.error.code, result.error.message);
      return result;
    } catch (err) {
      if (err instanceof SgbotError) throw err;
      if (err instanceof Error && err.name === 'AbortError') throw overTime(job.name, ms, what);
      // The task's process died with it: of its heap limit (V8 aborts), or of something else the part did.
      if (pid !== undefined && err instanceof Error && /exited unexpectedly/i.test(err.message)) {
        const end = this.ends.get(pid);
        if (end === 'SIGABRT') throw overMemory(job.name, this.memoryMb, what);
        throw partError(job.name, new Error(`the process reading it stopped (${end === undefined ? 'it ended' : `exit ${end}`})`));
      }
      throw err;
    } finally {
      clearTimeout(timer);
      if (pid !== undefined) {
        this.busy.delete(pid);
        this.ends.delete(pid);
      }
      this.release();
    }
  }

  /** Note how process `pid` of the pool ends, while it has a task (one listener per process). */
  private watch(pid: number): void {
    this.busy.add(pid);
    if (this.watched.has(pid)) return;
    this.watched.add(pid);
    const worker = this.pool.threads.find((t) => t.threadId === pid);
    worker?.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      this.watched.delete(pid);
      if (this.busy.has(pid)) this.ends.set(pid, signal ?? code);
    });
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

function isStarted(m: unknown): m is PartStarted {
  return typeof m === 'object' && m !== null && (m as Record<string, unknown>)[PART_STARTED] === true && typeof (m as { pid?: unknown }).pid === 'number';
}

const shared = new Map<string, PartPool>();

/**
 * The process's part pool for `limits` (one per memory budget and process count), made on first use. Its
 * processes do not keep this process alive when idle.
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
