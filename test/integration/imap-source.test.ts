/**
 * ImapSource against a real Dovecot (test/support/dovecot.ts: IMAP to read, LMTP to deliver) and the private
 * redis-server (test/setup/global-redis.ts). Each test has its own mail user and Redis key prefix.
 */
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImapSource, type ImapLogger, type ImapMessage, type ImapSourceOptions, type ImapStatus } from '../../src/ingest/imap.ts';
import { startDovecot, type Dovecot } from '../support/dovecot.ts';

const PASS = 'secret';
const USERS = ['backfill', 'idle', 'resume', 'restart', 'lock', 'lease', 'auth', 'uidv', 'sink'].map((name) => `${name}@example.test`);

let dovecot: Dovecot;
let redis: Redis;
const sources: ImapSource[] = [];
const clients: ImapFlow[] = [];

// A pino logger must fit the logger option.
const _pinoFits: ImapLogger = pino({ level: 'silent' });

beforeAll(async () => {
  dovecot = await startDovecot({ users: USERS.map((user) => ({ user, pass: PASS })) });
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.stop()));
  await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => c.close())));
});

afterAll(async () => {
  await redis?.quit();
  await dovecot?.stop();
});

/** A mail whose Message-ID and subject are `tag`. */
function mail(tag: string, body = `Body of ${tag}.`): string {
  return [
    'From: TSB <tsb@example.test>',
    'To: sg20@lists.example.test',
    `Subject: ${tag}`,
    `Message-ID: <${tag}@example.test>`,
    'Date: Mon, 2 Mar 2026 10:00:00 +0000',
    '',
    body,
    '',
  ].join('\r\n');
}

function subjectOf(m: ImapMessage): string {
  return /^Subject: (.*)$/m.exec(m.raw.toString())?.[1]?.trim() ?? '?';
}

/** A sink that records what it was given. */
function collector() {
  const got: ImapMessage[] = [];
  const sink = async (m: ImapMessage): Promise<void> => {
    got.push(m);
    return Promise.resolve();
  };
  return { got, sink, subjects: () => got.map(subjectOf) };
}

interface LogEntry {
  level: string;
  obj: object;
  msg: string;
}

function capturingLogger(): { logger: ImapLogger; entries: LogEntry[]; text: () => string } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg: string) => void entries.push({ level, obj, msg });
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    entries,
    text: () => JSON.stringify(entries),
  };
}

/** Polls `check` every 20 ms until it is true; fails with `what` after `timeoutMs`. */
async function waitFor(what: string | (() => string), check: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function source(user: string, prefix: string, options: Partial<ImapSourceOptions> & Pick<ImapSourceOptions, 'sink'>): ImapSource {
  const s = new ImapSource({
    account: { id: user, host: '127.0.0.1', port: dovecot.imapPort, secure: false, user, pass: PASS },
    redis,
    prefix,
    idleDelayMs: 100,
    backoff: { initialMs: 100, maxMs: 500 },
    lockTtlMs: 1_500,
    lockRetryMs: 100,
    ...options,
  });
  sources.push(s);
  return s;
}

async function admin(user: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.imapPort, secure: false, auth: { user, pass: PASS }, logger: false });
  clients.push(client);
  await client.connect();
  return client;
}

function status(s: ImapSource): ImapStatus {
  return s.state().status;
}

let prefixes = 0;
function newPrefix(): string {
  prefixes += 1;
  return `it-imapsrc-${process.pid}-${prefixes}`;
}

