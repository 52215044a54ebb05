/**
 * Message-IDs for outgoing mail. Pure: no I/O.
 *
 * A message's Message-ID is derived from a stable key (`idKey`), so a retried reminder carries the same Message-ID
 * as the first attempt: receiving servers and mail clients can then recognise the duplicate, and a reply to either
 * copy threads the same way.
 */
import { createHash } from 'node:crypto';

/** A domain name usable on the right of a Message-ID: letters, digits, dots and hyphens (`lists.example.org`). */
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** `true` when `domain` is a plain DNS name that may follow the `@` of a Message-ID. */
export function isMessageIdDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

/**
 * The Message-ID of the message identified by `idKey`: `<sha256-hex(idKey)@domain>`, with the angle brackets.
 * The same key always gives the same id; keys that differ in any character give different ids.
 *
 * @param idKey stable string naming what the message is about, e.g. `reminder:SG20:Q1/20:2027-03-01:7d`
 * @param domain the sender's domain, e.g. `sgbot.example.org`
 * @throws {Error} when `idKey` is empty or `domain` is not a plain domain name
 * @example messageIdFor('reminder:SG20:2027-03-01', 'example.org') // '<9f2c…e1@example.org>' (64 hex digits)
 */
export function messageIdFor(idKey: string, domain: string): string {
  if (idKey.length === 0) throw new Error('messageIdFor: idKey must not be empty');
  if (!isMessageIdDomain(domain)) throw new Error(`messageIdFor: "${domain}" is not a domain name`);
  const hash = createHash('sha256').update(idKey, 'utf8').digest('hex');
  return `<${hash}@${domain.toLowerCase()}>`;
}

/**
 * A Message-ID taken from a received mail, normalised to `<id>` for use in In-Reply-To and References; `null` when
 * it cannot be used safely in a header (empty, whitespace or control characters inside, or nested angle brackets).
 * Lenient on purpose: real mail carries ids without a domain (`<20250101.1234>`), which are still good for
 * threading.
 *
 * @example normalizeMessageId(' abc@example.org ') // '<abc@example.org>'
 * @example normalizeMessageId('<a b@example.org>') // null
 */
export function normalizeMessageId(value: string): string | null {
  const trimmed = value.trim();
  const inner = trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
  if (inner.length === 0 || inner.length > 995) return null;
  // Printable ASCII only, without <, > and space: anything else could break or inject a header line.
  if (!/^[\x21-\x3b\x3d\x3f-\x7e]+$/.test(inner)) return null;
  return `<${inner}>`;
}
