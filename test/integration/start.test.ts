/**
 * `sgbot start` as a newcomer runs it, in a child process: no settings, REDIS_URL pointing at a port where nothing
 * listens. It starts its own redis-server, ingests the sample inbox, serves the web console, and answers
 * "/deadlines SG20" typed on stdin with upcoming deadlines; at end of input it stops, and its redis-server with it.
 * A second start on the same data directory finds the documents kept by the first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDates } from '../../src/embedded/sample.ts';

const ROOT = join(import.meta.dirname, '../..');
const ENTRY = [join(ROOT, 'bin/sgbot.js')];

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  // A test that failed half-way leaves its sgbot running: SIGTERM stops it and its redis-server.
  for (const c of children.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 30_000);

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const addr = srv.address();
  await new Promise((r) => srv.close(r));
  return typeof addr === 'object' && addr ? addr.port : 1;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Run {
  /** Resolves with stdout once it contains `text`. */
  waitFor(text: string | RegExp, ms?: number): Promise<string>;
  write(text: string): void;
  end(): void;
  exited: Promise<{ code: number | null; out: string; err: string }>;
}

function start(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [...ENTRY, 'start', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    for (const w of waiters) w();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
  return {
    waitFor: (text, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (typeof text === 'string' ? out.includes(text) : text.test(out)) resolve(out);
        };
        const timer = setTimeout(() => reject(new Error(`no "${String(text)}" within ${ms} ms.\nstdout:\n${out}\nstderr:\n${err}`)), ms);
        waiters.push(() => {
          check();
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`exited before "${String(text)}".\nstdout:\n${out}\nstderr:\n${err}`));
        });
        check();
      }),
    write: (text) => child.stdin.write(text),
    end: () => child.stdin.end(),
    exited,
  };
}

/** How the console (zone UTC) writes a date: `Wed 9 Dec 2026`. */
function shown(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace(/,/g, '');
}

/**
 * Sign in to the web console as `user` and ask `q` in its chat page, as a browser would (cookies, CSRF field); the
 * answer's text without markup.
 */
