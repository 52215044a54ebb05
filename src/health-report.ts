/**
 * What `/healthz` and `/metrics` say about the instance: Redis answers or not (within a short timeout, so a stopped
 * Redis is reported in about a second and a check never hangs), and, from the heartbeats in Redis, the state of each
 * IMAP mailbox and of the worker, Slack and Teams processes. {@link summarizeHealth} is the pure part.
 */
import type { Redis } from 'ioredis';
import { readHeartbeats, STALE_AFTER_MS, type Heartbeat } from './health.ts';

/** A mailbox that has been reconnecting this long (ms) counts as down; a shorter outage (a server restart) does not. */
export const DEFAULT_IMAP_GRACE_MS = 5_000;
/** How long a Redis PING may take before Redis counts as down, ms. */
export const DEFAULT_PROBE_TIMEOUT_MS = 1_000;

/** `up`: a fresh heartbeat; `down`: only stale ones (the process stopped reporting); `absent`: none at all. */
export type ComponentState = 'up' | 'down' | 'absent';

export interface ComponentHealth {
  state: ComponentState;
  /** Processes with a fresh heartbeat. */
  instances: number;
  /** ISO time of the newest heartbeat, `null` when there is none. */
  lastSeen: string | null;
}

/** One mailbox of one IMAP account, over every worker that reports it. */
export interface MailboxHealth {
  account: string;
  mailbox: string;
  up: boolean;
  /**
   * The reader's status (`idle`, `syncing`, `standby`, `connecting`, `backoff`, `auth-failed`, `stopped`), `stale` (its
   * worker stopped reporting) or `absent` (configured, but no worker ever reported it).
   */
  status: string;
  lastError: string | null;
  /** ISO time the current run of failures began, `null` while all is well. */
  failingSince: string | null;
  /** ISO time of the newest report, `''` when none was ever seen (status `absent`). */
  lastSeen: string;
}

export interface HealthSummary {
  imap: MailboxHealth[];
  worker: ComponentHealth;
  /** Every chat platform's receiver (`sgbot start`, `sgbot slack`…), by platform id: `slack`, `teams`, `webhook`. */
  chat: Record<string, ComponentHealth>;
  /** `chat.slack` and `chat.teams`, where earlier versions reported them. */
  slack: ComponentHealth;
  teams: ComponentHealth;
}

/** The body of `/healthz`: `ok` is false when Redis is down or a mailbox is failing. */
export interface HealthReport extends HealthSummary {
  ok: boolean;
  redis: 'up' | 'down';
  /** Why Redis counts as down. */
  redisError?: string;
}

export interface HealthOptions {
  now: number;
  staleAfterMs?: number;
  imapGraceMs?: number;
  /** The mailboxes the settings say are read (`SGBOT_IMAP`): one no worker reports is down (no worker reads it). */
  expectImap?: ReadonlyArray<{ account: string; mailboxes: readonly string[] }>;
  /** The chat platforms' ids (src/chat/platforms.ts), reported in `chat`; default Slack and Teams. */
  platforms?: readonly string[];
}

interface MailboxBeat {
  status: string;
  lastError: string | null;
  failingSince: string | null;
  at: string;
  fresh: boolean;
}

const READING = new Set(['idle', 'syncing']);
const RECONNECTING = new Set(['backoff', 'connecting']);
const URGENCY = ['auth-failed', 'stopped', 'backoff', 'connecting', 'syncing', 'idle', 'standby'];
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The mailboxes an IMAP heartbeat reports (its `ImapSourceState`); an account-level state counts as one mailbox `*`. */
function mailboxesOf(beat: Heartbeat, fresh: boolean): Array<{ account: string; mailbox: string; beat: MailboxBeat }> {
  const account = str(beat.state.account) ?? beat.id;
  const list = Array.isArray(beat.state.mailboxes) ? (beat.state.mailboxes as Array<Record<string, unknown>>) : [{ ...beat.state, name: '*' }];
  return list.map((m) => ({
    account,
    mailbox: str(m.name) ?? '*',
    beat: { status: str(m.status) ?? 'unknown', lastError: str(m.lastError), failingSince: str(m.failingSince), at: beat.at, fresh },
  }));
}

/** Whether one reader's report says the mailbox is failing now. */
function failing(b: MailboxBeat, now: number, graceMs: number): boolean {
  if (b.status === 'auth-failed' || b.status === 'stopped') return true;
  if (!RECONNECTING.has(b.status)) return false;
  // A reader in backoff without a failure time (an older worker) is failing at once; `connecting` at start is not.
  if (b.failingSince === null) return b.status === 'backoff';
  return now - Date.parse(b.failingSince) >= graceMs;
}

function component(beats: Heartbeat[], name: string, now: number, staleAfterMs: number): ComponentHealth {
  const mine = beats.filter((b) => b.component === name);
  const fresh = mine.filter((b) => now - Date.parse(b.at) <= staleAfterMs);
  const lastSeen = mine.map((b) => b.at).sort().at(-1) ?? null;
  return { state: fresh.length > 0 ? 'up' : mine.length > 0 ? 'down' : 'absent', instances: fresh.length, lastSeen };
}

