/**
 * What every console page gets: the services, the accounts, who is signed in (account, roster person, zone), and
 * helpers to answer with a framed HTML page. Roles are read from the roster at every request, never from the session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { identityKey, type Identity } from '../../core/identity.ts';
import { isValidZone } from '../../core/time.ts';
import type { Services } from '../../main.ts';
import type { Person } from '../../people/roster.ts';
import type * as CorrectionsModule from '../../store/corrections.ts';
import type { WebAccount } from './auth.ts';
import { layout, type Frame, type Viewer } from './layout.ts';
import type { Views } from './views.ts';

declare module 'fastify' {
  interface Session {
    /** The signed-in account name. */
    user?: string;
    /** A message for the next page (after a redirect). */
    flash?: { kind: 'ok' | 'error'; text: string };
  }
  interface FastifyReply {
    /** The console's templates (set on every console request). */
    consoleViews: Views | null;
  }
}

/** The corrections API of src/store/corrections.ts (loaded on first use; tests may pass their own). */
export type Corrections = Pick<typeof CorrectionsModule, 'correctFact' | 'correctionsOf' | 'correctableFields' | 'addFact' | 'removeAddedFact' | 'addedFactsOf' | 'checkAddedFact' | 'describeAdded'>;

/** What the console's routes share. */
export interface ConsoleDeps {
  services: Services;
  accounts: ReadonlyMap<string, WebAccount>;
  /** Account names and roster ids (lower case) of the operators: they may change jobs in Bull Board. */
  operators: ReadonlySet<string>;
  corrections: () => Promise<Corrections>;
  /** The instance's clock (tests fix it). */
  now: () => number;
  /** The console's templates, read once at start. */
  views: Views;
}

/** The signed-in person of a request. */
export interface SignedIn {
  account: WebAccount;
  person: Person | null;
  viewer: Viewer;
  /** May change jobs in Bull Board (`SGBOT_WEB_OPERATORS`, or the demo account); everyone else sees it read-only. */
  operator: boolean;
  /** The identity commands and broadcasts see: `{ channel: 'web', id: <roster person id>, verified: true }`. */
  who: Identity;
}

/** Who is signed in on `req`, or `null`. */
export async function signedIn(deps: ConsoleDeps, req: FastifyRequest): Promise<SignedIn | null> {
  const user = req.session.user;
  const account = user ? deps.accounts.get(user) : undefined;
  if (!account) return null;
  const person = await deps.services.roster.get(account.person);
  const zones = [(req.query as Record<string, unknown> | undefined)?.['tz'], req.cookies['sgbot_tz'], person?.tz, deps.services.config.SGBOT_TZ];
  const operator = deps.operators.has(account.user) || deps.operators.has(account.person);
  const tz = zones.find((z): z is string => typeof z === 'string' && z !== '' && isValidZone(z)) ?? 'UTC';
  return {
    account,
    person,
    viewer: { user: account.user, name: person?.name ?? account.user, secretariat: person?.roles.some((r) => r.kind === 'secretariat') ?? false, operator, tz },
    operator,
    who: { channel: 'web', id: account.person, verified: true },
  };
}

/** The signed-in person; the sign-in hook has made sure there is one. */
export function me(req: FastifyRequest): SignedIn {
  const s = (req as FastifyRequest & { signedIn?: SignedIn }).signedIn;
  if (!s) throw new Error('console route reached without sign-in');
  return s;
}

/** Answer with a framed page. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, frame: Omit<Frame, 'viewer' | 'csrf' | 'flash'> & { flash?: Frame['flash'] }, body: string, status = 200): FastifyReply {
  const s = (req as FastifyRequest & { signedIn?: SignedIn }).signedIn ?? null;
  const flash = frame.flash ?? req.session.flash ?? null;
  if (req.session.flash) delete req.session.flash;
  if (!reply.consoleViews) throw new Error('console page sent without the console templates');
  const html = layout(reply.consoleViews, { ...frame, viewer: s?.viewer ?? null, csrf: reply.generateCsrf(), flash }, body);
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** Redirect after a POST, with a message for the next page. */
export function redirectWith(req: FastifyRequest, reply: FastifyReply, to: string, flash?: { kind: 'ok' | 'error'; text: string }): FastifyReply {
  if (flash) req.session.flash = flash;
  return reply.code(303).redirect(to);
}

/** The form body as a string map (what @fastify/formbody parsed). */
export function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '';
  return out;
}

/** The query as a string map. */
export function query(req: FastifyRequest): Record<string, string> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A page only the secretariat may read: what it is called, and why others may not. */
export interface SecretariatOnly {
  /** Audit action of a refusal (`outbox.refused`). */
  action: string;
  title: string;
  /** Why, completing "Sorry, <name>: …". */
  why: string;
  active: string;
}

/**
 * `false` when the signed-in person holds a secretariat role; else `true`, with the 403 page sent and the attempt
 * audited. (Not the reply itself: a FastifyReply is a thenable, so awaiting it would wait for the send.)
 */
export async function refuseUnlessSecretariat(deps: ConsoleDeps, req: FastifyRequest, reply: FastifyReply, page: SecretariatOnly): Promise<boolean> {
  const s = me(req);
  if (s.viewer.secretariat) return false;
  await deps.services.audit.record({ who: identityKey(s.who), action: page.action, target: req.url.split('?')[0] ?? req.url, result: 'refused', details: { reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
  sendPage(req, reply, { title: page.title, active: page.active }, deps.views.render('refused', { name: s.viewer.name, text: page.why }), 403);
  return true;
}
