/**
 * `sgbot reminders` against a real Redis and a real worker: a letter ingested from the terminal plans reminders for
 * a rapporteur; the command lists them with times in the reader's zone and UTC beside; `--as` shows one person's in
 * their roster zone; `--send-now` sends a test copy at once through the worker to the outbox (the scheduled one
 * stays), audited; unknown people, ids and zones get messages that say what to do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { makePerson } from '../../src/people/roster.ts';
import { startWorker, type RunningWorker } from '../../src/worker.ts';
import { letterText } from '../support/letters.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-remcli-${process.pid}`;
const env = { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent', SGBOT_TZ: 'Europe/Zurich' };

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env, isTTY: false };
  const code = await runCli(['node', 'sgbot', ...args], io);
  return { code, out, err };
}

describe('sgbot reminders', () => {
  let s: Services;
  let worker: RunningWorker;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sgbot-remcli-'));
    s = await createServices(loadConfig(env, '/nonexistent'), { longRunning: true });
    await s.roster.put(makePerson({ name: 'Ana Silva', email: 'ana@example.org', tz: 'Asia/Tokyo', roles: [{ kind: 'rapporteur', scope: 'Q4/16' }] }));
    await s.roster.put(makePerson({ name: 'Bo Lind', email: 'bo@example.org', tz: 'Europe/Stockholm', roles: [{ kind: 'delegate' }] }));
    worker = startWorker(s);
    const due = DateTime.now().setZone('Europe/Zurich').plus({ days: 10 });
    const today = DateTime.now().setZone('Europe/Zurich').toFormat('d LLLL yyyy');
    const file = join(dir, 'letter.txt');
    writeFileSync(file, letterText(6, 16, due.toFormat('d LLLL yyyy')).replace(/^Geneva, .*$/m, `Geneva, ${today}`));
    expect((await cli('ingest', file, '--no-progress')).code).toBe(0);
    await s.jobs().drained({ name: 'plan-reminders' }, 20_000);
  });
  afterAll(async () => {
    await worker.stop();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the reminders soonest first, in the reader zone with UTC beside', async () => {
    const json = await cli('reminders', '--json');
    expect(json.code).toBe(0);
    const list = JSON.parse(json.out) as Array<{ id: string; at: string; recipient: string; kind: string }>;
    // Every delayed job of the queue, each for the rapporteur of Q4/16 (how many depends on her zone's mornings).
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list).toHaveLength((await s.jobs().queue({ name: 'reminder' }).getDelayed()).length);
    expect(new Set(list.map((r) => r.recipient))).toEqual(new Set(['person:ana@example.org']));
    expect([...list].sort((a, b) => a.at.localeCompare(b.at))).toEqual(list);
    expect(list[0]?.kind).toBe('reminder 7 days before');

    const text = await cli('reminders', '--tz', 'America/New_York');
    expect(text.code).toBe(0);
    expect(text.out).toContain('times in America/New_York');
    expect(text.out).toMatch(/\(America\/New_York\) · \d+ \w{3}, \d\d:\d\d UTC/);
    expect(text.out).toContain('to Ana Silva <ana@example.org> · reminder 7 days before');
    expect(text.out).toContain(`id ${list[0]?.id}`);
  });

  it("shows one person's reminders in their roster zone, and says so when there are none", async () => {
    const ana = await cli('reminders', '--as', 'ana@example.org');
    expect(ana.out).toContain('times in Asia/Tokyo');
    // 09:00 in Tokyo, the rapporteur's morning.
    expect(ana.out).toMatch(/, 09:00 \(Asia\/Tokyo\) · 00:00 UTC/);
    const bo = await cli('reminders', '--as', 'bo@example.org');
    expect(bo.code).toBe(0);
    expect(bo.out).toContain('No reminder is scheduled for Bo Lind');
  });

  it('sends a test copy now through the worker, keeps the scheduled one, and audits the operator', async () => {
    const before = (await s.jobs().queue({ name: 'reminder' }).getDelayed()).length;
    const r = await cli('reminders', '--send-now', 'next');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Test reminder queued: Ana Silva <ana@example.org> is reminded now');
    expect(r.out).toContain('outbox');
    const end = Date.now() + 20_000;
    while ((await s.redis.llen(`${prefix}:outbox`)) === 0 && Date.now() < end) await new Promise((res) => setTimeout(res, 50));
    const mails = (await s.redis.lrange(`${prefix}:outbox`, 0, -1)).map((x) => JSON.parse(x) as { to: string[]; subject: string });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['ana@example.org']);
    expect(mails[0]?.subject).toMatch(/^\[Test\] Reminder: /);
    expect((await s.jobs().queue({ name: 'reminder' }).getDelayed()).length).toBe(before);
    expect((await s.audit.latest(5, 'reminder.test'))[0]).toMatchObject({ who: 'cli:operator', target: 'person:ana@example.org', result: 'queued' });
  });

  it('says how to fix an unknown person, id or zone', async () => {
    const who = await cli('reminders', '--as', 'nobody@example.org');
    expect(who.code).toBe(1);
    expect(who.err).toContain('sgbot roster list');
    const id = await cli('reminders', '--send-now', 'rem-nope');
    expect(id.code).toBe(1);
    expect(id.err).toContain('List them with: sgbot reminders');
    const tz = await cli('reminders', '--tz', 'Mars/Olympus');
    expect(tz.code).toBe(2);
    expect(tz.err).toContain('IANA');
  });

  it('has --help with examples', async () => {
    let out = '';
    const io: CliIO = { out: (t) => (out += t), err: (t) => (out += t), env, isTTY: false };
    await runCli(['node', 'sgbot', 'reminders', '--help'], io);
    expect(out).toContain('--send-now <id>');
    expect(out).toContain('sgbot reminders --as ana@example.org');
  });
});
