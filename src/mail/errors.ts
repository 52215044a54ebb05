/**
 * Delivery failures of outgoing mail, classified for retries: a permanent failure (5xx reply, bad login, bad
 * message) will fail again and must not be retried; a temporary one (4xx reply, connection refused or dropped,
 * timeout) may succeed later. Pure: turns nodemailer's errors into {@link MailDeliveryError}s.
 */
import type { NodemailerError } from 'nodemailer';
import { SgbotError } from '../core/errors.ts';

/** Stable code of every {@link MailDeliveryError}. */
export const MAIL_DELIVERY_ERROR = 'E_MAIL_DELIVERY' as const;

/** One recipient the SMTP server refused. */
export interface RejectedRecipient {
  address: string;
  /** SMTP reply code, e.g. 550; `null` when the server gave none. */
  responseCode: number | null;
  /** `true` when retrying this recipient is pointless (5xx except 503). */
  permanent: boolean;
  /** The server's reply line, e.g. `550 5.1.1 No such user`. */
  response: string | null;
}

/**
 * A message could not be handed to the SMTP server. `message` says what happened and what to do, for people;
 * `permanent` says whether a retry can help (jobs make permanent failures unrecoverable).
 *
 * @example
 * try { await mailer.send(reminder) } catch (err) {
 *   if (isMailDeliveryError(err) && err.permanent) throw new UnrecoverableError(err.message);
 *   throw err; // temporary: let the queue retry with backoff
 * }
 */
export class MailDeliveryError extends SgbotError {
  /** `true`: retrying the same message will fail again; `false`: retry later. */
  readonly permanent: boolean;
  /** SMTP reply code that caused the failure, `null` for connection errors and invalid messages. */
  readonly responseCode: number | null;
  /** Recipients the server refused (all of them, since a message with some accepted recipients is not a failure). */
  readonly rejected: RejectedRecipient[];
  /** nodemailer's error code (`ECONNECTION`, `EENVELOPE`, `EAUTH`…) or `EINVALID` for a message refused before sending. */
  readonly reason: string;

  constructor(
    message: string,
    details: { permanent: boolean; responseCode?: number | null; rejected?: RejectedRecipient[]; reason: string },
    options?: { cause?: unknown },
  ) {
    super(MAIL_DELIVERY_ERROR, message, options);
    this.name = 'MailDeliveryError';
    this.permanent = details.permanent;
    this.responseCode = details.responseCode ?? null;
    this.rejected = details.rejected ?? [];
    this.reason = details.reason;
  }

  /** A temporary failure (4xx, connection lost) may succeed later; a permanent one will not. */
  override get retryable(): boolean {
    return !this.permanent;
  }
}

/** `true` when `err` is a {@link MailDeliveryError}. */
export function isMailDeliveryError(err: unknown): err is MailDeliveryError {
  return err instanceof MailDeliveryError;
}

/**
 * `true` when the SMTP reply `code` is a permanent rejection: every 5xx reply except 503 (bad sequence of commands,
 * which a new session can get past), as RFC 5321 §4.2.1 has it.
 */
export function isPermanentSmtpCode(code: number): boolean {
  return code >= 500 && code < 600 && code !== 503;
}

/** Where the failing server is, and the secret that must never appear in a message. */
export interface FailureContext {
  /** `host:port` of the SMTP server. */
  server: string;
  user?: string | undefined;
  pass?: string | undefined;
}

/** Replaces every trace of the password (as is, and in the base64 forms AUTH PLAIN/LOGIN send) with `***`. */
export function redactSecret(text: string, user: string | undefined, pass: string | undefined): string {
  if (!pass) return text;
  const forms = [pass, Buffer.from(pass).toString('base64'), Buffer.from(`\0${user ?? ''}\0${pass}`).toString('base64')];
  let out = text;
  for (const form of forms) out = out.split(form).join('***');
  return out;
}

function rejectedOf(err: NodemailerError): RejectedRecipient[] {
  const errors = err.rejectedErrors ?? [];
  if (errors.length > 0) return errors.map(recipientFailure);
  return (err.rejected ?? []).map((address) => ({
    address,
    responseCode: err.responseCode ?? null,
    permanent: err.responseCode !== undefined && isPermanentSmtpCode(err.responseCode),
    response: err.response ?? null,
  }));
}

