/**
 * Sign-in and sign-out. Every attempt counts against the account name (five per quarter hour) and the address
 * before the password is checked; once a limit is reached even the right password is refused, with how long is
 * left (`sgbot web unlock ACCOUNT` lifts it). A failed sign-in says only that the name or password is wrong (never
 * which) and is audited; a successful one gets a new session id.
 */
import type { FastifyInstance } from 'fastify';
import { checkLogin, waitText, type LoginLimiter } from '../auth.ts';
import { form, query, sendPage, type ConsoleDeps } from '../context.ts';

/** Where to go after signing in: a console path only (never another site). */
export function safeNext(next: string | undefined): string {
  return next && /^\/console(?:[/?#]|$)/.test(next) && !next.startsWith('//') ? next : '/console';
}

export function registerLogin(app: FastifyInstance, deps: ConsoleDeps, limiter: LoginLimiter): void {
  const loginForm = (csrf: string, next: string, user = '') => deps.views.render('login', { csrf, next, user, noAccounts: deps.accounts.size === 0 });

  app.get('/console/login', (req, reply) => {
    const next = safeNext(query(req)['next']);
    if (req.session.user && deps.accounts.has(req.session.user)) return reply.redirect(next);
    return sendPage(req, reply, { title: 'Sign in to the sgbot console' }, loginForm(reply.generateCsrf(), next));
  });

  app.post('/console/login', async (req, reply) => {
    const f = form(req);
    const user = (f['user'] ?? '').trim().slice(0, 200);
    const next = safeNext(f['next']);
    const refuse = (status: number, text: string) => sendPage(req, reply, { title: 'Sign in to the sgbot console', flash: { kind: 'error', text } }, loginForm(reply.generateCsrf(), next, user), status);
    const turn = await limiter.reserve(req.ip, user);
    if (!turn.ok) {
      reply.header('retry-after', String(turn.retryAfterS));
      return refuse(429, `Too many sign-in attempts. Try again in ${waitText(turn.retryAfterS)} (an operator can lift this with: sgbot web unlock ACCOUNT).`);
    }
    const account = await checkLogin(deps.accounts, user, f['password'] ?? '');
    if (!account) {
      await deps.services.audit.record({ who: `web:${user || '?'}`, action: 'web.login.failed', target: 'console', result: 'refused', details: { ip: req.ip } });
      return refuse(401, 'Wrong account name or password.');
    }
    await limiter.succeeded(req.ip, user);
    await req.session.regenerate();
    req.session.user = account.user;
    await deps.services.audit.record({ who: `web:${account.person}`, action: 'web.login', target: 'console', result: 'ok', details: { account: account.user, ip: req.ip } });
    return reply.code(303).redirect(next);
  });

  app.post('/console/logout', async (req, reply) => {
    await req.session.destroy();
    return reply.code(303).redirect('/console/login');
  });
}
