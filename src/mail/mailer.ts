/**
 * The mailer: sends {@link OutgoingMail} through an SMTP server (pooled connections by default), or keeps it in a
 * local outbox when no SMTP server is configured. Settings come from the caller (src/main.ts wires them from the
 * config); nothing here reads the environment.
 *
 * @example
 * const mailer = createMailer({ transport: { host: 'smtp.example.org', port: 587, user, pass }, from: 'sgbot <sgbot@example.org>', domain: 'example.org' });
 * await mailer.send({ kind: 'notification', to: 'ana@example.org', subject: 'Contributions due 1 March', text, idKey: 'reminder:SG20:2027-03-01:7d' });
 * await mailer.close();
 */
import { createPrivateKey } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError, SentMessageInfo, Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import Mail from 'nodemailer/lib/mailer';
import { SgbotError } from '../core/errors.ts';
import { captureTransport } from './capture-transport.ts';
import { composeMail, type MailKind, type OutgoingMail } from './compose.ts';
import { classifySmtpError, MailDeliveryError, recipientFailure, type FailureContext, type RejectedRecipient } from './errors.ts';
import { isMessageIdDomain } from './message-id.ts';

/** An SMTP server to send through. */
export interface SmtpTransportOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). Default: `port === 465`. Otherwise STARTTLS is used when offered. */
  secure?: boolean;
  /** Fail instead of sending in clear text when the server does not offer STARTTLS. Default `false`. */
  requireTLS?: boolean;
  /** Login; `user` and `pass` go together. */
  user?: string;
  pass?: string;
  /** Keep connections open and reuse them for many messages. Default `true`. */
  pool?: boolean;
  /** Pool: most connections open at once. Default 5. */
  maxConnections?: number;
  /** Pool: messages sent over one connection before it is replaced. Default 100. */
  maxMessages?: number;
  /** Milliseconds to wait for the TCP connection, the greeting, and any reply. Defaults 10 000, 10 000, 60 000. */
  timeouts?: { connectMs?: number; greetingMs?: number; socketMs?: number };
}

/** A message as the capture outbox keeps it: exactly the bytes that would have been sent. */
export interface CapturedMail {
  messageId: string;
  kind: MailKind;
  idKey: string;
  subject: string;
  envelope: { from: string; to: string[] };
  /** The whole RFC 5322 message, CRLF line ends, DKIM-signed when DKIM is configured. */
  raw: Buffer;
  capturedAt: Date;
}

/** No SMTP server: messages are rendered in full and kept in `mailer.outbox` and/or handed to `onCapture`. */
export interface CaptureTransportOptions {
  capture: true;
  /** Called with every message; an error it throws makes `send` fail with that error. */
  onCapture?: (mail: CapturedMail) => void | Promise<void>;
  /** How many of the latest messages `outbox` keeps. Default 1000. */
  keep?: number;
}

/** DKIM signing (RFC 6376) with the key published at `keySelector._domainkey.domainName`. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  /** PEM private key (RSA or Ed25519). */
  privateKey: string;
}

export interface MailerOptions {
  transport: SmtpTransportOptions | CaptureTransportOptions;
  /** `From:` of every message, e.g. `sgbot <sgbot@example.org>`; its address is also the envelope sender. */
  from: string;
  /** Domain of the Message-IDs, e.g. `example.org`. */
  domain: string;
  dkim?: DkimOptions;
  /** Clock for the Date header. Default: the system clock. */
  now?: () => Date;
}

/** What the server (or the outbox) took. */
export interface SendResult {
  /** `<…@domain>`, derived from the message's idKey. */
  messageId: string;
  /** Recipients the server accepted. */
  accepted: string[];
  /**
   * Recipients the server refused while accepting the message for the others. Do not resend the message to the
   * accepted ones; retry only the temporary rejections, if anything.
   */
  rejected: RejectedRecipient[];
  /** The server's final reply, e.g. `250 OK: message queued`; `null` in capture mode. */
  response: string | null;
  /** The In-Reply-To header that was set, `null` when none (not given, or not usable in a header). */
  inReplyTo: string | null;
}

export interface Mailer {
  /** `smtp` or `capture`. */
  readonly mode: 'smtp' | 'capture';
  /** Capture mode: the latest messages, oldest first. Empty in SMTP mode. */
  readonly outbox: readonly CapturedMail[];
  /**
   * Sends one message. Resolves when the server has accepted it for at least one recipient.
   *
   * @throws {MailDeliveryError} `permanent: true` when retrying cannot help (5xx, bad login, invalid message),
   *   `permanent: false` when it can (4xx, connection refused or lost, timeout, mailer closed)
   */
  send(mail: OutgoingMail): Promise<SendResult>;
  /**
   * Health check: connects and logs in to the SMTP server (capture mode: nothing to check).
   *
   * @throws {MailDeliveryError} as {@link Mailer.send}
   */
  verify(): Promise<void>;
  /** Closes idle pooled connections (deliveries in progress finish first); later sends fail. Idempotent. */
  close(): Promise<void>;
}

function configError(message: string): SgbotError {
  return new SgbotError('E_CONFIG', message);
}

function isCapture(t: MailerOptions['transport']): t is CaptureTransportOptions {
  return 'capture' in t && t.capture === true;
}

/** The address of `from`, or an E_CONFIG error. */
function senderAddress(from: string): string {
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]?.address : undefined;
  if (!address || !/^[^\s@]+@[^\s@]+$/.test(address)) {
    throw configError(`The mail sender "${from}" is not one address. Set it like "sgbot <sgbot@example.org>".`);
  }
  return address;
}