describe('ImapSource', () => {
  it('backfills from the since date in UID order, checkpoints, and then reads every new UID', async () => {
    const user = 'backfill@example.test';
    const prefix = newPrefix();
    const imap = await admin(user);
    const old = new Date('2020-05-01T09:00:00Z');
    await imap.append('INBOX', mail('old-1'), [], old);
    await dovecot.deliver(user, mail('new-1'));
    await imap.append('INBOX', mail('old-2'), [], old);
    await dovecot.deliver(user, mail('new-2'));
    await dovecot.deliver(user, mail('new-3'));

    const c = collector();
    const s = source(user, prefix, { sink: c.sink, since: new Date('2024-01-01T00:00:00Z') });
    s.start();
    await waitFor('3 messages and idle', () => c.got.length >= 3 && status(s) === 'idle');

    expect(c.subjects()).toEqual(['new-1', 'new-2', 'new-3']);
    expect(c.got.map((m) => m.uid)).toEqual([2, 4, 5]);
    const first = c.got[0];
    expect(first?.raw.toString()).toContain('Body of new-1.');
    expect(first).toMatchObject({ account: user, mailbox: 'INBOX' });
    expect(first?.internalDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    const uidValidity = first?.uidValidity;
    expect(uidValidity).toMatch(/^\d+$/);
    expect(await redis.hgetall(`${prefix}:imap:ckpt:${user}:INBOX`)).toMatchObject({ uidValidity, lastUid: '5' });
    expect(s.state()).toMatchObject({ account: user, status: 'idle', lastError: null, mailboxes: [{ name: 'INBOX', lastUid: 5, uidValidity }] });

    // After the first run the since date no longer filters: an old-dated arrival is new mail.
    await imap.append('INBOX', mail('old-3'), [], old);
    await waitFor('old-3', () => c.got.length >= 4);
    expect(c.subjects()).toEqual(['new-1', 'new-2', 'new-3', 'old-3']);
    expect(c.got[3]?.uid).toBe(6);
  });

  it('reads a message delivered while idling within a few seconds', async () => {
    const user = 'idle@example.test';
    const c = collector();
    const s = source(user, newPrefix(), { sink: c.sink });
    s.start();
    await waitFor('idle', () => status(s) === 'idle');
    const sent = Date.now();
    await dovecot.deliver(user, mail('live', 'Draft Recommendation Y.4241 is ready for consent.'));
    await waitFor('the live message', () => c.got.length === 1, 5_000);
    const latencyMs = Date.now() - sent;
    console.log(`IMAP arrival-to-sink latency: ${latencyMs} ms`);
    expect(c.got[0]?.raw.toString()).toContain('Draft Recommendation Y.4241 is ready for consent.');
    expect(subjectOf(c.got[0] as ImapMessage)).toBe('live');
    expect(latencyMs).toBeLessThan(3_000);
  });

  it('stops gracefully during a sink call and a new source resumes after the checkpoint, without duplicates', async () => {
    const user = 'resume@example.test';
    const prefix = newPrefix();
    await dovecot.deliver(user, mail('r-1'));
    await dovecot.deliver(user, mail('r-2'));

    const seen: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let inSink = false;
    const first = source(user, prefix, {
      sink: async (m) => {
        seen.push(subjectOf(m));
        if (subjectOf(m) === 'r-2') {
          inSink = true;
          await blocked;
        }
      },
    });
    first.start();
    await waitFor('the sink to hold r-2', () => inSink);
    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    // Proving that stop() waits needs a pause: nothing can signal "still waiting".
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(first.state().status).toBe('stopped');
    expect(await redis.hget(`${prefix}:imap:ckpt:${user}:INBOX`, 'lastUid')).toBe('2');
    expect(await redis.exists(`${prefix}:imap:lock:${user}:INBOX`)).toBe(0);

    await dovecot.deliver(user, mail('r-3'));
    await dovecot.deliver(user, mail('r-4'));
    const c = collector();
    const second = source(user, prefix, { sink: c.sink });
    second.start();
    await waitFor('r-3 and r-4', () => c.got.length >= 2 && status(second) === 'idle');
    await dovecot.deliver(user, mail('r-5'));
    await waitFor('r-5', () => c.got.length >= 3);
    expect(seen).toEqual(['r-1', 'r-2']);
    expect(c.subjects()).toEqual(['r-3', 'r-4', 'r-5']);
    expect(c.got.map((m) => m.uid)).toEqual([3, 4, 5]);
  });

  it('reconnects after a Dovecot restart and misses nothing', async () => {
    const user = 'restart@example.test';
    const c = collector();
    const log = capturingLogger();
    const s = source(user, newPrefix(), { sink: c.sink, logger: log.logger });
    await dovecot.deliver(user, mail('before-1'));
    s.start();
    await waitFor('before-1', () => c.got.length === 1 && status(s) === 'idle');
    await dovecot.deliver(user, mail('before-2'));
    await waitFor('before-2', () => c.got.length === 2);

    let statusWhileDown: ImapStatus | null = null;
    await dovecot.restart({
      whileDown: async () => {
        await waitFor('the source to notice', () => !['idle', 'syncing'].includes(status(s)));
        statusWhileDown = status(s);
        dovecot.dropIntoMaildir(user, mail('during-1'));
      },
    });
    await dovecot.deliver(user, mail('during-2'));
    await waitFor(() => `reconnection (${JSON.stringify(s.state())})`, () => status(s) === 'idle' && c.got.length >= 4);
    await dovecot.deliver(user, mail('after-1'));
    await waitFor('after-1', () => c.subjects().includes('after-1'));

    expect(statusWhileDown).toMatch(/^(backoff|connecting)$/);
    // Dovecot numbers the two "during" messages in the order it finds them, whichever that is.
    expect(c.got.map((m) => m.uid)).toEqual([1, 2, 3, 4, 5]);
    expect([...c.subjects().slice(0, 2), ...c.subjects().slice(2, 4).sort(), c.subjects()[4]]).toEqual([
      'before-1',
      'before-2',
      'during-1',
      'during-2',
      'after-1',
    ]);
    expect(log.entries.some((e) => e.level === 'warn' && /connection|nothing accepts/i.test(e.msg))).toBe(true);
    expect(s.state().lastError).toBeNull();
  });

  it('lets one of two instances read a mailbox; the other takes over when it stops', async () => {
    const user = 'lock@example.test';
    const prefix = newPrefix();
    for (const n of [1, 2, 3]) await dovecot.deliver(user, mail(`l-${n}`));
    const a = collector();
    const b = collector();
    const sa = source(user, prefix, { sink: a.sink, instanceId: 'A' });
    const sb = source(user, prefix, { sink: b.sink, instanceId: 'B' });
    sa.start();
    sb.start();
    await waitFor('one reader and one standby', () => [status(sa), status(sb)].sort().join() === 'idle,standby' && a.got.length + b.got.length === 3);
    await dovecot.deliver(user, mail('l-4'));
    await dovecot.deliver(user, mail('l-5'));
    await waitFor('5 messages', () => a.got.length + b.got.length === 5);

    const lock = await redis.get(`${prefix}:imap:lock:${user}:INBOX`);
    expect(lock).toMatch(/^[AB]:/);
    const [holder, holderSink, other, otherSink] = lock?.startsWith('A:') ? [sa, a, sb, b] : [sb, b, sa, a];
    expect(holderSink.subjects()).toEqual(['l-1', 'l-2', 'l-3', 'l-4', 'l-5']);
    expect(otherSink.got).toEqual([]);
    expect(other.state().nextRetryAt).not.toBeNull();

    await holder.stop();
    await waitFor('the other instance to take over', () => status(other) === 'idle');
    await dovecot.deliver(user, mail('l-6'));
    await dovecot.deliver(user, mail('l-7'));
    await waitFor('l-6 and l-7', () => otherSink.got.length === 2);
    expect(otherSink.subjects()).toEqual(['l-6', 'l-7']);
    expect(holderSink.got).toHaveLength(5);
  });

  it('stops reading at once when its lock is taken away, and resumes when it can take it again', async () => {
    const user = 'lease@example.test';
    const prefix = newPrefix();
    const lock = `${prefix}:imap:lock:${user}:INBOX`;
    const ckpt = `${prefix}:imap:ckpt:${user}:INBOX`;
    const c = collector();
    const log = capturingLogger();
    const s = source(user, prefix, { sink: c.sink, logger: log.logger, lockTtlMs: 900, lockRetryMs: 100 });
    s.start();
    await dovecot.deliver(user, mail('k-1'));
    await waitFor('k-1', () => c.got.length === 1 && status(s) === 'idle');

    // As if the lease had expired and another instance had taken it.
    await redis.set(lock, 'someone-else', 'PX', 60_000);
    await waitFor('standby', () => status(s) === 'standby', 3_000);
    expect(log.entries.some((e) => e.level === 'warn' && /lock lost/.test(e.msg))).toBe(true);
    await dovecot.deliver(user, mail('k-2'));
    // Dovecot has stored k-2 (LMTP answered). Proving that it is NOT read needs a pause: several lock retries.
    await new Promise((r) => setTimeout(r, 800));
    expect(c.got).toHaveLength(1);
    expect(await redis.hget(ckpt, 'lastUid')).toBe('1');

    await redis.del(lock);
    await waitFor('k-2 after the lock is free again', () => c.got.length === 2);
    expect(c.subjects()).toEqual(['k-1', 'k-2']);
    expect(await redis.get(lock)).toMatch(/:/);
  });

  it('reports a refused login as auth-failed, names the setting, never logs the password, and keeps running', async () => {
    const user = 'auth@example.test';
    const wrong = 'Not-The-Password-7319';
    const log = capturingLogger();
    const c = collector();
    const s = new ImapSource({
      account: { id: user, host: '127.0.0.1', port: dovecot.imapPort, secure: false, user, pass: wrong },
      redis,
      prefix: newPrefix(),
      sink: c.sink,
      logger: log.logger,
      backoff: { initialMs: 100, maxMs: 500, authMs: 60_000 },
    });
    sources.push(s);
    s.start();
    await waitFor('auth-failed', () => status(s) === 'auth-failed', 10_000);
    const state = s.state();
    expect(state.lastError).toMatch(/login as auth@example\.test .* was refused/);
    expect(state.lastError).toMatch(/user name or password .* SGBOT_IMAP/);
    expect(Date.parse(state.nextRetryAt ?? '') - Date.now()).toBeGreaterThan(20_000);
    expect(log.entries.some((e) => e.level === 'error' && /refused/.test(e.msg))).toBe(true);
    expect(log.text()).not.toContain(wrong);
    expect(JSON.stringify(state)).not.toContain(wrong);
    const t0 = Date.now();
    await s.stop();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(s.state().status).toBe('stopped');
  });

  it('resyncs the mailbox when its UIDVALIDITY changes, and logs it', async () => {
    const user = 'uidv@example.test';
    const prefix = newPrefix();
    const imap = await admin(user);
    await imap.mailboxCreate('sg20');
    await imap.append('sg20', mail('u-1'));
    await imap.append('sg20', mail('u-2'));
    const c = collector();
    const log = capturingLogger();
    // Dovecot closes a session whose mailbox is deleted if it notices during IDLE; otherwise the poll's re-SELECT
    // finds the new UIDVALIDITY.
    const s = source(user, prefix, { sink: c.sink, logger: log.logger, mailboxes: ['sg20'], pollIntervalMs: 500 });
    s.start();
    await waitFor('u-1 and u-2', () => c.got.length === 2 && status(s) === 'idle');
    const before = c.got[0]?.uidValidity;

    // Rebuilt mailbox: UIDs start again at 1, so a checkpoint at UID 2 would hide the first two new messages.
    await imap.mailboxDelete('sg20');
    await imap.mailboxCreate('sg20');
    for (const n of [3, 4, 5]) await imap.append('sg20', mail(`u-${n}`));
    await waitFor(() => `the resync (${JSON.stringify(s.state())})`, () => c.got.length === 5);

    expect(c.subjects()).toEqual(['u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
    const after = c.got[2]?.uidValidity;
    expect(after).not.toBe(before);
    expect(c.got.slice(2).map((m) => [m.uid, m.uidValidity])).toEqual([[1, after], [2, after], [3, after]]);
    const warning = log.entries.find((e) => e.level === 'warn' && /UIDVALIDITY changed/.test(e.msg));
    expect(warning?.obj).toMatchObject({ mailbox: 'sg20', oldUidValidity: before, uidValidity: after });
    expect(await redis.hgetall(`${prefix}:imap:ckpt:${user}:sg20`)).toMatchObject({ uidValidity: after, lastUid: '3' });
  });

  it('reports a Redis outage as a Redis problem, not an IMAP one', async () => {
    const user = 'sink@example.test';
    const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    deadRedis.on('error', () => undefined);
    try {
      const s = source(user, newPrefix(), { sink: collector().sink, redis: deadRedis });
      s.start();
      await waitFor('backoff', () => status(s) === 'backoff');
      expect(s.state().lastError).toMatch(/^Redis, which holds the IMAP checkpoints and locks, failed .*REDIS_URL/);
      await s.stop();
    } finally {
      deadRedis.disconnect();
    }
  });

  it('offers a message again after the sink throws, without skipping it or advancing the checkpoint', async () => {
    const user = 'sink@example.test';
    const prefix = newPrefix();
    for (const n of [1, 2, 3]) await dovecot.deliver(user, mail(`h-${n}`));
    const calls: string[] = [];
    const ckptAtRetry: Array<string | null> = [];
    let failed = false;
    const s = source(user, prefix, {
      sink: async (m) => {
        const subject = subjectOf(m);
        calls.push(subject);
        if (subject === 'h-2' && !failed) {
          failed = true;
          throw new Error('queue unavailable');
        }
        if (subject === 'h-2') ckptAtRetry.push(await redis.hget(`${prefix}:imap:ckpt:${user}:INBOX`, 'lastUid'));
      },
    });
    s.start();
    await waitFor('all three', () => calls.includes('h-3') && status(s) === 'idle');
    expect(calls).toEqual(['h-1', 'h-2', 'h-2', 'h-3']);
    expect(ckptAtRetry).toEqual(['1']);
    expect(await redis.hget(`${prefix}:imap:ckpt:${user}:INBOX`, 'lastUid')).toBe('3');
  });
});
