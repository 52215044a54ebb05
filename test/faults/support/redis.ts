/**
 * A private redis-server for one fault scenario, as a child process on a free loopback port in its own folder, that
 * can be killed (SIGKILL: no shutdown save) and started again on the same port and folder. With `aof: true` it runs
 * `--appendonly yes --appendfsync always`, so every write Redis acknowledged is on disk before the reply and survives
 * the kill (RECIPES.md: Redis).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

export interface PrivateRedis {
  port: number;
  url: string;
  dir: string;
  /** SIGKILL the server; resolves once it is gone. */
  kill(): Promise<void>;
  /** Start it again on the same port and folder (it reloads its AOF); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stop it and delete its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startRedis(opts: { aof: boolean; name: string }): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), `sgbot-faults-redis-${opts.name}-`));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no', '--dir', dir, '--appendonly', opts.aof ? 'yes' : 'no'];
  if (opts.aof) args.push('--appendfsync', 'always');
  let child: ChildProcess | null = null;
  let stopped = false;

  const launch = async (): Promise<void> => {
    const c = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 30 s:\n${out}`)), 30_000);
      c.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot start redis-server (${err.message}); install it: apt-get install -y redis-server`));
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) during start:\n${out}`));
      });
      c.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Ready to accept connections/i.test(out)) {
          clearTimeout(timer);
          c.removeAllListeners('exit');
          resolve();
        }
      });
    });
  };
  const kill = async (): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    kill,
    start: async () => {
      if (stopped) throw new Error('this Redis was stopped for good');
      if (child) throw new Error('Redis is already running');
      await launch();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
