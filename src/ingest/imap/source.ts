/**
 * The IMAP source: reads the mailboxes of one account and hands every message, once, in UID order, to a sink.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SgbotError } from '../../core/errors.ts';
import { DEFAULT_BACKOFF } from './backoff.ts';
import { MailboxReader } from './mailbox-reader.ts';
import type { ImapLogger, ImapSourceOptions, ImapSourceState, ImapStatus } from './types.ts';

const SILENT: ImapLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The account's status is the most urgent of its mailboxes', in this order. */
const URGENCY: readonly ImapStatus[] = ['auth-failed', 'backoff', 'connecting', 'syncing', 'idle', 'standby', 'stopped'];

/**
 * Reads the mailboxes of one IMAP account, each on its own connection:
 *
 * - the first run reads the messages since `since` (or all); later runs resume after the Redis checkpoint
 *   (`PREFIX:imap:ckpt:ACCOUNT:MAILBOX`), which advances only once the sink has resolved for a message;
 * - then it waits in IMAP IDLE and reads new mail within about a second of its arrival;
 * - a UIDVALIDITY change resets the checkpoint and reads the mailbox again from `since` (logged at warn);
 * - lost connections, server restarts and refused logins are retried with exponential backoff and full jitter
 *   (refused logins slowly), and reported by {@link ImapSource.state};
 * - a Redis lease per mailbox (`PREFIX:imap:lock:ACCOUNT:MAILBOX`) lets one instance read it; others stay in
 *   `standby` and take over when the holder stops or dies. An instance that loses its lease stops reading at once.
 *
 * @example
 * const source = new ImapSource({ account, mailboxes: ['INBOX'], redis, prefix: 'sgbot', logger,
 *   sink: async (m) => { await queue.add('ingest', { raw: m.raw.toString('base64') }); } });
 * source.start();
 * // … health: source.state().status === 'idle'
 * await source.stop();
 */
export class ImapSource {
  private readonly readers: MailboxReader[];
  private readonly account: string;
  private phase: 'new' | 'started' | 'stopped' = 'new';
  private readonly listeners = new Set<(state: ImapSourceState) => void>();

  constructor(options: ImapSourceOptions) {
    const mailboxes = [...new Set(options.mailboxes ?? ['INBOX'])];
    const { account } = options;
    if (mailboxes.length === 0 || mailboxes.some((m) => m.trim() === '')) {
      throw new SgbotError('E_CONFIG', `IMAP account ${account.id}: the list of mailboxes is empty or has an empty name.`);
    }
    if (!options.prefix) throw new SgbotError('E_CONFIG', 'IMAP source: the Redis key prefix is empty.');
    if (options.since && Number.isNaN(options.since.getTime())) {
      throw new SgbotError('E_CONFIG', `IMAP account ${account.id}: the since date is not a valid date.`);
    }
    const lockTtlMs = options.lockTtlMs ?? 30_000;
    if (!(lockTtlMs >= 300)) throw new SgbotError('E_CONFIG', `IMAP source: lockTtlMs must be at least 300 ms (got ${lockTtlMs}).`);
    const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    if (!(backoff.initialMs > 0 && backoff.maxMs >= backoff.initialMs)) {
      throw new SgbotError('E_CONFIG', 'IMAP source: backoff needs 0 < initialMs <= maxMs.');
    }
    const instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
    const logger = options.logger ?? SILENT;
    this.account = account.id;
    this.readers = mailboxes.map(
      (mailbox) =>
        new MailboxReader({
          account,
          mailbox,
          since: options.since,
          redis: options.redis,
          prefix: options.prefix,
          sink: options.sink,
          logger,
          lockTtlMs,
          lockRetryMs: options.lockRetryMs ?? Math.min(5_000, Math.floor(lockTtlMs / 3)),
          backoff,
          idleDelayMs: options.idleDelayMs ?? 500,
          pollIntervalMs: options.pollIntervalMs ?? 300_000,
          maxMessageBytes: options.maxMessageBytes ?? 100 * 1024 * 1024,
          instanceId,
          token: `${instanceId}:${randomUUID()}`,
          settingName: options.settingName ?? 'SGBOT_IMAP',
          onStatus: () => this.notify(),
        }),
    );
  }

  /**
   * Starts reading in the background and returns at once; progress and problems show in {@link ImapSource.state}
   * and the logs. A source starts once: after {@link ImapSource.stop}, make a new one.
   */
  start(): void {
    if (this.phase !== 'new') throw new Error(`ImapSource ${this.account} was already ${this.phase}`);
    this.phase = 'started';
    for (const reader of this.readers) reader.start();
  }

  /**
   * Stops gracefully: the message being handed to the sink is finished and checkpointed, no other is started,
   * connections log out and the mailbox locks are released. Safe to call twice.
   */
  async stop(): Promise<void> {
    this.phase = 'stopped';
    await Promise.all(this.readers.map((reader) => reader.stop()));
  }

  /**
   * Calls `listener` with the new {@link ImapSource.state} each time a mailbox's status changes (connection lost,
   * login refused, back to idle…), so health can be published at once rather than at the next heartbeat. A listener
   * that throws is ignored. Returns a function that removes the listener.
   *
   * @example const off = source.onStateChange((s) => void publish(s)); // … off();
   */
  onStateChange(listener: (state: ImapSourceState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        /* health reporting must never break reading */
      }
    }
  }

  /** Health of the account and of each mailbox, for health output. Holds no secret. */
  state(): ImapSourceState {
    const mailboxes = this.readers.map((reader) => reader.state());
    const rank = (status: ImapStatus): number => URGENCY.indexOf(status);
    const worst = mailboxes.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
    const latest = (values: Array<string | null>): string | null => values.filter((v) => v !== null).sort().at(-1) ?? null;
    return {
      account: this.account,
      status: worst.status,
      lastError: worst.lastError ?? mailboxes.find((m) => m.lastError !== null)?.lastError ?? null,
      lastSyncAt: latest(mailboxes.map((m) => m.lastSyncAt)),
      nextRetryAt: worst.nextRetryAt,
      mailboxes,
    };
  }
}
