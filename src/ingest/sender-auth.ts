/**
 * Is a mail really from who it says? DKIM, SPF and DMARC with mailauth, reduced to one verdict the bot can act on
 * (an announcement "from TSB" that fails DMARC should not be believed). Never throws: what cannot be checked is
 * `unknown`.
 */

import { authenticate, type AuthenticateOptions, type DNSResolver } from 'mailauth';

/** The result of one mechanism, as Authentication-Results (RFC 8601) writes it. */
export type AuthResult = 'pass' | 'fail' | 'none' | 'neutral' | 'softfail' | 'temperror' | 'permerror' | 'policy';

/** What {@link checkSenderAuth} found. */
export interface SenderAuth {
  /**
   * `pass`: DMARC passes, or (no DMARC policy) a DKIM signature of the From domain verifies;
   * `fail`: DMARC fails, or a signature does not verify, or SPF fails, with nothing that passes;
   * `none`: no signature, no SPF verdict, no DMARC policy: nothing says either way;
   * `unknown`: the check could not be made (DNS failure, unreadable mail).
   */
  verdict: 'pass' | 'fail' | 'none' | 'unknown';
  /** `pass` when any signature verifies, else the result of the first one; `none` for an unsigned mail. */
  dkim: AuthResult;
  /** `none` when no client IP was given (SPF needs the IP the mail came from). */
  spf: AuthResult;
  dmarc: AuthResult;
  /** Domains of the DKIM signatures that verify. */
  dkimDomains: string[];
  /** Domain of the From address, or `null`. */
  fromDomain: string | null;
  /** One line for people: `DKIM pass (itu.int), SPF none (no client IP), DMARC pass → pass`. */
  summary: string;
}

/** Options of {@link checkSenderAuth}: where the mail came from, and how to ask DNS. */
export interface SenderAuthOptions {
  /** DNS lookups (`(name, 'TXT') => records`); the system resolver when not given. Tests pass a local one. */
  resolver?: DNSResolver;
  /** Name of the receiving server, written in the results; `sgbot` by default. */
  mta?: string;
  /** IP address of the server that delivered the mail (for SPF). */
  ip?: string;
  /** Its HELO/EHLO name. */
  helo?: string;
  /** Envelope sender (MAIL FROM); the Return-Path header by default. */
  sender?: string;
}

const KNOWN: ReadonlySet<string> = new Set(['pass', 'fail', 'none', 'neutral', 'softfail', 'temperror', 'permerror', 'policy']);

/**
 * Checks DKIM, SPF (when `opts.ip` is given) and DMARC of a raw mail. Never throws.
 *
 * @example
 * const auth = await checkSenderAuth(raw, { ip: '192.0.2.10', helo: 'mail.itu.int' });
 * if (auth.verdict === 'fail') quarantine(raw, auth.summary);
 */
export async function checkSenderAuth(raw: Buffer, opts: SenderAuthOptions = {}): Promise<SenderAuth> {
  const options: AuthenticateOptions = {
    mta: opts.mta ?? 'sgbot',
    disableArc: true,
    disableBimi: true,
    ...(opts.resolver !== undefined ? { resolver: opts.resolver } : {}),
    ...(opts.ip !== undefined ? { ip: opts.ip } : {}),
    ...(opts.helo !== undefined ? { helo: opts.helo } : {}),
    ...(opts.sender !== undefined ? { sender: opts.sender } : {}),
  };
  let result: Awaited<ReturnType<typeof authenticate>>;
  try {
    result = await authenticate(raw, options);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return unknown(`The mail could not be checked (${why}).`);
  }
  const signatures = result.dkim?.results ?? [];
  const passing = signatures.filter((s) => s.status.result === 'pass');
  const first = signatures[0];
  const dkim: AuthResult = passing.length > 0 ? 'pass' : first !== undefined ? signatureResult(first.status) : 'none';
  const spf: AuthResult = opts.ip === undefined ? 'none' : code(result.spf ? result.spf.status.result : undefined);
  const dmarc: AuthResult = result.dmarc ? code(result.dmarc.status.result) : 'none';
  const fromDomain = domainOf(result.dkim?.headerFrom);
  const dkimDomains = [...new Set(passing.map((s) => s.signingDomain.toLowerCase()))];
  const alignedDkim = passing.some((s) => Boolean(s.status.aligned));

  let verdict: SenderAuth['verdict'];
  if (dmarc === 'pass') verdict = 'pass';
  else if (dmarc === 'fail') verdict = 'fail';
  else if ([dkim, spf, dmarc].includes('temperror')) verdict = 'unknown';
  else if (alignedDkim) verdict = 'pass';
  else if (dkim === 'fail' || dkim === 'permerror' || spf === 'fail' || dmarc === 'permerror') verdict = 'fail';
  else verdict = 'none';

  const domains = dkimDomains.length > 0 ? ` (${dkimDomains.join(', ')})` : '';
  const spfNote = opts.ip === undefined ? ' (no client IP)' : '';
  const summary = `DKIM ${dkim}${domains}, SPF ${spf}${spfNote}, DMARC ${dmarc} → ${verdict}`;
  return { verdict, dkim, spf, dmarc, dkimDomains, fromDomain, summary };
}

/**
 * mailauth reports a body that does not match its signature's hash (the mail was changed after signing) as
 * `neutral`; RFC 6376 (6.1.3) makes it a permanent failure, and so does the verdict.
 */
function signatureResult(status: { result: string; comment?: string }): AuthResult {
  if (status.result === 'neutral' && /body hash did not verify/i.test(status.comment ?? '')) return 'fail';
  return code(status.result);
}

function code(value: string | undefined): AuthResult {
  if (value === 'temperr') return 'temperror';
  return value !== undefined && KNOWN.has(value) ? (value as AuthResult) : 'none';
}

function domainOf(headerFrom: unknown): string | null {
  const first: unknown = Array.isArray(headerFrom) ? headerFrom[0] : headerFrom;
  if (typeof first !== 'string') return null;
  const at = first.lastIndexOf('@');
  return at >= 0 ? first.slice(at + 1).replace(/>.*$/, '').toLowerCase() : null;
}

function unknown(why: string): SenderAuth {
  return {
    verdict: 'unknown',
    dkim: 'none',
    spf: 'none',
    dmarc: 'none',
    dkimDomains: [],
    fromDomain: null,
    summary: `${why} Verdict: unknown.`,
  };
}
