/**
 * The web console for the secretariat, under /console: sign-in (settings-defined accounts, sessions in Redis),
 * CSRF tokens on every form, and the pages (deadlines, documents and corrections, reminders, broadcasts, chat,
 * quarantine, outbox, audit, queues). No console page is usable without sign-in: a GET is sent to the sign-in page,
 * anything else is refused with 403. Actions that change things check the roster role at the action.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSgbotError } from '../../core/errors.ts';
import type { Services } from '../../main.ts';
import { hashPassword, LoginLimiter, type WebAccount } from './auth.ts';
import { signedIn, sendPage, type ConsoleDeps, type Corrections, type SignedIn } from './context.ts';
import { CONSOLE_CSS, CONSOLE_JS } from './layout.ts';
import { loadViews } from './views.ts';
import { registerAudit } from './pages/audit.ts';
import { registerBroadcasts } from './pages/broadcasts.ts';
import { registerChat } from './pages/chat.ts';
import { registerDeadlines } from './pages/deadlines.ts';
import { registerDocuments } from './pages/documents.ts';
import { registerHome } from './pages/home.ts';
import { registerLogin } from './pages/login.ts';
import { registerOutbox } from './pages/outbox.ts';
import { registerQuarantine } from './pages/quarantine.ts';
import { OPERATOR_QUEUES_PATH, QUEUES_PATH, registerQueues } from './pages/queues.ts';
import { registerCorrectionGuard } from './guards.ts';
import { registerReminders } from './pages/reminders.ts';
import { RedisSessionStore, sessionSecret } from './session-store.ts';

/** Options of the console. */
export interface ConsoleOptions {
  /** Accounts besides (or instead of, when the setting is empty) those of `SGBOT_WEB_ACCOUNTS`, e.g. a demo account. */
  accounts?: WebAccount[] | undefined;
  /** A demo account with its password in clear (hashed here); its name is also its roster person id. */
  demoAccount?: { user: string; password: string } | null | undefined;
  /** Operators besides those of `SGBOT_WEB_OPERATORS` (account names or roster ids); the demo account is one. */
  operators?: string[] | undefined;
  /** The corrections API; by default src/store/corrections.ts. */
  corrections?: Corrections | undefined;
  /** Clock for time-relative pages (tests). */
  now?: (() => number) | undefined;
}

/** Routes under /console reachable without sign-in (by their route pattern, not the raw URL). */
function isPublic(req: FastifyRequest): boolean {
  const route = req.routeOptions.url ?? '';
  return route === '/console/login' || route.startsWith('/console/assets/');
}

/** Bull Board's routes, both boards (it checks its own calls by origin instead of a form token). */
function isQueues(req: FastifyRequest): boolean {
  const route = req.routeOptions.url ?? '';
  return route.startsWith(QUEUES_PATH) || route.startsWith(OPERATOR_QUEUES_PATH);
}

/** Bull Board's pages need inline styles and data: fonts beside the console's policy (the server's, via helmet). */
const CSP_QUEUES = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Register the console's routes on `app` (an encapsulated plugin: its session and hooks stay under /console). */
export async function registerConsole(app: FastifyInstance, services: Services, opts: ConsoleOptions = {}): Promise<void> {
  const { config } = services;
  const accounts = new Map<string, WebAccount>();
  const demo = opts.demoAccount ? [{ user: opts.demoAccount.user, person: opts.demoAccount.user, hash: await hashPassword(opts.demoAccount.password) }] : [];
  for (const a of [...config.SGBOT_WEB_ACCOUNTS, ...(opts.accounts ?? []), ...demo]) accounts.set(a.user.toLowerCase(), { ...a, user: a.user.toLowerCase(), person: a.person.toLowerCase() });
  let corrections: Promise<Corrections> | null = opts.corrections ? Promise.resolve(opts.corrections) : null;
  const operators = new Set(
    [...config.SGBOT_WEB_OPERATORS, ...(opts.operators ?? []), ...(opts.demoAccount ? [opts.demoAccount.user] : [])].map((o) => o.trim().toLowerCase()).filter(Boolean),
  );
  const deps: ConsoleDeps = {
    services,
    accounts,
    operators,
    corrections: () => (corrections ??= import('../../store/corrections.ts')),
    now: opts.now ?? Date.now,
    views: loadViews(),
  };
  const ttlS = config.SGBOT_WEB_SESSION_HOURS * 3600;
  const secure = config.SGBOT_PUBLIC_URL.startsWith('https:');

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: await sessionSecret(services.redis, config.SGBOT_PREFIX, config.SGBOT_WEB_SESSION_SECRET),
    cookieName: 'sgbot_session',
    cookie: { path: '/console', httpOnly: true, sameSite: 'lax', secure, maxAge: ttlS * 1000 },
    store: new RedisSessionStore(services.redis, config.SGBOT_PREFIX, ttlS),
    saveUninitialized: false,
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  app.decorateRequest('signedIn', null);
  app.decorateReply('consoleViews', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.consoleViews = deps.views;
    // The other security headers come from the server's helmet; Bull Board's pages need a policy of their own.
    if (isQueues(req)) reply.header('content-security-policy', CSP_QUEUES);
    reply.header('cache-control', 'no-store');
    if (isPublic(req)) return;
    const s: SignedIn | null = await signedIn(deps, req);
    if (!s) {
      if (req.method === 'GET' || req.method === 'HEAD') return reply.code(302).redirect(`/console/login?next=${encodeURIComponent(req.url)}`);
      return reply.code(403).type('text/plain; charset=utf-8').send('Sign in first: this console is for the secretariat.');
    }
    (req as FastifyRequest & { signedIn?: SignedIn }).signedIn = s;
  });
  // Every form POST carries the session's CSRF token (Bull Board's own API calls are checked by origin instead).
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method !== 'POST' || isQueues(req)) return done();
    app.csrfProtection(req, reply, done);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code === 'FST_CSRF_MISSING_SECRET' || err.code === 'FST_CSRF_INVALID_TOKEN') {
      return sendPage(req, reply, { title: 'This form has expired' }, deps.views.render('message', { text: 'The form did not carry a valid security token (it is older than your session, or it did not come from this console). Go back, reload the page and try again.' }), 403);
    }
    if (isSgbotError(err)) {
      const status = err.code === 'E_NOT_FOUND' ? 404 : err.code === 'E_FORBIDDEN' ? 403 : err.code === 'E_USAGE' ? 400 : err.code === 'E_BUSY' ? 409 : 500;
      return sendPage(req, reply, { title: 'That did not work' }, deps.views.render('message', { text: err.message }), status);
    }
    if (typeof err.statusCode === 'number' && err.statusCode < 500) return reply.code(err.statusCode).type('text/plain; charset=utf-8').send(err.message);
    services.log.error({ err: err.message, url: req.url.split('?')[0], method: req.method }, 'console error');
    return reply.code(500).type('text/plain; charset=utf-8').send('Something went wrong on our side; it has been logged.');
  });

  app.get('/console/assets/console.css', (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSOLE_CSS));
  app.get('/console/assets/console.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSOLE_JS));

  registerLogin(app, deps, new LoginLimiter(services.redis, config.SGBOT_PREFIX));
  registerHome(app, deps);
  registerDeadlines(app, deps);
  registerCorrectionGuard(app, deps);
  registerDocuments(app, deps);
  registerReminders(app, deps);
  registerBroadcasts(app, deps);
  registerChat(app, deps);
  registerQuarantine(app, deps);
  registerOutbox(app, deps);
  registerAudit(app, deps);
  await registerQueues(app, deps);
}
