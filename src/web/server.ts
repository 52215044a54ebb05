/**
 * The web side of sgbot, as far as it goes today: the pages behind the links in reminder mails (done, snooze,
 * unsubscribe, RFC 8058 one-click), a page per document (the default target of source links), and health checks.
 * A link opened with GET only shows what it will do and a button: mail scanners open links, so only a POST acts.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { isSgbotError } from '../core/errors.ts';
import { readHeartbeats } from '../health.ts';
import { KIND_LABELS } from '../core/labels.ts';
import { formatDeadline } from '../core/time.ts';
import { escapeHtml } from '../mail/html.ts';
import type { Services } from '../main.ts';
import { acknowledgeReminder, snoozeReminder, unsubscribeReminders } from '../reminders/index.ts';

const ACTIONS = {
  done: { title: 'Mark this deadline as done', button: 'Yes, it is done', run: acknowledgeReminder },
  snooze: { title: 'Remind me again tomorrow', button: 'Snooze for a day', run: snoozeReminder },
  unsubscribe: { title: 'Stop reminder mail', button: 'Stop reminder mail', run: unsubscribeReminders },
} as const;
type ActionName = keyof typeof ACTIONS;

function page(title: string, body: string, status = 200): { status: number; html: string } {
  return {
    status,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · sgbot</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  };
}

/** Build the server (not listening): routes for reminder links, documents and health. */
export function createWebServer(services: Services): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  // Forms and one-click unsubscribe post `application/x-www-form-urlencoded`; the token travels in the query.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, new URLSearchParams(String(body))));

  const send = (reply: { status: number; html: string }, res: { code(n: number): { type(t: string): { send(b: string): unknown } } }) => res.code(reply.status).type('text/html; charset=utf-8').send(reply.html);

  app.get<{ Params: { action: string }; Querystring: { token?: string } }>('/reminders/:action', (req, res) => {
    const action = ACTIONS[req.params.action as ActionName];
    const token = req.query.token ?? '';
    if (!action || !token) return send(page('Not a reminder link', '<p>This link is incomplete. Open it again from the reminder mail.</p>', 404), res);
    const form = `<form method="post" action="/reminders/${escapeHtml(req.params.action)}?token=${encodeURIComponent(token)}"><button type="submit">${escapeHtml(action.button)}</button></form>`;
    return send(page(action.title, `<p>Press the button to confirm.</p>${form}`), res);
  });

  app.post<{ Params: { action: string }; Querystring: { token?: string } }>('/reminders/:action', async (req, res) => {
    const action = ACTIONS[req.params.action as ActionName];
    const token = req.query.token ?? (req.body instanceof URLSearchParams ? req.body.get('token') : null) ?? '';
    if (!action || !token) return send(page('Not a reminder link', '<p>This link is incomplete. Open it again from the reminder mail.</p>', 404), res);
    try {
      const result = await action.run(services.reminders, token, 'web');
      const items = result.reply.sections.flatMap((s) => s.items).map((i) => `<li>${escapeHtml(i.text)}${i.detail ? `<br><small>${escapeHtml(i.detail)}</small>` : ''}</li>`);
      return send(page(result.reply.title, items.length ? `<ul>${items.join('')}</ul>` : ''), res);
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      return send(page('This link cannot be used', `<p>${escapeHtml(err.message)}</p>`, err.code === 'E_NOT_FOUND' ? 404 : 400), res);
    }
  });

  app.get<{ Params: { id: string } }>('/doc/:id', async (req, res) => {
    const doc = /^[0-9a-f]{8,40}$/.test(req.params.id) ? await services.store.getDocument(req.params.id) : null;
    if (!doc) return send(page('No such document', '<p>This document is not stored (or the link is wrong).</p>', 404), res);
    const p = doc.parsed;
    const facts = [
      `${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}${p.date ? `, dated ${p.date}` : ''}`,
      ...(p.meeting ? [`Meeting ${p.meeting.start} to ${p.meeting.end}${p.meeting.place ? `, ${p.meeting.place}` : ''}`] : []),
      ...p.deadlines.map((d) => `Deadline ${formatDeadline(d, services.config.SGBOT_TZ)}: ${d.action}`),
      ...(doc.supersededBy ? [`Superseded by a later revision (${doc.supersededBy.slice(0, 12)}).`] : []),
    ];
    const text = (await services.store.getText(doc.id)) ?? '';
    return send(page(p.reference ?? p.title ?? `Document ${doc.id.slice(0, 12)}`, `<ul>${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul><pre style="white-space:pre-wrap">${escapeHtml(text)}</pre>`), res);
  });

  app.get('/healthz', () => ({ ok: true }));
  // Ready when Redis answers and no mailbox a worker reads is failing (from the workers' heartbeats).
  app.get('/readyz', async (_req, res) => {
    try {
      await services.redis.ping();
    } catch (err) {
      return res.code(503).send({ ok: false, redis: (err as Error).message });
    }
    const beats = await readHeartbeats(services.redis, services.config.SGBOT_PREFIX);
    const imap = beats.filter((b) => b.component === 'imap').map((b) => ({ id: b.id, status: String(b.state.status), lastError: b.state.lastError ?? null }));
    const failing = imap.filter((m) => m.status === 'auth-failed' || m.status === 'backoff');
    const body = { ok: failing.length === 0, redis: 'ok', workers: beats.filter((b) => b.component === 'worker').length, imap };
    return failing.length ? res.code(503).send(body) : body;
  });
  return app;
}
