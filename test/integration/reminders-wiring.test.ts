/**
 * Reminders as sgbot wires them: a letter ingested from the terminal plans its reminders (job plan-<docId>), a worker
 * started like `sgbot worker` turns them into delayed jobs for the rapporteurs of the group's Questions, and a due
 * reminder lands in the outbox (no SMTP_URL) threaded to nothing but carrying the deadline.
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
const prefix = `it-remwire-${process.pid}`;
const env = { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' };

describe('reminders, wired', () => {
  let s: Services;
  let worker: RunningWorker;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sgbot-remwire-'));
    s = await createServices(loadConfig(env, '/nonexistent'), { longRunning: true });
    await s.roster.put(makePerson({ name: 'Ana Silva', email: 'ana@example.org', tz: 'America/Sao_Paulo', roles: [{ kind: 'rapporteur', scope: 'Q4/16' }] }));
    worker = startWorker(s);
  });
  afterAll(async () => {
    await worker.stop();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans reminders for a rapporteur of the group when a letter is ingested, and delivers a due one', async () => {
    const due = DateTime.now().setZone('Europe/Zurich').plus({ days: 10 });
    const file = join(dir, 'letter.txt');
    // Dated today: a letter's deadlines before its own date are not deadlines.
    const today = DateTime.now().setZone('Europe/Zurich').toFormat('d LLLL yyyy');
    writeFileSync(file, letterText(6, 16, due.toFormat('d LLLL yyyy')).replace(/^Geneva, .*$/m, `Geneva, ${today}`));
    let out = '';
    const io: CliIO = { out: (t) => (out += t), err: (t) => (out += t), env, isTTY: false };
    expect(await runCli(['node', 'sgbot', 'ingest', file, '--no-progress'], io)).toBe(0);

    await s.jobs().drained({ name: 'plan-reminders' }, 20_000);
    const delayed = await s.jobs().queue({ name: 'reminder' }).getDelayed();
    // 7 days, 1 day and the morning of the day before a deadline 10 days ahead; 14 days is already past.
    expect(delayed.length).toBe(3);
    const first = delayed.sort((a, b) => a.timestamp + (a.opts.delay ?? 0) - (b.timestamp + (b.opts.delay ?? 0)))[0];
    // The instant planned is in the payload; BullMQ's timestamp + delay may fall a few milliseconds before it (its
    // delay is taken from a later clock reading in Redis).
    const planned = (first?.data as { at: number } | undefined)?.at ?? 0;
    expect(DateTime.fromMillis(planned, { zone: 'America/Sao_Paulo' }).toFormat('HH:mm:ss')).toBe('09:00:00');
    expect(Math.abs((first?.timestamp ?? 0) + (first?.opts.delay ?? 0) - planned)).toBeLessThan(1_000);

    await first?.promote();
    const end = Date.now() + 20_000;
    while ((await s.redis.llen(`${prefix}:outbox`)) === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const mails = (await s.redis.lrange(`${prefix}:outbox`, 0, -1)).map((x) => JSON.parse(x) as { to: string[]; subject: string; kind: string });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['ana@example.org'], kind: 'notification' });
    expect(mails[0]?.subject).toMatch(/SG16|Collective letter 6\/16|contributions/i);
    expect((await s.audit.latest(5, 'reminder.sent'))[0]).toMatchObject({ target: expect.stringContaining('ana@example.org') as string, result: 'ok' });
  });

  it('re-plans within the minute after someone subscribes', async () => {
    await s.roster.put(makePerson({ name: 'Bo Lind', email: 'bo@example.org', tz: 'Europe/Stockholm', roles: [{ kind: 'delegate' }] }));
    const before = (await s.jobs().queue({ name: 'reminder' }).getDelayed()).length;
    let out = '';
    const io: CliIO = { out: (t) => (out += t), err: (t) => (out += t), env, isTTY: false };
    expect(await runCli(['node', 'sgbot', 'ask', 'subscribe contributions SG16', '--as', 'bo@example.org'], io)).toBe(0);
    expect(await s.redis.get(`${prefix}:reminders:replan`)).not.toBeNull();
    // What the every-minute scheduler runs, queued now rather than waited for.
    const queue = s.jobs().queue({ name: 'replan-reminders' });
    await queue.add('replan-reminders', {}, { jobId: 'test-replan' });
    const end = Date.now() + 20_000;
    while ((await queue.getJobState('test-replan')) !== 'completed' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(await queue.getJobState('test-replan')).toBe('completed');
    const after = await s.jobs().queue({ name: 'reminder' }).getDelayed();
    expect(after.length).toBe(before + 3);
    expect(after.filter((j) => JSON.stringify(j.data).includes('bo@example.org'))).toHaveLength(3);
    expect(await s.redis.get(`${prefix}:reminders:replan`)).toBeNull();
  });
});