function checkSmtp(t: SmtpTransportOptions): void {
  if (!t.host || /\s/.test(t.host)) throw configError(`The SMTP host "${t.host}" is not a host name. Set the SMTP host.`);
  if (!Number.isInteger(t.port) || t.port < 1 || t.port > 65535) throw configError(`The SMTP port "${t.port}" is not a port number (1-65535). Set the SMTP port.`);
  if (Boolean(t.user) !== Boolean(t.pass)) throw configError('Set both the SMTP user and the SMTP password, or neither.');
  for (const [name, value] of [['maxConnections', t.maxConnections], ['maxMessages', t.maxMessages]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw configError(`The SMTP ${name} must be a whole number ≥ 1, not ${value}.`);
  }
}

function checkDkim(d: DkimOptions): void {
  if (!isMessageIdDomain(d.domainName)) throw configError(`The DKIM domain "${d.domainName}" is not a domain name.`);
  if (!/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/i.test(d.keySelector)) throw configError(`The DKIM selector "${d.keySelector}" is not a DNS label.`);
  try {
    createPrivateKey(d.privateKey);
  } catch (err) {
    // The key itself is never quoted.
    throw configError(`The DKIM private key cannot be read (${(err as Error).message}). Give a PEM private key ("-----BEGIN PRIVATE KEY-----…").`);
  }
}

function createTransporter(options: MailerOptions): Transporter {
  const t = options.transport;
  const dkim = options.dkim ? { domainName: options.dkim.domainName, keySelector: options.dkim.keySelector, privateKey: options.dkim.privateKey } : undefined;
  if (isCapture(t)) return new Mail(captureTransport(), { dkim });
  const smtp = {
    host: t.host,
    port: t.port,
    secure: t.secure ?? t.port === 465,
    requireTLS: t.requireTLS ?? false,
    auth: t.user ? { user: t.user, pass: t.pass } : undefined,
    connectionTimeout: t.timeouts?.connectMs ?? 10_000,
    greetingTimeout: t.timeouts?.greetingMs ?? 10_000,
    socketTimeout: t.timeouts?.socketMs ?? 60_000,
    dkim,
    logger: false,
  };
  if (t.pool === false) return nodemailer.createTransport(smtp);
  return nodemailer.createTransport({ ...smtp, pool: true, maxConnections: t.maxConnections ?? 5, maxMessages: t.maxMessages ?? 100 });
}

/**
 * A {@link Mailer} for `options`.
 *
 * @throws {SgbotError} `E_CONFIG` when a setting is wrong (sender, domain, host, port, credentials, DKIM key); the
 *   message names the setting and never quotes the password or the key
 */
export function createMailer(options: MailerOptions): Mailer {
  const envelopeFrom = senderAddress(options.from);
  if (!isMessageIdDomain(options.domain)) throw configError(`The mail domain "${options.domain}" is not a domain name (it is used in Message-IDs, e.g. "example.org").`);
  const t = options.transport;
  if (!isCapture(t)) checkSmtp(t);
  if (options.dkim) checkDkim(options.dkim);

  const capture = isCapture(t) ? t : null;
  const keep = capture?.keep ?? 1000;
  const ctx: FailureContext = isCapture(t) ? { server: 'capture outbox' } : { server: `${t.host}:${t.port}`, user: t.user, pass: t.pass };
  const now = options.now ?? (() => new Date());
  const outbox: CapturedMail[] = [];
  const transporter = createTransporter(options);
  let closed = false;

  async function send(mail: OutgoingMail): Promise<SendResult> {
    if (closed) throw new MailDeliveryError('The mailer is closed (the process is shutting down); the message will be retried.', { permanent: false, reason: 'ECLOSED' });
    const message = composeMail(mail, { from: options.from, domain: options.domain }, now());
    let info: SentMessageInfo;
    try {
      info = await transporter.sendMail(message);
    } catch (err) {
      throw classifySmtpError(err, ctx);
    }
    const inReplyTo = typeof message.inReplyTo === 'string' ? message.inReplyTo : null;
    if (capture) {
      const envelope = info.envelope;
      const captured: CapturedMail = {
        messageId: message.messageId,
        kind: mail.kind,
        idKey: mail.idKey,
        subject: String(message.subject),
        envelope: { from: envelope.from || envelopeFrom, to: envelope.to },
        raw: info.message as Buffer,
        capturedAt: now(),
      };
      outbox.push(captured);
      if (outbox.length > keep) outbox.splice(0, outbox.length - keep);
      await capture.onCapture?.(captured);
      return { messageId: message.messageId, accepted: [...envelope.to], rejected: [], response: null, inReplyTo };
    }
    const rejectedErrors = (info['rejectedErrors'] as NodemailerError[] | undefined) ?? [];
    return {
      messageId: message.messageId,
      accepted: info.accepted ?? [],
      rejected: rejectedErrors.map(recipientFailure),
      response: info.response ?? null,
      inReplyTo,
    };
  }

  return {
    mode: capture ? 'capture' : 'smtp',
    outbox,
    send,
    async verify() {
      if (capture) return;
      try {
        await transporter.verify();
      } catch (err) {
        throw classifySmtpError(err, ctx);
      }
    },
    close() {
      if (!closed) {
        closed = true;
        transporter.close();
      }
      return Promise.resolve();
    },
  };
}
