/**
 * The Redis of `sgbot start`: the one at `REDIS_URL` when it answers, otherwise a private `redis-server` started from
 * PATH on a free loopback port, with its data (append-only file) under the data directory so that the next start
 * finds it again. The private server is a child process (not daemonized: a daemonized one becomes a zombie in
 * containers without init) in its own process group, so Ctrl-C in the terminal reaches sgbot, which stops it last.
 *
 * A private server belongs to the sgbot that started it: `<dataDir>/redis/owner.lock` holds that sgbot's pid (made
 * with O_EXCL, so two starts cannot both take it). A second sgbot on the same data directory is refused while the
 * owner lives, and never stops its server; a lock whose sgbot is gone is taken over, and only then is a server left
 * running by it stopped.
 */
import { accessSync, constants, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { redactUrl } from '../config.ts';
import { SgbotError } from '../core/errors.ts';
import type { Logger } from '../log.ts';
import { startRedisServer, type RedisServer } from './redis-server.ts';

/** The Redis sgbot will use. */
export interface ResolvedRedis {
  url: string;
  /** The private server sgbot started, or `null` when an existing Redis answered. */
  private: { pid: number; port: number; dir: string; program: string } | null;
  /** Stop the private server (a no-op for an existing Redis). Safe to call twice. */
  stop(): Promise<void>;
}

export interface ResolveRedisOptions {
  /** `REDIS_URL`, or the default `redis://127.0.0.1:6379`. */
  url: string;
  /**
   * The user chose `url` (REDIS_URL set to anything but the default): if it does not answer, explain rather than
   * quietly start another Redis whose data they would not find.
   */
  explicit?: boolean;
  /** `private` skips `url` and always starts a private server (`sgbot start --private-redis`). */
  mode?: 'auto' | 'private';
  /** The private server keeps its files in `<dataDir>/redis`. */
  dataDir: string;
  log?: Logger;
  /** The PATH to look for `redis-server` in (default: this process's). */
  pathEnv?: string;
  /** Also looked in after PATH: Debian puts `redis-server` in /usr/bin, some images in /usr/sbin. */
  extraDirs?: readonly string[];
  /** How long `url` may take to answer PING, ms. */
  pingTimeoutMs?: number;
  /** How long the private server may take to answer, ms. */
  startTimeoutMs?: number;
}

/** The URL sgbot uses when `REDIS_URL` is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const DEFAULT_EXTRA_DIRS = ['/usr/local/bin', '/usr/sbin', '/usr/bin', '/opt/homebrew/bin'];

/** Whether `url` is the default address (written any usual way), i.e. the user did not point sgbot anywhere. */
export function isDefaultRedisUrl(url: string): boolean {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
    return u.protocol === 'redis:' && local && (u.port === '' || u.port === '6379') && !u.username && !u.password && (u.pathname === '' || u.pathname === '/' || u.pathname === '/0');
  } catch {
    return false;
  }
}

/**
 * Whether a Redis answers PING at `url` within `timeoutMs`; `null` when it does, else why not (for messages).
 *
 * @example await redisProblem('redis://127.0.0.1:6379', 1000) // null, or 'connect ECONNREFUSED 127.0.0.1:6379'
 */
