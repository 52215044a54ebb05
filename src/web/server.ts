/**
 * The web side of sgbot: the pages behind the links in reminder mails (done, snooze, unsubscribe, RFC 8058
 * one-click), a page per document (the default target of source links), health checks, and the secretariat's
 * console under /console (src/web/console/: sign-in, CSRF, pages, Bull Board).
 * A link opened with GET only shows what it will do and a button: mail scanners open links, so only a POST acts.
 * Public without sign-in: /reminders/*, /doc/:id, /healthz, /readyz, /metrics and the calendar feeds /ical/*.
 */
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { KIND_LABELS } from '../core/labels.ts';
import { formatDeadline, formatRange } from '../core/time.ts';
import { escapeHtml } from '../mail/html.ts';
import type { Services } from '../main.ts';
import { describeDocument } from '../store/titles.ts';
import { registerConsole, type ConsoleOptions } from './console/index.ts';
import { registerIcalRoutes } from './ical.ts';
import { linkPage, registerLinkPages } from './links.ts';
import { registerOpsRoutes } from './ops.ts';

/** Nothing but this origin: document text can never run as script. Bull Board's pages add inline styles and fonts. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Options of {@link createWebServer}. */
export interface WebServerOptions {
  /** Console accounts besides those of `SGBOT_WEB_ACCOUNTS`, with password hashes. */
  accounts?: ConsoleOptions['accounts'];
  /**
   * A demo account with its password in clear (made per run by the embedded `npm start`; src/cli/start.ts); its
   * name is also its roster person id. Hashed when the server starts; `null` for none.
   */
  demoAccount?: ConsoleOptions['demoAccount'];
  /** Console operators besides those of `SGBOT_WEB_OPERATORS`: they may change jobs in Bull Board. */
  operators?: ConsoleOptions['operators'];
  /** Leave out the console (only links, documents and health). */
  console?: boolean;
  /** The corrections API (tests); by default src/store/corrections.ts. */
  corrections?: ConsoleOptions['corrections'];
  /** Clock of time-relative console pages (tests). */
  now?: ConsoleOptions['now'];
}

/**
 * Build the server (not listening): routes for reminder links, documents, health and the console. Plugins load on
 * `ready()`/`listen()`; more routes (metrics, iCal feeds) may be registered on the result before that.
 */
export function createWebServer(services: Services, opts: WebServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024, trustProxy: false });
  // Forms and one-click unsubscribe post `application/x-www-form-urlencoded`; a reminder token travels in the query.
  void app.register(fastifyFormbody);
  // Security headers on every answer (@fastify/helmet): the CSP above, nosniff, no framing, same-origin referrers;
  // HSTS only where sgbot is served over https.
  void app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: services.config.SGBOT_PUBLIC_URL.startsWith('https:'),
  });
  const send = (status: number, html: string, res: FastifyReply) => res.code(status).type('text/html; charset=utf-8').send(html);
  registerLinkPages(app, services);

  app.get<{ Params: { id: string } }>('/doc/:id', async (req, res) => {
    const doc = /^[0-9a-f]{8,40}$/.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return send(404, linkPage('No such document', '<p>This document is not stored (or the link is wrong).</p>'), res);
    const p = doc.parsed;
    const facts = [
      `${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}${p.date ? `, dated ${formatRange(p.date, p.date)}` : ''}`,
      ...(p.meeting ? [`Meeting ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}`] : []),
      ...p.deadlines.map((d) => `Deadline ${formatDeadline(d, services.config.SGBOT_TZ)}: ${d.action}`),
      ...(doc.supersededBy ? [`Superseded by a later revision (${doc.supersededBy.slice(0, 12)}).`] : []),
    ];
    const text = (await services.store.getText(doc.id)) ?? '';
    return send(200, linkPage(p.reference ?? p.title ?? describeDocument(p, doc.source), `<ul>${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul><pre>${escapeHtml(text)}</pre>`), res);
  });

  // The address `npm start` prints: the console (its sign-in page when signed out).
  app.get('/', (_req, res) => res.redirect('/console'));
  // Public: health and metrics for operators and their monitoring; calendar feeds for delegates' calendar clients.
  registerOpsRoutes(app, { redis: services.redis, metrics: services.metrics });
  registerIcalRoutes(app, { store: services.store, publicUrl: services.config.SGBOT_PUBLIC_URL, docUrl: services.config.SGBOT_DOC_URL ?? null });
  if (opts.console !== false) {
    const { accounts, demoAccount, corrections, now, operators } = opts;
    void app.register((scope) => registerConsole(scope, services, { accounts, demoAccount, corrections, now, operators }));
  }
  return app;
}
