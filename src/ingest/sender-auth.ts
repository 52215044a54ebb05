/**
 * Is a mail really from who it says, and may it speak for the study groups? DKIM, SPF, DMARC and ARC with mailauth,
 * reduced to one verdict the bot acts on. Fail-closed (RFC 7489): a mail is verified only when DMARC passes with an
 * aligned identifier (or a list server the policy names sealed it with ARC recording such a pass, or a signing
 * domain the policy names signed it) and its From domain is an authority of the policy (`src/ingest/trust.ts`).
 * Unsigned mail, DNS errors and failures are all unverified; a DNS error is re-checked later. Never throws.
 */

import { authenticate, type AuthenticateOptions, type DNSResolver } from 'mailauth';
import { connectingHop, inDomainList, isAuthority, returnPath, trustPolicy, trustResolver, type TrustPolicy } from './trust.ts';

/** The result of one mechanism, as Authentication-Results (RFC 8601) writes it. */
export type AuthResult = 'pass' | 'fail' | 'none' | 'neutral' | 'softfail' | 'temperror' | 'permerror' | 'policy';

/**
 * The verdict:
 * - `pass`: verified — see the module comment;
 * - `fail`: DMARC fails, a signature does not verify, SPF fails, or a DMARC record is broken, with nothing believed
 *   that passes. A DNS error elsewhere never turns a failure into anything else;
 * - `temperror`: nothing failed, but a DNS lookup did not answer: checked again later;
 * - `untrusted`: the sender is authenticated, but its domain is not an authority of the policy;
 * - `none`: nothing says either way (unsigned, no DMARC policy, SPF not conclusive);
 * - `unknown`: the mail could not be checked at all (unreadable).
 * Only `pass` is verified.
 */
export type SenderVerdict = 'pass' | 'fail' | 'temperror' | 'untrusted' | 'none' | 'unknown';

/** What {@link checkSenderAuth} found. */
export interface SenderAuth {
  verdict: SenderVerdict;
  /** `pass` when any signature verifies, else the result of the first one; `none` for an unsigned mail. */
  dkim: AuthResult;
  /** `none` when no client IP is known (from the options or a trusted Received: header). */
  spf: AuthResult;
  dmarc: AuthResult;
  /** ARC chain: `pass`, `fail` or `none`; `none` when ARC was not looked at. */
  arc: AuthResult;
  /** Domains of the DKIM signatures that verify. */
  dkimDomains: string[];
  /** Domain of the From address, or `null`. */
  fromDomain: string | null;
  /** The client IP SPF was checked for, or `null`. */
  ip: string | null;
  /** What made it verified: an aligned DMARC pass, a believed ARC seal, a believed signing domain, or demo mode. */
  via: 'dmarc' | 'arc' | 'dkim' | 'demo' | null;
  /** Why, one clause per mechanism: `no DKIM signature`, `SPF softfail from 203.0.113.5`, `DMARC none`. */
  reasons: string[];
  /** One line for people: the reasons and the verdict. */
  summary: string;
}

/** Options of {@link checkSenderAuth}: where the mail came from, how to ask DNS, and what to believe. */
export interface SenderAuthOptions {
  /** DNS lookups (`(name, 'TXT') => records`); the configured one, else the system resolver. Tests pass a local one. */
  resolver?: DNSResolver;
  /** Name of the receiving server, written in the results; `sgbot` by default. */
  mta?: string;
  /** IP address of the server that delivered the mail (for SPF); read from the trusted Received: headers by default. */
  ip?: string;
  /** Its HELO/EHLO name. */
  helo?: string;
  /** Envelope sender (MAIL FROM); the Return-Path: header by default. */
  sender?: string;
  /** The trust policy; the process's ({@link trustPolicy}) by default. */
  policy?: TrustPolicy;
}

const KNOWN: ReadonlySet<string> = new Set(['pass', 'fail', 'none', 'neutral', 'softfail', 'temperror', 'permerror', 'policy']);

/**
 * Checks DKIM, SPF, DMARC and ARC of a raw mail and applies the trust policy. Never throws.
 *
 * @example
 * const auth = await checkSenderAuth(raw);
 * if (auth.verdict !== 'pass') markUnverified(auth.summary);
 */
