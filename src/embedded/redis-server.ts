/**
 * A `redis-server` child process on a loopback port: what `sgbot start` runs when no Redis answers, and what the
 * tests, the benchmark and the fault suite run privately. Never daemonized (a daemonized server becomes a zombie in
 * containers without init); ready once it answers PING.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisServerOptions {
  /** The `redis-server` program (default: the one on PATH). */
  program?: string;
  /** Its working directory: append-only file, pid file and log live here. */
  dir: string;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** `none`: nothing on disk; `everysec` / `always`: an append-only file fsynced every second / before each reply. */
  persistence?: 'none' | 'everysec' | 'always';
  /** Redis's timer frequency (`hz`), which bounds how late a blocked client wakes for a delayed job. */
  hz?: number;
  /** Write `redis.pid` and `redis.log` in `dir` (default: no pid file, log on stdout). */
  files?: boolean;
  /** Its own process group, so Ctrl-C in a terminal reaches the parent only; and not keeping the parent alive. */
  detached?: boolean;
  /** How long it may take to answer, ms (default 10 000). */
  timeoutMs?: number;
}

/** A running (or restartable) server. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Pid of the running process, `null` while stopped. */
  readonly pid: number | null;
  /** The process, while it runs. */
  readonly child: ChildProcess | null;
  /** SIGTERM (Redis writes its append-only file and exits), SIGKILL after 10 s; resolves once it is gone. */
  stop(): Promise<void>;
  /** SIGKILL: gone at once, no goodbye to clients; resolves once it is gone. */
  kill(): Promise<void>;
  /** Start it again on the same port and folder (it reloads its append-only file). */
  start(): Promise<void>;
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function argsOf(o: RedisServerOptions, port: number): string[] {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--dir', o.dir, '--save', '', '--daemonize', 'no'];
  const persistence = o.persistence ?? 'none';
  args.push('--appendonly', persistence === 'none' ? 'no' : 'yes');
  if (persistence !== 'none') args.push('--appendfsync', persistence);
  if (o.hz !== undefined) args.push('--hz', String(o.hz));
  if (o.files) args.push('--pidfile', join(o.dir, 'redis.pid'), '--logfile', join(o.dir, 'redis.log'));
  return args;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Spawn it and wait until it answers; on failure, an Error saying why (with its last output). */
async function launch(o: RedisServerOptions, port: number): Promise<ChildProcess> {
  const program = o.program ?? 'redis-server';
  const child = spawn(program, argsOf(o, port), { cwd: o.dir, detached: o.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (o.detached) {
    child.unref();
    for (const s of [child.stdout, child.stderr]) (s as unknown as { unref?: () => void } | null)?.unref?.();
  }
  let ended: string | null = null;
  child.once('error', (err) => (ended = `${err.message}; install it: apt-get install -y redis-server`));
  child.once('exit', (code, signal) => (ended ??= `it exited (${signal ?? `code ${code}`})`));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 10_000);
  while (ended === null && Date.now() < deadline) {
    if (await answers(url)) return child;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (ended === null) child.kill('SIGKILL');
  throw new Error(`redis-server (${program}) did not start on port ${port}: ${ended ?? `no answer within ${o.timeoutMs ?? 10_000} ms`}${output.trim() ? `; ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
}

function gone(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Start a redis-server and resolve once it answers PING.
 *
 * @example
 * const redis = await startRedisServer({ dir: mkdtempSync(join(tmpdir(), 'sgbot-redis-')), persistence: 'always' });
 * await redis.kill(); await redis.start(); // acknowledged writes survived
 * await redis.stop();
 */
export async function startRedisServer(o: RedisServerOptions): Promise<RedisServer> {
  const port = o.port ?? (await freePort());
  let child: ChildProcess | null = await launch(o, port);
  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    const c = child;
    child = null;
    if (!c) return;
    const exited = gone(c);
    c.kill(signal);
    const timer = signal === 'SIGTERM' ? setTimeout(() => c.kill('SIGKILL'), 10_000) : null;
    await exited;
    if (timer) clearTimeout(timer);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir: o.dir,
    get pid() {
      return child?.pid ?? null;
    },
    get child() {
      return child;
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    start: async () => {
      if (child) throw new Error('this redis-server is already running');
      child = await launch(o, port);
    },
  };
}
