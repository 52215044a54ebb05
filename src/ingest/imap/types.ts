/**
 * The shapes the IMAP source takes and gives: its options, the message it hands to the sink, and its health state.
 */
import type { Redis } from 'ioredis';

/** The IMAP account to read. The password is only ever sent to the server, never logged nor shown in state. */
export interface ImapAccountSettings {
  /** Short name for logs, Redis keys and health output, e.g. `bot@lists.example.org`. */
  id: string;
  host: string;
  port: number;
  /** `true` for TLS from the first byte (imaps, port 993); `false` for plain IMAP upgraded by STARTTLS when offered. */
  secure: boolean;
  user: string;
  pass: string;
}

/** One message read from a mailbox, handed to the sink. */
export interface ImapMessage {
  /** The whole RFC 5322 message, exactly as stored on the server. */
  raw: Buffer;
  /** {@link ImapAccountSettings.id}. */
  account: string;
  mailbox: string;
  uid: number;
  /** The mailbox's UIDVALIDITY (a 32-bit number, as a decimal string). */
  uidValidity: string;
  /** The server's arrival time (ISO 8601), or `null` when the server did not say. */
  internalDate: string | null;
  /** Size of the message on the server, bytes. */
  size: number;
  /** `true` when the message is over `maxMessageBytes`: `raw` then holds only its first 64 KiB. */
  truncated: boolean;
}

/**
 * Receives each message once it has been read, in UID order, one at a time. The checkpoint advances only after it
 * resolves; when it throws, the same message is offered again after a backoff. It may see a message again after a
 * crash or a UIDVALIDITY change, so it must be idempotent (dedup by Message-ID / content hash downstream).
 */
export type ImapSink = (message: ImapMessage) => Promise<void>;

/** The pino methods the source uses (a pino logger fits). */
export interface ImapLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Exponential backoff with full jitter: the n-th retry waits a random time in [0, min(maxMs, initialMs × 2^(n-1))]. */
export interface BackoffSettings {
  /** Upper bound of the first delay, ms (default 1 000). */
  initialMs: number;
  /** Upper bound of any delay, ms (default 60 000). */
  maxMs: number;
  /** Delay after a refused login, ms (default `maxMs`): a wrong password is not fixed by retrying fast. */
  authMs?: number;
}

/** Options of {@link ImapSource}. */
export interface ImapSourceOptions {
  account: ImapAccountSettings;
  /** Mailboxes to read, each on its own connection (default `['INBOX']`). */
  mailboxes?: string[];
  /**
   * First run only (no checkpoint yet, or after a UIDVALIDITY change): read the messages that arrived on or after
   * this day (IMAP SINCE compares days, not times). Without it the first run reads the whole mailbox.
   */
  since?: Date;
  /** Holds checkpoints and locks. Shared with the rest of sgbot; the source never closes it. */
  redis: Redis;
  /** Redis key prefix (`SGBOT_PREFIX`). */
  prefix: string;
  sink: ImapSink;
  logger?: ImapLogger;
  /** How long a mailbox lock lives without renewal, ms (default 30 000); renewed every third of it. */
  lockTtlMs?: number;
  /** How often an instance in standby tries to take the lock, ms (default a third of `lockTtlMs`, at most 5 000). */
  lockRetryMs?: number;
  backoff?: Partial<BackoffSettings>;
  /** Inactivity before the connection enters IMAP IDLE, ms (default 500). */
  idleDelayMs?: number;
  /** Largest message downloaded whole (bytes, default 100 MiB); a larger one reaches the sink cut, `truncated: true`. */
  maxMessageBytes?: number;
  /** Safety net for servers that miss IDLE notifications: look for new mail at least this often, ms (default 300 000). */
  pollIntervalMs?: number;
  /** Names this process in lock values and logs (default `hostname:pid`). */
  instanceId?: string;
  /** The setting an operator edits to fix the account, named in error messages (default `SGBOT_IMAP`). */
  settingName?: string;
}

/**
 * What a mailbox reader is doing:
 * `connecting` (opening the connection), `syncing` (reading new messages), `idle` (waiting for new mail in IDLE),
 * `backoff` (waiting before a retry after an error), `auth-failed` (the server refused the login; retried slowly),
 * `standby` (another instance holds the mailbox lock), `stopped`.
 */
export type ImapStatus = 'connecting' | 'idle' | 'syncing' | 'backoff' | 'auth-failed' | 'stopped' | 'standby';

/** Health of one mailbox. */
export interface ImapMailboxState {
  name: string;
  status: ImapStatus;
  /** Highest UID handed to the sink and checkpointed, `null` before the first checkpoint is known. */
  lastUid: number | null;
  uidValidity: string | null;
  lastError: string | null;
  /** ISO time of the last completed sync. */
  lastSyncAt: string | null;
  /** ISO time of the next retry (backoff, auth-failed) or lock attempt (standby). */
  nextRetryAt: string | null;
  /**
   * ISO time of the first failure (connection, login or sink) since the last completed sync, `null` while all is well:
   * health readers treat a mailbox that has been failing longer than a grace period as down.
   */
  failingSince: string | null;
}

/** Health of an account, for health output: the most urgent status of its mailboxes, and each mailbox. */
export interface ImapSourceState {
  account: string;
  status: ImapStatus;
  lastError: string | null;
  lastSyncAt: string | null;
  nextRetryAt: string | null;
  mailboxes: ImapMailboxState[];
}
