/**
 * Reads one mailbox of one account on its own IMAP connection: takes the mailbox lock, catches up from the
 * checkpoint, then waits in IDLE and reads each new message as it arrives. Reconnects with backoff.
 */
import type { ImapFlow, MailboxObject, SearchObject } from 'imapflow';
import type { Redis } from 'ioredis';
import { authRetryDelay, backoffDelay, Waker } from './backoff.ts';
import { checkpointKey, loadCheckpoint, lockKey, saveCheckpoint, type Checkpoint } from './checkpoint.ts';
import { ConnectionLostError, describeImapError, errorText, LockLostError } from './errors.ts';
import { closeClient, createClient, isoDate, searchUids, viaRedis } from './imap-client.ts';
import { RedisLease } from './redis-lock.ts';
import type { BackoffSettings, ImapAccountSettings, ImapLogger, ImapMailboxState, ImapSink, ImapStatus } from './types.ts';

/** Everything a reader needs, defaults already applied. */
/** Bytes of an oversized message that are read: its headers and the start of its body. */
export const HEAD_BYTES = 64 * 1024;

export interface MailboxReaderSettings {
  account: ImapAccountSettings;
  mailbox: string;
  since: Date | undefined;
  redis: Redis;
  prefix: string;
  sink: ImapSink;
  logger: ImapLogger;
  lockTtlMs: number;
  lockRetryMs: number;
  backoff: BackoffSettings;
  idleDelayMs: number;
  pollIntervalMs: number;
  /** A message larger than this is not downloaded whole: only its first {@link HEAD_BYTES} go to the sink. */
  maxMessageBytes: number;
  /** Names this process in logs. */
  instanceId: string;
  /** Unique per reader: goes into the lock value. */
  token: string;
  settingName: string;
  /** Called (synchronously) whenever the status changes, so health can be published at once. */
  onStatus?: () => void;
}

/**
 * The worker behind {@link ImapSource} for one mailbox. `start()` launches its loop; `stop()` lets the message in
 * the sink finish, logs out and gives the lock back.
 */
export class MailboxReader {
  private status: ImapStatus = 'stopped';
  private lastError: string | null = null;
  private lastSyncAt: Date | null = null;
  private nextRetryAt: Date | null = null;
  /** When the current run of failures began (first failure after the last good sync), for health grace periods. */
  private failingSince: Date | null = null;
  private ckpt: Checkpoint | null = null;
  /** Failures in a row (connection or sink), for the backoff; reset by a successful sync. */
  private failures = 0;
  private authFailed = false;
  private stopping = false;
  private lockLost = false;
  /** New mail may be there: set by EXISTS, the poll timer and each new session. */
  private dirty = false;
  private client: ImapFlow | null = null;
  private running: Promise<void> | null = null;
  private readonly waker = new Waker();
  private readonly lease: RedisLease;
  private readonly ckptKey: string;
  private readonly log: ImapLogger;
  private readonly ctx: { account: string; mailbox: string; instance: string };

  constructor(private readonly s: MailboxReaderSettings) {
    this.ctx = { account: s.account.id, mailbox: s.mailbox, instance: s.instanceId };
    this.log = s.logger;
    this.ckptKey = checkpointKey(s.prefix, s.account.id, s.mailbox);
    this.lease = new RedisLease(s.redis, lockKey(s.prefix, s.account.id, s.mailbox), {
      ttlMs: s.lockTtlMs,
      token: s.token,
      onLost: (reason) => this.onLockLost(reason),
    });
  }

  /** Launches the reading loop (returns at once). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.setStatus('connecting');
    this.running = this.run().catch((err: unknown) => {
      // run() handles its errors; reaching here is a bug, but must not crash the process.
      this.lastError = `internal error: ${errorText(err)}`;
      this.log.error({ ...this.ctx, err: errorText(err) }, 'IMAP reader crashed');
    });
  }

  /** Finishes the message in the sink (if any), logs out, releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.waker.wake();
    // A connection still being opened has nothing to finish: abandon it.
    if (this.client && !this.client.usable) this.client.close();
    await this.running;
    this.running = null;
    await this.lease.release();
    this.failingSince = null;
    this.setStatus('stopped');
  }

  /** Health of this mailbox. */
  state(): ImapMailboxState {
    return {
      name: this.s.mailbox,
      status: this.status,
      lastUid: this.ckpt?.lastUid ?? null,
      uidValidity: this.ckpt?.uidValidity ?? null,
      lastError: this.lastError,
      lastSyncAt: this.lastSyncAt?.toISOString() ?? null,
      nextRetryAt: this.nextRetryAt?.toISOString() ?? null,
      failingSince: this.failingSince?.toISOString() ?? null,
    };
  }