export async function redisProblem(url: string, timeoutMs = 1000): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let lastError: string | null = null;
  client.on('error', (err: Error) => {
    lastError = err.message;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    const probe = (async () => {
      await client.connect();
      await client.ping();
      return null;
    })().catch((err: unknown) => lastError ?? (err as Error).message ?? String(err));
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** The `redis-server` program: the first executable one in `pathEnv`, then in `extraDirs`; `null` when none. */
export function findRedisServer(pathEnv = process.env['PATH'] ?? '', extraDirs: readonly string[] = DEFAULT_EXTRA_DIRS): string | null {
  const dirs = [...pathEnv.split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** How to get a Redis, for messages. */
export const INSTALL_REDIS_HELP = [
  'Install redis-server and run the command again:',
  '  Debian/Ubuntu:    sudo apt-get install -y redis-server',
  '  Fedora/RHEL:      sudo dnf install -y redis',
  '  macOS (Homebrew): brew install redis',
  'or set REDIS_URL to a Redis you already run (for example REDIS_URL=redis://HOST:6379).',
].join('\n');

/**
 * Choose the Redis to use (see the module comment). The private server is stopped by `stop()` and, whatever
 * happens, when this process exits; a server left running by an earlier sgbot that was killed outright is stopped
 * before a new one starts on the same files.
 *
 * @throws SgbotError E_STORE when `url` was chosen by the user and does not answer, when no `redis-server` can be
 *   found (saying how to install one), or when the private server does not start (with its last log lines).
 */
export async function resolveRedis(opts: ResolveRedisOptions): Promise<ResolvedRedis> {
  const mode = opts.mode ?? 'auto';
  if (mode === 'auto') {
    const problem = await redisProblem(opts.url, opts.pingTimeoutMs ?? 1000);
    if (problem === null) {
      opts.log?.info({ url: redactUrl(opts.url) }, 'using the Redis that answers at REDIS_URL');
      return { url: opts.url, private: null, stop: () => Promise.resolve() };
    }
    if (opts.explicit) {
      throw new SgbotError(
        'E_STORE',
        `REDIS_URL=${redactUrl(opts.url)} does not answer (${problem}). sgbot does not start a Redis of its own in place of the one you named, since its data would not be there.\nTo resolve: start that Redis or correct REDIS_URL; or unset REDIS_URL (or run sgbot start --private-redis) to let sgbot run a private redis-server with its data in ${join(opts.dataDir, 'redis')}.`,
      );
    }
    opts.log?.info({ url: redactUrl(opts.url), problem }, 'no Redis answers at the default address; starting a private redis-server');
  }
  const program = findRedisServer(opts.pathEnv, opts.extraDirs);
  if (!program) {
    throw new SgbotError('E_STORE', `${mode === 'auto' ? `No Redis answers at ${redactUrl(opts.url)}, and` : 'A private Redis was asked for, but'} no redis-server program was found (looked in PATH and ${[...(opts.extraDirs ?? DEFAULT_EXTRA_DIRS)].join(', ')}).\n${INSTALL_REDIS_HELP}`);
  }
  return startPrivateRedis(program, join(opts.dataDir, 'redis'), opts.startTimeoutMs ?? 10_000, opts.log);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The lock file of a private Redis's folder. */
export function ownerLockPath(dir: string): string {
  return join(dir, 'owner.lock');
}

/** The command line of process `pid` ('' when it cannot be read). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Take the folder's lock for this process, or throw if a live sgbot holds it. A lock whose process is gone (or is
 * no longer a node process: the pid was reused) is stale and taken over. Returns the release function.
 *
 * @throws SgbotError E_STORE naming the sgbot that holds the folder.
 */
export async function takeOwnerLock(dir: string): Promise<() => void> {
  const path = ownerLockPath(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      const release = () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    const cmd = Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner) ? commandLine(owner) : '';
    if (owner === process.pid) return () => undefined;
    if (owner > 0 && alive(owner) && (cmd === '' || /node|sgbot|tsx/.test(cmd))) {
      throw new SgbotError(
        'E_STORE',
        `Another sgbot (pid ${owner}) is running with its private Redis in ${dir}. sgbot does not share or stop another instance's Redis.\nTo resolve: stop that sgbot first, or give this one another --data-dir.`,
      );
    }
    await rm(path, { force: true });
  }
  throw new SgbotError('E_STORE', `Cannot take the lock ${path}: another sgbot keeps taking it.`);
}

/** A redis-server left by an earlier run that was killed outright (its pid file names it): stop it. */
async function stopLeftover(dir: string, log?: Logger): Promise<void> {
  const pidFile = join(dir, 'redis.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  // Only a redis-server: the pid may have been reused by something else since.
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : 'redis-server';
  if (!cmdline.includes('redis-server')) return;
  log?.warn({ pid }, 'stopping a private redis-server left running by an earlier sgbot');
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile, { force: true });
}

async function startPrivateRedis(program: string, dir: string, timeoutMs: number, log?: Logger): Promise<ResolvedRedis> {
  await mkdir(dir, { recursive: true });
  // Ours from here on: a server still running in this folder was left by an sgbot that is gone.
  const releaseLock = await takeOwnerLock(dir);
  process.once('exit', releaseLock);
  try {
    return await startOwnedRedis(program, dir, timeoutMs, releaseLock, log);
  } catch (err) {
    process.removeListener('exit', releaseLock);
    releaseLock();
    throw err;
  }
}

async function startOwnedRedis(program: string, dir: string, timeoutMs: number, releaseLock: () => void, log?: Logger): Promise<ResolvedRedis> {
  await stopLeftover(dir, log);
  let lastProblem = '';
  // The free port may be taken between the probe and redis-server's bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    let server: RedisServer;
    try {
      server = await startRedisServer({ program, dir, persistence: 'everysec', files: true, detached: true, timeoutMs });
    } catch (err) {
      lastProblem = (err as Error).message;
      if (/address already in use/i.test(lastProblem)) continue;
      break;
    }
    const { child, port, url } = server;
    const pid = server.pid ?? 0;
    log?.info({ pid, port, dir }, 'private redis-server started');
    // It must not outlive sgbot, whatever way sgbot ends.
    const killOnExit = () => server.child?.kill('SIGTERM');
    process.once('exit', killOnExit);
    let stopping: Promise<void> | null = null;
    child?.once('exit', (code, signal) => {
      if (!stopping) log?.error({ pid, code, signal, log: join(dir, 'redis.log') }, 'the private redis-server stopped on its own');
    });
    const stop = () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        await server.stop();
        process.removeListener('exit', releaseLock);
        releaseLock();
        log?.info({ pid }, 'private redis-server stopped');
      })());
    return { url, private: { pid, port, dir, program }, stop };
  }
  const logTail = await readFile(join(dir, 'redis.log'), 'utf8').then((t) => t.split('\n').filter(Boolean).slice(-3).join(' | '), () => '');
  throw new SgbotError('E_STORE', `The private redis-server (${program}) did not start: ${[lastProblem, logTail].filter(Boolean).join('; ')}\nIts files are in ${dir} (see redis.log there). ${INSTALL_REDIS_HELP.replace(/^Install/, 'To use another Redis instead, install')}`);
}
