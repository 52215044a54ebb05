/**
 * Signed tokens for the "Done", "Snooze 1 day" and unsubscribe buttons and links of reminders: what to do, for which
 * deadline and recipient, until when — signed with an HMAC-SHA256 of a secret setting, so a link can be followed
 * from a mail client or a chat button without a login, and cannot be forged or altered. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SgbotError } from '../core/errors.ts';

/** `done` and `snooze` act on one deadline; `unsubscribe` stops reminder mail to the recipient. */
export type TokenAction = 'done' | 'snooze' | 'unsubscribe';

export interface ActionToken {
  action: TokenAction;
  /** Deadline key (empty for `unsubscribe`). */
  deadlineKey: string;
  /** `person:<id>`, `slack:C…`… */
  recipient: string;
  /** Epoch seconds after which the token is refused. */
  expires: number;
}

const ACTIONS: Record<string, TokenAction> = { d: 'done', s: 'snooze', u: 'unsubscribe' };
const CODES: Record<TokenAction, string> = { done: 'd', snooze: 's', unsubscribe: 'u' };

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}

/**
 * A token for `t`, URL-safe (`<base64url body>.<base64url mac>`).
 *
 * @example signToken({ action: 'done', deadlineKey: '3f9a…-contributions-0', recipient: 'person:ana@example.org', expires: 2091000000 }, secret)
 */
export function signToken(t: ActionToken, secret: string): string {
  const body = Buffer.from(JSON.stringify([CODES[t.action], t.deadlineKey, t.recipient, t.expires]), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * The token's content, when it was signed with `secret` and has not expired at `now` (epoch ms).
 *
 * @throws SgbotError E_FORBIDDEN when it was altered, forged or signed with another secret; E_USAGE when it expired
 *   or is not a token at all.
 */
export function verifyToken(token: string, secret: string, now: number): ActionToken {
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token.trim());
  if (!m) throw new SgbotError('E_USAGE', 'That is not a reminder link or button value. Copy the whole link from the reminder.');
  const [, body = '', sig = ''] = m;
  // Compare the signature as text: base64url decoding ignores the spare bits of the last character, so comparing the
  // decoded bytes would accept several spellings of one signature.
  const expected = Buffer.from(mac(secret, body).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SgbotError('E_FORBIDDEN', 'This reminder link is not valid here (it was changed, or comes from another sgbot). Use the link of the latest reminder.');
  }
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new SgbotError('E_USAGE', 'That reminder link cannot be read. Use the link of the latest reminder.');
  }
  const [code, deadlineKey, recipient, expires] = Array.isArray(parts) ? (parts as unknown[]) : [];
  const action = ACTIONS[String(code)];
  if (!action || typeof deadlineKey !== 'string' || typeof recipient !== 'string' || typeof expires !== 'number') {
    throw new SgbotError('E_USAGE', 'That reminder link cannot be read. Use the link of the latest reminder.');
  }
  if (expires * 1000 < now) throw new SgbotError('E_USAGE', 'This reminder link has expired (the deadline is long past).');
  return { action, deadlineKey, recipient, expires };
}
