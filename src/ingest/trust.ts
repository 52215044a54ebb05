/**
 * Sender trust policy: which domains speak for the study groups (the authorities), which list servers' ARC seals and
 * which DKIM signing domains are believed, which Received: headers were written by our own mail servers, and when a
 * check that failed for a DNS error is made again. Fail-closed: a mail is verified only when the policy says so.
 *
 * The policy is set once per process ({@link configureTrust}); until then it is read from the settings
 * (`SGBOT_TRUST_*`, see `.env.example`) on first use.
 */
import type { DNSResolver } from 'mailauth';

/** What {@link checkSenderAuth} believes. */
export interface TrustPolicy {
  /**
   * `enforce`: DKIM, SPF, DMARC and ARC decide. `demo`: no DNS is asked and every mail counts as verified, its check
   * saying so (for machines without DNS, never for production).
   */
  mode: 'enforce' | 'demo';
  /** Domains (with their subdomains) whose authenticated mail is believed; `*` for every domain. */
  authorities: string[];
  /** List servers (ARC sealing domains) whose ARC seal is believed when it records a DMARC pass for the sender. */
  arcSealers: string[];
  /** DKIM signing domains whose valid signature is believed for the sender, aligned or not (a list server that re-signs). */
  dkimDomains: string[];
  /**
   * Hosts whose Received: headers are ours (the `by` name): the client IP for SPF is read from the topmost of them.
   * Empty: only the topmost Received: header is ours (and internal hops below it, from private addresses).
   */
  receivers: string[];
  /** Minutes after which a check that ended in a DNS error (temperror) is made again, one entry per try. */
  recheckMinutes: number[];
}

/** The safe default: enforce, ITU is the authority, no list server or signing domain believed beyond DMARC. */
export const DEFAULT_TRUST_POLICY: Readonly<TrustPolicy> = Object.freeze({
  mode: 'enforce',
  authorities: ['itu.int'],
  arcSealers: [],
  dkimDomains: [],
  receivers: [],
  recheckMinutes: [5, 30, 120, 720],
});

/** The settings the policy is read from (a subset of the validated config). */
export interface TrustSettings {
  SGBOT_TRUST_MODE: 'enforce' | 'demo';
  SGBOT_TRUST_AUTHORITIES: string[];
  SGBOT_TRUST_ARC_SEALERS: string[];
  SGBOT_TRUST_DKIM_DOMAINS: string[];
  SGBOT_TRUST_RECEIVERS: string[];
  SGBOT_TRUST_RECHECK_MINUTES: number[];
}

/** The policy the settings describe. */
export function trustPolicyOf(settings: TrustSettings): TrustPolicy {
  return {
    mode: settings.SGBOT_TRUST_MODE,
    authorities: settings.SGBOT_TRUST_AUTHORITIES,
    arcSealers: settings.SGBOT_TRUST_ARC_SEALERS,
    dkimDomains: settings.SGBOT_TRUST_DKIM_DOMAINS,
    receivers: settings.SGBOT_TRUST_RECEIVERS,
    recheckMinutes: settings.SGBOT_TRUST_RECHECK_MINUTES,
  };
}

let configured: { policy: TrustPolicy; resolver?: DNSResolver } | null = null;
let fromSettings: Promise<TrustPolicy> | null = null;

/**
 * Set the policy of this process (and, in tests, the DNS the re-checks ask). Called when services are built; a
 * process that never calls it reads the settings on first use.
 */
export function configureTrust(policy: TrustPolicy, opts: { resolver?: DNSResolver } = {}): void {
  const resolver = opts.resolver ?? configured?.resolver;
  configured = { policy, ...(resolver ? { resolver } : {}) };
}

/** The policy of this process: the configured one, else the one the settings give, else {@link DEFAULT_TRUST_POLICY}. */
export async function trustPolicy(): Promise<TrustPolicy> {
  if (configured) return configured.policy;
  fromSettings ??= (async () => {
    try {
      const { loadConfig } = await import('../config.ts');
      return trustPolicyOf(loadConfig());
    } catch {
      // Bad settings stop every entry point when it starts; here, the safe default.
      return { ...DEFAULT_TRUST_POLICY };
    }
  })();
  return fromSettings;
}

/** The DNS resolver configured for re-checks (tests), or `undefined` for the system's. */
export function trustResolver(): DNSResolver | undefined {
  return configured?.resolver;
}

/** Whether `domain` is `base` or below it. */
function within(domain: string, base: string): boolean {
  return domain === base || domain.endsWith(`.${base}`);
}

/** Whether mail from `domain` may speak for the study groups. */
export function isAuthority(policy: TrustPolicy, domain: string | null): boolean {
  if (!domain) return false;
  return policy.authorities.some((a) => a === '*' || within(domain, a));
}

/** Whether `domain` is one of `list` (or below one of them). */
export function inDomainList(list: readonly string[], domain: string | null | undefined): boolean {
  if (!domain) return false;
  const d = domain.toLowerCase();
  return list.some((x) => within(d, x));
}

/** Where the mail entered our servers: the client IP, its HELO name, and the Received: header it was read from. */
export interface ConnectingHop {
  ip: string;
  helo: string | null;
  /** `by` host of the Received: header. */
  by: string | null;
}

/** Loopback, private, link-local and unique-local addresses: hops inside the receiving mail system. */
export function isInternalIp(ip: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
  }
  const v6 = ip.toLowerCase();
  return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/** The Received: headers of a mail, unfolded, topmost (latest) first. */
export function receivedHeaders(raw: Buffer): string[] {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .filter((line) => /^received:/i.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1).trim());
}

/** The envelope sender our server recorded (Return-Path:), for SPF; `null` when there is none (or `<>`). */
export function returnPath(raw: Buffer): string | null {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const m = /^return-path:[ \t]*<?([^\s<>]+@[^\s<>]+)>?/im.exec(end >= 0 ? text.slice(0, end) : text);
  return m?.[1] ?? null;
}

/**
 * The client that handed the mail to our servers, from the topmost trusted Received: header: walking down from the
 * top through headers our servers wrote (`receivers`, or only the topmost when none are configured), past internal
 * hops (private addresses), to the first public address. `null` when none is found: SPF then has nothing to check.
 */
export function connectingHop(raw: Buffer, policy: Pick<TrustPolicy, 'receivers'>): ConnectingHop | null {
  const headers = receivedHeaders(raw);
  for (let i = 0; i < headers.length; i++) {
    const value = headers[i] ?? '';
    const by = /(?:^|\s)by\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null;
    if (policy.receivers.length > 0 ? !inDomainList(policy.receivers, by) : i > 0 && !internalAbove(headers, i)) return null;
    const fromClause = /^\s*from\s+(.*?)(?:\s+by\s+|;|$)/i.exec(value)?.[1] ?? '';
    const ip = /\[(?:IPv6:)?([0-9a-f.:]+)\]/i.exec(fromClause)?.[1] ?? null;
    if (!ip) return null;
    if (isInternalIp(ip)) continue;
    const helo = /^([^\s()]+)/.exec(fromClause)?.[1] ?? null;
    return { ip, helo, by };
  }
  return null;
}

/** Whether every header above position `i` came from an internal address (so header `i` was written by us too). */
function internalAbove(headers: readonly string[], i: number): boolean {
  return headers.slice(0, i).every((h) => {
    const ip = /^\s*from\s+.*?\[(?:IPv6:)?([0-9a-f.:]+)\]/i.exec(h)?.[1];
    return ip !== undefined && isInternalIp(ip);
  });
}
