/**
 * Answers (slash commands, mentions and DMs) computed off the event loop that acks Slack's requests: a few worker threads, each with its
 * own services (Redis connection, store, command registry and context, built by an entry module the way the
 * process builds its own) and its own kept-alive connections to the response_urls. The loop that acks does only
 * the signature check, the replay check, the ack and the hand-over of `{ command, text, user, response_url… }`;
 * the thread rate-limits, finds the user's zone, answers, keeps the answer for "Share in channel" and posts it
 * (to the response_url, or in the message's thread with chat.postMessage and the bot token).
 * What a thread logs about an answer comes back with its end and is logged by the acking side, under the request.
 *
 * A thread that cannot start (the entry fails, or builds services on another Redis or key prefix than the app's)
 * stops them all, and the app answers on its own loop as before. A thread that dies fails the answers it had.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../log.ts';
import type { SlackSettings } from './settings.ts';
import type { AnswerJob, AnswerLog } from './slash-answer.ts';

/** How to start the answer threads. */
export interface AnswerThreadsSpec {
  /** The module each thread runs: it calls `serveSlackAnswers(build)` (answer-thread.ts) with how to build its services. */
  entry: URL;
  /** Handed to the entry's `build` (structured-cloneable data). */
  data?: unknown;
  /** Threads to start. */
  threads: number;
}

/** What every thread is given (`workerData`). */
export interface AnswerThreadInit {
  entry: string;
  data: unknown;
  settings: SlackSettings;
  prefix: string;
  publicUrl?: string;
  /** The app's own Redis (host, port, db): a thread on another one is not started. */
  redis: { host: string; port: number; db: number };
}

/** One line a thread logged about an answer, replayed on the acking side. */
export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object | string;
  msg?: string;
}

export type ToThread = { type: 'answer'; id: number; job: AnswerJob } | { type: 'stop' };
export type FromThread = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'done'; id: number; logs: LogRecord[] } | { type: 'stopped' };

/** Running answer threads. */
export interface AnswerThreads {
  readonly threads: number;
  /** Answers handed over and not yet finished. */
  readonly pending: number;
  /** Answer `job` in a thread; resolves with what the thread logged about it, rejects when the thread died. */
  answer(job: AnswerJob): Promise<LogRecord[]>;
  /** Close each thread's services and end it (answers in progress are awaited by the caller first). */
  stop(): Promise<void>;
}

/** Longest wait for a thread to build its services. */
const START_MS = 60_000;
/** Longest wait for a thread to close its services on stop. */
const STOP_MS = 5_000;

/**
 * A thread's first module: registers tsx (a worker thread starts without the loader of the thread that made it), then
 * loads the entry. A `data:` module, so that it needs no plain JavaScript file of its own.
 */
function bootModule(): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import { workerData } from 'node:worker_threads';\nimport { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(workerData.entry);\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** An error logged by a thread, as an Error again (pino's serializer shows its type, message and stack). */
function revive(obj: object | string): object | string {
  if (typeof obj !== 'object' || obj === null || !('err' in obj)) return obj;
  const err = (obj).err;
  if (typeof err !== 'object' || err === null || !('message' in err) || !('errorClass' in err)) return obj;
  const { errorClass, message, stack, ...rest } = err as { errorClass: string; message: string; stack?: string };
  const e = Object.assign(new Error(message), rest);
  e.name = errorClass;
  if (stack) e.stack = stack;
  return { ...obj, err: e };
}

/** Replay `logs` on `reqLog`. */
export function replayLogs(reqLog: AnswerLog, logs: readonly LogRecord[]): void {
  for (const l of logs) reqLog[l.level](revive(l.obj) as object, l.msg);
}

interface Thread {
  worker: Worker;
  running: Map<number, { resolve: (logs: LogRecord[]) => void; reject: (err: Error) => void }>;
  dead: boolean;
}

/**
 * Start `spec.threads` answer threads; `null` (logged) when they cannot all start, and none is left running.
 *
 * @example const threads = await startAnswerThreads({ entry, threads: 1 }, { settings, prefix, redis }, log);
 */
export async function startAnswerThreads(spec: AnswerThreadsSpec, init: Omit<AnswerThreadInit, 'entry' | 'data'>, log: Logger): Promise<AnswerThreads | null> {
  if (spec.threads < 1) return null;
  const workerData: AnswerThreadInit = { ...init, entry: spec.entry.href, data: spec.data ?? null };
  const threads: Thread[] = [];
  let nextId = 0;
  let stopping = false;

  const startOne = (n: number): Promise<Thread> =>
    new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(bootModule(), { workerData, name: `slack-answers-${n}` });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      const thread: Thread = { worker, running: new Map(), dead: false };
      let started = false;
      const timer = setTimeout(() => fail(new Error(`no answer thread ready within ${START_MS / 1000} s`)), START_MS);
      const fail = (err: Error) => {
        clearTimeout(timer);
        if (!started) void worker.terminate();
        reject(err);
      };
      worker.on('message', (m: FromThread) => {
        if (m.type === 'ready') {
          started = true;
          clearTimeout(timer);
          resolve(thread);
        } else if (m.type === 'failed') fail(new Error(m.message));
        else if (m.type === 'done') {
          const r = thread.running.get(m.id);
          thread.running.delete(m.id);
          r?.resolve(m.logs);
        }
      });
      worker.on('error', (err: Error) => {
        if (!started) fail(err);
        else log.error({ err, thread: n }, 'Slack answer thread failed');
      });
      worker.on('exit', (code) => {
        thread.dead = true;
        if (!started) fail(new Error(`answer thread exited (${code}) before it was ready`));
        for (const r of thread.running.values()) r.reject(new Error(`the answer thread stopped (exit code ${code}) before answering`));
        thread.running.clear();
        if (!stopping) log.error({ thread: n, code }, 'Slack answer thread stopped');
      });
    });

  const started = await Promise.allSettled(Array.from({ length: spec.threads }, (_, n) => startOne(n)));
  for (const s of started) if (s.status === 'fulfilled') threads.push(s.value);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(threads.map((t) => t.worker.terminate()));
    log.warn({ err: (failed.reason as Error).message }, 'Slack answer threads could not start; answering on the main thread');
    return null;
  }
  log.info({ threads: threads.length }, 'Slack answers computed in worker threads');

  return {
    get threads() {
      return threads.filter((t) => !t.dead).length;
    },
    get pending() {
      return threads.reduce((n, t) => n + t.running.size, 0);
    },
    answer(job) {
      // The least busy live thread.
      let best: Thread | null = null;
      for (const t of threads) if (!t.dead && (!best || t.running.size < best.running.size)) best = t;
      if (!best) return Promise.reject(new Error('no answer thread is running'));
      const thread = best;
      const id = ++nextId;
      return new Promise<LogRecord[]>((resolve, reject) => {
        thread.running.set(id, { resolve, reject });
        thread.worker.postMessage({ type: 'answer', id, job } satisfies ToThread);
      });
    },
    async stop() {
      stopping = true;
      await Promise.all(
        threads.map(async (t) => {
          if (t.dead) return;
          const closed = new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, STOP_MS);
            t.worker.on('message', (m: FromThread) => {
              if (m.type === 'stopped') {
                clearTimeout(timer);
                resolve();
              }
            });
            t.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          });
          t.worker.postMessage({ type: 'stop' } satisfies ToThread);
          await closed;
          await t.worker.terminate();
        }),
      );
    },
  };
}