/** A recipient rejection as nodemailer reports it (`rejectedErrors[i]`) in our terms. */
export function recipientFailure(err: NodemailerError): RejectedRecipient {
  const code = err.responseCode ?? null;
  return {
    address: err.recipient ?? '(unknown recipient)',
    responseCode: code,
    permanent: code !== null && isPermanentSmtpCode(code),
    response: err.response ?? null,
  };
}

const CONNECTION_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
};

/**
 * The {@link MailDeliveryError} for an error nodemailer reported while sending (or verifying) through `ctx.server`.
 * 5xx replies and configuration problems (bad login, no credentials, TLS required but unavailable) are permanent;
 * 4xx replies, dropped or refused connections and timeouts are temporary. The message never contains the password.
 */
export function classifySmtpError(error: unknown, ctx: FailureContext): MailDeliveryError {
  const err = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const code = err.code ?? 'EUNKNOWN';
  const responseCode = err.responseCode ?? null;
  const reply = err.response ? ` The server answered: "${err.response.trim()}".` : '';
  const clean = (text: string): string => redactSecret(text, ctx.user, ctx.pass);
  const make = (permanent: boolean, text: string, rejected: RejectedRecipient[] = []): MailDeliveryError =>
    new MailDeliveryError(clean(text), { permanent, responseCode, rejected, reason: code }, { cause: err });

  if (code === 'EAUTH' || code === 'ENOAUTH') {
    const temporary = responseCode !== null && !isPermanentSmtpCode(responseCode);
    const what = code === 'ENOAUTH' ? 'requires a login but no SMTP user/password is set' : `refused the login of user "${ctx.user ?? ''}"`;
    return make(!temporary, `The SMTP server ${ctx.server} ${what}.${reply} Check the SMTP user and password settings${temporary ? '; the message will be retried' : ''}.`);
  }
  if (code === 'EENVELOPE' && (err.rejected?.length ?? 0) > 0) {
    const rejected = rejectedOf(err);
    const permanent = rejected.every((r) => r.permanent);
    const list = rejected.map((r) => `${r.address} (${r.responseCode ?? 'no code'})`).join(', ');
    return make(
      permanent,
      permanent
        ? `The SMTP server ${ctx.server} refused every recipient: ${list}.${reply} Correct or remove these addresses; retrying will not help.`
        : `The SMTP server ${ctx.server} deferred every recipient: ${list}.${reply} This is temporary; the message will be retried.`,
      rejected,
    );
  }
  if (responseCode !== null) {
    const permanent = err.permanent ?? isPermanentSmtpCode(responseCode);
    const step = err.command ? ` at ${err.command}` : '';
    return make(
      permanent,
      permanent
        ? `The SMTP server ${ctx.server} refused the message${step} (${responseCode}).${reply} Retrying will not help: check the sender, recipients and content.`
        : `The SMTP server ${ctx.server} temporarily refused the message${step} (${responseCode}).${reply} The message will be retried.`,
    );
  }
  if (code === 'ETLS' || code === 'EREQUIRETLS' || code === 'ECONFIG') {
    return make(true, `Mail to ${ctx.server} cannot be sent with the current settings: ${err.message}. Check the SMTP host, port and TLS settings.`);
  }
  if (code === 'ETIMEDOUT') {
    return make(false, `The SMTP server ${ctx.server} did not answer in time (${err.message}). Check that it is reachable; the message will be retried.`);
  }
  const cause = err.originalCode ? CONNECTION_CAUSES[err.originalCode] : undefined;
  if (cause || code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS' || /^E(CONN|HOST|NET|AI_|NOTFOUND|PIPE)/.test(code)) {
    return make(
      false,
      `Cannot reach the SMTP server ${ctx.server} (${cause ?? err.message}). Check that it is running and that the SMTP host and port settings are right; the message will be retried.`,
    );
  }
  return make(false, `Sending mail through ${ctx.server} failed: ${err.message}. The message will be retried.`);
}
