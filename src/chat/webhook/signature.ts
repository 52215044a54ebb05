/**
 * The signatures of the webhook platform, both ways, on Slack's scheme: the HMAC-SHA256, under the shared secret, of
 * `v1:<timestamp>:<raw body>`, sent as `X-Sgbot-Signature: v1=<hex>` with `X-Sgbot-Timestamp: <unix seconds>`. A
 * request is refused when its timestamp is outside the window (a replay of an old capture) or when its signature was
 * already used (a replay within the window, checked by the caller). Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sgbot-signature';
export const TIMESTAMP_HEADER = 'x-sgbot-timestamp';

/** The signature of `body` sent at `timestamp` (unix seconds). */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`v1:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

/** The headers that sign `body` now. */
export function signedHeaders(secret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const ts = Math.floor(nowMs / 1000);
  return { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signBody(secret, ts, body) };
}

/** Why a request's signature is refused, or `null` when it is good. */
export function checkSignature(opts: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined; nowMs: number; windowS: number }): string | null {
  const ts = Number(opts.timestamp);
  if (!opts.timestamp || !Number.isInteger(ts)) return 'no timestamp';
  if (Math.abs(opts.nowMs / 1000 - ts) > opts.windowS) return 'timestamp outside the window';
  if (!opts.signature) return 'no signature';
  const expected = Buffer.from(signBody(opts.secret, ts, opts.body));
  const given = Buffer.from(opts.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'bad signature';
}