/**
 * Health from the heartbeats: a mailbox is up when a fresh report has it reading (or in standby, or reconnecting
 * for less than the grace period); down when a fresh report has its login refused or has been reconnecting longer
 * than the grace period, or when its only reports are stale (the worker reading it stopped reporting).
 *
 * @example summarizeHealth(await readHeartbeats(redis, 'sgbot'), { now: Date.now() }).imap[0]?.up
 */
export function summarizeHealth(beats: Heartbeat[], opts: HealthOptions): HealthSummary {
  const { now } = opts;
  const staleAfterMs = opts.staleAfterMs ?? STALE_AFTER_MS;
  const graceMs = opts.imapGraceMs ?? DEFAULT_IMAP_GRACE_MS;
  const byMailbox = new Map<string, { account: string; mailbox: string; beats: MailboxBeat[] }>();
  for (const beat of beats.filter((b) => b.component === 'imap')) {
    for (const m of mailboxesOf(beat, now - Date.parse(beat.at) <= staleAfterMs)) {
      const key = JSON.stringify([m.account, m.mailbox]);
      const entry = byMailbox.get(key) ?? { account: m.account, mailbox: m.mailbox, beats: [] };
      entry.beats.push(m.beat);
      byMailbox.set(key, entry);
    }
  }
  const rank = (b: MailboxBeat) => (URGENCY.includes(b.status) ? URGENCY.indexOf(b.status) : URGENCY.length);
  const imap = [...byMailbox.values()].map(({ account, mailbox, beats: all }): MailboxHealth => {
    const lastSeen = all.map((b) => b.at).sort().at(-1) ?? '';
    const fresh = all.filter((b) => b.fresh);
    const pick = (b: MailboxBeat, up: boolean): MailboxHealth => ({ account, mailbox, up, status: b.status, lastError: b.lastError, failingSince: b.failingSince, lastSeen });
    const reading = fresh.find((b) => READING.has(b.status));
    if (reading) return pick(reading, true);
    const broken = fresh.filter((b) => failing(b, now, graceMs)).sort((a, b) => rank(a) - rank(b))[0];
    if (broken) return pick(broken, false);
    const other = [...fresh].sort((a, b) => rank(a) - rank(b))[0];
    if (other) return pick(other, true);
    const since = Math.round((now - Date.parse(lastSeen)) / 1000);
    return { account, mailbox, up: false, status: 'stale', lastError: `No report for ${since} s: the worker reading this mailbox stopped (or cannot reach Redis).`, failingSince: null, lastSeen };
  });
  for (const { account, mailboxes } of opts.expectImap ?? []) {
    for (const mailbox of mailboxes) {
      if (byMailbox.has(JSON.stringify([account, mailbox]))) continue;
      imap.push({ account, mailbox, up: false, status: 'absent', lastError: 'No worker reports this mailbox: start one with `sgbot worker` (it reads SGBOT_IMAP).', failingSince: null, lastSeen: '' });
    }
  }
  imap.sort((a, b) => a.account.localeCompare(b.account) || a.mailbox.localeCompare(b.mailbox));
  const chat = Object.fromEntries([...new Set(['slack', 'teams', ...(opts.platforms ?? [])])].map((id) => [id, component(beats, id, now, staleAfterMs)]));
  return {
    imap,
    worker: component(beats, 'worker', now, staleAfterMs),
    chat,
    slack: chat['slack'] as ComponentHealth,
    teams: chat['teams'] as ComponentHealth,
  };
}

/** Rejects after `ms` unless `promise` settles first (which is then left to settle on its own, its error ignored). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), Math.max(1, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether Redis answers: at once `false` while the connection is not established (a stopped server closes it),
 * otherwise a PING within `timeoutMs`.
 */
export async function probeRedis(redis: Redis, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<{ up: boolean; error?: string }> {
  if (redis.status !== 'ready') return { up: false, error: `not connected (${redis.status})` };
  try {
    await withTimeout(redis.ping(), timeoutMs, 'Redis PING');
    return { up: true };
  } catch (err) {
    return { up: false, error: (err as Error).message };
  }
}

/** Everything `/healthz` reports, read within about `probeTimeoutMs` twice at worst. */
export async function healthReport(redis: Redis, prefix: string, opts: Partial<HealthOptions> & { probeTimeoutMs?: number } = {}): Promise<HealthReport> {
  const timeoutMs = opts.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const empty: ComponentHealth = { state: 'absent', instances: 0, lastSeen: null };
  const chat = Object.fromEntries([...new Set(['slack', 'teams', ...(opts.platforms ?? [])])].map((id) => [id, empty]));
  const down = (error: string): HealthReport => ({ ok: false, redis: 'down', redisError: error, imap: [], worker: empty, chat, slack: empty, teams: empty });
  const probe = await probeRedis(redis, timeoutMs);
  if (!probe.up) return down(probe.error ?? 'no answer');
  let beats: Heartbeat[];
  try {
    beats = await withTimeout(readHeartbeats(redis, prefix), timeoutMs, 'reading the heartbeats');
  } catch (err) {
    return down((err as Error).message);
  }
  const summary = summarizeHealth(beats, { ...opts, now: opts.now ?? Date.now() });
  return { ok: summary.imap.every((m) => m.up), redis: 'up', ...summary };
}
