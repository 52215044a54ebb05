/**
 * sgbot worker processes for the fault suite: the real `node bin/sgbot.js worker` (src/cli.ts → startWorker: IMAP
 * source, ingest, reminder and broadcast workers in one process), configured only through its environment, so that
 * SIGKILL is a real kill -9 of the bot. Its log (stderr, pino JSON at LOG_LEVEL) is kept for failure messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../../bin/sgbot.js');
/** Settings of the test process that must not leak into a worker (it gets exactly what the scenario gives it). */
const OWN_SETTINGS = /^(REDIS_URL|SMTP_URL|SGBOT_|SLACK_|TEAMS_|LOG_LEVEL$|NODE_ENV$)/;
/** An empty folder to run in, so that no `.env` file adds settings. */
const CWD = join(tmpdir(), 'sgbot-faults-cwd');
mkdirSync(CWD, { recursive: true });
const KEEP_LOG = 400_000;

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** Resolves once it said it runs (`sgbot worker: running; …`); rejects if it exits first or after 90 s. */
  ready: Promise<void>;
  /** Resolves once it has exited. */
  exited: Promise<void>;
  /** The end of its log (stdout and stderr). */
  log(): string;
  /** SIGKILL, resolves once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (finish the work in hand), then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Start `sgbot worker` with `settings` (REDIS_URL, SGBOT_PREFIX, SGBOT_IMAP, SMTP_URL…). */
export function startWorkerProcess(name: string, settings: Record<string, string>): WorkerProcess {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !OWN_SETTINGS.test(k)) env[k] = v;
  const child = spawn(process.execPath, [BIN, 'worker'], { cwd: CWD, env: { ...env, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (c: Buffer) => {
    log += c.toString();
    if (log.length > KEEP_LOG) log = log.slice(-KEEP_LOG / 2);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${name} did not start within 90 s:\n${log.slice(-4000)}`)), 90_000);
    const check = () => {
      if (/sgbot worker: running;/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log.slice(-4000)}`));
    });
  });
  ready.catch(() => undefined); // observed by the scenario; a worker killed before ready is not an error by itself
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    ready,
    exited,
    log: () => log,
    async kill9() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 30_000) {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
