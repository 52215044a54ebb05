/**
 * IMAP source of mail: see {@link ImapSource}. The implementation lives in `./imap/`.
 */
export { ImapSource } from './imap/source.ts';
export { backoffDelay, DEFAULT_BACKOFF } from './imap/backoff.ts';
export { checkpointKey, lockKey, type Checkpoint } from './imap/checkpoint.ts';
export type {
  BackoffSettings,
  ImapAccountSettings,
  ImapLogger,
  ImapMailboxState,
  ImapMessage,
  ImapSink,
  ImapSourceOptions,
  ImapSourceState,
  ImapStatus,
} from './imap/types.ts';