async function askInBrowser(base: string, user: string, password: string, q: string): Promise<string> {
  const jar = new Map<string, string>();
  const call = async (path: string, form?: Record<string, string>) => {
    const res = await fetch(new URL(path, base), {
      method: form ? 'POST' : 'GET',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  };
  const csrf = async (res: Response) => /name="_csrf" value="([^"]*)"/.exec(await res.text())?.[1] ?? '';
  const signIn = await call('/console/login', { _csrf: await csrf(await call('/console/login')), user, password, next: '/console/chat' });
  expect(signIn.status, 'the demo account signs in').toBe(303);
  const answer = await call('/console/chat', { _csrf: await csrf(await call('/console/chat')), q });
  expect(answer.status).toBe(200);
  return (await answer.text()).replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

describe('sgbot start with no settings', () => {
  it('runs the demo: own Redis, sample inbox, web console, terminal answers; stops it all at end of input', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sgbot-start-'));
    dirs.push(dataDir);
    const env = {
      PATH: `${process.env['PATH'] ?? ''}:/usr/bin:/usr/sbin`,
      HOME: dataDir,
      TZ: 'UTC',
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      SGBOT_WEB_PORT: '0',
    };
    const run = start(['--data-dir', dataDir, '--private-redis'], env);
    const banner = await run.waitFor('Type /deadlines SG20');

    const pid = Number(/private redis-server \(pid (\d+)\)/.exec(banner)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(true);
    expect(banner).not.toContain(env.REDIS_URL);
    expect(banner).toMatch(/Sample inbox 5 documents for the week \d{4}-W\d{2} .*: 5 new, 0 replacing last week's, 0 already there/);
    expect(banner).toMatch(/Sign in +secretariat@demo\.sgbot\.example +password \S{12,}/);
    expect(banner).toContain('Outbox');
    // How to see a reminder in the demo without waiting weeks for one.
    expect(banner).toMatch(/See a reminder http:\/\/\S+\/console\/reminders → "Send a test reminder now"/);
    // The terminal answers in the zone of the roster person it acts as, not the machine's (TZ=UTC here).
    expect(banner).toMatch(/acting as .+ \(secretariat@demo\.sgbot\.example\); times in Europe\/Zurich\./);

    const url = /Web console +(http:\/\/\S+)/.exec(banner)?.[1] as string;
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    // In the browser: the banner's one-time password signs in, and the chat page answers.
    const [, user = '', password = ''] = /Sign in +(\S+) +password (\S+)/.exec(banner) ?? [];
    const page = await askInBrowser(url, user, password, '/deadlines SG20');
    expect(page).toContain('Deadlines for SG20');
    for (const label of ['Captioning requests', 'Fellowship requests', 'Consultation reply', 'TSB Collective letter 4/20']) expect(page).toContain(label);
    // SG20's liaison SG20-LS88 asks SG17 for a reply: that deadline is Q6/17's, not SG20's.
    expect(page).not.toContain('Liaison reply');
    const pageDays = [...page.matchAll(/\((in (\d+) days|today|tomorrow|past)\)/g)].map((m) => Number(m[2]));
    expect(pageDays).toHaveLength(7);
    for (const n of pageDays) expect(n).toBeGreaterThanOrEqual(10);

    run.write('/deadlines SG20\n');
    const answered = await run.waitFor(/sgbot> \/deadlines SG20\n[\s\S]*Sources:[\s\S]*\n(?:sgbot> |$)/);
    const answer = answered.slice(answered.indexOf('sgbot> /deadlines SG20'));
    expect(answer).toContain('Deadlines for SG20');
    expect(answer).toContain('(end of day, Geneva)');
    expect(answer).not.toContain('(UTC)');
    for (const label of ['Captioning requests', 'Contributions needing translation', 'Fellowship requests', 'Registration', 'Visa support letter requests', 'Contributions', 'Consultation reply'])
      expect(answer).toMatch(new RegExp(`: ${label}(?: on [A-Z]\\.[\\d.]+(?:, [A-Z]\\.[\\d.]+)*)?\\n`));
    // Every deadline is ahead of now, and they are this week's sample dates.
    const inDays = [...answer.matchAll(/\((in (\d+) days|today|tomorrow|past)\)/g)].map((m) => m[1] as string);
    expect(inDays).toHaveLength(7);
    for (const when of inDays) expect(Number(/in (\d+) days/.exec(when)?.[1])).toBeGreaterThanOrEqual(10);
    const d = sampleDates(new Date()).dates;
    for (const iso of [d.sg20Caption, d.sg20Fellow, d.sg20Reg, d.sg20Contrib]) expect(answer).toContain(shown(iso));
    // The circular's reply deadline is 23:59 UTC: in Geneva that is the next day, with the circular's own time beside.
    const long = new Date(`${d.circReply}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(answer).toContain(`(Europe/Zurich) — original: ${long}, 23:59 UTC`);
    expect(answer).toContain('[TSB Collective letter 4/20]');

    // The reply SG20-LS88 asks for is Q6/17's deadline.
    run.write('/deadlines Q6/17\n');
    const q617 = await run.waitFor(/sgbot> \/deadlines Q6\/17\n[\s\S]*Sources:[\s\S]*\n(?:sgbot> |$)/);
    const q617Answer = q617.slice(q617.indexOf('sgbot> /deadlines Q6/17'));
    expect(q617Answer).toContain(': Liaison reply\n');
    expect(q617Answer).toContain(shown(d.lsDeadline));
    expect(q617Answer).toContain('[SG20-LS88]');

    run.write('no such thing at all ))) \u0000\n/nonsense\n');
    await run.waitFor('Unknown command "/nonsense"');
    run.end();
    const { code, err } = await run.exited;
    expect(code, err).toBe(0);
    expect(alive(pid)).toBe(false);

    // Its data was kept: a second start finds the sample already stored.
    const again = start(['--data-dir', dataDir, '--private-redis'], env);
    const banner2 = await again.waitFor('Type /deadlines SG20');
    expect(banner2).toMatch(/Sample inbox 5 documents .*: 0 new, 0 replacing last week's, 5 already there/);
    const pid2 = Number(/private redis-server \(pid (\d+)\)/.exec(banner2)?.[1]);
    again.end();
    expect((await again.exited).code).toBe(0);
    expect(alive(pid2)).toBe(false);
  }, 90_000);

  it('does not replace a Redis the user named: it explains and exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sgbot-start-'));
    dirs.push(dataDir);
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const run = start(['--data-dir', dataDir, '--no-console'], { PATH: process.env['PATH'] ?? '', HOME: dataDir, REDIS_URL: url });
    const { code, out, err } = await run.exited;
    expect(code).toBe(1);
    expect(err).toContain(`REDIS_URL=${url} does not answer`);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).not.toContain('private redis-server');
  }, 30_000);
});
