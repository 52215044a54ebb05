/**
 * Where reading a mailbox has got to: a Redis hash per account and mailbox,
 * `PREFIX:imap:ckpt:ACCOUNT:MAILBOX` = { uidValidity, lastUid, backfillUntil }.
 */
import type { Redis } from 'ioredis';
import { FENCED_HSET, type RedisLease } from './redis-lock.ts';

/** A mailbox checkpoint. UIDs are only comparable within one UIDVALIDITY. */
export interface Checkpoint {
  uidValidity: string;
  /** Every message with a UID up to this one has been handed to the sink (or skipped on purpose, see below). */
  lastUid: number;
  /**
   * The highest UID that existed when the first run (or a resync) began. Up to it, only messages matching the
   * `since` date are read; after it, every message is. Kept so that a first run interrupted halfway resumes with
   * the same rule.
   */
  backfillUntil: number;
}

/** Redis key of a mailbox checkpoint. */
export function checkpointKey(prefix: string, account: string, mailbox: string): string {
  return `${prefix}:imap:ckpt:${account}:${mailbox}`;
}

/** Redis key of a mailbox lock. */
export function lockKey(prefix: string, account: string, mailbox: string): string {
  return `${prefix}:imap:lock:${account}:${mailbox}`;
}

/** Reads the checkpoint; `null` when there is none yet (or it is unreadable, which means "start again"). */
export async function loadCheckpoint(redis: Redis, key: string): Promise<Checkpoint | null> {
  const hash = await redis.hgetall(key);
  const lastUid = Number(hash['lastUid']);
  const backfillUntil = Number(hash['backfillUntil'] ?? 0);
  if (!hash['uidValidity'] || !Number.isSafeInteger(lastUid) || !Number.isSafeInteger(backfillUntil)) return null;
  return { uidValidity: hash['uidValidity'], lastUid, backfillUntil };
}

/**
 * Writes the checkpoint if `lease` is still held in Redis (an atomic check and write). `false` means the lease was
 * lost: another instance may be reading the mailbox, so this one must stop.
 */
export async function saveCheckpoint(redis: Redis, key: string, lease: RedisLease, ckpt: Checkpoint): Promise<boolean> {
  const fields = ['uidValidity', ckpt.uidValidity, 'lastUid', String(ckpt.lastUid), 'backfillUntil', String(ckpt.backfillUntil)];
  const written = await redis.eval(FENCED_HSET, 2, lease.key, key, lease.token, ...fields);
  return written === 1;
}