  private interrupted(): boolean {
    return this.stopping || this.lockLost;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!this.lease.held) {
          this.lockLost = false;
          if (!(await viaRedis(() => this.lease.acquire()))) {
            this.setStatus('standby', new Date(Date.now() + this.s.lockRetryMs));
            await this.pause(this.s.lockRetryMs);
            continue;
          }
          this.log.info({ ...this.ctx, lock: this.lease.key }, 'IMAP mailbox lock taken: this instance reads the mailbox');
        }
        await this.session();
      } catch (err) {
        if (this.stopping) break;
        if (this.lockLost || err instanceof LockLostError) continue;
        await this.backoffAfter(err);
      }
    }
  }

  /** One connection, from login until it fails, the lock is lost or the reader stops. */
  private async session(): Promise<void> {
    if (this.interrupted()) return;
    const client = createClient(this.s.account, this.s.idleDelayMs);
    let closed = false;
    const onExists = (): void => this.markDirty();
    const onClose = (): void => {
      closed = true;
      this.waker.wake();
    };
    client.on('exists', onExists);
    client.on('close', onClose);
    // Without a listener an 'error' event would crash the process; the failing command reports it anyway.
    client.on('error', (err: Error) => this.log.debug({ ...this.ctx, err: errorText(err) }, 'IMAP connection error'));
    // The poll re-opens the mailbox: a session keeps its old view of a mailbox that was deleted and recreated
    // (Dovecot answers SEARCH, NOOP and even STATUS from it), only a new SELECT sees the new UIDVALIDITY.
    let reopen = false;
    const poll = setInterval(() => {
      reopen = true;
      this.markDirty();
    }, this.s.pollIntervalMs);
    poll.unref();
    this.client = client;
    this.dirty = true;
    try {
      if (!this.authFailed) this.setStatus('connecting');
      await client.connect();
      this.authFailed = false;
      if (this.interrupted()) return;
      await this.openMailbox(client);
      this.log.info({ ...this.ctx, uidValidity: this.ckpt?.uidValidity, lastUid: this.ckpt?.lastUid }, 'IMAP mailbox opened');
      for (;;) {
        if (this.interrupted()) return;
        if (closed) throw new ConnectionLostError(client.byeReason ?? 'the server closed the connection');
        if (this.dirty) {
          this.dirty = false;
          this.setStatus('syncing');
          if (reopen) {
            reopen = false;
            await this.openMailbox(client);
          }
          if (!(await this.sync(client))) continue;
          this.lastSyncAt = new Date();
          this.failures = 0;
          this.lastError = null;
          this.failingSince = null;
          this.setStatus('idle');
          continue;
        }
        await this.waker.wait();
      }
    } finally {
      clearInterval(poll);
      client.off('exists', onExists);
      client.off('close', onClose);
      this.client = null;
      await closeClient(client, this.stopping && !this.lockLost && !closed);
    }
  }

  private markDirty(): void {
    this.dirty = true;
    this.waker.wake();
  }

  /** Selects the mailbox read-only (EXAMINE: reading never changes flags) and settles the checkpoint. */
  private async openMailbox(client: ImapFlow): Promise<void> {
    const box = await client.mailboxOpen(this.s.mailbox, { readOnly: true });
    await this.prepareCheckpoint(box);
  }

  /** First run or UIDVALIDITY change: start a backfill. Otherwise resume from the stored checkpoint. */
  private async prepareCheckpoint(box: MailboxObject): Promise<void> {
    const uidValidity = String(box.uidValidity);
    // The mailbox object mutates as mail arrives: take uidNext now.
    const uidNext = Number(box.uidNext);
    const stored = await viaRedis(() => loadCheckpoint(this.s.redis, this.ckptKey));
    if (stored && stored.uidValidity === uidValidity) {
      this.ckpt = stored;
      return;
    }
    const fresh: Checkpoint = { uidValidity, lastUid: 0, backfillUntil: Math.max(0, uidNext - 1) };
    const since = this.s.since?.toISOString().slice(0, 10) ?? 'the beginning';
    if (stored) {
      this.log.warn(
        { ...this.ctx, oldUidValidity: stored.uidValidity, uidValidity, oldLastUid: stored.lastUid, since },
        'IMAP UIDVALIDITY changed (the mailbox was recreated or rebuilt): old UIDs mean nothing now, resyncing ' +
          'the mailbox from the since date; the sink drops the messages it already has',
      );
    } else {
      this.log.info({ ...this.ctx, uidValidity, since }, 'IMAP first run for this mailbox: backfilling');
    }
    await this.writeCheckpoint(fresh);
  }

  /**
   * Hands every message after the checkpoint to the sink, in UID order. `false` when interrupted (stop, lost
   * lock) before the end.
   */
  private async sync(client: ImapFlow): Promise<boolean> {
    const start = this.checkpoint();
    if (start.lastUid < start.backfillUntil) {
      const query: SearchObject = { uid: `${start.lastUid + 1}:${start.backfillUntil}` };
      if (this.s.since) query.since = this.s.since;
      const uids = await searchUids(client, query, (uid) => uid > start.lastUid && uid <= start.backfillUntil);
      for (const uid of uids) if (!(await this.readOne(client, uid))) return false;
      await this.writeCheckpoint({ ...this.checkpoint(), lastUid: start.backfillUntil });
    }
    const from = this.checkpoint().lastUid + 1;
    // "UID n:*" always matches the highest UID, even below n: hence the filter.
    const uids = await searchUids(client, { uid: `${from}:*` }, (uid) => uid >= from);
    for (const uid of uids) if (!(await this.readOne(client, uid))) return false;
    return true;
  }

  /** Reads one message, hands it to the sink (retrying after backoff), then advances the checkpoint. */
  private async readOne(client: ImapFlow, uid: number): Promise<boolean> {
    if (this.interrupted()) return false;
    // The size first: a message over the limit is never pulled whole into memory; its head is enough to report it.
    const sized = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
    const size = sized ? (sized.size ?? 0) : 0;
    const truncated = size > this.s.maxMessageBytes;
    const found = await client.fetchOne(String(uid), { uid: true, source: truncated ? { start: 0, maxLength: HEAD_BYTES } : true, internalDate: true }, { uid: true });
    const ckpt = this.checkpoint();
    if (found && found.source) {
      if (truncated) this.log.warn({ ...this.ctx, uid, size, limit: this.s.maxMessageBytes }, 'IMAP message over the size limit: only its head is kept');
      const message = {
        raw: found.source,
        account: this.s.account.id,
        mailbox: this.s.mailbox,
        uid,
        uidValidity: ckpt.uidValidity,
        internalDate: isoDate(found),
        size: truncated ? size : found.source.length,
        truncated,
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.s.sink(message);
          break;
        } catch (err) {
          if (this.interrupted()) return false;
          const delay = backoffDelay(attempt, this.s.backoff);
          this.lastError = `The sink failed on UID ${uid} of "${this.s.mailbox}" (${errorText(err)}); the message is retried, not skipped.`;
          this.failingSince ??= new Date();
          this.setStatus('backoff', new Date(Date.now() + delay));
          this.log.warn({ ...this.ctx, uid, attempt, retryInMs: delay, err: errorText(err) }, 'IMAP sink failed; retrying the same message');
          await this.pause(delay);
          if (this.interrupted()) return false;
          this.setStatus('syncing');
        }
      }
    } else {
      // fetchOne() also answers "nothing" when the connection is gone: skip only a message the server says is gone.
      const still = await searchUids(client, { uid: String(uid) }, (u) => u === uid);
      if (still.length > 0) throw new Error(`UID ${uid} exists but FETCH returned nothing`);
      this.log.info({ ...this.ctx, uid }, 'IMAP message was expunged before it could be read; skipped');
    }
    await this.writeCheckpoint({ ...ckpt, lastUid: Math.max(ckpt.lastUid, uid) });
    return true;
  }

  private checkpoint(): Checkpoint {
    if (!this.ckpt) throw new Error('no checkpoint: prepareCheckpoint() runs first');
    return this.ckpt;
  }

  private async writeCheckpoint(ckpt: Checkpoint): Promise<void> {
    if (this.lockLost || !(await viaRedis(() => saveCheckpoint(this.s.redis, this.ckptKey, this.lease, ckpt)))) {
      throw new LockLostError('the checkpoint was not written: this instance no longer holds the mailbox lock');
    }
    this.ckpt = ckpt;
  }

  private onLockLost(reason: string): void {
    this.lockLost = true;
    this.log.warn({ ...this.ctx, lock: this.lease.key, reason }, 'IMAP mailbox lock lost: this instance stops reading it');
    // Stop reading now: the in-flight command fails, the sink call (if any) finishes but its checkpoint is refused.
    this.client?.close();
    this.waker.wake();
  }

  private async backoffAfter(err: unknown): Promise<void> {
    const described = describeImapError(err, this.s.account, this.s.mailbox, this.s.settingName);
    this.failures += 1;
    this.authFailed = described.auth;
    const delay = described.auth ? authRetryDelay(this.s.backoff) : backoffDelay(this.failures, this.s.backoff);
    this.lastError = described.message;
    this.failingSince ??= new Date();
    this.setStatus(described.auth ? 'auth-failed' : 'backoff', new Date(Date.now() + delay));
    const fields = { ...this.ctx, host: this.s.account.host, port: this.s.account.port, user: this.s.account.user };
    const logFn = described.auth ? this.log.error.bind(this.log) : this.log.warn.bind(this.log);
    logFn({ ...fields, attempt: this.failures, retryInMs: delay }, described.message);
    await this.pause(delay);
  }

  /** Waits `ms`, unless the reader stops or loses its lock first. Wakes for new mail do not shorten it. */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.interrupted() && Date.now() < until) await this.waker.wait(until - Date.now());
  }

  private setStatus(status: ImapStatus, nextRetryAt: Date | null = null): void {
    const changed = status !== this.status;
    this.status = status;
    this.nextRetryAt = nextRetryAt;
    if (changed) this.s.onStatus?.();
  }
}
