/**
 * The process never hangs, in child processes as people run it: a bad setting exits non-zero at once; a second
 * `sgbot start` on the same data directory leaves the first one's private Redis running; when Redis dies, one line
 * says so, a question typed meanwhile is answered with an error, and Ctrl-C (SIGINT) still stops sgbot; a mistyped
 * ingest path is an error, not a quarantine entry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/sgbot.js');
const redisUrl = inject('redisUrl');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 30_000);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sgbot-proc-'));
  dirs.push(d);
  return d;
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  waitFor(where: 'out' | 'err', text: string | RegExp, ms?: number): Promise<string>;
  exited: Promise<{ code: number | null; ms: number }>;
}

function run(args: string[], env: Record<string, string>): Run {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: `${process.env['PATH'] ?? ''}:/usr/bin:/usr/sbin`, TZ: 'UTC', SGBOT_WEB_PORT: '0', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const text = { out: '', err: '' };
  child.stdout?.on('data', (c: Buffer) => (text.out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text.err += c.toString()));
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => child.once('exit', (code) => resolve({ code, ms: Date.now() - started })));
  return {
    child,
    out: () => text.out,
    err: () => text.err,
    exited,
    waitFor: async (where, want, ms = 40_000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const t = text[where];
        if (typeof want === 'string' ? t.includes(want) : want.test(t)) return t;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${String(want)} on ${where}.\nstdout:\n${text.out}\nstderr:\n${text.err}`);
    },
  };
}

describe('output through a pipe', () => {
  // The reader takes its time (a pager, `| jq` under load): an answer longer than the pipe's 64 KB buffer must still
  // arrive whole before the process exits.
  it('writes a long answer whole to a slow reader', async () => {
    const file = join(tempDir(), 'many-deadlines.txt');
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    // Each a deadline of its own day: 1,000 deadlines, some 200 KB of JSON.
    const lines = Array.from({ length: 1000 }, (_, i) => `Contributions on item ${i} must be received by ${1 + (i % 28)} ${months[Math.floor(i / 28) % 12]} ${2027 + Math.floor(i / 336)}.`);
    writeFileSync(file, `TSB Collective letter 9/20\n\n${lines.join('\n')}\n`);
    const child = spawn(process.execPath, [BIN, 'parse', file, '--json'], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const stdout = child.stdout;
    stdout.pause();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const closed = new Promise((resolve) => stdout.once('close', resolve));
    // Nothing is read until the process has had time to write all it can and (with the fault) exit.
    await new Promise((r) => setTimeout(r, 3000));
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stdout.resume();
    expect(await exited).toBe(0);
    await closed;
    expect(out.length).toBeGreaterThan(65_536);
    const parsed = JSON.parse(out) as { deadlines: unknown[] };
    expect(parsed.deadlines).toHaveLength(1000);
  }, 60_000);
});

describe('a process that never hangs', () => {
  it('exits non-zero at once on a bad setting, naming it, and leaves no Redis behind', async () => {
    const dataDir = tempDir();
    const bad = run(['start', '--private-redis', '--no-console', '--data-dir', dataDir], { HOME: dataDir, REDIS_URL: 'redis://127.0.0.1:1', SGBOT_REMINDER_OFFSETS: '2weeks' });
    const { code, ms } = await bad.exited;
    expect(code).toBe(1);
    // A hang would never end; a loaded machine can take a while to start Node and tsx, so the bound is generous.
    expect(ms).toBeLessThan(30_000);
    expect(bad.err()).toContain('SGBOT_REMINDER_OFFSETS: must be days before each deadline');
    expect(bad.out()).not.toContain('private redis-server');

    // A file setting that names no file: refused with the other settings, before anything starts.
    const late = run(['start', '--private-redis', '--no-console', '--no-sample', '--data-dir', dataDir], { HOME: dataDir, REDIS_URL: 'redis://127.0.0.1:1', SGBOT_WEB_ACCOUNTS: join(dataDir, 'no-such-accounts-file') });
    const second = await late.exited;
    expect(second.code, late.err()).toBe(1);
    expect(second.ms).toBeLessThan(30_000);
    expect(late.err()).toContain('SGBOT_WEB_ACCOUNTS: no file');
    expect(late.out()).not.toContain('private redis-server');
  }, 60_000);

  it('never stops the private Redis of a running sgbot from a second start on the same data directory', async () => {
    const dataDir = tempDir();
    const env = { HOME: dataDir, REDIS_URL: 'redis://127.0.0.1:1' };
    const first = run(['start', '--private-redis', '--no-console', '--no-sample', '--data-dir', dataDir], env);
    const banner = await first.waitFor('out', 'Running; Ctrl-C');
    const pid = Number(/private redis-server \(pid (\d+)\)/.exec(banner)?.[1]);
    const url = /at (redis:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
    expect(pid).toBeGreaterThan(0);

    const second = run(['start', '--private-redis', '--no-console', '--no-sample', '--data-dir', dataDir], env);
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.err()).toContain(`Another sgbot (pid ${first.child.pid}) is running with its private Redis`);
    expect(alive(pid)).toBe(true);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(alive(pid)).toBe(false);
    // Its lock went with it: the next start takes the folder.
    const third = run(['start', '--private-redis', '--no-console', '--no-sample', '--data-dir', dataDir], env);
    await third.waitFor('out', 'Running; Ctrl-C');
    third.child.kill('SIGINT');
    expect((await third.exited).code).toBe(0);
  }, 90_000);

  it('says once that Redis is lost, answers a question with an error, and still stops on Ctrl-C', async () => {
    const dataDir = tempDir();
    const bot = run(['start', '--private-redis', '--data-dir', dataDir], { HOME: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
    const banner = await bot.waitFor('out', 'Type /deadlines SG20');
    const pid = Number(/private redis-server \(pid (\d+)\)/.exec(banner)?.[1]);
    process.kill(pid, 'SIGKILL');
    await bot.waitFor('err', 'lost Redis at redis://127.0.0.1:');
    bot.child.stdin?.write('/deadlines SG20\n');
    await bot.waitFor('out', /sgbot> \/deadlines SG20\nSorry: sgbot cannot answer right now: its Redis is not reachable/, 10_000);
    await new Promise((r) => setTimeout(r, 4_000));
    const err = bot.err();
    expect(err.match(/lost Redis/g)).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toContain('ECONNREFUSED 127.0.0.1');
    bot.child.kill('SIGINT');
    const { code, ms } = await bot.exited;
    expect(code).not.toBeNull();
    expect(ms).toBeLessThan(120_000);
  }, 120_000);

  /** Keys stored under `prefix`: none when a refused command stored nothing. */
  async function storedKeys(prefix: string): Promise<string[]> {
    const client = new Redis(redisUrl);
    try {
      return await client.keys(`${prefix}:*`);
    } finally {
      client.disconnect();
    }
  }

  it('refuses a mistyped ingest path with an error and quarantines nothing', async () => {
    const prefix = `it-proc-ingest-${process.pid}`;
    const r = run(['ingest', '/no/such/inbox', join(ROOT, 'package.json')], { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix });
    const { code } = await r.exited;
    expect(code).toBe(1);
    expect(r.err()).toContain('No such file or folder: /no/such/inbox. Nothing was ingested');
    expect(await storedKeys(prefix)).toEqual([]);
  }, 30_000);

  it('refuses the demo inbox templates, whose dates are placeholders, and says which copy to ingest', async () => {
    const prefix = `it-proc-templates-${process.pid}`;
    // The sample folder itself: the templates are one level further down (reported: these were stored as they are).
    const r = run(['ingest', join(ROOT, 'sample')], { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix });
    const { code } = await r.exited;
    expect(code).toBe(2);
    expect(r.err()).toContain('01-sg20-collective-letter.eml');
    expect(r.err()).toContain('ingest .sgbot/sample-inbox instead');
    expect(await storedKeys(prefix)).toEqual([]);
  }, 30_000);
});
