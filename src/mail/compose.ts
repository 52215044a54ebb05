/**
 * What the bot sends, and how it becomes nodemailer's message options: deterministic Message-ID, threading
 * headers, unsubscribe headers and the "sent by a robot" markers. Pure: no I/O, the clock is passed in.
 */
import type { SendMailOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { MailDeliveryError } from './errors.ts';
import { textToHtml } from './html.ts';
import { messageIdFor, normalizeMessageId } from './message-id.ts';

/**
 * Why a message is sent: `notification` (a reminder to a rapporteur), `broadcast` (an announcement to lists),
 * `digest` (a periodic summary), `reply` (an answer about a received document).
 */
export type MailKind = 'notification' | 'broadcast' | 'digest' | 'reply';

export const MAIL_KINDS: readonly MailKind[] = ['notification', 'broadcast', 'digest', 'reply'];

/** One address (`"Ana Rapporteur <ana@example.org>"` or `ana@example.org`) or several. */
export type Recipients = string | string[];

/** A message to send. At least one of `to`, `cc`, `bcc` must hold an address. */
export interface OutgoingMail {
  kind: MailKind;
  to?: Recipients;
  cc?: Recipients;
  /** Envelope recipients that do not appear in the headers. */
  bcc?: Recipients;
  /** Line breaks and runs of spaces are collapsed to one space. */
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part; by default {@link textToHtml} of `text` (escaped). A caller-made HTML part is sent as is. */
  html?: string;
  /**
   * Both parts already encoded, each a whole MIME part (headers and body, as `EncodedPart.fill` gives them),
   * saying exactly what `text` and `html` say: sent as they are instead of being encoded again.
   */
  encoded?: { text: string; html: string } | null;
  /**
   * Stable key the Message-ID is derived from: the same key gives the same Message-ID, so a retry is recognisable
   * as the same message. Example: `reminder:SG20:Q1/20:2027-03-01:7d`.
   */
  idKey: string;
  /**
   * Message-ID of the document this message is about (`StoredDocument.source.messageId`), with or without angle
   * brackets: sets In-Reply-To and References. One that cannot be put in a header safely (spaces, control
   * characters) is left out, and the send result's `inReplyTo` is `null`.
   */
  inReplyTo?: string | null;
  /**
   * One-click unsubscribe URL (RFC 8058): a POST to it, with no other step, unsubscribes. The message gets
   * `List-Unsubscribe: <url>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, over https or http alike (a
   * test or intranet install serves plain http; mail clients then decide whether to offer the button).
   */
  unsubscribeUrl?: string | null;
  /** Address (or `mailto:` URL) that unsubscribes whoever writes to it. */
  unsubscribeMailto?: string | null;
}

/** Sender settings every message shares. */
export interface ComposeSettings {
  /** `From:` header, e.g. `sgbot <sgbot@example.org>`. */
  from: string;
  /** Domain of the Message-IDs, e.g. `example.org`. */
  domain: string;
}

function invalid(message: string): MailDeliveryError {
  return new MailDeliveryError(message, { permanent: true, reason: 'EINVALID' });
}

/** Bare addresses of `value`, each checked to have a local part and a domain. */
export function addressesOf(value: Recipients | undefined, field: string): string[] {
  const out: string[] = [];
  for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
    const parsed = addressparser(item, { flatten: true });
    if (parsed.length === 0) throw invalid(`The "${field}" recipient "${item}" is not an address. Use "name@domain" or "Name <name@domain>".`);
    for (const a of parsed) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.address)) {
        throw invalid(`The "${field}" recipient "${item}" is not an address. Use "name@domain" or "Name <name@domain>".`);
      }
      out.push(a.address);
    }
  }
  return out;
}

function unsubscribeTargets(mail: OutgoingMail): { list: string[]; oneClick: boolean } {
  const list: string[] = [];
  let oneClick = false;
  if (mail.unsubscribeUrl) {
    let url: URL;
    try {
      url = new URL(mail.unsubscribeUrl);
    } catch {
      throw invalid(`unsubscribeUrl "${mail.unsubscribeUrl}" is not a URL. Give an absolute https:// URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`unsubscribeUrl "${mail.unsubscribeUrl}" must be an http(s) URL.`);
    list.push(url.href);
    // The URL is one-click by contract (see OutgoingMail.unsubscribeUrl), so the header that says so goes with it.
    oneClick = true;
  }
  if (mail.unsubscribeMailto) {
    const target = mail.unsubscribeMailto.replace(/^mailto:/i, '');
    const address = target.split('?')[0] ?? '';
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>?]+$/.test(address)) throw invalid(`unsubscribeMailto "${mail.unsubscribeMailto}" is not an address.`);
    list.push(`mailto:${target}`);
  }
  return { list, oneClick };
}

/**
 * nodemailer's options for `mail`: headers, both parts and the envelope, with Message-ID derived from
 * `mail.idKey`. Every message carries `Auto-Submitted: auto-generated` (RFC 3834) and
 * `X-Auto-Response-Suppress: All` so that vacation responders and Exchange do not answer the robot.
 *
 * @throws {MailDeliveryError} permanent, reason `EINVALID`, when the message cannot be sent as given (no recipient,
 *   a malformed address, an empty idKey, a bad unsubscribe target)
 */
export function composeMail(mail: OutgoingMail, settings: ComposeSettings, now: Date): SendMailOptions & { messageId: string } {
  if (!MAIL_KINDS.includes(mail.kind)) throw invalid(`Unknown mail kind "${String(mail.kind)}"; use one of ${MAIL_KINDS.join(', ')}.`);
  if (!mail.idKey) throw invalid('The message has no idKey, so it would get no stable Message-ID.');
  const to = addressesOf(mail.to, 'to');
  const cc = addressesOf(mail.cc, 'cc');
  const bcc = addressesOf(mail.bcc, 'bcc');
  if (to.length + cc.length + bcc.length === 0) throw invalid('The message has no recipient: give at least one address in to, cc or bcc.');
  const subject = mail.subject.replace(/\s+/g, ' ').trim();
  const headers: Record<string, string> = {
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
    'X-Sgbot-Kind': mail.kind,
  };
  const options: SendMailOptions & { messageId: string } = {
    from: settings.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject,
    text: mail.encoded ? { raw: mail.encoded.text } : mail.text,
    html: mail.encoded ? { raw: mail.encoded.html } : (mail.html ?? textToHtml(mail.text, subject)),
    messageId: messageIdFor(mail.idKey, settings.domain),
    date: now,
    headers,
  };
  // A source document's Message-ID that cannot go into a header safely only costs the threading, not the message.
  const parent = mail.inReplyTo ? normalizeMessageId(mail.inReplyTo) : null;
  if (parent) {
    options.inReplyTo = parent;
    options.references = [parent];
  }
  const unsubscribe = unsubscribeTargets(mail);
  if (unsubscribe.list.length > 0) {
    // One header listing every target: `List-Unsubscribe: <https://…>, <mailto:…>`.
    options.list = { unsubscribe: [unsubscribe.list] };
    if (unsubscribe.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return options;
}