export async function checkSenderAuth(raw: Buffer, opts: SenderAuthOptions = {}): Promise<SenderAuth> {
  const policy = opts.policy ?? (await trustPolicy());
  if (policy.mode === 'demo') return demo();
  const resolver = opts.resolver ?? trustResolver();
  let hop: { ip: string; helo: string | null } | null = null;
  try {
    hop = opts.ip !== undefined ? { ip: opts.ip, helo: opts.helo ?? null } : Buffer.isBuffer(raw) ? connectingHop(raw, policy) : null;
  } catch {
    hop = null;
  }
  const sender = opts.sender ?? (Buffer.isBuffer(raw) ? returnPath(raw) : null);
  const options: AuthenticateOptions = {
    mta: opts.mta ?? 'sgbot',
    disableBimi: true,
    ...(resolver !== undefined ? { resolver } : {}),
    ...(hop ? { ip: hop.ip } : {}),
    ...(hop?.helo ? { helo: hop.helo } : {}),
    ...(sender ? { sender } : {}),
  };
  let result: Awaited<ReturnType<typeof authenticate>>;
  try {
    result = await authenticate(raw, options);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return unknown(`the mail could not be checked (${why})`);
  }
  const signatures = result.dkim?.results ?? [];
  const passing = signatures.filter((s) => s.status.result === 'pass');
  const first = signatures[0];
  const dkim: AuthResult = passing.length > 0 ? 'pass' : first !== undefined ? signatureResult(first.status) : 'none';
  const spf: AuthResult = hop ? code(result.spf ? result.spf.status.result : undefined) : 'none';
  const dmarc: AuthResult = result.dmarc ? code(result.dmarc.status.result) : 'none';
  const arcResult = result.arc ? code(result.arc.status.result) : 'none';
  const fromDomain = domainOf(result.dkim?.headerFrom);
  const dkimDomains = [...new Set(passing.map((s) => s.signingDomain.toLowerCase()))];

  // Authenticated by an aligned DMARC pass, by a believed list server's ARC seal that recorded one, or by a believed
  // signing domain.
  const sealer = arcSealer(result.arc);
  const arcDmarc = arcRecordedDmarc(result.arc);
  const arcBelieved = arcResult === 'pass' && inDomainList(policy.arcSealers, sealer) && arcDmarc.result === 'pass' && arcDmarc.from !== null && arcDmarc.from === fromDomain;
  const dkimBelieved = dkimDomains.find((d) => inDomainList(policy.dkimDomains, d)) ?? null;
  const via: SenderAuth['via'] = dmarc === 'pass' ? 'dmarc' : arcBelieved ? 'arc' : dkimBelieved ? 'dkim' : null;

  let verdict: SenderVerdict;
  if (via !== null) verdict = isAuthority(policy, fromDomain) ? 'pass' : 'untrusted';
  else if (dmarc === 'fail' || dmarc === 'permerror' || dkim === 'fail' || dkim === 'permerror' || spf === 'fail') verdict = 'fail';
  else if ([dkim, spf, dmarc].includes('temperror')) verdict = 'temperror';
  else verdict = 'none';

  const reasons: string[] = [];
  if (dkim === 'none') reasons.push('no DKIM signature');
  else if (dkim === 'pass') reasons.push(`DKIM pass (${dkimDomains.join(', ')})`);
  else reasons.push(`DKIM ${dkim}${first?.signingDomain ? ` (${first.signingDomain.toLowerCase()})` : ''}`);
  reasons.push(hop ? `SPF ${spf} from ${hop.ip}` : 'SPF not checked (no client IP in a trusted Received: header)');
  reasons.push(`DMARC ${dmarc}${fromDomain ? ` for ${fromDomain}` : ''}`);
  if (arcResult !== 'none') reasons.push(`ARC ${arcResult}${sealer ? ` sealed by ${sealer}` : ''}${arcBelieved ? ' (believed)' : ''}`);
  if (via === 'dkim') reasons.push(`signed by ${dkimBelieved ?? ''}, a believed signing domain`);
  if (verdict === 'untrusted') reasons.push(`${fromDomain ?? 'the sender'} is not an authority (SGBOT_TRUST_AUTHORITIES)`);
  if (verdict === 'temperror') reasons.push('a DNS lookup failed: checked again later');
  const summary = `${reasons.join('; ')} → ${verdict === 'pass' ? 'verified' : `unverified (${verdict})`}`;
  return { verdict, dkim, spf, dmarc, arc: arcResult, dkimDomains, fromDomain, ip: hop?.ip ?? null, via, reasons, summary };
}

/** Whether a verdict lets the mail's facts act (reminders, calendars, revisions). */
export function isVerifiedVerdict(verdict: string): boolean {
  return verdict === 'pass';
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

/** The signing domain of the latest ARC set (its message signature), lower case. */
function arcSealer(arc: unknown): string | null {
  const sig = arc ? (arc as { signature?: { signingDomain?: unknown } }).signature : undefined;
  return typeof sig?.signingDomain === 'string' ? sig.signingDomain.toLowerCase() : null;
}

/** The DMARC result the latest ARC set recorded, with the From domain it was for. */
function arcRecordedDmarc(arc: unknown): { result: string | null; from: string | null } {
  const ar = arc ? (arc as { authenticationResults?: { dmarc?: { result?: unknown; header?: { from?: unknown } } } }).authenticationResults : undefined;
  const result = typeof ar?.dmarc?.result === 'string' ? ar.dmarc.result : null;
  const from = typeof ar?.dmarc?.header?.from === 'string' ? ar.dmarc.header.from.toLowerCase() : null;
  return { result, from };
}

function domainOf(headerFrom: unknown): string | null {
  const first: unknown = Array.isArray(headerFrom) ? headerFrom[0] : headerFrom;
  if (typeof first !== 'string') return null;
  const at = first.lastIndexOf('@');
  return at >= 0 ? first.slice(at + 1).replace(/>.*$/, '').toLowerCase() : null;
}

function demo(): SenderAuth {
  const reasons = ['demo mode (SGBOT_TRUST_MODE=demo): the sender was not checked'];
  return { verdict: 'pass', dkim: 'none', spf: 'none', dmarc: 'none', arc: 'none', dkimDomains: [], fromDomain: null, ip: null, via: 'demo', reasons, summary: `${reasons[0]} → verified` };
}

function unknown(why: string): SenderAuth {
  return { verdict: 'unknown', dkim: 'none', spf: 'none', dmarc: 'none', arc: 'none', dkimDomains: [], fromDomain: null, ip: null, via: null, reasons: [why], summary: `${why} → unverified (unknown)` };
}
