/**
 * IMAP failures in words an operator can act on: what happened, and which setting to check. Never includes the
 * password (imapflow's errors do not carry it, and nothing here reads it).
 */
import type { ImapAccountSettings } from './types.ts';

/** An IMAP failure, described. */
export interface DescribedImapError {
  /** For people: what happened and what to fix. */
  message: string;
  /** The server refused the login: retried slowly, state `auth-failed`. */
  auth: boolean;
}

/** The connection ended under us (server restart, network, BYE). */
export class ConnectionLostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ConnectionLostError';
  }
}

/** The mailbox lock was lost: stop reading, do not retry as an error. */
export class LockLostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'LockLostError';
  }
}

/** Redis (checkpoints and locks) failed: not the IMAP server's fault. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(errorText(cause), { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** The fields imapflow and Node put on their errors that help to explain them. */
interface ErrorFields {
  code?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  mailboxMissing?: unknown;
  responseText?: unknown;
  response?: unknown;
  reason?: unknown;
}

/**
 * Explains an error met while reading `mailbox` of `account`.
 *
 * @example describeImapError(err, account, 'INBOX', 'SGBOT_IMAP').message
 * // 'IMAP login as bot@example.org on imap.example.org:993 was refused ([AUTHENTICATIONFAILED] …). Fix …'
 */
export function describeImapError(
  err: unknown,
  account: ImapAccountSettings,
  mailbox: string,
  settingName: string,
): DescribedImapError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorFields;
  const where = `${account.host}:${account.port}`;
  const text = errorText(err);
  const code = typeof e.code === 'string' ? e.code : '';
  if (err instanceof StoreUnavailableError) {
    return {
      auth: false,
      message: `Redis, which holds the IMAP checkpoints and locks, failed (${err.message}): nothing is read until it answers again. Check that Redis runs and REDIS_URL.`,
    };
  }
  if (e.authenticationFailed === true) {
    return {
      auth: true,
      message:
        `IMAP login as ${account.user} on ${where} was refused (${text}). Fix the user name or password of account ` +
        `${account.id} in ${settingName} (imap://USER:PASSWORD@HOST:PORT, URL-encoded); until then sgbot retries slowly.`,
    };
  }
  if (e.mailboxMissing === true) {
    return {
      auth: false,
      message: `Mailbox "${mailbox}" does not exist for ${account.user} on ${where} (${text}). Fix the mailboxes= list of account ${account.id} in ${settingName}, or create the mailbox.`,
    };
  }
  if (e.tlsFailed === true || /^(ERR_SSL|ERR_TLS|EPROTO|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(code)) {
    return {
      auth: false,
      message: `TLS with ${where} failed (${text}). Use imaps:// with the TLS port (usually 993) or imap:// with the plain port (usually 143) for account ${account.id} in ${settingName}.`,
    };
  }
  const byCode: Record<string, string> = {
    ECONNREFUSED: `nothing accepts connections on ${where}: check that the IMAP server runs and the host and port of account ${account.id} in ${settingName}`,
    ENOTFOUND: `the host ${account.host} is unknown: check the host of account ${account.id} in ${settingName}`,
    EAI_AGAIN: `the host ${account.host} cannot be resolved right now (DNS)`,
    EHOSTUNREACH: `${where} cannot be reached (network)`,
    ENETUNREACH: `${where} cannot be reached (network)`,
    ECONNRESET: `${where} closed the connection`,
    CONNECT_TIMEOUT: `${where} did not accept the connection in time`,
    GREETING_TIMEOUT: `${where} accepted the connection but did not greet as an IMAP server (wrong port?)`,
    ETIMEOUT: `${where} stopped answering`,
    NoConnection: `the connection to ${where} was lost`,
    EConnectionClosed: `the connection to ${where} was lost`,
  };
  const hint = byCode[code];
  if (err instanceof ConnectionLostError) return { auth: false, message: `The connection to ${where} was lost (${text}); reconnecting.` };
  if (hint) return { auth: false, message: `IMAP ${account.id}, mailbox "${mailbox}": ${hint} (${text}).` };
  return { auth: false, message: `IMAP ${account.id}, mailbox "${mailbox}" on ${where} failed: ${text}${code ? ` [${code}]` : ''}.` };
}

/** The most telling text of an error: the server's answer when there is one, else the message. */
export function errorText(err: unknown): string {
  if (!(typeof err === 'object' && err !== null)) return String(err);
  const e = err as ErrorFields;
  const server = typeof e.responseText === 'string' ? e.responseText : typeof e.response === 'string' ? e.response : '';
  const message = err instanceof Error ? err.message : JSON.stringify(err);
  const reason = typeof e.reason === 'string' ? ` (${e.reason})` : '';
  if (server && server !== message) return `${message}: ${server}${reason}`;
  return `${message}${reason}`;
}
